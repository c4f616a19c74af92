import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { MEMBER_ROLES, MEMBER_SIDES } from "~/domain/enums";
import { isMessageKey } from "~/domain/i18n";
import { formatAuditValue } from "./audit-changes";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, SelectField, TextField } from "./forms";
import { useLocale, useT } from "./i18n";
import { IntentSubmitButton } from "./team-fields";
import { addMemberForm } from "~/domain/schemas/constraints/add-member.generated";
import { updateMemberForm } from "~/domain/schemas/constraints/update-member.generated";
import { useValidatedForm } from "./use-lazy-validation";

export type GovernmentUnitOption = { id: string; name: string; abbreviation: string | null; retired?: boolean };

export type MemberFormValues = {
  name: string;
  side: string;
  role: string;
  position: string;
  organization: string;
  governmentUnitId: string;
  email: string;
  phone: string;
};

/** A member's fields as the form names them and their stored values as a person reads them (for conflicts). */
export function useMemberFieldText(units: readonly GovernmentUnitOption[]) {
  const t = useT();
  const locale = useLocale();
  const labels: Record<string, string> = {
    name: t("teams.memberName"),
    side: t("teams.side"),
    role: t("teams.role"),
    position: t("teams.position"),
    organization: t("teams.organization"),
    governmentUnitId: t("teams.governmentUnit"),
    email: t("teams.email"),
    phone: t("teams.phone"),
  };
  return {
    fieldLabel: (field: string) => labels[field] ?? field,
    describe: (field: string, value: unknown) => {
      if (typeof value === "string" && value !== "") {
        const key = field === "side" ? `memberSide.${value}` : field === "role" ? `memberRole.${value}` : null;
        if (key && isMessageKey(key)) return t(key);
        if (field === "governmentUnitId") return units.find((u) => u.id === value)?.name ?? value;
      }
      return formatAuditValue(value, t, locale);
    },
  };
}

/**
 * Adds a member ("add-member") or edits one ("update-member", with its id and the version it was
 * opened at in hidden fields; a refused save shows what changed and keeps the input).
 */
export function MemberForm({
  memberId,
  lastResult,
  defaultValue,
  units,
  version,
  startedAt,
  conflict,
  formId,
  submitLabel,
}: {
  /** the member being edited; none when adding */
  memberId?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: MemberFormValues;
  units: readonly GovernmentUnitOption[];
  version?: number;
  startedAt?: string;
  conflict?: RecordConflict | null;
  /** when a page shows a second add form (re-adding a member removed meanwhile) */
  formId?: string;
  submitLabel?: string;
}) {
  const t = useT();
  const text = useMemberFieldText(units);
  const intent = memberId ? "update-member" : "add-member";
  const [form, fields] = useValidatedForm(memberId ? updateMemberForm : addMemberForm, {
    id: formId ?? (memberId ? `member-${memberId}` : "add-member"),
    lastResult,
    defaultValue: defaultValue ?? { side: "CAMPUS", role: "ANGGOTA" },
    shouldValidate: "onBlur",
  });
  // a missing or unreadable version is a form-level problem (the field is hidden)
  const versionErrors = (fields as unknown as Record<string, { errors?: string[] }>).version?.errors;
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {memberId ? <input type="hidden" name="memberId" value={memberId} /> : null}
      {memberId && version !== undefined ? <VersionFields version={version} startedAt={startedAt ?? ""} conflict={conflict} /> : null}
      {conflict && memberId ? (
        <ConflictPanel
          title={t("teams.memberConflictTitle", { name: defaultValue?.name ?? "" })}
          conflict={conflict}
          fieldLabel={text.fieldLabel}
          describe={text.describe}
          headingLevel={4}
        >
          <IntentSubmitButton intent={intent} memberId={memberId}>
            {t("conflict.keepMine")}
          </IntentSubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      <ErrorSummary form={form} labelFor={(name) => (name === "version" ? undefined : text.fieldLabel(name))} />
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(memberId ? (versionErrors ?? []) : [])]} />
      <TextField label={t("teams.memberName")} field={fields.name} autoComplete="off" />
      <SelectField
        label={t("teams.side")}
        field={fields.side}
        options={MEMBER_SIDES.map((s) => ({ value: s, label: t(`memberSide.${s}`) }))}
      />
      <SelectField
        label={t("teams.governmentUnit")}
        field={fields.governmentUnitId}
        placeholder={t("teams.chooseUnit")}
        hint={t("teams.unitHint")}
        options={units
          // a retired unit is offered only to the member already in it
          .filter((u) => !u.retired || (memberId && u.id === defaultValue?.governmentUnitId))
          .map((u) => ({ value: u.id, label: u.abbreviation ? `${u.name} (${u.abbreviation})` : u.name }))}
      />
      <SelectField
        label={t("teams.role")}
        field={fields.role}
        options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
      />
      <TextField label={t("teams.position")} field={fields.position} />
      <TextField label={t("teams.organization")} field={fields.organization} autoComplete="organization" />
      <TextField label={t("teams.email")} field={fields.email} type="email" autoComplete="off" />
      <TextField label={t("teams.phone")} field={fields.phone} type="tel" autoComplete="off" />
      {conflict && memberId ? null : (
        <IntentSubmitButton intent={intent} memberId={memberId}>
          {submitLabel ?? t(memberId ? "teams.updateMemberSubmit" : "teams.addMemberSubmit")}
        </IntentSubmitButton>
      )}
    </Form>
  );
}
