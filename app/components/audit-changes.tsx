import { formatDate, formatDateTime, isMessageKey, type Translate } from "~/domain/i18n";
import type { Locale } from "~/domain/enums";
import { useLocale, useT } from "./i18n";

type Values = Record<string, unknown> | null | undefined;

const ISO_MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A stored audit value as a person reads it: dates in WIB, yes/no, "(empty)". */
export function formatAuditValue(value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === "") return t("audit.emptyValue");
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (typeof value === "string") {
    // calendar dates are stored as UTC midnight; instants are shown in Banten time
    if (ISO_MIDNIGHT.test(value)) return formatDate(value, locale);
    if (ISO_INSTANT.test(value)) return formatDateTime(value, locale);
    return value;
  }
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/**
 * The fields an audit event changed, as "field: before → after". Used by the audit trail and by
 * the history of a roadmap item; `fieldLabel` lets a page name its own fields.
 */
export function AuditChanges({
  before,
  after,
  fieldLabel,
}: {
  before: Values;
  after: Values;
  fieldLabel?: (field: string) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-slate-500">{t("audit.noChanges")}</p>;
  const label = (field: string) => {
    if (fieldLabel) return fieldLabel(field);
    const key = `audit.field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  const show = (value: unknown) => formatAuditValue(value, t, locale);
  return (
    <dl className="space-y-1 text-sm" data-testid="audit-changes">
      {keys.map((field) => {
        const hasBefore = !!before && field in before;
        const hasAfter = !!after && field in after;
        return (
          <div key={field} className="break-words">
            <dt className="inline font-medium text-slate-700">{label(field)}: </dt>
            <dd className="inline">
              {hasBefore ? (
                <del className="rounded bg-red-50 px-1 text-red-800 decoration-red-400">{show(before[field])}</del>
              ) : null}
              {hasBefore && hasAfter ? <span> → </span> : null}
              {hasAfter ? <ins className="rounded bg-green-50 px-1 text-green-900 no-underline">{show(after[field])}</ins> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
