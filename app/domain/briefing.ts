import { needScore, type NeedFacts } from "./campus-need";
import { quarterOf, quarterRange } from "./dates";
import type { Verdict } from "./indicator";
import { isQuarter, quarterEndInstant } from "./quarter";

// The Governor's one-page briefing: which quarter it reports on, the campus traffic light, and
// how a milestone's state at the end of a closed quarter is read back from its dates.

export type Light = "GREEN" | "AMBER" | "RED" | "GREY";

/** Lists on the briefing stop here and say how many more there are, so it fits on one page. */
export const BRIEFING_LIST_LIMIT = 10;

/** One campus's row of the briefing: its figures, its need (app/domain/campus-need.ts) and traffic light. */
export type BriefingCampus = NeedFacts & {
  slug: string;
  name: string;
  fullName: string;
  items: number;
  progress: number | null;
  onTrack: number | null;
  atRisk: number | null;
  delayed: number | null;
  /** points of need (needScore), the figure the light is read from */
  score: number;
  light: Light;
};

/**
 * The campus light, read from the campus's points of need (the dashboard's ordering, so the
 * briefing lists the red campuses first, then the amber, then the green): 3 per milestone past
 * due, 2 per delayed item, 1 per item gone unreported.
 *
 * - RED from 20 points: at the province's scale (5–15 items a campus) that is, for example,
 *   4 milestones past due with 4 delayed items, or 10 delayed items: a campus in real trouble.
 *   On the demo data (scores from 4 to 29) it marks 4 campuses of 12; the old rule (a quarter of
 *   the items delayed, or 3 milestones past due) marked 9 of 12.
 * - AMBER from 1 point: anything past due, delayed or unreported. A campus with a milestone past
 *   due and an item gone silent (4 points) is never green.
 * - GREEN: nothing past due, delayed or unreported. GREY: no items, nothing to judge.
 *
 * Raise RED with the province's scale if campuses come to carry many more items.
 */
export const CAMPUS_LIGHT_RULE = {
  /** red from this many points of need */
  red: 20,
  /** amber from this many */
  amber: 1,
} as const;

export function campusLight(f: Pick<NeedFacts, "overdue" | "delayedItems" | "stale"> & { items: number }, rule = CAMPUS_LIGHT_RULE): Light {
  const score = needScore(f);
  if (score >= rule.red) return "RED";
  if (score >= rule.amber) return "AMBER";
  return f.items > 0 ? "GREEN" : "GREY";
}

/** Obstacles a government unit owns, grouped by unit in the order they come (the most pressing first). */
export function groupByUnit<T extends { unit: { code: string; name: string } }>(rows: readonly T[]): { unit: { code: string; name: string }; rows: T[] }[] {
  const groups = new Map<string, { unit: { code: string; name: string }; rows: T[] }>();
  for (const row of rows) {
    const group = groups.get(row.unit.code);
    if (group) group.rows.push(row);
    else groups.set(row.unit.code, { unit: row.unit, rows: [row] });
  }
  return [...groups.values()];
}

export type BriefingPeriod =
  | { kind: "live"; quarter: string }
  | { kind: "closed"; quarter: string }
  | { kind: "invalid" };

/**
 * Which quarter a briefing reports on: without `?quarter`, the current one from live data; a
 * past quarter is read from its snapshots (the route checks it is closed). The current quarter
 * named explicitly is the live one; anything else that is not a quarter is invalid.
 */
export function briefingPeriod(param: string | null | undefined, today: Date): BriefingPeriod {
  const current = quarterOf(today);
  const value = param?.trim() ?? "";
  if (!value || value === current) return { kind: "live", quarter: current };
  if (!isQuarter(value)) return { kind: "invalid" };
  return { kind: "closed", quarter: value };
}

/**
 * A quarter as calendar days (`start`/`end`, UTC midnight, for due dates) and as instants in
 * Banten (`from` inclusive, `until` exclusive, for timestamps such as `reviewedAt`).
 */
export function quarterWindow(quarter: string) {
  const { start, end } = quarterRange(quarter);
  return { start, end, from: new Date(start.getTime() - 7 * 3_600_000), until: quarterEndInstant(quarter) };
}

/** Worst first: what the governor should read about before the rest is cut off. */
const VERDICT_ORDER: readonly Verdict[] = ["MISSED", "OFF_COURSE", "NO_DATA", "NO_TREND", "ON_COURSE", "REACHED", "NO_TARGET"];

export function verdictRank(verdict: Verdict | string): number {
  const i = VERDICT_ORDER.indexOf(verdict as Verdict);
  return i < 0 ? VERDICT_ORDER.length : i;
}

/** The first `limit` rows and how many were left off. */
export function capList<T>(rows: readonly T[], total: number, limit = BRIEFING_LIST_LIMIT): { rows: T[]; more: number } {
  const shown = rows.slice(0, limit);
  return { rows: shown, more: Math.max(0, total - shown.length) };
}
