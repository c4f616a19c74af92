import type { Prisma } from "@prisma/client";
import { addDays } from "./dates";
import type { ItemStatus, MilestoneState } from "./enums";
import { sql, type SqlFragment } from "./sql";

// The definitions every figure, badge, list, export and reminder uses. Change them here only.
//
// Each counted rule is written once, its three forms side by side: the predicate over one record
// (badges, flags, rows already loaded), the Prisma `where` (lists and counts), and, for the grouped
// raw SQL of the dashboard and the status lines, an SQL fragment over fixed aliases: `i` for
// RoadmapItem, `m` for Milestone, `o` for Obstacle. tests/integration/rules.test.ts checks on a
// real database that the forms agree around every boundary.
//
// Over which records a page counts (published items only, or also the drafts its reader may see)
// is the page's choice, made with the `publishedItem` rule below and said on the page.

/** Statuses counted as "on track" (completed work is on track). */
export const ON_TRACK_STATUSES: readonly ItemStatus[] = ["ON_TRACK", "COMPLETED"];
/** Items that no longer need updates. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ["COMPLETED", "CANCELLED"];
/** Milestones still waiting for the campus: overdue once their due date has passed. */
export const AWAITING_CAMPUS_STATES: readonly MilestoneState[] = ["PENDING", "RETURNED"];
/** How far ahead a milestone counts as "due soon". */
export const DUE_SOON_DAYS = 30;

const among = (list: readonly string[], value: string) => list.includes(value);
const ms = (date: Date) => date.getTime();

// ---------- published items: the scope of the dashboard, briefing, exports, reminders, /publik ----------

/** A published item is visible to everyone signed in (a draft only to its campus and the governor's office). */
export function isPublished(item: { visibility: string }): boolean {
  return item.visibility === "PUBLISHED";
}
export function publishedItemWhere(): Prisma.RoadmapItemWhereInput {
  return { visibility: "PUBLISHED" };
}
export function publishedItemSql(): SqlFragment {
  return sql`i."visibility" = ${"PUBLISHED"}`;
}

// ---------- counted in shares and averages ----------

/** Cancelled items count as items, but not towards shares and average progress. */
export function countsInShares(item: { status: string }): boolean {
  return item.status !== "CANCELLED";
}
/** Fits items and their quarterly snapshots alike. */
export function countsInSharesWhere(): { status: { not: ItemStatus } } {
  return { status: { not: "CANCELLED" } };
}

// ---------- milestones waiting for the campus ----------

export function isAwaitingCampus(m: { state: string }): boolean {
  return among(AWAITING_CAMPUS_STATES, m.state);
}
export function awaitingCampusWhere(): Prisma.MilestoneWhereInput {
  return { state: { in: [...AWAITING_CAMPUS_STATES] } };
}

// ---------- overdue milestone ----------

/** A milestone is overdue when it still waits for the campus and its due date is before today. */
export function isMilestoneOverdue(m: { state: string; dueDate: Date }, today: Date): boolean {
  return isAwaitingCampus(m) && m.dueDate < today;
}
export function overdueMilestoneWhere(today: Date): Prisma.MilestoneWhereInput {
  return { state: { in: [...AWAITING_CAMPUS_STATES] }, dueDate: { lt: today } };
}
export function overdueMilestoneSql(today: Date): SqlFragment {
  return sql`m."state" IN (${AWAITING_CAMPUS_STATES}) AND m."dueDate" < ${ms(today)}`;
}

// ---------- milestone due soon ----------

/** Due soon: still waiting for the campus, due today or within `days` (an overdue one is not due soon). */
export function isMilestoneDueSoon(m: { state: string; dueDate: Date }, today: Date, days = DUE_SOON_DAYS): boolean {
  return isAwaitingCampus(m) && m.dueDate >= today && m.dueDate <= addDays(today, days);
}
export function dueSoonMilestoneWhere(today: Date, days = DUE_SOON_DAYS): Prisma.MilestoneWhereInput {
  return { state: { in: [...AWAITING_CAMPUS_STATES] }, dueDate: { gte: today, lte: addDays(today, days) } };
}
export function dueSoonMilestoneSql(today: Date, days = DUE_SOON_DAYS): SqlFragment {
  return sql`m."state" IN (${AWAITING_CAMPUS_STATES}) AND m."dueDate" >= ${ms(today)} AND m."dueDate" <= ${ms(addDays(today, days))}`;
}

// ---------- stale item ----------

/** The day before which an open item's last update makes it stale. */
export function staleBefore(today: Date, staleAfterDays: number): Date {
  return addDays(today, -staleAfterDays);
}

/**
 * An open item is stale when its last update (or, before any update, its creation) is more than
 * `staleAfterDays` days before today.
 */
export function isStale(
  item: { status: string; lastUpdateAt: Date | null; createdAt: Date },
  today: Date,
  staleAfterDays: number,
): boolean {
  if (among(CLOSED_STATUSES, item.status)) return false;
  return (item.lastUpdateAt ?? item.createdAt) < staleBefore(today, staleAfterDays);
}
export function staleItemWhere(today: Date, staleAfterDays: number): Prisma.RoadmapItemWhereInput {
  const before = staleBefore(today, staleAfterDays);
  return {
    status: { notIn: [...CLOSED_STATUSES] },
    OR: [{ lastUpdateAt: { lt: before } }, { lastUpdateAt: null, createdAt: { lt: before } }],
  };
}
export function staleItemSql(today: Date, staleAfterDays: number): SqlFragment {
  const before = staleBefore(today, staleAfterDays);
  return sql`i."status" NOT IN (${CLOSED_STATUSES}) AND COALESCE(i."lastUpdateAt", i."createdAt") < ${ms(before)}`;
}

// ---------- overdue item ----------

/**
 * An item is overdue when its planned end is before today and it is neither completed nor
 * cancelled (an item due today is not overdue yet).
 */
export function isItemOverdue(item: { status: string; plannedEnd: Date }, today: Date): boolean {
  return !among(CLOSED_STATUSES, item.status) && item.plannedEnd < today;
}
export function overdueItemWhere(today: Date): Prisma.RoadmapItemWhereInput {
  return { plannedEnd: { lt: today }, status: { notIn: [...CLOSED_STATUSES] } };
}

// ---------- open obstacle, and one raised for the governor's office ----------

export function isObstacleOpen(o: { status: string }): boolean {
  return o.status === "OPEN";
}
export function openObstacleWhere(): Prisma.ObstacleWhereInput {
  return { status: "OPEN" };
}
export function openObstacleSql(): SqlFragment {
  return sql`o."status" = ${"OPEN"}`;
}

/** An open obstacle past its due date ("lewat target"): the unit pages, digests and dashboard use this one rule. */
export function isObstaclePastDue(o: { status: string; dueDate: Date | null }, today: Date): boolean {
  return isObstacleOpen(o) && !!o.dueDate && o.dueDate < today;
}
export function pastDueObstacleWhere(today: Date): Prisma.ObstacleWhereInput {
  return { status: "OPEN", dueDate: { lt: today } };
}
export function pastDueObstacleSql(today: Date): SqlFragment {
  return sql`o."status" = ${"OPEN"} AND o."dueDate" < ${ms(today)}`;
}

/**
 * An obstacle a government unit owns: handed to it (one handed back to the campus is the campus's,
 * whatever unit it once named). `unitIds` narrows it to those units.
 */
export function isUnitOwnedObstacle(o: { ownerSide: string; ownerUnitId: string | null }, unitIds?: readonly string[]): boolean {
  return o.ownerSide === "GOVERNMENT" && !!o.ownerUnitId && (!unitIds || unitIds.includes(o.ownerUnitId));
}
export function unitOwnedObstacleWhere(unitIds?: readonly string[]): Prisma.ObstacleWhereInput {
  return { ownerSide: "GOVERNMENT", ownerUnitId: unitIds ? { in: [...unitIds] } : { not: null } };
}
export function unitOwnedObstacleSql(): SqlFragment {
  return sql`o."ownerSide" = ${"GOVERNMENT"} AND o."ownerUnitId" IS NOT NULL`;
}

/** An open obstacle the campus raised for the governor's office to act on (the Governor's briefing lists them). */
export function needsGovernorOffice(o: { status: string; needsGovernorOffice: boolean }): boolean {
  return isObstacleOpen(o) && o.needsGovernorOffice;
}
export function needsGovernorOfficeWhere(): Prisma.ObstacleWhereInput {
  return { status: "OPEN", needsGovernorOffice: true };
}

// ---------- as things stood at the end of a closed quarter (its briefing) ----------

/** The end of a quarter: its last day (for due dates) and the first instant after it in Banten (for timestamps). */
export type QuarterEnd = { end: Date; until: Date };

/**
 * Whether a milestone was waiting for the campus (pending, or returned for rework) at `instant`,
 * read back from its dates: it had not been submitted yet (or only later), or it had been
 * returned before then and is still returned. A milestone submitted before, returned and
 * submitted again after the instant counts as waiting (its earlier submission is not kept).
 */
export function awaitingCampusAt(
  m: { state: string; submittedAt: Date | null; reviewedAt: Date | null },
  instant: Date,
): boolean {
  if (!m.submittedAt || m.submittedAt >= instant) return true;
  return m.state === "RETURNED" && !!m.reviewedAt && m.reviewedAt < instant;
}

/**
 * Overdue at the end of a quarter: it existed by then, was waiting for the campus then
 * (`awaitingCampusAt`) and fell due on or before the last day.
 */
export function wasMilestoneOverdueAtEnd(
  m: { createdAt: Date; dueDate: Date; state: string; submittedAt: Date | null; reviewedAt: Date | null },
  q: QuarterEnd,
): boolean {
  return m.createdAt < q.until && awaitingCampusAt(m, q.until) && m.dueDate <= q.end;
}
export function overdueMilestoneAtEndWhere(q: QuarterEnd): Prisma.MilestoneWhereInput {
  return {
    createdAt: { lt: q.until },
    dueDate: { lte: q.end },
    OR: [{ submittedAt: null }, { submittedAt: { gte: q.until } }, { state: "RETURNED", reviewedAt: { lt: q.until } }],
  };
}

/**
 * Open at the end of a quarter: raised by then (entered before the end, or in an update reported
 * by the last day) and not resolved by then (neither resolved before the end nor in an update
 * reported by the last day).
 */
export function wasObstacleOpenAt(
  o: {
    createdAt: Date;
    resolvedAt: Date | null;
    raisedIn: { reportedOn: Date } | null;
    resolvedIn: { reportedOn: Date } | null;
  },
  q: QuarterEnd,
): boolean {
  const raised = o.createdAt < q.until || (o.raisedIn !== null && o.raisedIn.reportedOn <= q.end);
  const resolved = (o.resolvedAt !== null && o.resolvedAt < q.until) || (o.resolvedIn !== null && o.resolvedIn.reportedOn <= q.end);
  return raised && !resolved;
}
export function openObstacleAtEndWhere(q: QuarterEnd): Prisma.ObstacleWhereInput {
  return {
    AND: [
      { OR: [{ createdAt: { lt: q.until } }, { raisedIn: { reportedOn: { lte: q.end } } }] },
      { OR: [{ resolvedAt: null }, { resolvedAt: { gte: q.until } }] },
      { OR: [{ resolvedInId: null }, { resolvedIn: { reportedOn: { gt: q.end } } }] },
    ],
  };
}

// ---------- shares and lights ----------

/** Share of items on track among those counted in shares, or null when there are none. */
export function onTrackShare(counts: Partial<Record<ItemStatus, number>>): number | null {
  let total = 0;
  let onTrack = 0;
  for (const [status, n] of Object.entries(counts) as [ItemStatus, number][]) {
    if (!countsInShares({ status })) continue;
    total += n;
    if (ON_TRACK_STATUSES.includes(status)) onTrack += n;
  }
  return total === 0 ? null : onTrack / total;
}

/** Traffic light of an item's status. */
export function statusLight(status: string): "GREEN" | "AMBER" | "RED" | "GREY" {
  switch (status) {
    case "ON_TRACK":
    case "COMPLETED":
      return "GREEN";
    case "AT_RISK":
      return "AMBER";
    case "DELAYED":
      return "RED";
    default:
      return "GREY";
  }
}

/** Shares of on-track, at-risk and delayed items among those counted in shares (0 when there are none). */
export function statusShares(counts: Partial<Record<ItemStatus, number>>) {
  let total = 0;
  for (const [status, n] of Object.entries(counts) as [ItemStatus, number][]) if (countsInShares({ status })) total += n;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    total,
    onTrack: share((counts.ON_TRACK ?? 0) + (counts.COMPLETED ?? 0)),
    atRisk: share(counts.AT_RISK ?? 0),
    delayed: share(counts.DELAYED ?? 0),
  };
}
