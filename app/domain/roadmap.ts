import type { ItemStatus, UpdateStatus } from "./enums";
import { startOfDay } from "./dates";

// Rules of roadmap items and their progress updates.

/** The current status and progress of an item: those of its latest update (by reporting date, then entry). */
export function currentState(
  updates: readonly { reportedOn: Date; createdAt: Date; progress: number; status: string }[],
): { status: ItemStatus; progress: number; lastUpdateAt: Date | null } {
  let latest: (typeof updates)[number] | undefined;
  for (const u of updates) {
    if (
      !latest ||
      u.reportedOn > latest.reportedOn ||
      (u.reportedOn.getTime() === latest.reportedOn.getTime() && u.createdAt > latest.createdAt)
    )
      latest = u;
  }
  if (!latest) return { status: "NOT_STARTED", progress: 0, lastUpdateAt: null };
  return { status: latest.status as UpdateStatus, progress: latest.progress, lastUpdateAt: latest.reportedOn };
}

export type DateProblem = { field: "plannedStart" | "plannedEnd"; key: string; params?: Record<string, string> };

/**
 * Planned dates must be in order and lie within the validity of the item's agreement; each
 * problem names the field it belongs to and a dictionary key saying why.
 */
export function checkPlannedDates(
  dates: { plannedStart: Date; plannedEnd: Date },
  validity: { validFrom: Date; validUntil: Date } | null,
): DateProblem[] {
  const problems: DateProblem[] = [];
  // a date that did not parse already has its own error; only valid dates are compared
  const start = isValidDate(dates.plannedStart) ? dates.plannedStart : null;
  const end = isValidDate(dates.plannedEnd) ? dates.plannedEnd : null;
  if (start && end && end < start) problems.push({ field: "plannedEnd", key: "item.endBeforeStart" });
  if (validity) {
    if (start && startOfDay(start) < startOfDay(validity.validFrom))
      problems.push({ field: "plannedStart", key: "item.beforeAgreement" });
    if (end && startOfDay(end) > startOfDay(validity.validUntil))
      problems.push({ field: "plannedEnd", key: "item.afterAgreement" });
  }
  return problems;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
