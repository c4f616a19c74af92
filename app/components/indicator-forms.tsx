import { getFormProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { parseIsoDate } from "~/domain/dates";
import { linkItemSchema, recordValueSchema } from "~/domain/schemas/indicator";
import { ErrorList, SubmitButton, TextField } from "./forms";
import { useT } from "./i18n";

/** A number typed as text (so "46,03" works), with the decimal keypad on phones. */
function DecimalField({ label, field, hint }: { label: string; field: FieldMetadata<any>; hint?: string }) {
  return <TextField label={label} field={field} hint={hint} inputMode="decimal" autoComplete="off" />;
}

export function RecordValueForm({
  unit,
  today,
  lastResult,
}: {
  unit: string;
  /** yyyy-mm-dd, the server's today in Banten */
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const schema = useMemo(() => recordValueSchema(parseIsoDate(today) ?? new Date()), [today]);
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    defaultValue: { year: today.slice(0, 4), observedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="record-value" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("indicator.record.year")} field={fields.year} type="number" />
        <TextField label={t("indicator.record.observedOn")} field={fields.observedOn} type="date" />
      </div>
      <DecimalField label={t("indicator.record.value", { unit })} field={fields.value} hint={t("indicator.record.valueHint")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <DecimalField label={t("indicator.record.numerator")} field={fields.numerator} />
        <DecimalField label={t("indicator.record.denominator")} field={fields.denominator} />
      </div>
      <p className="-mt-2 text-sm text-slate-600">{t("indicator.record.fractionHint")}</p>
      <TextField label={t("indicator.record.source")} field={fields.source} hint={t("indicator.record.sourceHint")} />
      <SubmitButton name="intent" value="record-value">
        {t("indicator.record.submit")}
      </SubmitButton>
    </Form>
  );
}

export function LinkItemForm({
  items,
  lastResult,
}: {
  items: readonly { id: string; title: string; visibility: string; campus: { name: string } }[];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(linkItemSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkItemSchema }),
  });
  const groups = useMemo(() => {
    const byCampus = new Map<string, typeof items>();
    for (const item of items) byCampus.set(item.campus.name, [...(byCampus.get(item.campus.name) ?? []), item]);
    return [...byCampus.entries()];
  }, [items]);
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("indicator.link.none")}</p>;
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="link-item" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div>
        <label className="label" htmlFor={fields.itemId.id}>
          {t("indicator.link.item")}
        </label>
        <select className="input" {...getSelectProps(fields.itemId)}>
          <option value="">{t("indicator.link.choose")}</option>
          {groups.map(([campus, list]) => (
            <optgroup key={campus} label={campus}>
              {list.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.visibility === "DRAFT" ? `${item.title} (${t("item.draftBadge")})` : item.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <ErrorList id={fields.itemId.errorId} errors={fields.itemId.errors} />
      </div>
      <SubmitButton name="intent" value="link-item">
        {t("indicator.link.submit")}
      </SubmitButton>
    </Form>
  );
}

/** One button per linked item; works without JavaScript. */
export function UnlinkButton({ itemId, title }: { itemId: string; title: string }) {
  const t = useT();
  return (
    <Form method="post" className="no-print">
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton name="intent" value="unlink-item" className="btn-secondary min-h-11 text-sm">
        <span aria-hidden="true">{t("indicator.unlink")}</span>
        <span className="sr-only">{t("indicator.unlinkLabel", { title })}</span>
      </SubmitButton>
    </Form>
  );
}
