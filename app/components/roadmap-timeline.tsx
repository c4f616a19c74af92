import { Link } from "@remix-run/react";
import type { BarLayout, QuarterColumn } from "~/domain/roadmap-timeline";
import { isAwaitingCampus, statusLight } from "~/domain/status";
import { formatDate, formatPercent, labelKey } from "~/domain/i18n";
import { useLocale, useT } from "./i18n";
import { StatusBadge } from "./status";

// The roadmap timeline, drawn on the server: HTML rows (titles wrap, links are real links) over
// a grid of quarter columns, each with an SVG track for its bar and milestone markers. Positions
// are percentages, so the same markup scrolls sideways on a phone and fits the page in print.

type Day = string | Date;

export type TimelineItem = {
  id: string;
  title: string;
  status: string;
  progress: number;
  draft: boolean;
  overdue: boolean;
  plannedStart: Day;
  plannedEnd: Day;
  campus: { slug: string; name: string; fullName: string };
  bar: BarLayout;
  milestones: { id: string; title: string; state: string; dueDate: Day; overdue: boolean; offset: number | null }[];
};

const FILL = {
  GREEN: { track: "#bbf7d0", done: "#15803d" },
  AMBER: { track: "#fde68a", done: "#b45309" },
  RED: { track: "#fecaca", done: "#b91c1c" },
  GREY: { track: "#e2e8f0", done: "#64748b" },
} as const;

const OVERDUE = "#b91c1c";
/** Narrowest bar drawn, so a one-day item stays visible. */
const MIN_WIDTH = 0.004;

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

function milestoneStyle(m: { state: string; overdue: boolean }) {
  if (m.overdue) return { fill: OVERDUE, stroke: "#7f1d1d" };
  if (isAwaitingCampus(m)) return { fill: "#ffffff", stroke: "#1e293b" };
  return { fill: "#1e293b", stroke: "#1e293b" };
}

/** A diamond centred on (0, 0) in the coordinates of its nested <svg>. */
function Diamond({ fill, stroke, title, testId }: { fill: string; stroke: string; title?: string; testId?: string }) {
  return (
    <path d="M0 -7 L7 0 L0 7 L-7 0 Z" fill={fill} stroke={stroke} strokeWidth="1.5" data-testid={testId}>
      {title ? <title>{title}</title> : null}
    </path>
  );
}

function Row({ item }: { item: TimelineItem }) {
  const t = useT();
  const locale = useLocale();
  const colours = FILL[statusLight(item.status)];
  const width = Math.max(item.bar.width, MIN_WIDTH);
  const left = Math.min(item.bar.left, 1 - width);
  const done = (width * Math.max(0, Math.min(100, item.progress))) / 100;
  const describe = (m: TimelineItem["milestones"][number]) =>
    t("roadmap.milestone", { title: m.title, state: t(labelKey("milestone.state", m.state)), date: formatDate(m.dueDate, locale) }) +
    (m.overdue ? ` (${t("roadmap.milestone.overdue")})` : "");
  return (
    <li
      className={`relative border-t border-slate-100 py-1.5 ${item.overdue ? "bg-red-50/70" : ""}`}
      data-testid="roadmap-item"
      data-campus={item.campus.slug}
      data-overdue={item.overdue ? "true" : "false"}
    >
      <div className="sticky left-0 z-[2] inline-block max-w-[calc(100vw-4rem)] px-2 text-sm sm:max-w-lg">
        <Link to={`/items/${item.id}`} className="font-medium text-brand-700 underline">
          {item.title}
        </Link>{" "}
        <span className="text-slate-700">
          · <abbr title={item.campus.fullName} className="no-underline">{item.campus.name}</abbr> ·{" "}
          {formatDate(item.plannedStart, locale)} – {formatDate(item.plannedEnd, locale)} ·{" "}
          {t("roadmap.progress", { value: formatPercent(item.progress, locale) })}
        </span>{" "}
        <StatusBadge status={item.status} />
        {item.overdue ? (
          <span className="ml-1 inline-flex rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="overdue-badge">
            {t("roadmap.overdue")}
          </span>
        ) : null}
        {item.draft ? (
          <span className="ml-1 inline-flex rounded-full border border-dashed border-slate-500 px-2 py-0.5 text-xs font-semibold text-slate-700">
            {t("roadmap.draft")}
          </span>
        ) : null}
        {item.bar.clippedStart ? <span className="sr-only">, {t("roadmap.continuesBefore")}</span> : null}
        {item.bar.clippedEnd ? <span className="sr-only">, {t("roadmap.continuesAfter")}</span> : null}
        {item.milestones.length ? (
          <ul className="sr-only" aria-label={t("roadmap.milestones")}>
            {item.milestones.map((m) => (
              <li key={m.id}>{describe(m)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {/* the same facts as the text above, drawn; hidden from screen readers to avoid saying them twice */}
      <svg className="block h-6 w-full overflow-visible" aria-hidden="true" data-testid="roadmap-track">
        <a href={`/items/${item.id}`} tabIndex={-1}>
          <title>{item.title}</title>
          <rect
            x={pct(left)}
            y="5"
            width={pct(width)}
            height="14"
            rx="3"
            fill={colours.track}
            stroke={item.overdue ? OVERDUE : item.draft ? "#475569" : "none"}
            strokeWidth={item.overdue ? 2.5 : 1.5}
            strokeDasharray={item.draft ? "5 3" : undefined}
            data-testid="roadmap-bar"
          />
          {done > 0 ? <rect x={pct(left)} y="5" width={pct(done)} height="14" rx="3" fill={colours.done} /> : null}
        </a>
        {item.bar.clippedStart ? (
          <svg x={pct(left)} y="12" overflow="visible">
            <path d="M-1 0 L6 -6 L6 6 Z" fill="#334155" />
          </svg>
        ) : null}
        {item.bar.clippedEnd ? (
          <svg x={pct(left + width)} y="12" overflow="visible">
            <path d="M1 0 L-6 -6 L-6 6 Z" fill="#334155" />
          </svg>
        ) : null}
        {item.milestones.map((m) =>
          m.offset === null ? null : (
            <svg key={m.id} x={pct(m.offset)} y="12" overflow="visible">
              <Diamond {...milestoneStyle(m)} title={describe(m)} testId="milestone-marker" />
            </svg>
          ),
        )}
      </svg>
    </li>
  );
}

export function RoadmapTimeline({
  columns,
  items,
  today,
}: {
  columns: QuarterColumn[];
  items: TimelineItem[];
  /** where today sits (fraction of the width), or null outside the quarters shown */
  today: number | null;
}) {
  const t = useT();
  const grid = { gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` };
  return (
    <div
      role="region"
      aria-label={t("roadmap.timeline")}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible print:border-0"
      data-testid="roadmap-timeline"
    >
      <div className="relative pb-2 print:!min-w-0" style={{ minWidth: `${columns.length * 7}rem` }}>
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 grid" style={grid}>
          {columns.map((c) => (
            <div key={c.quarter} className={`border-l ${c.startsYear ? "border-slate-400" : "border-slate-200"}`} />
          ))}
        </div>
        <div className="relative grid border-b border-slate-300 bg-slate-50/80 text-xs font-semibold text-slate-700" style={grid}>
          {columns.map((c) => (
            <div key={c.quarter} className="px-1 py-2 text-center">
              {t("roadmap.quarter", { q: c.q, year: c.year })}
            </div>
          ))}
        </div>
        {today !== null ? (
          <>
            <div aria-hidden="true" className="relative h-5">
              <span
                className={`absolute top-0.5 whitespace-nowrap rounded bg-red-600 px-1 text-[10px] font-semibold text-white ${
                  today < 0.05 ? "" : today > 0.95 ? "-translate-x-full" : "-translate-x-1/2"
                }`}
                style={{ left: pct(today) }}
              >
                {t("roadmap.today")}
              </span>
            </div>
            {/* above the bars, below the titles */}
            <div
              aria-hidden="true"
              className="pointer-events-none absolute bottom-0 top-[3.25rem] z-[1] border-l-2 border-dashed border-red-600"
              style={{ left: pct(today) }}
              data-testid="today-line"
            />
          </>
        ) : null}
        <ol className="relative">
          {items.map((item) => (
            <Row key={item.id} item={item} />
          ))}
        </ol>
      </div>
    </div>
  );
}

/** What the colours, outlines and diamonds mean. */
export function RoadmapLegend() {
  const t = useT();
  const sample = (fill: string, stroke: string) => (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className="inline-block align-middle">
      <Diamond fill={fill} stroke={stroke} />
    </svg>
  );
  return (
    <section aria-labelledby="roadmap-legend" className="text-sm text-slate-700">
      <h2 id="roadmap-legend" className="font-semibold">
        {t("roadmap.legend")}
      </h2>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        <li>
          <svg width="36" height="12" aria-hidden="true" className="mr-1 inline-block align-middle">
            <rect width="36" height="12" rx="3" fill={FILL.GREEN.track} />
            <rect width="20" height="12" rx="3" fill={FILL.GREEN.done} />
          </svg>
          {t("roadmap.legend.bar")}
        </li>
        <li>
          <svg width="36" height="12" aria-hidden="true" className="mr-1 inline-block align-middle">
            <rect x="1" y="1" width="34" height="10" rx="3" fill={FILL.RED.track} stroke={OVERDUE} strokeWidth="2" />
          </svg>
          {t("roadmap.legend.overdue")}
        </li>
        <li>
          <svg width="36" height="12" aria-hidden="true" className="mr-1 inline-block align-middle">
            <rect x="1" y="1" width="34" height="10" rx="3" fill={FILL.GREY.track} stroke="#475569" strokeDasharray="5 3" />
          </svg>
          {t("roadmap.legend.draft")}
        </li>
        <li>
          {sample("#ffffff", "#1e293b")} {t("roadmap.legend.milestone")}
        </li>
        <li>
          {sample(OVERDUE, "#7f1d1d")} {t("roadmap.legend.milestoneOverdue")}
        </li>
        <li>
          {sample("#1e293b", "#1e293b")} {t("roadmap.legend.milestoneOther")}
        </li>
      </ul>
    </section>
  );
}
