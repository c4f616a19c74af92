import { getFormProps, getInputProps, getSelectProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { UPDATE_STATUSES } from "~/domain/enums";
import { formatDate, labelKey } from "~/domain/i18n";
import { ErrorList, ErrorSummary, FormIdField, SubmitButton, TextField } from "./forms";
import { useLocale, useT } from "./i18n";
import { ProgressWarning } from "./progress-warning";
import { StatusBadge } from "./status";
import { checkInForm } from "~/domain/schemas/constraints/check-in.generated";
import { useValidatedForm } from "./use-lazy-validation";

/** The Conform id of the check-in form (a draft kept when the session ended comes back into it). */
export const CHECK_IN_FORM_ID = "check-in";

export type CheckInListItem = {
  id: string;
  title: string;
  status: string;
  progress: number;
  draft: boolean;
  overdue: boolean;
  stale: boolean;
  lastUpdateAt: string | null;
};

/** The status a row starts with: the item's own, or "on track" before its first report. */
const shownStatus = (status: string) => (status === "NOT_STARTED" ? "ON_TRACK" : status);

/** One row per open item: progress, status, one sentence, "no change"; one submit for all. */
export function CheckInForm({
  items,
  today,
  staleDays,
  lastResult,
  restored,
}: {
  items: readonly CheckInListItem[];
  today: string;
  staleDays: number;
  lastResult: SubmissionResult<string[]> | null;
  restored: Record<string, string | string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(checkInForm, {
    id: CHECK_IN_FORM_ID,
    lastResult,
    // a kept draft holds the form's own field names (rows[0].progress, …), as Conform reads them
    defaultValue: (restored as unknown as DefaultValue | null) ?? {
      reportedOn: today,
      rows: items.map((i) => ({
        itemId: i.id,
        initialProgress: String(i.progress),
        initialStatus: shownStatus(i.status),
        progress: String(i.progress),
        status: shownStatus(i.status),
        narrative: "",
      })),
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  }, new Date(today));
  const rows = fields.rows.getFieldList();
  const byId = new Map(items.map((i) => [i.id, i]));
  const fieldLabels: Record<string, string> = {
    progress: t("progress.percent"),
    status: t("progress.status"),
    narrative: t("checkIn.narrative"),
  };
  const labelFor = (name: string) => {
    if (name === "reportedOn") return t("checkIn.reportedOn");
    const match = /^rows\[(\d+)\]\.(\w+)$/.exec(name);
    if (!match) return undefined;
    const id = rows[Number(match[1])]?.getFieldset().itemId.initialValue;
    const item = typeof id === "string" ? byId.get(id) : undefined;
    const field = fieldLabels[match[2]!];
    return item && field ? t("checkIn.rowLabel", { title: item.title, field }) : undefined;
  };
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <FormIdField formId={form.id} />
      <ErrorSummary form={form} labelFor={labelFor} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="max-w-xs">
        <TextField label={t("checkIn.reportedOn")} field={fields.reportedOn} type="date" />
      </div>
      <ol className="space-y-3" data-testid="check-in-rows">
        {rows.map((row) => {
          const f = row.getFieldset();
          const itemId = typeof f.itemId.initialValue === "string" ? f.itemId.initialValue : "";
          const item = byId.get(itemId);
          if (!item) return null;
          return <CheckInRowFields key={row.key} item={item} fields={f} staleDays={staleDays} />;
        })}
      </ol>
      <SubmitButton>{t("checkIn.submit")}</SubmitButton>
    </Form>
  );
}

type CheckInRowValue = {
  itemId: string;
  initialProgress: number;
  initialStatus: string;
  progress: number;
  status: string;
  narrative: string;
  noChange: boolean;
};
type DefaultValue = { reportedOn: string; rows: Record<keyof CheckInRowValue, string>[] };
type RowFields = ReturnType<FieldMetadata<CheckInRowValue>["getFieldset"]>;

function CheckInRowFields({ item, fields: f, staleDays }: { item: CheckInListItem; fields: RowFields; staleDays: number }) {
  const t = useT();
  const locale = useLocale();
  const legendId = `${f.itemId.id}-legend`;
  const { key: progressKey, ...progressProps } = getInputProps(f.progress, { type: "number" });
  const { key: statusKey, ...statusProps } = getSelectProps(f.status);
  const { key: noChangeKey, ...noChangeProps } = getInputProps(f.noChange, { type: "checkbox" });
  return (
    <li className="card" data-testid="check-in-row">
      <fieldset aria-labelledby={legendId}>
        <div id={legendId} className="font-semibold">
          <Link to={`/items/${item.id}`} className="text-brand-700 underline">
            {item.title}
          </Link>
          {item.draft ? <span className="ml-2 rounded bg-slate-200 px-2 text-sm font-normal">{t("checkIn.draftBadge")}</span> : null}
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <StatusBadge status={item.status} />
          <span>{t("checkIn.current", { progress: item.progress, status: t(labelKey("status", item.status)) })}</span>
          <span>{item.lastUpdateAt ? t("checkIn.lastUpdate", { date: formatDate(item.lastUpdateAt, locale) }) : t("checkIn.never")}</span>
          {item.overdue ? <span className="font-semibold text-red-700">{t("checkIn.overdue")}</span> : null}
          {item.stale ? <span className="font-semibold text-amber-800">{t("checkIn.stale", { days: staleDays })}</span> : null}
        </p>
        <input type="hidden" name={f.itemId.name} value={item.id} />
        <input type="hidden" name={f.initialProgress.name} value={String(f.initialProgress.initialValue ?? item.progress)} />
        <input type="hidden" name={f.initialStatus.name} value={String(f.initialStatus.initialValue ?? shownStatus(item.status))} />
        <div className="mt-2 grid grid-cols-[6rem_1fr] gap-2">
          <div>
            <label className="label" htmlFor={f.progress.id}>
              {t("progress.percent")}
            </label>
            <input key={progressKey} className="input" inputMode="numeric" {...progressProps} />
          </div>
          <div>
            <label className="label" htmlFor={f.status.id}>
              {t("progress.status")}
            </label>
            <select key={statusKey} className="input" {...statusProps}>
              {UPDATE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorList id={f.progress.errorId} errors={f.progress.errors} />
        <ErrorList id={f.status.errorId} errors={f.status.errors} />
        <ProgressWarning previous={item.progress} value={f.progress.value} className="mt-1" />
        <div className="mt-2">
          <label className="label" htmlFor={f.narrative.id}>
            {t("checkIn.narrative")}
          </label>
          <input className="input" {...getInputProps(f.narrative, { type: "text" })} key={f.narrative.key} autoComplete="off" />
          <ErrorList id={f.narrative.errorId} errors={f.narrative.errors} />
        </div>
        <label className="mt-2 flex min-h-11 items-center gap-2" htmlFor={f.noChange.id}>
          <input key={noChangeKey} className="h-5 w-5" {...noChangeProps} />
          <span>{t("checkIn.noChange")}</span>
        </label>
      </fieldset>
    </li>
  );
}
