import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, TextField, TextareaField } from "./forms";
import { useT } from "./i18n";
import { IntentSubmitButton } from "./team-fields";
import { createTeamForm } from "~/domain/schemas/constraints/create-team.generated";
import { updateTeamForm } from "~/domain/schemas/constraints/update-team.generated";
import { useValidatedForm } from "./use-lazy-validation";

export type TeamFormValues = { name: string; decreeRef: string; decreeDate: string; mandate: string };

/**
 * The form that sets up a team ("create-team") or edits its details ("update-team", carrying the
 * version it was opened at; a refused save shows what changed and keeps the input).
 */
export function TeamForm({
  intent,
  lastResult,
  defaultValue,
  version,
  startedAt,
  conflict,
}: {
  intent: "create-team" | "update-team";
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: TeamFormValues;
  version?: number;
  startedAt?: string;
  conflict?: RecordConflict | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(intent === "create-team" ? createTeamForm : updateTeamForm, {
    id: intent,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
  });
  const labels: Record<string, string> = {
    name: t("teams.name"),
    decreeRef: t("teams.decreeRef"),
    decreeDate: t("teams.decreeDate"),
    mandate: t("teams.mandate"),
  };
  // a missing or unreadable version is a form-level problem (the field is hidden)
  const versionErrors = (fields as unknown as Record<string, { errors?: string[] }>).version?.errors;
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <VersionFields version={version} startedAt={startedAt ?? ""} conflict={conflict} /> : null}
      {conflict ? (
        <ConflictPanel title={t("teams.conflictTitle")} conflict={conflict} fieldLabel={(field) => labels[field] ?? field} headingLevel={3}>
          <IntentSubmitButton intent={intent}>{t("conflict.keepMine")}</IntentSubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      <ErrorSummary form={form} labelFor={(name) => labels[name]} />
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(versionErrors ?? [])]} />
      <TextField label={labels.name!} field={fields.name} />
      <TextField label={labels.decreeRef!} field={fields.decreeRef} />
      <TextField label={labels.decreeDate!} field={fields.decreeDate} type="date" />
      <TextareaField label={labels.mandate!} field={fields.mandate} rows={4} />
      {conflict ? null : (
        <IntentSubmitButton intent={intent}>
          {t(intent === "create-team" ? "teams.createSubmit" : "teams.updateSubmit")}
        </IntentSubmitButton>
      )}
    </Form>
  );
}
