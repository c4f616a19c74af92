import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { MILESTONE_DECISIONS } from "~/domain/enums";
import { SCORE_MAX, SCORE_MIN } from "~/domain/milestone";
import { VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, SelectField, SubmitButton, TextareaField } from "./forms";
import { useT } from "./i18n";
import { MilestoneConflict } from "./milestone-details";
import { evaluateMilestoneForm } from "~/domain/schemas/constraints/evaluate-milestone.generated";
import { useValidatedForm } from "./use-lazy-validation";

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

/** A reviewer's decision on a submitted milestone, with scores and feedback. */
export function MilestoneEvaluateForm({
  version,
  startedAt,
  conflict,
  lastResult,
}: {
  version: number;
  /** when the page was loaded: a refusal lists what others saved after it */
  startedAt: string;
  /** the last submission was refused: what changed since the page was opened */
  conflict?: RecordConflict | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(evaluateMilestoneForm, {
    id: "milestone-evaluate",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const decision = fields.decision;
  const scoreOptions = SCORES.map((s) => ({ value: s, label: s }));
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="evaluate" />
      <VersionFields version={version} startedAt={startedAt} conflict={conflict} />
      {conflict ? <MilestoneConflict conflict={conflict} /> : null}
      <div role={form.errors?.length ? "alert" : undefined}>
        <ErrorSummary form={form} labelFor={(name) => ({ decision: t("milestone.decision"), relevanceScore: t("milestone.relevanceScore"), sustainabilityScore: t("milestone.sustainabilityScore"), feedback: t("milestone.feedback") })[name]} />
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      </div>
      <p className="text-sm text-slate-600">{t("milestone.evaluateHint")}</p>
      <fieldset aria-describedby={decision.errors?.length ? decision.errorId : undefined}>
        <legend className="label">{t("milestone.decision")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {MILESTONE_DECISIONS.map((d) => (
            <label key={`${form.key}-${d}`} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                className="h-5 w-5"
                name={decision.name}
                value={d}
                form={form.id}
                required
                defaultChecked={decision.initialValue === d}
              />
              <span>{t(`milestone.state.${d}`)}</span>
            </label>
          ))}
        </div>
        <ErrorList id={decision.errorId} errors={decision.errors} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("milestone.relevanceScore")} field={fields.relevanceScore} placeholder={t("milestone.scoreNone")} options={scoreOptions} />
        <SelectField
          label={t("milestone.sustainabilityScore")}
          field={fields.sustainabilityScore}
          placeholder={t("milestone.scoreNone")}
          options={scoreOptions}
        />
      </div>
      <TextareaField label={t("milestone.feedback")} field={fields.feedback} rows={4} />
      <SubmitButton>{t("milestone.evaluate")}</SubmitButton>
    </Form>
  );
}
