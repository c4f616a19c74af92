import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ITEM_VISIBILITIES, TRI_DHARMA_FIELDS } from "~/domain/enums";
import type { RecordConflict } from "~/domain/conflict";
import { formatDate, labelKey } from "~/domain/i18n";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, FormIdField, SelectField, SubmitButton, TextField, TextareaField } from "./forms";
import { useLocale, useT } from "./i18n";
import { itemForm } from "~/domain/schemas/constraints/item.generated";
import { useValidatedForm } from "./use-lazy-validation";

export type ItemFormOptions = {
  priorityAreas: { id: string; nameId: string; nameEn: string }[];
  teams: { id: string; name: string }[];
  governmentUnits: { id: string; name: string; abbreviation: string | null }[];
  agreement: { title: string; validFrom: string; validUntil: string } | null;
};

/** The Conform id of the item form (one per page): what a draft kept when the session ended is restored into. */
export const ITEM_FORM_ID = "item";

/** The roadmap item form, shared by /items/new and /items/:id/edit. */
export function ItemForm({
  options,
  defaultValue,
  lastResult,
  version,
  startedAt,
  conflict,
}: {
  options: ItemFormOptions;
  defaultValue?: Record<string, string | string[] | null | undefined> | null;
  lastResult?: SubmissionResult<string[]> | null;
  version?: number;
  startedAt?: string;
  conflict?: RecordConflict | null;
}) {
  const t = useT();
  const locale = useLocale();
  const validity = options.agreement
    ? { validFrom: new Date(options.agreement.validFrom), validUntil: new Date(options.agreement.validUntil) }
    : null;
  const [form, fields] = useValidatedForm(itemForm, {
    id: ITEM_FORM_ID,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  }, validity);
  const areaName = (id: string) => {
    const area = options.priorityAreas.find((a) => a.id === id);
    return area ? (locale === "en" ? area.nameEn : area.nameId) : id;
  };
  const describe = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (field === "priorityAreaId") return areaName(String(value));
    if (field === "teamId") return options.teams.find((x) => x.id === value)?.name ?? String(value);
    if (field === "governmentUnitId") return options.governmentUnits.find((x) => x.id === value)?.name ?? String(value);
    if (field === "triDharma") return t(labelKey("triDharma", String(value)));
    if (field === "visibility") return t(labelKey("item.visibility", String(value)));
    if (field === "plannedStart" || field === "plannedEnd") return formatDate(String(value), locale);
    return String(value);
  };
  const labels: Record<string, string> = {
    title: t("item.title"),
    description: t("item.description"),
    priorityAreaId: t("item.priorityArea"),
    triDharma: t("item.triDharma"),
    teamId: t("item.team"),
    governmentUnitId: t("item.governmentUnit"),
    campusPicName: t("item.campusPic"),
    campusPicContact: t("item.campusPicContact"),
    govPicName: t("item.govPic"),
    govPicContact: t("item.govPicContact"),
    plannedStart: t("item.plannedStart"),
    plannedEnd: t("item.plannedEnd"),
    targets: t("item.targets"),
    budgetIdr: t("item.budget"),
    industryPartners: t("item.industryPartners"),
    visibility: t("item.visibility"),
  };
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <FormIdField formId={form.id} />
      {conflict ? (
        <ConflictPanel title={t("item.conflictTitle")} conflict={conflict} fieldLabel={(field) => labels[field] ?? field} describe={describe}>
          <SubmitButton>{t("conflict.keepMine")}</SubmitButton>
          <ConflictDiscardLink />
        </ConflictPanel>
      ) : null}
      {version !== undefined ? <VersionFields version={version} startedAt={startedAt ?? ""} conflict={conflict} /> : null}
      <ErrorSummary form={form} labelFor={(name) => labels[name]} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextField label={labels.title!} field={fields.title} />
      <TextareaField label={labels.description!} field={fields.description} rows={4} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={labels.priorityAreaId!}
          field={fields.priorityAreaId}
          placeholder=""
          options={options.priorityAreas.map((a) => ({ value: a.id, label: locale === "en" ? a.nameEn : a.nameId }))}
        />
        <SelectField
          label={labels.triDharma!}
          field={fields.triDharma}
          placeholder=""
          options={TRI_DHARMA_FIELDS.map((f) => ({ value: f, label: t(`triDharma.${f}`) }))}
        />
        <SelectField
          label={labels.teamId!}
          field={fields.teamId}
          placeholder={t("item.none")}
          options={options.teams.map((x) => ({ value: x.id, label: x.name }))}
        />
        <SelectField
          label={labels.governmentUnitId!}
          field={fields.governmentUnitId}
          placeholder={t("item.none")}
          options={options.governmentUnits.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField label={labels.campusPicName!} field={fields.campusPicName} autoComplete="off" />
        <TextField label={labels.campusPicContact!} field={fields.campusPicContact} autoComplete="off" />
        <TextField label={labels.govPicName!} field={fields.govPicName} autoComplete="off" />
        <TextField label={labels.govPicContact!} field={fields.govPicContact} autoComplete="off" />
        <TextField label={labels.plannedStart!} field={fields.plannedStart} type="date" />
        <TextField label={labels.plannedEnd!} field={fields.plannedEnd} type="date" />
      </div>
      {options.agreement ? (
        <p className="text-sm text-slate-600">
          {t("item.agreementValidity", {
            agreement: options.agreement.title,
            from: formatDate(options.agreement.validFrom, locale),
            until: formatDate(options.agreement.validUntil, locale),
          })}
        </p>
      ) : null}
      <TextareaField label={labels.targets!} field={fields.targets} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.budgetIdr!} field={fields.budgetIdr} type="number" />
        <TextField label={labels.industryPartners!} field={fields.industryPartners} />
      </div>
      <SelectField
        label={labels.visibility!}
        field={fields.visibility}
        options={ITEM_VISIBILITIES.map((v) => ({ value: v, label: t(`item.visibility.${v}`) }))}
      />
      {!conflict ? <SubmitButton>{t("item.save")}</SubmitButton> : null}
    </Form>
  );
}
