import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { createTeamSchema, updateTeamSchema } from "~/domain/schemas/team";
import { ErrorList, TextareaField, TextField } from "./forms";
import { useT } from "./i18n";
import { IntentSubmitButton } from "./team-fields";

export type TeamFormValues = { name: string; decreeRef: string; decreeDate: string; mandate: string };

/** The form that sets up a team ("create-team") or edits its details ("update-team"). */
export function TeamForm({
  intent,
  lastResult,
  defaultValue,
}: {
  intent: "create-team" | "update-team";
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: TeamFormValues;
}) {
  const t = useT();
  const schema = intent === "create-team" ? createTeamSchema : updateTeamSchema;
  const [form, fields] = useForm({
    id: intent,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextField label={t("teams.name")} field={fields.name} />
      <TextField label={t("teams.decreeRef")} field={fields.decreeRef} />
      <TextField label={t("teams.decreeDate")} field={fields.decreeDate} type="date" />
      <TextareaField label={t("teams.mandate")} field={fields.mandate} rows={4} />
      <IntentSubmitButton intent={intent}>
        {t(intent === "create-team" ? "teams.createSubmit" : "teams.updateSubmit")}
      </IntentSubmitButton>
    </Form>
  );
}
