import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { labelKey, type MessageKey } from "~/domain/i18n";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { CheckboxField, ErrorList, ErrorSummary, FormIdField, SelectField, SubmitButton, TextField, TextareaField } from "./forms";
import { useT } from "./i18n";
import { amendAgreementForm } from "~/domain/schemas/constraints/amend-agreement.generated";
import { newAgreementForm } from "~/domain/schemas/constraints/new-agreement.generated";
import { renewAgreementForm } from "~/domain/schemas/constraints/renew-agreement.generated";
import { updateAgreementForm } from "~/domain/schemas/constraints/update-agreement.generated";
import { useValidatedForm } from "./use-lazy-validation";

export type AgreementFormValues = Record<string, string | string[] | boolean | undefined>;
type Unit = { id: string; name: string; abbreviation: string | null };

const LABELS: Record<string, MessageKey> = {
  kind: "agreements.field.kind",
  parentId: "agreements.field.parentId",
  campusId: "agreements.field.campusId",
  number: "agreements.field.number",
  campusNumber: "agreements.field.campusNumber",
  title: "agreements.field.title",
  signedOn: "agreements.field.signedOn",
  place: "agreements.field.place",
  validFrom: "agreements.field.validFrom",
  validUntil: "agreements.field.validUntil",
  unitIds: "agreements.field.unitIds",
  governmentSignatory: "agreements.field.governmentSignatory",
  campusRepresentative: "agreements.field.campusRepresentative",
  documentRef: "agreements.field.documentRef",
  summary: "agreements.field.summary",
  documentPublic: "agreements.field.documentPublic",
  file: "agreements.field.file",
};

const SPECS = { new: newAgreementForm, update: updateAgreementForm, renew: renewAgreementForm } as const;

/**
 * The record of a PKS/IA: registering or proposing one ("new": kind, parent, campus and the signed
 * copy), editing it ("update", version-checked) or renewing it ("renew": a new agreement that
 * supersedes it, version-checked against the old one). Works without JavaScript.
 */
export function AgreementForm({
  mode,
  id,
  lastResult,
  defaultValue,
  units,
  parents = [],
  campuses = [],
  version,
  startedAt,
  conflict,
  submitLabel,
}: {
  mode: "new" | "update" | "renew";
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: AgreementFormValues;
  units: readonly Unit[];
  parents?: readonly { id: string; label: string }[];
  campuses?: readonly { id: string; name: string }[];
  version?: number;
  startedAt?: string;
  conflict?: RecordConflict | null;
  submitLabel: MessageKey;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(SPECS[mode], {
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
  });
  const f = fields as unknown as Record<string, FieldMetadata<any>>;
  const label = (name: string) => (LABELS[name] ? t(LABELS[name]!) : undefined);
  const versionErrors = f.version?.errors;
  const chosenUnits = new Set([defaultValue?.unitIds ?? []].flat().map(String));
  return (
    <Form method="post" encType={mode === "update" ? undefined : "multipart/form-data"} className="space-y-4" {...getFormProps(form)}>
      <FormIdField formId={id} />
      {mode !== "new" ? <input type="hidden" name="intent" value={mode} /> : null}
      {version !== undefined ? <VersionFields version={version} startedAt={startedAt ?? ""} conflict={conflict} /> : null}
      {conflict ? (
        <ConflictPanel title={t("agreements.conflict")} conflict={conflict} fieldLabel={(field) => label(field) ?? field} headingLevel={3}>
          <SubmitButton>{t("conflict.keepMine")}</SubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      <ErrorSummary form={form} labelFor={label} />
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(versionErrors ?? [])]} />
      {mode === "new" ? (
        <>
          <SelectField
            label={t("agreements.field.kind")}
            field={f.kind!}
            options={(["PKS", "IA"] as const).map((k) => ({ value: k, label: t(labelKey("agreement.kind", k)) }))}
          />
          <SelectField label={t("agreements.field.parentId")} field={f.parentId!} placeholder={t("agreements.chooseParent")} options={parents.map((p) => ({ value: p.id, label: p.label }))} />
          <SelectField
            label={t("agreements.field.campusId")}
            field={f.campusId!}
            placeholder={t("agreements.chooseCampus")}
            options={campuses.map((c) => ({ value: c.id, label: c.name }))}
          />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("agreements.field.number")} field={f.number!} />
        <TextField label={t("agreements.field.campusNumber")} field={f.campusNumber!} />
      </div>
      <TextField label={t("agreements.field.title")} field={f.title!} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("agreements.field.signedOn")} field={f.signedOn!} type="date" />
        <TextField label={t("agreements.field.place")} field={f.place!} />
        <TextField label={t("agreements.field.validFrom")} field={f.validFrom!} type="date" />
        <TextField label={t("agreements.field.validUntil")} field={f.validUntil!} type="date" />
      </div>
      <fieldset>
        <legend className="label">{t("agreements.field.scope")}</legend>
        <CheckboxField label={t("agreements.scope.RESEARCH")} field={f.scopeResearch!} />
        <CheckboxField label={t("agreements.scope.DEVELOPMENT")} field={f.scopeDevelopment!} />
        <CheckboxField label={t("agreements.scope.COMMUNITY_SERVICE")} field={f.scopeCommunityService!} />
        <CheckboxField label={t("agreements.scope.EDUCATION")} field={f.scopeEducation!} />
      </fieldset>
      <fieldset id={`${form.id}-unitIds`}>
        <legend className="label">{t("agreements.field.unitIds")}</legend>
        <p className="text-sm text-slate-600">{t("agreements.field.unitHint")}</p>
        {units.map((u) => (
          <label key={u.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="h-5 w-5" name="unitIds" value={u.id} defaultChecked={chosenUnits.has(u.id)} />
            <span>{u.abbreviation ? `${u.abbreviation} — ${u.name}` : u.name}</span>
          </label>
        ))}
        <ErrorList errors={f.unitIds?.errors} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("agreements.field.governmentSignatory")} field={f.governmentSignatory!} />
        <TextField label={t("agreements.field.campusRepresentative")} field={f.campusRepresentative!} />
      </div>
      <TextField label={t("agreements.field.documentRef")} field={f.documentRef!} />
      <TextareaField label={t("agreements.field.summary")} field={f.summary!} rows={3} />
      {mode !== "update" ? <FileField field={f.file!} /> : null}
      <CheckboxField label={t("agreements.field.documentPublic")} field={f.documentPublic!} />
      {conflict ? null : <SubmitButton>{t(submitLabel)}</SubmitButton>}
    </Form>
  );
}

/** The signed copy: one PDF. */
export function FileField({ field }: { field: FieldMetadata<any> }) {
  const t = useT();
  const { key, ...props } = getInputProps(field, { type: "file" });
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {t("agreements.field.file")}
      </label>
      <input key={key} className="block w-full text-sm" {...props} accept=".pdf,application/pdf" />
      <p className="mt-1 text-sm text-slate-600">{t("agreements.field.fileHint")}</p>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** An addendum to the agreement, with its signed copy; version-checked against the agreement. */
export function AmendmentForm({
  lastResult,
  version,
  startedAt,
  conflict,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  version: number;
  startedAt: string;
  conflict?: RecordConflict | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(amendAgreementForm, {
    id: "agreement-amend",
    lastResult,
    shouldValidate: "onBlur",
  });
  const labels: Record<string, string> = {
    title: t("agreements.amendment.title"),
    number: t("agreements.amendment.number"),
    signedOn: t("agreements.amendment.signedOn"),
    summary: t("agreements.amendment.summary"),
  };
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
      <FormIdField formId="agreement-amend" />
      <input type="hidden" name="intent" value="amend" />
      <VersionFields version={version} startedAt={startedAt} conflict={conflict} />
      {conflict ? (
        <ConflictPanel title={t("agreements.conflict")} conflict={conflict} headingLevel={3}>
          <SubmitButton>{t("conflict.keepMine")}</SubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      <ErrorSummary form={form} labelFor={(name) => labels[name]} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextField label={labels.title!} field={fields.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.number!} field={fields.number} />
        <TextField label={labels.signedOn!} field={fields.signedOn} type="date" />
      </div>
      <TextareaField label={labels.summary!} field={fields.summary} rows={3} />
      <FileField field={fields.file} />
      {conflict ? null : (
        <SubmitButton>{t("agreements.amendSubmit")}</SubmitButton>
      )}
    </Form>
  );
}
