import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { KpiGrid } from "~/components/filter-select";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { ProgressBar, StatusBadge } from "~/components/status";
import { quarterRange } from "~/domain/dates";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/domain/i18n";
import { isQuarter } from "~/domain/quarter";
import { getQuarterClose, quarterDashboard } from "~/models/quarter.server";
import { notFound, requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.quarter ?? "Triwulan"} · Kolaborasi Banten` }];

// A closed quarter as it was: every figure comes from its frozen snapshots, never from live data.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "dashboard.read");
  const quarter = params.quarter ?? "";
  if (!isQuarter(quarter)) throw notFound();
  const close = await getQuarterClose(quarter);
  if (!close) throw notFound();
  const data = await quarterDashboard(close.id);
  return json({ quarter, asOf: quarterRange(quarter).end, closedAt: close.closedAt, closedBy: close.closedBy, ...data });
}

export default function ClosedQuarterPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, locale));
  const avg = (v: number | null) => (v === null ? "–" : formatPercent(v, locale));
  const kpis = [
    { label: t("quarters.view.kpi.items"), value: formatNumber(data.headline.items, locale) },
    { label: t("quarters.view.kpi.progress"), value: avg(data.headline.averageProgress) },
    { label: t("quarters.view.kpi.onTrack"), value: pct(data.headline.onTrack) },
    { label: t("quarters.view.kpi.atRisk"), value: pct(data.headline.atRisk) },
    { label: t("quarters.view.kpi.delayed"), value: pct(data.headline.delayed) },
  ];
  return (
    <div className="space-y-6">
      <header>
        <Link to="/quarters" className="text-sm text-brand-700 underline">
          {t("quarters.view.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("quarters.view.title", { quarter: data.quarter })}</h1>
        <p className="text-slate-700">
          {t("quarters.view.asOf", {
            date: formatDate(data.asOf, locale),
            closedAt: formatDateTime(data.closedAt, locale),
            name: data.closedBy ?? t("quarters.list.unknownUser"),
          })}
        </p>
      </header>

      <KpiGrid kpis={kpis} />

      <section aria-labelledby="by-campus" className="space-y-3">
        <h2 id="by-campus" className="text-lg font-semibold">
          {t("quarters.view.byCampus")}
        </h2>
        {data.campuses.length === 0 ? <p className="card">{t("quarters.view.noItems")}</p> : null}
        {data.campuses.map((c) => (
          <details key={c.slug} className="card" data-testid={`campus-${c.slug}`}>
            <summary className="cursor-pointer">
              <span className="font-semibold" title={c.fullName}>
                {c.name}
              </span>{" "}
              <span className="text-sm text-slate-700">
                {t("quarters.view.campusSummary", { count: c.items, progress: avg(c.progress), onTrack: pct(c.onTrack) })}
              </span>
            </summary>
            <ul className="mt-3 space-y-3">
              {c.snapshots.map((s) => (
                <li key={s.itemId} className="border-t border-slate-200 pt-3" data-testid="snapshot">
                  <p className="flex flex-wrap items-baseline gap-x-2">
                    <Link to={`/items/${s.itemId}`} className="font-medium text-brand-700 underline">
                      {s.title}
                    </Link>
                    <StatusBadge status={s.status} />
                  </p>
                  <div className="mt-1 max-w-xs">
                    <ProgressBar value={s.progress} label={t("quarters.view.progress")} />
                  </div>
                  <dl className="mt-1 space-y-1 text-sm">
                    <dt className="text-slate-600">{t("quarters.view.narrative")}</dt>
                    <dd className="break-words">{s.narrative ?? t("quarters.view.noNarrative")}</dd>
                    <dt className="text-slate-600">{t("quarters.view.change")}</dt>
                    <dd className="break-words" data-testid="change-summary">
                      {s.changeSummary}
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </div>
  );
}
