import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageLink } from "~/components/page-link";
import { HeatMap, StatusBars } from "~/components/dashboard-charts";
import { ExportLinks } from "~/components/export-links";
import { FilterSelect, KpiGrid } from "~/components/filter-select";
import { Pager } from "~/components/pager";
import { useLocale, useT } from "~/components/i18n";
import { ShowAllLink } from "~/components/show-all-link";
import { StaticMarkup } from "~/components/static-markup";
import { StatusBadge } from "~/components/status";
import { parseDashboardFilter, type DashboardSort } from "~/domain/dashboard";
import { NEED_WEIGHTS } from "~/domain/campus-need";
import { addDays, quarterOf, todayInBanten } from "~/domain/dates";
import { DUE_SOON_DAYS } from "~/domain/status";
import { ITEM_STATUSES } from "~/domain/enums";
import { formatDateTime, formatNumber, formatPercent, labelKey, type MessageKey } from "~/domain/i18n";
import { dashboardView } from "~/models/dashboard.server";
import { cachedAgreementsNeedingRenewal } from "~/models/agreement.server";
import { AgreementsAttention } from "~/components/agreement-bits";
import { can } from "~/domain/policy";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.dashboard", "meta.dashboard");

// The dashboard only reads: links, and a GET form for its filters that the browser submits itself.
// It is sent without scripts (docs/decisions/004, "Pages that only read, and lists rendered once").
export const handle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.read");
  const filter = parseDashboardFilter(new URL(request.url).searchParams);
  const today = todayInBanten();
  const staleDays = env().STALE_AFTER_DAYS;
  const [view, agreementsAttention] = await Promise.all([
    dashboardView(filter, today, staleDays),
    // agreements ending within 90 days or expired, of the filtered campus (drafts as the viewer may see them)
    cachedAgreementsNeedingRenewal(toPrincipal(user), today, { slug: filter.campus }),
  ]);
  // the quarters offered: from the signing of the agreement to a year ahead
  const quarters: string[] = [];
  for (let d = new Date(Date.UTC(2025, 9, 1)); d <= addDays(today, 366); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1))) {
    quarters.push(quarterOf(d));
  }
  return {
    ...view,
    quarters,
    staleDays,
    agreementsAttention,
    may: { briefing: can(toPrincipal(user), "report.read") },
  };
}

const COLUMNS: { key: DashboardSort; label: MessageKey }[] = [
  { key: "name", label: "dash.table.campus" },
  { key: "items", label: "dash.table.items" },
  { key: "progress", label: "dash.table.progress" },
  { key: "onTrack", label: "dash.table.onTrack" },
  { key: "atRisk", label: "dash.table.atRisk" },
  { key: "delayed", label: "dash.table.delayed" },
  { key: "overdue", label: "dash.table.overdue" },
  { key: "stale", label: "dash.table.stale" },
  { key: "obstacles", label: "dash.table.obstacles" },
  { key: "lastUpdate", label: "dash.table.lastUpdate" },
];

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, locale));
  const kpis = [
    { label: t("dash.kpi.items"), value: formatNumber(data.headline.items, locale) },
    { label: t("dash.kpi.progress"), value: data.headline.averageProgress === null ? "–" : formatPercent(data.headline.averageProgress, locale) },
    { label: t("dash.kpi.onTrack"), value: pct(data.headline.onTrack) },
    { label: t("dash.kpi.atRisk"), value: pct(data.headline.atRisk) },
    { label: t("dash.kpi.delayed"), value: pct(data.headline.delayed) },
    { label: t("dash.kpi.dueSoonDays", { days: DUE_SOON_DAYS }), value: formatNumber(data.headline.dueSoon, locale) },
    { label: t("dash.kpi.overdue"), value: formatNumber(data.headline.overdue, locale) },
    { label: t("dash.kpi.stale", { days: data.staleDays }), value: formatNumber(data.headline.stale, locale) },
    { label: t("dash.kpi.obstacles"), value: formatNumber(data.headline.obstacles, locale) },
  ];
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t("dash.title")}</h1>
          <p className="text-slate-700">{t("dash.intro")}</p>
        </div>
        {data.may.briefing ? (
          <PageLink to="/reports/briefing" className="btn-secondary no-print">
            {t("dash.briefing")}
          </PageLink>
        ) : null}
      </header>

      <section className="card border-l-4 border-l-red-700" aria-labelledby="need-title" data-testid="campus-need">
        <h2 id="need-title" className="text-lg font-semibold">{t("dash.need.title")}</h2>
        <p className="text-sm text-slate-600">
          {t("dash.need.intro", { overdue: NEED_WEIGHTS.overdue, delayed: NEED_WEIGHTS.delayedItems, stale: NEED_WEIGHTS.stale })}
        </p>
        {data.need.length === 0 ? <p className="mt-2">{t("dash.need.none")}</p> : null}
        <ol className="mt-2 space-y-1.5">
          {data.need.map((c) => (
            <li key={c.slug} data-testid="campus-need-row">
              <PageLink to={`/campuses/${c.slug}`} className="font-semibold text-brand-700 underline" title={c.fullName}>
                {c.name}
              </PageLink>
              <span className="text-slate-800"> — {c.reasons.map((r) => t(r.key, r.values)).join(" · ")}</span>
            </li>
          ))}
        </ol>
      </section>

      <Form method="get" className="card no-print grid gap-3 sm:grid-cols-3 sm:items-end lg:grid-cols-6" aria-label={t("dash.filters")}>
        <input type="hidden" name="sort" value={data.filter.sort} />
        <input type="hidden" name="dir" value={data.filter.dir} />
        {(
          [
            ["campus", t("dash.filter.campus"), data.campuses.map((c) => [c.slug, c.name] as const), data.filter.campus],
            ["area", t("dash.filter.area"), data.areas.map((a) => [a.code, locale === "en" ? a.nameEn : a.nameId] as const), data.filter.area],
            ["unit", t("dash.filter.unit"), data.units.map((u) => [u.code, u.name] as const), data.filter.unit],
            ["status", t("dash.filter.status"), ITEM_STATUSES.map((s) => [s, t(`status.${s}`)] as const), data.filter.status],
            ["period", t("dash.filter.period"), data.quarters.map((q) => [q, q] as const), data.filter.period],
          ] as const
        ).map(([name, label, options, value]) => (
          <FilterSelect key={name} id={`f-${name}`} name={name} label={label} empty={t("dash.filter.all")} options={options} value={value} />
        ))}
        <div className="flex gap-2">
          <button type="submit" className="btn">
            {t("dash.filter.apply")}
          </button>
          <PageLink to="/dashboard" className="btn-secondary">
            {t("dash.filter.reset")}
          </PageLink>
        </div>
      </Form>

      <section aria-label={t("dash.title")}>
        <KpiGrid kpis={kpis} />
        <p className="mt-1 text-xs text-slate-600" data-testid="dash-scope">
          {t("dash.scope")}
        </p>
      </section>

      {/* the figures first: exports are for taking them elsewhere */}
      <ExportLinks search={params} />

      <AgreementsAttention agreements={data.agreementsAttention} />

      <section aria-labelledby="by-campus">
        <h2 id="by-campus" className="text-lg font-semibold">{t("dash.table.title")}</h2>
        {/* the table for this filter, sort and page: the same for every reviewer until the data changes */}
        <StaticMarkup name="campus-table" source={data.table} render={(table) => <CampusTable {...table} />} />
        <Pager page={data.page.page} pages={data.page.pages} label={t("dash.page.label")} summary={t("dash.page.showing", { ...data.page })} />
      </section>

      <StaticMarkup name="unit-obstacles" source={data.unitTable} render={(table) => <UnitObstacles {...table} />} />

      <StaticMarkup name="charts" source={data.charts} render={(charts) => <ByAreaAndField {...charts} />} />

      <StaticMarkup name="heat-map" source={data.heatMap} render={(heatMap) => <Heat {...heatMap} />} />

      <StaticMarkup name="activity" source={data.activity} render={(activity) => <Activity activity={activity} />} />
    </div>
  );
}

type DashboardData = Awaited<ReturnType<typeof loader>>;

/** The per-campus table of one page, with links that sort it (the filter kept, back to its first page). */
function CampusTable({ rows, sort, dir, filters }: DashboardData["table"]) {
  const t = useT();
  const locale = useLocale();
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, locale));
  const sortLink = (key: DashboardSort): `/${string}` => {
    const next = new URLSearchParams(filters);
    next.set("sort", key);
    next.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
    return `/dashboard?${next}`;
  };
  return (
    <TableWrap label={t("dash.table.title")} className="mt-2">
      <table data-testid="campus-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort === c.key ? (dir === "asc" ? "ascending" : "descending") : undefined}
              >
                <PageLink to={sortLink(c.key)} className="underline" title={t("dash.table.sortBy", { column: t(c.label) })}>
                  {t(c.label)}
                  {sort === c.key ? (dir === "asc" ? " ▲" : " ▼") : ""}
                </PageLink>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row" className="font-medium">
                <PageLink to={`/campuses/${r.slug}`} className="text-brand-700 underline" title={r.fullName}>
                  {r.name}
                </PageLink>
              </th>
              <td className="tabular-nums">{r.items}</td>
              <td className="tabular-nums">{r.progress === null ? "–" : formatPercent(r.progress, locale)}</td>
              <td className="tabular-nums">{pct(r.onTrack)}</td>
              <td className="tabular-nums">{pct(r.atRisk)}</td>
              <td className="tabular-nums">{pct(r.delayed)}</td>
              <td className={`tabular-nums ${r.overdue ? "font-semibold text-red-700" : ""}`}>{r.overdue}</td>
              <td className="tabular-nums">{r.stale}</td>
              <td className="tabular-nums">{r.obstacles}</td>
              <td className="tabular-nums">{r.lastUpdate ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ByAreaAndField({ byArea, byField }: DashboardData["charts"]) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="card" aria-labelledby="by-area">
        <h2 id="by-area" className="font-semibold">{t("dash.byArea")}</h2>
        <StatusBars
          title={t("dash.byArea")}
          statusLabel={(s) => t(`status.${s}`)}
          rows={byArea.map((a) => ({ label: locale === "en" ? a.nameEn : a.nameId, counts: a.counts }))}
        />
      </section>
      <section className="card" aria-labelledby="by-field">
        <h2 id="by-field" className="font-semibold">{t("dash.byField")}</h2>
        <StatusBars
          title={t("dash.byField")}
          statusLabel={(s) => t(`status.${s}`)}
          rows={byField.map((f) => ({ label: t(labelKey("triDharma", f.field)), counts: f.counts }))}
        />
      </section>
    </div>
  );
}

function Heat({ rows: heat, areas }: DashboardData["heatMap"]) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="heat">
      <h2 id="heat" className="font-semibold">{t("dash.heat.title")}</h2>
      <HeatMap
        title={t("dash.heat.title")}
        rows={heat}
        columns={areas.map((a) => (locale === "en" ? a.nameEn : a.nameId))}
        rowHeader={t("dash.table.campus")}
        never={t("dash.heat.neverShort")}
      />
      <ol className="mt-2 grid gap-x-4 text-xs text-slate-600 sm:grid-cols-3">
        {areas.map((a, i) => (
          <li key={a.code}>
            {i + 1}. {locale === "en" ? a.nameEn : a.nameId}
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs text-slate-600">{t("dash.heat.legend")}</p>
    </section>
  );
}

function Activity({ activity }: { activity: DashboardData["activity"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="activity">
      <h2 id="activity" className="text-lg font-semibold">{t("dash.activity")}</h2>
      {activity.length === 0 ? <p className="text-slate-600">{t("dash.activity.none")}</p> : null}
      <ul className="mt-2 space-y-2">
        {activity.map((a) => (
          <li key={a.id} className="card text-sm">
            <p className="text-slate-600">
              {formatDateTime(a.createdAt, locale)} · {a.item.campus.abbreviation ?? a.item.campus.name}
            </p>
            <p>
              <PageLink to={`/items/${a.item.id}`} className="font-medium text-brand-700 underline">
                {a.item.title}
              </PageLink>{" "}
              <StatusBadge status={a.status} />
            </p>
            <p>{t("dash.activity.update", { author: a.author.name, progress: a.progress, status: t(labelKey("status", a.status)) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per government unit: the open obstacles it owns and how many are past due, linked to the unit's page. */
function UnitObstacles({
  units,
  hidden,
}: {
  units: { code: string; name: string; abbreviation: string | null; retired: boolean; open: number; pastDue: number }[];
  hidden: number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="unit-obstacles" data-testid="unit-obstacles">
      <h2 id="unit-obstacles" className="text-lg font-semibold">{t("dash.units.title")}</h2>
      <p className="text-sm text-slate-600">{t("dash.units.intro")}</p>
      {units.length === 0 ? (
        <p className="mt-2">{t("dash.units.none")}</p>
      ) : (
        <TableWrap label={t("dash.units.title")} className="mt-2">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dash.units.unit")}</th>
                <th scope="col">{t("dash.units.pastDue")}</th>
                <th scope="col">{t("dash.units.open")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code} data-testid={`unit-${u.code}`}>
                  <th scope="row" className="font-medium">
                    <PageLink to={`/units/${u.code}`} className="text-brand-700 underline" title={u.name}>
                      {u.abbreviation ?? u.name}
                    </PageLink>
                    {u.retired ? <span className="text-slate-600"> {t("dash.units.retired")}</span> : null}
                  </th>
                  <td className={`tabular-nums ${u.pastDue ? "font-semibold text-red-700" : ""}`}>{formatNumber(u.pastDue, locale)}</td>
                  <td className="tabular-nums">{formatNumber(u.open, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {hidden ? (
        <ShowAllLink to="/units" testId="all-units">
          {t("dash.units.more", { count: hidden })}
        </ShowAllLink>
      ) : null}
    </section>
  );
}
