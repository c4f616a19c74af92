import type { MessageKey } from "./i18n";

// "Which campuses are behind, and why": one need score per campus, the ordering of campuses by
// it, and the reasons in words. The dashboard's first screen and the Governor's briefing both
// order campuses with `rankByNeed`, and the briefing's traffic light is read from the same score
// (app/domain/briefing.ts), so the list and the light never disagree.

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

/** The most pressing open obstacle of a campus (past due first, then the oldest), as the dashboard names it. */
export type TopObstacle = {
  description: string;
  /** the government unit that owns it (its abbreviation, else its name), null when it is the campus's */
  unit: string | null;
};

/**
 * Points of need: a milestone past due weighs most (a promise to the province broken), a delayed
 * item next (the campus says so itself), an item gone unreported least (we do not know). Open
 * obstacles add nothing: they are named beside the reasons, not counted as one.
 */
export const NEED_WEIGHTS = { overdue: 3, delayedItems: 2, stale: 1 } as const;

export function needScore(f: Pick<NeedFacts, "overdue" | "delayedItems" | "stale">): number {
  return f.overdue * NEED_WEIGHTS.overdue + f.delayedItems * NEED_WEIGHTS.delayedItems + f.stale * NEED_WEIGHTS.stale;
}

export type NeedReason = { key: MessageKey; values: Record<string, string | number> };

/** An obstacle's text, as a reason: whole up to `max` characters, else cut at a word with an ellipsis. */
export function shortText(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  // cut at the last word boundary unless that throws away more than a quarter of the text
  return `${(space > max * 0.75 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/**
 * The reasons a campus needs attention, the most urgent first; none when it needs none. Beside
 * them, the text of its most pressing open obstacle (and whose it is when a unit owns it), and
 * how many other obstacles are open.
 */
export function needReasons(f: NeedFacts & { topObstacle?: TopObstacle | null }): NeedReason[] {
  const reasons: NeedReason[] = [];
  if (f.overdue > 0) reasons.push({ key: "dash.need.overdue", values: { count: f.overdue } });
  if (f.delayedItems > 0) reasons.push({ key: "dash.need.delayed", values: { count: f.delayedItems } });
  if (f.stale > 0) reasons.push({ key: "dash.need.stale", values: { count: f.stale } });
  if (reasons.length === 0 || f.obstacles === 0) return reasons;
  const top = f.topObstacle;
  if (!top) {
    reasons.push({ key: "dash.need.obstacles", values: { count: f.obstacles } });
    return reasons;
  }
  const text = shortText(top.description);
  reasons.push(top.unit ? { key: "dash.need.obstacleUnit", values: { text, unit: top.unit } } : { key: "dash.need.obstacle", values: { text } });
  if (f.obstacles > 1) reasons.push({ key: "dash.need.obstaclesMore", values: { count: f.obstacles - 1 } });
  return reasons;
}

/** Every campus ordered by need: highest score first, ties by the longest silence, then name. */
export function rankByNeed<T extends NeedFacts & { name: string }>(rows: readonly T[]): T[] {
  const silence = (r: T) => (r.lastUpdate === null ? Number.POSITIVE_INFINITY : r.lastUpdate);
  const keyed = rows.map((r) => ({ r, score: needScore(r), silence: silence(r) }));
  return keyed
    .sort((a, b) => b.score - a.score || (a.silence === b.silence ? 0 : b.silence > a.silence ? 1 : -1) || a.r.name.localeCompare(b.r.name))
    .map((k) => k.r);
}

/** Campuses that need attention (a score above zero), ordered by need. */
export function byNeed<T extends NeedFacts & { name: string }>(rows: readonly T[]): T[] {
  return rankByNeed(rows).filter((r) => needScore(r) > 0);
}
