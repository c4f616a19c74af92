import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/briefing-print";
import printStylesheet from "~/components/briefing-print.css";
import { FilterSelect } from "~/components/filter-select";
import { BriefingKpis, CampusLights, IndicatorList, MilestoneList, ObstacleList, UnitObstacleList } from "~/components/briefing-sections";
import { useLocale, useT } from "~/components/i18n";
import { briefingPeriod, quarterWindow } from "~/domain/briefing";
import { quarterOf, todayInBanten } from "~/domain/dates";
import { formatDate, formatDateTime, labelKey } from "~/domain/i18n";
import { cachedAgreementsNeedingRenewal } from "~/models/agreement.server";
import { closedBriefing, liveBriefing } from "~/models/briefing.server";
import { closedQuarters, getQuarterClose } from "~/models/quarter.server";
import { notFound, requirePermission, toPrincipal } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";

// The briefing only reads: a GET form choosing the quarter, and a print button the page's inline
// script provides on a document load (app/utils/plain-page.ts). It is sent without scripts, like the
// dashboard (docs/decisions/004, "Pages that only read, and lists rendered once").
export const handle = { hydrate: false };

/** the print style sheet, for this page only */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => `${t("briefing.title")} ${data?.quarter ?? ""}`.trim(), "meta.briefing");

// The one-page briefing for the Governor: the current quarter from live data, or a closed
// quarter (?quarter=2026-Q3) as it was, from its snapshots.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report.read");
  const today = todayInBanten();
  const period = briefingPeriod(new URL(request.url).searchParams.get("quarter"), today);
  if (period.kind === "invalid") throw notFound();
  // agreements ending within 90 days or expired, as of today (a closed quarter's briefing too)
  const [closes, agreements] = await Promise.all([closedQuarters(), cachedAgreementsNeedingRenewal(toPrincipal(user), today)]);
  // newest first; the current quarter is the empty choice
  const choices = closes.map((c) => c.quarter).reverse();
  const current = quarterOf(today);
  if (period.kind === "live") {
    const data = await liveBriefing(period.quarter, today, env().STALE_AFTER_DAYS);
    return json({ ...data, quarter: period.quarter, today, closed: null, choices, current, agreements });
  }
  const close = await getQuarterClose(period.quarter);
  if (!close) throw notFound();
  const data = await closedBriefing(close);
  return json({
    ...data,
    quarter: period.quarter,
    today,
    closed: { asOf: quarterWindow(period.quarter).end, closedAt: close.closedAt, closedBy: close.closedBy },
    choices,
    current,
    agreements,
  });
}

export default function BriefingPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="briefing space-y-4 print:space-y-2">
      <div className="no-print flex flex-wrap items-end justify-between gap-3">
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <FilterSelect
            id="briefing-quarter"
            name="quarter"
            label={t("briefing.choose")}
            empty={t("briefing.current", { quarter: data.current })}
            options={data.choices.map((q) => [q, q] as const)}
            value={data.closed ? data.quarter : null}
          />
          <button type="submit" className="btn-secondary">
            {t("briefing.show")}
          </button>
        </Form>
        <PrintButton />
      </div>

      <header className="border-b-2 border-brand-700 pb-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("briefing.subtitle")}</p>
        <h1 className="text-2xl font-bold">{t("briefing.title")}</h1>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <span className="font-semibold" data-testid="briefing-quarter">
            {t("briefing.quarter", { quarter: data.quarter })}
          </span>
          <span>{t("briefing.date", { date: formatDate(data.today, locale) })}</span>
        </p>
        <p className="text-sm text-slate-700" data-testid="briefing-basis">
          {data.closed
            ? t("briefing.closed", {
                date: formatDate(data.closed.asOf, locale),
                closedAt: formatDateTime(data.closed.closedAt, locale),
                name: data.closed.closedBy ?? "–",
              })
            : t("briefing.live", { date: formatDate(data.today, locale) })}
        </p>
      </header>

      <section aria-labelledby="b-summary">
        <h2 id="b-summary" className="mb-1 font-semibold">
          {t("briefing.summary")}
        </h2>
        <BriefingKpis headline={data.headline} />
        {data.closed ? <p className="mt-1 text-xs text-slate-600">{t("briefing.reconstructed")}</p> : null}
      </section>

      <BriefingSection id="b-campuses" title={t("briefing.campuses")}>
        <CampusLights rows={data.campuses} closed={!!data.closed} />
      </BriefingSection>

      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2 print:gap-x-4 print:gap-y-1">
        <BriefingSection id="b-met" title={t("briefing.met")}>
          <MilestoneList rows={data.met.rows} more={data.met.more} empty={t("briefing.met.none")} testId="met" />
        </BriefingSection>
        <BriefingSection id="b-missed" title={t("briefing.missed")}>
          <MilestoneList rows={data.missed.rows} more={data.missed.more} empty={t("briefing.missed.none")} testId="missed" />
        </BriefingSection>
        <BriefingSection id="b-obstacles" title={t("briefing.obstacles")}>
          <ObstacleList rows={data.obstacles.rows} more={data.obstacles.more} />
        </BriefingSection>
        <BriefingSection id="b-units" title={t("briefing.units")}>
          <UnitObstacleList groups={data.units.groups} more={data.units.more} />
        </BriefingSection>
        <BriefingSection id="b-indicators" title={t("briefing.indicators")}>
          <IndicatorList rows={data.indicators.rows} more={data.indicators.more} />
        </BriefingSection>
        <BriefingSection id="b-agreements" title={t("agreements.attention")}>
          {data.agreements.length === 0 ? (
            <p className="text-sm">{t("agreements.attentionNone")}</p>
          ) : (
            <ul className="space-y-0.5 text-sm" data-testid="briefing-agreements">
              {data.agreements.map((a) => (
                <li key={a.id}>
                  {a.kind} · {a.title} {a.campus ? `(${a.campus.abbreviation ?? a.campus.name})` : ""} — {t(labelKey("agreement.status", a.status))},{" "}
                  {t("agreements.endsIn", { until: formatDate(a.validUntil, locale) })}
                </li>
              ))}
            </ul>
          )}
        </BriefingSection>
      </div>

      <p className="border-t border-slate-300 pt-1 text-xs text-slate-600">{t("briefing.source")}</p>
    </article>
  );
}

/** One titled section of the briefing. */
function BriefingSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-1 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
