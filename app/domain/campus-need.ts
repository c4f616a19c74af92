import type { MessageKey } from "./i18n";

// "Which campuses are behind, and why": one ordering of campuses by need, and the reasons in
// words, for the dashboard's first screen. Most urgent first: milestones past due, then delayed
// items, then items gone unreported, then the longest silence.

export type NeedFacts = {
  /** milestones past their due date, still waiting for the campus (status.ts: isMilestoneOverdue) */
  overdue: number;
  /** items whose latest report says "Terlambat" */
  delayedItems: number;
  /** open items without an update for longer than the stale period (status.ts: isStale) */
  stale: number;
  /** open obstacles */
  obstacles: number;
  /** days since the campus's last report, null if it never reported */
  lastUpdate: number | null;
};

export type NeedReason = { key: MessageKey; count: number };

/** The reasons a campus needs attention, the most urgent first; none when it needs none. */
export function needReasons(f: NeedFacts): NeedReason[] {
  const reasons: NeedReason[] = [];
  if (f.overdue > 0) reasons.push({ key: "dash.need.overdue", count: f.overdue });
  if (f.delayedItems > 0) reasons.push({ key: "dash.need.delayed", count: f.delayedItems });
  if (f.stale > 0) reasons.push({ key: "dash.need.stale", count: f.stale });
  if (reasons.length > 0 && f.obstacles > 0) reasons.push({ key: "dash.need.obstacles", count: f.obstacles });
  return reasons;
}

/** Campuses that need attention, ordered by need (ties by their longest silence, then name). */
export function byNeed<T extends NeedFacts & { name: string }>(rows: readonly T[]): T[] {
  const silence = (r: T) => (r.lastUpdate === null ? Number.POSITIVE_INFINITY : r.lastUpdate);
  return rows
    .filter((r) => needReasons(r).length > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.delayedItems - a.delayedItems ||
        b.stale - a.stale ||
        silence(b) - silence(a) ||
        a.name.localeCompare(b.name),
    );
}
