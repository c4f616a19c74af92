import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { UPDATE_STATUSES } from "~/domain/enums";
import { formatDate } from "~/domain/i18n";
import { CheckboxField, ErrorList, ErrorSummary, EvidenceFileField, FormIdField, SelectField, SubmitButton, TextField, TextareaField } from "./forms";
import { useLocale, useT } from "./i18n";
import { progressUpdateForm } from "~/domain/schemas/constraints/progress-update.generated";
import { ProgressWarning } from "./progress-warning";
import { useValidatedForm } from "./use-lazy-validation";

/** The Conform id of the progress form: what a draft kept when the session ended is restored into. */
export const PROGRESS_FORM_ID = "progress-update";

/** Posting a progress update: works as a plain multipart form post without JavaScript. */
export function ProgressForm({
  today,
  lastResult,
  filesDropped,
  previous,
  defaultValue,
  currentProgress,
  units = [],
}: {
  /** the active government units a new obstacle may wait on */
  units?: { id: string; name: string; abbreviation: string | null }[];
  /** the item's progress now: a drop or a sharp jump from it is pointed out (never refused) */
  currentProgress?: number | null;
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
  filesDropped?: boolean;
  previous: { id: string; reportedOn: Date | string; progress: number }[];
  defaultValue: Record<string, string | string[] | null | undefined>;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useValidatedForm(progressUpdateForm, {
    id: PROGRESS_FORM_ID,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  }, new Date(today));
  const optional = (label: string) => `${label} (${t("form.optional")})`;
  const labels: Record<string, string> = {
    reportedOn: t("progress.reportedOn"),
    progress: t("progress.percent"),
    status: t("progress.status"),
    narrative: t("progress.narrative"),
    achievements: t("progress.achievements"),
    nextSteps: t("progress.nextSteps"),
    correctsId: t("progress.corrects"),
    links: t("progress.links"),
    files: t("progress.files"),
    obstacleDescription: t("obstacle.description"),
    obstacleOwner: t("obstacle.owner"),
    obstacleDueDate: t("obstacle.dueDate"),
    obstacleUnitId: t("obstacle.waitingOnUnit"),
  };
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="post-update" />
      <FormIdField formId={form.id} />
      <ErrorSummary form={form} labelFor={(name) => labels[name]} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("progress.reportedOn")} field={fields.reportedOn} type="date" />
        <TextField label={t("progress.percent")} field={fields.progress} type="number" />
        <SelectField
          label={t("progress.status")}
          field={fields.status}
          placeholder=""
          options={UPDATE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      <ProgressWarning previous={currentProgress} value={fields.progress.value} />
      <TextareaField label={t("progress.narrative")} field={fields.narrative} rows={4} />
      <TextareaField label={optional(t("progress.achievements"))} field={fields.achievements} />
      {/* a new obstacle has one place: the fieldset below (carried forward until resolved) */}
      <TextareaField label={optional(t("progress.nextSteps"))} field={fields.nextSteps} />
      {previous.length ? (
        <div>
          <SelectField
            label={optional(t("progress.corrects"))}
            field={fields.correctsId}
            placeholder={t("item.none")}
            options={previous.map((p) => ({ value: p.id, label: `${formatDate(p.reportedOn, locale)} · ${p.progress}%` }))}
          />
          <p className="mt-1 text-sm text-slate-600">{t("progress.correctsHint")}</p>
        </div>
      ) : null}
      <TextareaField label={optional(t("progress.links"))} field={fields.links} rows={2} />
      <EvidenceFileField label={optional(t("progress.files"))} field={fields.files} filesDropped={filesDropped} />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("progress.newObstacle")}</legend>
        <div className="space-y-3">
          <TextareaField label={t("obstacle.description")} field={fields.obstacleDescription} rows={2} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("obstacle.owner")} field={fields.obstacleOwner} />
            <TextField label={t("obstacle.dueDate")} field={fields.obstacleDueDate} type="date" />
          </div>
          <CheckboxField label={t("obstacle.needsGovernorOffice")} field={fields.obstacleNeedsGovernorOffice} />
          {units.length ? (
            <SelectField
              label={t("obstacle.waitingOnUnit")}
              field={fields.obstacleUnitId}
              placeholder={t("obstacle.waitingOnUnit.none")}
              options={units.map((u) => ({ value: u.id, label: u.abbreviation ? `${u.name} (${u.abbreviation})` : u.name }))}
            />
          ) : null}
        </div>
      </fieldset>
      <SubmitButton>{t("progress.post")}</SubmitButton>
    </Form>
  );
}
