import type { ItemStatus, MilestoneState } from "./enums";
import { addDays } from "./dates";

// The definitions every figure, badge, list and export uses. Change them here only.

/** Statuses counted as "on track" (completed work is on track). */
export const ON_TRACK_STATUSES: readonly ItemStatus[] = ["ON_TRACK", "COMPLETED"];
/** Items that no longer need updates. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ["COMPLETED", "CANCELLED"];
/** Milestones still waiting for the campus: overdue once their due date has passed. */
export const AWAITING_CAMPUS_STATES: readonly MilestoneState[] = ["PENDING", "RETURNED"];
/** Milestones with a final evaluation. */
export const EVALUATED_STATES: readonly MilestoneState[] = ["MET", "PARTIALLY_MET", "NOT_MET", "DEFERRED"];

/** A milestone is overdue when it still waits for the campus and its due date is before today. */
export function isMilestoneOverdue(m: { state: string; dueDate: Date }, today: Date): boolean {
  return (AWAITING_CAMPUS_STATES as readonly string[]).includes(m.state) && m.dueDate < today;
}

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
  if ((CLOSED_STATUSES as readonly string[]).includes(item.status)) return false;
  return (item.lastUpdateAt ?? item.createdAt) < staleBefore(today, staleAfterDays);
}

/** Share of items on track among those not cancelled, or null when there are none. */
export function onTrackShare(counts: Partial<Record<ItemStatus, number>>): number | null {
  let total = 0;
  let onTrack = 0;
  for (const [status, n] of Object.entries(counts) as [ItemStatus, number][]) {
    if (status === "CANCELLED") continue;
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

/** Shares of on-track, at-risk and delayed items among those not cancelled (0 when there are none). */
export function statusShares(counts: Partial<Record<ItemStatus, number>>) {
  let total = 0;
  for (const [status, n] of Object.entries(counts) as [ItemStatus, number][]) if (status !== "CANCELLED") total += n;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    total,
    onTrack: share((counts.ON_TRACK ?? 0) + (counts.COMPLETED ?? 0)),
    atRisk: share(counts.AT_RISK ?? 0),
    delayed: share(counts.DELAYED ?? 0),
  };
}

/** Milestones counted as "due soon": still waiting for the campus, due today or within `days`. */
export function isMilestoneDueSoon(m: { state: string; dueDate: Date }, today: Date, days = 30): boolean {
  return (AWAITING_CAMPUS_STATES as readonly string[]).includes(m.state) && m.dueDate >= today && m.dueDate <= addDays(today, days);
}

/**
 * An item is overdue when its planned end is before today and it is neither completed nor
 * cancelled (an item due today is not overdue yet).
 */
export function isItemOverdue(item: { status: string; plannedEnd: Date }, today: Date): boolean {
  return !(CLOSED_STATUSES as readonly string[]).includes(item.status) && item.plannedEnd < today;
}
