import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { MEMBER_ROLES, MEMBER_SIDES } from "~/domain/enums";
import { addMemberSchema, updateMemberSchema } from "~/domain/schemas/team";
import { ErrorList, SelectField, TextField } from "./forms";
import { useT } from "./i18n";
import { IntentSubmitButton } from "./team-fields";

export type GovernmentUnitOption = { id: string; name: string; abbreviation: string | null };

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

/** Adds a member ("add-member") or edits one ("update-member", with its id in a hidden field). */
export function MemberForm({
  memberId,
  lastResult,
  defaultValue,
  units,
}: {
  /** the member being edited; none when adding */
  memberId?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: MemberFormValues;
  units: readonly GovernmentUnitOption[];
}) {
  const t = useT();
  const intent = memberId ? "update-member" : "add-member";
  const schema = memberId ? updateMemberSchema : addMemberSchema;
  const [form, fields] = useForm({
    id: memberId ? `member-${memberId}` : "add-member",
    lastResult,
    defaultValue: defaultValue ?? { side: "CAMPUS", role: "ANGGOTA" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {memberId ? <input type="hidden" name="memberId" value={memberId} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
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
        options={units.map((u) => ({ value: u.id, label: u.abbreviation ? `${u.name} (${u.abbreviation})` : u.name }))}
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
      <IntentSubmitButton intent={intent} memberId={memberId}>
        {t(memberId ? "teams.updateMemberSubmit" : "teams.addMemberSubmit")}
      </IntentSubmitButton>
    </Form>
  );
}
