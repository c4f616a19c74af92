import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { FilterSelect } from "~/components/filter-select";
import { Pager } from "~/components/pager";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { RoadmapLegend, RoadmapTimeline } from "~/components/roadmap-timeline";
import { todayInBanten } from "~/domain/dates";
import { formatNumber } from "~/domain/i18n";
import { parseRoadmapFilter } from "~/domain/roadmap-timeline";
import { roadmapTimeline } from "~/models/roadmap.server";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "roadmap.title", "meta.roadmap");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.read");
  const filter = parseRoadmapFilter(new URL(request.url).searchParams);
  const data = await roadmapTimeline(toPrincipal(user), filter, todayInBanten());
  return json({ ...data, filter });
}

export default function RoadmapPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const quarterLabel = (quarter: string) => t("roadmap.quarter", { q: quarter.slice(-1), year: quarter.slice(0, 4) });
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.items.length - 1;
  const selects = [
    ["campus", t("roadmap.filter.campus"), t("roadmap.filter.all"), data.campuses.map((c) => [c.slug, c.name] as const), data.filter.campus],
    ["area", t("roadmap.filter.area"), t("roadmap.filter.all"), data.areas.map((a) => [a.code, locale === "en" ? a.nameEn : a.nameId] as const), data.filter.area],
    [
      "unit",
      t("roadmap.filter.unit"),
      t("roadmap.filter.all"),
      data.units.map((u) => [u.code, u.retired ? t("unit.option.retired", { name: u.name }) : u.name] as const),
      data.filter.unit,
    ],
    ["from", t("roadmap.filter.from"), t("roadmap.filter.auto"), data.quarterOptions.map((q) => [q, quarterLabel(q)] as const), data.filter.from],
    ["to", t("roadmap.filter.to"), t("roadmap.filter.auto"), data.quarterOptions.map((q) => [q, quarterLabel(q)] as const), data.filter.to],
  ] as const;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("roadmap.title")}</h1>
        <p className="text-slate-700">{t("roadmap.intro")}</p>
      </header>

      <Form method="get" className="card no-print grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("roadmap.filters")}>
        {selects.map(([name, label, empty, options, value]) => (
          <FilterSelect key={name} id={`r-${name}`} name={name} label={label} empty={empty} options={options} value={value} />
        ))}
        <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
          <input type="checkbox" name="overdue" value="1" defaultChecked={data.filter.overdue} className="h-5 w-5" />
          {t("roadmap.filter.overdue")}
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:justify-end">
          <button type="submit" className="btn">
            {t("roadmap.filter.apply")}
          </button>
          <Link to="/roadmap" className="btn-secondary">
            {t("roadmap.filter.reset")}
          </Link>
        </div>
      </Form>

      <div className="space-y-1 text-sm" aria-live="polite">
        <p className="font-medium" data-testid="roadmap-summary">
          {t("roadmap.summary", {
            total: formatNumber(data.total, locale),
            from: quarterLabel(data.window.from),
            to: quarterLabel(data.window.to),
            overdue: formatNumber(data.overdue, locale),
          })}
        </p>
        {data.drafts.total > 0 ? (
          <p className="text-slate-700" data-testid="roadmap-drafts">
            {t("roadmap.drafts", { total: formatNumber(data.drafts.total, locale), overdue: formatNumber(data.drafts.overdue, locale) })}
          </p>
        ) : null}
        {data.outside > 0 ? <p className="text-slate-700">{t("roadmap.outside", { count: formatNumber(data.outside, locale) })}</p> : null}
        {data.pageCount > 1 ? (
          <p className="text-amber-900" data-testid="roadmap-capped">
            {t("roadmap.capped", { first, last, total: data.total, size: data.pageSize })}
          </p>
        ) : null}
      </div>

      {data.items.length === 0 ? (
        <p className="card text-slate-700">{t("roadmap.empty")}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600 sm:hidden print:hidden">{t("roadmap.scrollHint")}</p>
          <RoadmapTimeline columns={data.columns} items={data.items} today={data.today} />
        </>
      )}

      <Pager page={data.page} pages={data.pageCount} label={t("roadmap.pages")} summary={t("roadmap.page", { page: data.page, pages: data.pageCount })} />

      <RoadmapLegend />
    </div>
  );
}
