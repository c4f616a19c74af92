/**
 * Actual values against targets over the years, as a server-rendered SVG (readable without
 * JavaScript, printable in black and white: actual is solid with dots, the planned path dashed
 * with squares, the trend dotted). The same figures are in the tables beside it.
 */
import { formatIndicatorNumber } from "~/domain/indicator";
import { useLocale, useT } from "./i18n";

type Point = { year: number; value: number };

export type IndicatorChartProps = {
  baseline: Point;
  actuals: readonly Point[];
  targets: readonly Point[];
  /** change per year of the trend from the baseline, if there is one */
  slopePerYear: number | null;
  /** the indicator's name, in the reader's language (the chart's title) */
  name: string;
  compact?: boolean;
};

const ACTUAL = "#0f6b4f";
const TARGET = "#b45309";
const TREND = "#475569";

/** A "nice" step (1, 2 or 5 × 10^k) giving about `count` intervals over `range`. */
function niceStep(range: number, count: number): number {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export function IndicatorChart({ baseline, actuals, targets, slopePerYear, name, compact = false }: IndicatorChartProps) {
  const translate = useT();
  const locale = useLocale();
  const formatValue = (value: number) => formatIndicatorNumber(value, locale);
  const labels = {
    title: translate("indicator.chart.title", { name }),
    actual: translate("indicator.chart.actual"),
    target: translate("indicator.chart.target"),
    trend: translate("indicator.chart.trend"),
  };
  const width = 360;
  const height = compact ? 170 : 220;
  const pad = { left: 48, right: 14, top: 18, bottom: 46 };
  const years = [baseline.year, ...actuals.map((a) => a.year), ...targets.map((t) => t.year)];
  let minYear = Math.min(...years);
  let maxYear = Math.max(...years);
  if (minYear === maxYear) {
    minYear -= 1;
    maxYear += 1;
  }
  const trendAt = (year: number) => (slopePerYear === null ? null : baseline.value + slopePerYear * (year - baseline.year));
  const trendEnd = trendAt(maxYear);
  const values = [baseline.value, ...actuals.map((a) => a.value), ...targets.map((t) => t.value)];
  if (trendEnd !== null) values.push(trendEnd);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spread = max - min || Math.abs(max) * 0.1 || 1;
  // room for the value labels above the highest and below the lowest point
  const step = niceStep(spread * 1.3, 4);
  let lo = Math.floor((min - spread * 0.15) / step) * step;
  const hi = Math.ceil((max + spread * 0.12) / step) * step;
  if (lo < 0 && min >= 0) lo = 0;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));

  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (year: number) => pad.left + ((year - minYear) / (maxYear - minYear)) * plotW;
  const y = (value: number) => pad.top + (1 - (value - lo) / (hi - lo)) * plotH;
  const line = (points: readonly Point[]) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const yearStep = maxYear - minYear > 8 ? 2 : 1;
  const yearTicks: number[] = [];
  for (let year = minYear; year <= maxYear; year += yearStep) yearTicks.push(year);

  const sortedActuals = [...actuals].sort((a, b) => a.year - b.year);
  const plannedPath = [baseline, ...[...targets].sort((a, b) => a.year - b.year).filter((t) => t.year > baseline.year)];
  const legendY = height - 10;

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={labels.title}
      className={`h-auto w-full ${compact ? "max-w-sm" : "max-w-xl"}`}
      data-testid="indicator-chart"
    >
      <title>{labels.title}</title>
      {ticks.map((v) => (
        <g key={`y${v}`}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
          <text x={pad.left - 4} y={y(v) + 3.5} fontSize="10" textAnchor="end" fill="#475569">
            {formatValue(v)}
          </text>
        </g>
      ))}
      {yearTicks.map((year) => (
        <text key={`x${year}`} x={x(year)} y={height - pad.bottom + 14} fontSize="10" textAnchor="middle" fill="#475569">
          {year}
        </text>
      ))}

      {plannedPath.length > 1 ? (
        <path d={line(plannedPath)} fill="none" stroke={TARGET} strokeWidth="1.5" strokeDasharray="6 4" />
      ) : null}
      {trendEnd !== null ? (
        <path
          d={line([baseline, { year: maxYear, value: trendEnd }])}
          fill="none"
          stroke={TREND}
          strokeWidth="1.5"
          strokeDasharray="2 3"
          data-series="trend"
        />
      ) : null}
      {sortedActuals.length > 1 ? <path d={line(sortedActuals)} fill="none" stroke={ACTUAL} strokeWidth="2.5" /> : null}

      {targets.map((t) => (
        <g key={`t${t.year}`} data-series="target" data-year={t.year}>
          <rect x={x(t.year) - 4} y={y(t.value) - 4} width="8" height="8" fill="#fff" stroke={TARGET} strokeWidth="2">
            <title>{`${labels.target} ${t.year}: ${formatValue(t.value)}`}</title>
          </rect>
          <text x={x(t.year)} y={y(t.value) - 8} fontSize="10" textAnchor="middle" fill={TARGET}>
            {formatValue(t.value)}
          </text>
        </g>
      ))}
      {sortedActuals.map((a, i) => (
        <g key={`a${a.year}`} data-series="actual" data-year={a.year}>
          <circle cx={x(a.year)} cy={y(a.value)} r="4" fill={ACTUAL}>
            <title>{`${labels.actual} ${a.year}: ${formatValue(a.value)}`}</title>
          </circle>
          {i === sortedActuals.length - 1 ? (
            <text
              x={x(a.year)}
              y={y(a.value) + 15 < pad.top + plotH - 2 ? y(a.value) + 15 : y(a.value) - 8}
              fontSize="10"
              // at the plot's edges the label leans inwards, clear of the axis labels
              textAnchor={x(a.year) - pad.left < 20 ? "start" : width - pad.right - x(a.year) < 20 ? "end" : "middle"}
              fill={ACTUAL}
              fontWeight="bold"
            >
              {formatValue(a.value)}
            </text>
          ) : null}
        </g>
      ))}

      <g fontSize="10" fill="#334155">
        <line x1={pad.left} x2={pad.left + 16} y1={legendY - 3} y2={legendY - 3} stroke={ACTUAL} strokeWidth="2.5" />
        <circle cx={pad.left + 8} cy={legendY - 3} r="3" fill={ACTUAL} />
        <text x={pad.left + 20} y={legendY}>{labels.actual}</text>
        {targets.length ? (
          <>
            <line x1={pad.left + 90} x2={pad.left + 106} y1={legendY - 3} y2={legendY - 3} stroke={TARGET} strokeWidth="1.5" strokeDasharray="4 3" />
            <rect x={pad.left + 95} y={legendY - 6} width="6" height="6" fill="#fff" stroke={TARGET} strokeWidth="1.5" />
            <text x={pad.left + 110} y={legendY}>{labels.target}</text>
          </>
        ) : null}
        {trendEnd !== null ? (
          <>
            <line x1={pad.left + 170} x2={pad.left + 186} y1={legendY - 3} y2={legendY - 3} stroke={TREND} strokeWidth="1.5" strokeDasharray="2 3" />
            <text x={pad.left + 190} y={legendY}>{labels.trend}</text>
          </>
        ) : null}
      </g>
    </svg>
  );
}

const VERDICT_STYLE: Record<string, string> = {
  REACHED: "bg-green-100 text-green-900 ring-green-600/30",
  ON_COURSE: "bg-green-100 text-green-900 ring-green-600/30",
  OFF_COURSE: "bg-red-100 text-red-900 ring-red-600/30",
  MISSED: "bg-red-100 text-red-900 ring-red-600/30",
  NO_TREND: "bg-slate-100 text-slate-800 ring-slate-500/30",
  NO_DATA: "bg-slate-100 text-slate-800 ring-slate-500/30",
  NO_TARGET: "bg-slate-100 text-slate-800 ring-slate-500/30",
};

/** The short trajectory verdict of an indicator (its label comes from the dictionary). */
export function VerdictBadge({ verdict, label }: { verdict: string; label: string }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${VERDICT_STYLE[verdict] ?? VERDICT_STYLE.NO_DATA}`}
      data-verdict={verdict}
    >
      {label}
    </span>
  );
}
