import { daysBetween, quarterOf, quarterRange } from "./dates";
import { parsePage } from "./paging";

// Layout maths of the roadmap timeline: which quarter columns to draw and where each bar and
// milestone sits, as fractions (0–1) of the timeline's width. Pure, so the server draws it.

/** The quarter the Kesepakatan Bersama was signed in (26 November 2025): the timeline starts here. */
export const TIMELINE_FIRST_QUARTER = "2025-Q4";
/** How far ahead of the current quarter the timeline may reach (two years). */
export const TIMELINE_QUARTERS_AHEAD = 8;
/** Items drawn per page: the list never grows without bound, and a page stays light on a phone. */
export const ROADMAP_PAGE_SIZE = 50;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: unknown): value is string {
  return typeof value === "string" && QUARTER.test(value);
}

/** A quarter as a running number (year × 4 + quarter − 1), for comparing and counting. */
export function quarterIndex(quarter: string): number {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

export function quarterFromIndex(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function addQuarters(quarter: string, n: number): string {
  return quarterFromIndex(quarterIndex(quarter) + n);
}

/** Every quarter from `from` to `to`, both included (empty when `to` is before `from`). */
export function quarterSpan(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) out.push(quarterFromIndex(i));
  return out;
}

/** The quarters the timeline may show: from the signing of the agreement to two years ahead. */
export function timelineBounds(today: Date): { first: string; last: string } {
  return { first: TIMELINE_FIRST_QUARTER, last: addQuarters(quarterOf(today), TIMELINE_QUARTERS_AHEAD) };
}

function clampQuarter(quarter: string, bounds: { first: string; last: string }): string {
  const i = quarterIndex(quarter);
  if (i < quarterIndex(bounds.first)) return bounds.first;
  if (i > quarterIndex(bounds.last)) return bounds.last;
  return quarter;
}

export type RoadmapFilter = {
  /** campus slug */
  campus: string | null;
  /** priority area code */
  area: string | null;
  /** counterpart government unit's code */
  unit: string | null;
  from: string | null;
  to: string | null;
  /** only overdue items */
  overdue: boolean;
  page: number;
};

/** Reads the timeline's filters from the URL; anything malformed is ignored. */
export function parseRoadmapFilter(params: URLSearchParams): RoadmapFilter {
  const text = (name: string) => {
    const v = params.get(name)?.trim();
    return v ? v.slice(0, 60) : null;
  };
  const quarter = (name: string) => {
    const v = text(name);
    return isQuarter(v) ? v : null;
  };
  return {
    campus: text("campus"),
    area: text("area"),
    unit: text("unit"),
    from: quarter("from"),
    to: quarter("to"),
    overdue: params.get("overdue") === "1",
    page: parsePage(params.get("page")),
  };
}

/**
 * The quarters to draw: those the URL chooses, else those spanned by the filtered items (`span`:
 * earliest planned start, latest planned end), always within the timeline's bounds. Without
 * items, the coming year.
 */
export function resolveWindow(
  chosen: { from: string | null; to: string | null },
  span: { start: Date | null; end: Date | null },
  today: Date,
): { from: string; to: string } {
  const bounds = timelineBounds(today);
  const current = clampQuarter(quarterOf(today), bounds);
  let from = clampQuarter(chosen.from ?? (span.start ? quarterOf(span.start) : current), bounds);
  let to = clampQuarter(chosen.to ?? (span.end ? quarterOf(span.end) : addQuarters(from, 3)), bounds);
  if (quarterIndex(to) < quarterIndex(from)) {
    if (chosen.from && chosen.to) [from, to] = [to, from];
    else if (chosen.from) to = from;
    else from = to;
  }
  return { from, to };
}

/** First and last day of a window of quarters. */
export function windowDates(window: { from: string; to: string }): { start: Date; end: Date } {
  return { start: quarterRange(window.from).start, end: quarterRange(window.to).end };
}

export type QuarterColumn = { quarter: string; year: number; q: number; startsYear: boolean };

export function quarterColumns(window: { from: string; to: string }): QuarterColumn[] {
  return quarterSpan(window.from, window.to).map((quarter, i) => {
    const q = Number(quarter.slice(-1));
    return { quarter, year: Number(quarter.slice(0, 4)), q, startsYear: q === 1 || i === 0 };
  });
}

export type BarLayout = {
  /** fraction of the width where the bar starts */
  left: number;
  /** fraction of the width the bar covers */
  width: number;
  /** the item starts before the window */
  clippedStart: boolean;
  /** the item ends after the window */
  clippedEnd: boolean;
};

/**
 * Where an item's bar sits in the window, by calendar days: from the start of its first planned
 * day to the end of its last. Null when the item lies wholly outside the window.
 */
export function barLayout(window: { start: Date; end: Date }, plannedStart: Date, plannedEnd: Date): BarLayout | null {
  if (plannedEnd < window.start || plannedStart > window.end || plannedEnd < plannedStart) return null;
  const total = daysBetween(window.start, window.end) + 1;
  const from = Math.max(0, daysBetween(window.start, plannedStart));
  const to = Math.min(total, daysBetween(window.start, plannedEnd) + 1);
  return {
    left: from / total,
    width: (to - from) / total,
    clippedStart: plannedStart < window.start,
    clippedEnd: plannedEnd > window.end,
  };
}

/** Where a day sits in the window (its middle), or null outside it. */
export function dayOffset(window: { start: Date; end: Date }, day: Date): number | null {
  if (day < window.start || day > window.end) return null;
  const total = daysBetween(window.start, window.end) + 1;
  return (daysBetween(window.start, day) + 0.5) / total;
}
