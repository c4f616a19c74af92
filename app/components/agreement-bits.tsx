import { Link } from "@remix-run/react";
import type { AgreementStatus } from "~/domain/agreement";
import { formatDate, labelKey } from "~/domain/i18n";
import { useLocale, useT } from "./i18n";

const TONE: Record<string, string> = {
  ACTIVE: "bg-emerald-100 text-emerald-900",
  ENDING_SOON: "bg-amber-100 text-amber-900",
  EXPIRED: "bg-red-100 text-red-900",
  DRAFT: "bg-slate-200 text-slate-900",
  SUPERSEDED: "bg-slate-100 text-slate-700",
  NOT_YET_VALID: "bg-sky-100 text-sky-900",
};

/** An agreement's status as a badge (draft, active, ending within 90 days, expired, superseded). */
export function AgreementStatusBadge({ status }: { status: AgreementStatus | string }) {
  const t = useT();
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONE[status] ?? TONE.DRAFT}`} data-testid="agreement-status">
      {t(labelKey("agreement.status", status))}
    </span>
  );
}

export type AgreementLine = {
  id: string;
  kind: string;
  number: string | null;
  campusNumber: string | null;
  title: string;
  validFrom: Date | string;
  validUntil: Date | string;
  status: string;
  campus: { abbreviation: string | null; name: string } | null;
};

/** One agreement in a list: kind, numbers, title (a link to its page), campus, validity and status. */
export function AgreementSummary({ a }: { a: AgreementLine }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="font-semibold">
        <Link className="underline" to={`/agreements/${a.id}`}>
          {t(labelKey("agreement.kind", a.kind))} · {a.title}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        {[a.number, a.campusNumber].filter(Boolean).join(" / ") || "–"}
        {a.campus ? ` · ${a.campus.abbreviation ?? a.campus.name}` : ""}
        {" · "}
        {t("agreements.validity", { from: formatDate(a.validFrom, locale), until: formatDate(a.validUntil, locale) })}{" "}
        <AgreementStatusBadge status={a.status} />
      </p>
    </>
  );
}

/**
 * Agreements ending within 90 days or expired (the rule of app/domain/agreement.ts): their count
 * and list, where people look (dashboard, campus page, briefing).
 */
export function AgreementsAttention({ agreements, headingLevel = 2 }: { agreements: readonly AgreementLine[]; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="agreements-attention" data-testid="agreements-attention">
      <Heading id="agreements-attention" className="text-lg font-semibold">
        {t("agreements.attention")}
      </Heading>
      {agreements.length === 0 ? (
        <p className="text-sm text-slate-700">{t("agreements.attentionNone")}</p>
      ) : (
        <>
          <p className="text-sm font-semibold text-amber-900" data-testid="agreements-attention-count">
            {t("agreements.attentionCount", { count: agreements.length })}
          </p>
          <ul className="mt-2 space-y-2">
            {agreements.map((a) => (
              <li key={a.id} className="card border-l-4 border-l-amber-500">
                <AgreementSummary a={a} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
