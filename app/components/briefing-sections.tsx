import { Link } from "@remix-run/react";
import { CAMPUS_LIGHT_RULE, type BriefingCampus, type Light } from "~/domain/briefing";
import { NEED_WEIGHTS } from "~/domain/campus-need";
import { todayInBanten } from "~/domain/dates";
import { formatIndicatorValue } from "~/domain/indicator";
import { formatDate, formatNumber, formatPercent, labelKey } from "~/domain/i18n";
import { VerdictBadge } from "./indicator-chart";
import { useLocale, useT } from "./i18n";
import { TableWrap } from "~/components/table-wrap";

// The sections of the Governor's briefing (app/routes/reports.briefing.tsx). Dates arrive as
// strings from the loader; a timestamp (reviewedAt) is shown as its calendar day in Banten.

type When = string | Date | null;

const LIGHT_DOT: Record<Light, string> = {
  GREEN: "bg-green-600",
  AMBER: "bg-amber-400",
  RED: "bg-red-600",
  GREY: "bg-slate-400",
};

export function LightDot({ light }: { light: Light }) {
  const t = useT();
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-light={light}>
      <span aria-hidden className={`inline-block h-3 w-3 rounded-full ${LIGHT_DOT[light]}`} />
      {t(`briefing.light.${light}`)}
    </span>
  );
}

function More({ count }: { count: number }) {
  const t = useT();
  return count > 0 ? <p className="mt-1 text-sm italic text-slate-600" data-testid="more">{t("briefing.more", { count })}</p> : null;
}

export type Headline = {
  items: number;
  averageProgress: number | null;
  onTrack: number;
  atRisk: number;
  delayed: number;
  overdue: number;
  obstacles: number;
};

export function BriefingKpis({ headline }: { headline: Headline }) {
  const t = useT();
  const locale = useLocale();
  const pct = (v: number) => formatPercent(v * 100, locale);
  const kpis = [
    { label: t("dash.kpi.items"), value: formatNumber(headline.items, locale) },
    { label: t("dash.kpi.progress"), value: headline.averageProgress === null ? "–" : formatPercent(headline.averageProgress, locale) },
    { label: t("dash.kpi.onTrack"), value: pct(headline.onTrack) },
    { label: t("dash.kpi.atRisk"), value: pct(headline.atRisk) },
    { label: t("dash.kpi.delayed"), value: pct(headline.delayed) },
    { label: t("dash.kpi.overdue"), value: formatNumber(headline.overdue, locale) },
    { label: t("dash.kpi.obstacles"), value: formatNumber(headline.obstacles, locale) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7 print:grid-cols-7" data-testid="kpis">
      {kpis.map((k) => (
        <div key={k.label} className="card">
          <dt className="text-xs text-slate-600">{k.label}</dt>
          <dd className="text-xl font-bold tabular-nums print:text-base">{k.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CampusLights({ rows, closed }: { rows: BriefingCampus[]; closed: boolean }) {
  const t = useT();
  const locale = useLocale();
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, locale));
  const rule = CAMPUS_LIGHT_RULE;
  return (
    <>
      <TableWrap label={t("briefing.campuses")}>
        <table data-testid="campus-lights">
          <thead>
            <tr>
              <th scope="col">{t("dash.table.campus")}</th>
              <th scope="col">{t("briefing.light")}</th>
              <th scope="col">{t("briefing.score")}</th>
              <th scope="col">{t("dash.table.items")}</th>
              <th scope="col">{t("dash.table.progress")}</th>
              <th scope="col">{t("dash.table.onTrack")}</th>
              <th scope="col">{t("dash.table.atRisk")}</th>
              <th scope="col">{t("dash.table.delayed")}</th>
              <th scope="col">{t("dash.table.overdue")}</th>
              <th scope="col">{t("dash.table.stale")}</th>
              <th scope="col">{t("dash.table.obstacles")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug} data-testid={`campus-${r.slug}`}>
                <th scope="row" className="font-medium" title={r.fullName}>
                  {r.name}
                </th>
                <td>
                  <LightDot light={r.light} />
                </td>
                <td className="tabular-nums">{r.score}</td>
                <td className="tabular-nums">{r.items}</td>
                <td className="tabular-nums">{r.progress === null ? "–" : formatPercent(r.progress, locale)}</td>
                <td className="tabular-nums">{pct(r.onTrack)}</td>
                <td className="tabular-nums">{pct(r.atRisk)}</td>
                <td className="tabular-nums">{pct(r.delayed)}</td>
                <td className="tabular-nums">{r.overdue}</td>
                <td className="tabular-nums">{closed ? "–" : r.stale}</td>
                <td className="tabular-nums">{r.obstacles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="mt-1 text-xs text-slate-600" data-testid="legend">
        {t("briefing.legend", {
          overdue: NEED_WEIGHTS.overdue,
          delayed: NEED_WEIGHTS.delayedItems,
          stale: NEED_WEIGHTS.stale,
          red: rule.red,
          amber: rule.amber,
        })}
        {closed ? ` ${t("briefing.legend.closed")}` : ""}
      </p>
    </>
  );
}

export type MilestoneRow = {
  id: string;
  title: string;
  dueDate: When;
  reviewedAt: When;
  reason: string;
  itemId: string | null;
  itemTitle: string | null;
  campus: string | null;
};

export function MilestoneList({ rows, more, empty, testId }: { rows: MilestoneRow[]; more: number; empty: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid={testId}>
        {rows.map((m) => (
          <li key={m.id} className="break-words">
            <span className="font-semibold">{m.campus ?? "–"}</span> · {m.itemTitle ?? "–"}:{" "}
            <Link to={`/milestones/${m.id}`} className="text-brand-700 underline">
              {m.title}
            </Link>{" "}
            <span className="text-slate-700">
              ({m.reason === "OVERDUE" ? t("briefing.missed.OVERDUE") : t(labelKey("milestone.state", m.reason))},{" "}
              {m.reason === "OVERDUE"
                ? t("briefing.milestone.due", { date: formatDate(m.dueDate, locale) })
                : t("briefing.milestone.reviewed", { date: formatDate(m.reviewedAt ? todayInBanten(new Date(m.reviewedAt)) : null, locale) })}
              )
            </span>
          </li>
        ))}
      </ul>
      <More count={more} />
    </>
  );
}

export type ObstacleRow = {
  id: string;
  description: string;
  ownerName: string | null;
  dueDate: When;
  itemId: string;
  itemTitle: string;
  campus: string;
};

/** An obstacle as both lists name it: its campus, its item (linked) and what it is. */
function ObstacleHead({ obstacle: o }: { obstacle: { campus: string; itemId: string; itemTitle: string; description: string } }) {
  return (
    <>
      <span className="font-semibold">{o.campus}</span> ·{" "}
      <Link to={`/items/${o.itemId}`} className="text-brand-700 underline">
        {o.itemTitle}
      </Link>
      : {o.description}
    </>
  );
}

export function ObstacleList({ rows, more }: { rows: ObstacleRow[]; more: number }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("briefing.obstacles.none")}</p>;
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid="obstacles">
        {rows.map((o) => (
          <li key={o.id} className="break-words">
            <ObstacleHead obstacle={o} />{" "}
            <span className="text-slate-700">
              ({o.ownerName ? t("briefing.obstacle.owner", { name: o.ownerName }) : t("briefing.obstacle.noOwner")}
              {o.dueDate ? `, ${t("briefing.obstacle.due", { date: formatDate(o.dueDate, locale) })}` : ""})
            </span>
          </li>
        ))}
      </ul>
      <More count={more} />
    </>
  );
}

export type UnitObstacleRow = {
  id: string;
  description: string;
  dueDate: When;
  pastDue: boolean;
  itemId: string;
  itemTitle: string;
  campus: string;
};

/** Open obstacles waiting on government units, one list per unit (the most pressing first). */
export function UnitObstacleList({ groups, more }: { groups: { unit: { code: string; name: string }; rows: UnitObstacleRow[] }[]; more: number }) {
  const t = useT();
  const locale = useLocale();
  if (groups.length === 0) return <p className="text-sm text-slate-600">{t("briefing.units.none")}</p>;
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid="unit-obstacles">
        {groups.map((g) => (
          <li key={g.unit.code} data-unit={g.unit.code}>
            <Link to={`/units/${g.unit.code}`} className="font-semibold text-brand-700 underline">
              {g.unit.name}
            </Link>
            <ul className="ml-4 list-disc">
              {g.rows.map((o) => (
                <li key={o.id} className="break-words">
                  <ObstacleHead obstacle={o} />{" "}
                  <span className="text-slate-700">
                    ({o.dueDate ? t("briefing.obstacle.due", { date: formatDate(o.dueDate, locale) }) : t("briefing.units.noDue")})
                  </span>
                  {o.pastDue ? <span className="ml-1 font-semibold text-red-700">{t("briefing.units.pastDue")}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <More count={more} />
    </>
  );
}

export type IndicatorRow = {
  id: string;
  code: string;
  nameId: string;
  nameEn: string;
  unit: string;
  latest: { year: number; value: number } | null;
  next: { year: number; target: number } | null;
  verdict: string;
};

export function IndicatorList({ rows, more }: { rows: IndicatorRow[]; more: number }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("briefing.indicators.none")}</p>;
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid="indicators">
        {rows.map((i) => (
          <li key={i.id} className="break-words" data-code={i.code}>
            <Link to={`/indicators/${i.id}`} className="text-brand-700 underline">
              {locale === "en" ? i.nameEn : i.nameId}
            </Link>
            :{" "}
            <span className="tabular-nums">
              {i.latest
                ? t("indicators.inYear", { value: formatIndicatorValue(i.latest.value, i.unit, locale), year: i.latest.year })
                : t("indicators.noValue")}
              {i.next
                ? ` → ${t("briefing.indicator.target", { value: formatIndicatorValue(i.next.target, i.unit, locale), year: i.next.year })}`
                : ""}
            </span>{" "}
            <VerdictBadge verdict={i.verdict} label={t(labelKey("verdict", i.verdict))} />
          </li>
        ))}
      </ul>
      <More count={more} />
    </>
  );
}
