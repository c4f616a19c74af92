import { getFormProps, getSelectProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import type { RecordChange, RecordConflict } from "~/domain/conflict";
import { parseIsoDate } from "~/domain/dates";
import { formatDate } from "~/domain/i18n";
import { formatIndicatorValue } from "~/domain/indicator";
import { recordIndicatorValueConstraint } from "~/domain/schemas/form-constraints";
import { ConflictDiscardLink, ConflictPanel, VersionFields } from "./conflict-panel";
import { ErrorList, ErrorSummary, SubmitButton, TextField } from "./forms";
import { useLocale, useT } from "./i18n";
import { indicatorLinkItemForm } from "~/domain/schemas/constraints/indicator-link-item.generated";
import { recordIndicatorValueForm } from "~/domain/schemas/constraints/record-indicator-value.generated";
import { useValidatedForm } from "./use-lazy-validation";

/** A number typed as text (so "46,03" works), with the decimal keypad on phones. */
function DecimalField({ label, field, hint }: { label: string; field: FieldMetadata<any>; hint?: string }) {
  return <TextField label={label} field={field} hint={hint} inputMode="decimal" autoComplete="off" />;
}

/**
 * A change to the indicator was refused: the values recorded and the items linked or unlinked
 * since the page was opened. `children` are the ways out besides discarding.
 */
export function IndicatorConflict({ conflict, unit, children }: { conflict: RecordConflict; unit: string; children?: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "–");
  const summarize = (change: RecordChange) => {
    const { after, before } = change;
    if (change.entity === "IndicatorValue") {
      return t("indicator.conflict.recorded", {
        value: typeof after.value === "number" ? formatIndicatorValue(after.value, unit, locale) : text(after.value),
        year: text(after.year),
        date: typeof after.observedOn === "string" ? formatDate(after.observedOn, locale) : "–",
      });
    }
    if (change.action === "link") return t("indicator.conflict.linked", { title: text(after.title) });
    if (change.action === "unlink") return t("indicator.conflict.unlinked", { title: text(before?.title) });
    return null;
  };
  return (
    <ConflictPanel title={t("indicator.conflictTitle")} conflict={conflict} summarize={summarize} headingLevel={3}>
      {children}
      <ConflictDiscardLink />
    </ConflictPanel>
  );
}

export function RecordValueForm({
  unit,
  today,
  version,
  startedAt,
  conflict,
  lastResult,
}: {
  unit: string;
  /** yyyy-mm-dd, the server's today in Banten */
  today: string;
  version: number;
  startedAt: string;
  conflict?: RecordConflict | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const day = useMemo(() => parseIsoDate(today) ?? new Date(), [today]);
  const [form, fields] = useValidatedForm(recordIndicatorValueForm, {
    lastResult,
    shouldValidate: "onBlur",
    defaultValue: { year: today.slice(0, 4), observedOn: today },
    constraint: recordIndicatorValueConstraint(day),
  }, day);
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="record-value" />
      <VersionFields version={version} startedAt={startedAt} conflict={conflict} />
      {conflict ? (
        <IndicatorConflict conflict={conflict} unit={unit}>
          <SubmitButton name="intent" value="record-value">
            {t("indicator.record.anyway")}
          </SubmitButton>
        </IndicatorConflict>
      ) : null}
      <ErrorSummary
        form={form}
        labelFor={(name) =>
          ({
            year: t("indicator.record.year"),
            observedOn: t("indicator.record.observedOn"),
            value: t("indicator.record.value", { unit }),
            numerator: t("indicator.record.numerator"),
            denominator: t("indicator.record.denominator"),
            source: t("indicator.record.source"),
          })[name]
        }
      />
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
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
      {conflict ? null : (
        <SubmitButton name="intent" value="record-value">
          {t("indicator.record.submit")}
        </SubmitButton>
      )}
    </Form>
  );
}

export function LinkItemForm({
  items,
  unit,
  version,
  startedAt,
  conflict,
  lastResult,
}: {
  items: readonly { id: string; title: string; visibility: string; campus: { name: string } }[];
  /** the indicator's unit, to show values recorded meanwhile on a conflict */
  unit: string;
  version: number;
  startedAt: string;
  conflict?: RecordConflict | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(indicatorLinkItemForm, {
    lastResult,
    shouldValidate: "onBlur",
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
      <VersionFields version={version} startedAt={startedAt} conflict={conflict} />
      {conflict ? <IndicatorConflict conflict={conflict} unit={unit} /> : null}
      <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
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
        {t(conflict ? "indicator.link.anyway" : "indicator.link.submit")}
      </SubmitButton>
    </Form>
  );
}

/** One button per linked item; works without JavaScript. */
export function UnlinkButton({
  itemId,
  title,
  version,
  startedAt,
  label,
}: {
  itemId: string;
  title: string;
  version: number;
  startedAt: string;
  /** instead of "unlink", e.g. "unlink anyway" after a refusal */
  label?: string;
}) {
  const t = useT();
  return (
    <Form method="post" className="no-print">
      <input type="hidden" name="itemId" value={itemId} />
      <VersionFields version={version} startedAt={startedAt} />
      <SubmitButton name="intent" value="unlink-item" className="btn-secondary min-h-11 text-sm">
        <span aria-hidden="true">{label ?? t("indicator.unlink")}</span>
        <span className="sr-only">{t("indicator.unlinkLabel", { title })}</span>
      </SubmitButton>
    </Form>
  );
}
