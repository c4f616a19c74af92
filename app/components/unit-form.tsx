import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { UNIT_KINDS } from "~/domain/enums";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, SelectField, SubmitButton, TextField } from "./forms";
import { useT } from "./i18n";
import { createUnitForm } from "~/domain/schemas/constraints/create-unit.generated";
import { updateUnitForm } from "~/domain/schemas/constraints/update-unit.generated";
import { useValidatedForm } from "./use-lazy-validation";

// The form that adds a government unit ("create") or edits one ("update", carrying the version it
// was opened at; a refused save shows what changed and keeps the input). Used by /admin/units.

export type UnitFormValues = { name: string; abbreviation: string; kind: string; parentOrganization: string };

export function UnitForm({
  intent,
  lastResult,
  defaultValue,
  version,
  startedAt,
  conflict,
}: {
  intent: "create" | "update";
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: UnitFormValues;
  version?: number;
  startedAt?: string;
  conflict?: RecordConflict | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(intent === "create" ? createUnitForm : updateUnitForm, {
    id: `unit-${intent}`,
    lastResult,
    defaultValue: defaultValue ?? { kind: "DINAS" },
    shouldValidate: "onBlur",
  });
  const labels: Record<string, string> = {
    name: t("unitAdmin.field.name"),
    abbreviation: t("unitAdmin.field.abbreviation"),
    kind: t("unitAdmin.field.kind"),
    parentOrganization: t("unitAdmin.field.parentOrganization"),
    retiredAt: t("unitAdmin.col.status"),
  };
  // a missing or unreadable version is a form-level problem (the field is hidden)
  const versionErrors = (fields as unknown as Record<string, { errors?: string[] }>).version?.errors;
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <VersionFields version={version} startedAt={startedAt ?? ""} conflict={conflict} /> : null}
      {conflict ? (
        <ConflictPanel title={t("unitAdmin.conflictTitle")} conflict={conflict} fieldLabel={(field) => labels[field] ?? field} headingLevel={3}>
          <SubmitButton>{t("conflict.keepMine")}</SubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      <ErrorSummary form={form} labelFor={(name) => labels[name]} />
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(versionErrors ?? [])]} />
      <TextField label={labels.name!} field={fields.name} autoComplete="off" />
      <TextField
        label={labels.abbreviation!}
        field={fields.abbreviation}
        autoComplete="off"
        hint={intent === "create" ? t("unitAdmin.codeHint") : undefined}
      />
      <SelectField label={labels.kind!} field={fields.kind} options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
      <TextField label={labels.parentOrganization!} field={fields.parentOrganization} autoComplete="off" hint={t("unitAdmin.parentHint")} />
      {conflict ? null : <SubmitButton>{t(intent === "create" ? "unitAdmin.createSubmit" : "unitAdmin.updateSubmit")}</SubmitButton>}
    </Form>
  );
}
