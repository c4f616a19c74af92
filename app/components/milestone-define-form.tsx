import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, ErrorSummary, FormIdField, SubmitButton, TextField, TextareaField } from "./forms";
import { useT } from "./i18n";
import { newMilestoneForm } from "~/domain/schemas/constraints/new-milestone.generated";
import { useValidatedForm } from "./use-lazy-validation";

/** The Conform id of the milestone form: what a draft kept when the session ended is restored into. */
export const MILESTONE_NEW_FORM_ID = "milestone-new";

/** Defining an evaluation milestone on a roadmap item (a plain POST without JavaScript). */
export function MilestoneDefineForm({
  lastResult,
  defaultValue,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string | string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(newMilestoneForm, {
    id: MILESTONE_NEW_FORM_ID,
    lastResult,
    defaultValue: defaultValue ?? undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <FormIdField formId={form.id} />
      <ErrorSummary form={form} labelFor={(name) => ({ title: t("milestone.fieldTitle"), dueDate: t("milestone.dueDate"), successCriteria: t("milestone.successCriteria"), description: t("milestone.description") })[name]} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextField label={t("milestone.fieldTitle")} field={fields.title} />
      <TextField label={t("milestone.dueDate")} field={fields.dueDate} type="date" />
      <TextareaField
        label={t("milestone.successCriteria")}
        field={fields.successCriteria}
        rows={3}
        hint={t("milestone.successCriteriaHint")}
      />
      <TextareaField label={`${t("milestone.description")} (${t("form.optional")})`} field={fields.description} rows={3} />
      <SubmitButton>{t("milestone.save")}</SubmitButton>
    </Form>
  );
}
