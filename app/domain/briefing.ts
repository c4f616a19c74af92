import { quarterOf, quarterRange } from "./dates";
import type { Verdict } from "./indicator";
import { isQuarter, quarterEndInstant } from "./quarter";

// The Governor's one-page briefing: which quarter it reports on, the campus traffic light, and
// how a milestone's state at the end of a closed quarter is read back from its dates.

export type Light = "GREEN" | "AMBER" | "RED" | "GREY";

/** Lists on the briefing stop here and say how many more there are, so it fits on one page. */
export const BRIEFING_LIST_LIMIT = 10;

/** One campus's row of the briefing: its figures and traffic light. */
export type BriefingCampus = {
  slug: string;
  name: string;
  fullName: string;
  items: number;
  progress: number | null;
  onTrack: number | null;
  atRisk: number | null;
  delayed: number | null;
  overdue: number;
  obstacles: number;
  light: Light;
};

/** The campus light rule, written on the page in its legend. */
export const CAMPUS_LIGHT_RULE = {
  /** red when at least this share of the campus's (not cancelled) items is delayed */
  redDelayedShare: 0.25,
  /** or when at least this many of its milestones are overdue */
  redOverdue: 3,
  /** amber when at least this share is at risk or delayed */
  amberConcernShare: 0.25,
  /** or when at least this many milestones are overdue */
  amberOverdue: 1,
} as const;

// shares are sums of fractions (1/12 + 2/12 is not exactly 0.25)
const EPS = 1e-9;

export type CampusFigures = {
  /** share of at-risk items among the campus's items that are not cancelled; null without such items */
  atRisk: number | null;
  /** share of delayed items, likewise */
  delayed: number | null;
  /** overdue milestones of the campus's items */
  overdue: number;
};

/**
 * A campus's traffic light: RED if a quarter or more of its items is delayed or 3 or more
 * milestones are overdue; AMBER if a quarter or more is at risk or delayed, or any milestone is
 * overdue; GREEN otherwise; GREY when it has nothing to judge (no items, nothing overdue).
 */
export function campusLight(f: CampusFigures, rule = CAMPUS_LIGHT_RULE): Light {
  const hasItems = f.atRisk !== null && f.delayed !== null;
  const delayed = f.delayed ?? 0;
  const concern = (f.atRisk ?? 0) + delayed;
  if (delayed >= rule.redDelayedShare - EPS || f.overdue >= rule.redOverdue) return "RED";
  if (concern >= rule.amberConcernShare - EPS || f.overdue >= rule.amberOverdue) return "AMBER";
  return hasItems ? "GREEN" : "GREY";
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
