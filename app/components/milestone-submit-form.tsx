import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, EvidenceFileField, SubmitButton, TextareaField } from "./forms";
import { useT } from "./i18n";
import { MilestoneConflict } from "./milestone-details";
import { submitMilestoneForm } from "~/domain/schemas/constraints/submit-milestone.generated";
import { useValidatedForm } from "./use-lazy-validation";

/**
 * The campus submits a milestone with its self-assessment and evidence: a multipart POST that
 * works without JavaScript. `version` is the one the page showed; a later change is refused.
 */
export function MilestoneSubmitForm({
  version,
  startedAt,
  conflict,
  resubmission,
  lastResult,
  filesDropped,
}: {
  version: number;
  /** when the page was loaded: a refusal lists what others saved after it */
  startedAt: string;
  /** the last submission was refused: what changed since the page was opened */
  conflict?: RecordConflict | null;
  resubmission: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  filesDropped?: boolean;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(submitMilestoneForm, {
    id: "milestone-submit",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="submit" />
      <VersionFields version={version} startedAt={startedAt} conflict={conflict} />
      {conflict ? <MilestoneConflict conflict={conflict} /> : null}
      <div role={form.errors?.length ? "alert" : undefined}>
        <ErrorSummary form={form} labelFor={(name) => ({ selfAssessment: t("milestone.selfAssessment"), submissionNote: t("milestone.submissionNote"), links: t("milestone.links"), files: t("milestone.files") })[name]} />
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      </div>
      <TextareaField label={t("milestone.selfAssessment")} field={fields.selfAssessment} rows={4} />
      <TextareaField label={`${t("milestone.submissionNote")} (${t("form.optional")})`} field={fields.submissionNote} rows={3} />
      <TextareaField label={t("milestone.links")} field={fields.links} rows={2} />
      <EvidenceFileField label={t("milestone.files")} field={fields.files} filesDropped={filesDropped} />
      <SubmitButton>{t(resubmission ? "milestone.resubmit" : "milestone.submit")}</SubmitButton>
    </Form>
  );
}
