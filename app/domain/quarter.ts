import { addDays, quarterOf, quarterRange, startOfDay } from "./dates";
import type { Translate } from "./i18n";
import { labelKey } from "./i18n";

// Closing a reporting quarter: which quarters may be closed, and the frozen "what changed" text.

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** The first reporting quarter: the Kesepakatan Bersama was signed in November 2025. */
export const FIRST_QUARTER = "2025-Q4";

export function isQuarter(value: string): boolean {
  return QUARTER_PATTERN.test(value);
}

/** The quarter `n` quarters after (or, negative, before) `quarter`. */
export function shiftQuarter(quarter: string, n: number): string {
  const { start } = quarterRange(quarter);
  return quarterOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * n, 1)));
}

/** A quarter has ended once its last day is over (in Banten: `today` is a calendar day). */
export function quarterEnded(quarter: string, today: Date): boolean {
  return quarterRange(quarter).end < startOfDay(today);
}

/**
 * The instant before which a record must have been created to "exist by the end" of a quarter:
 * midnight after its last day in Banten (WIB, UTC+7).
 */
export function quarterEndInstant(quarter: string): Date {
  return new Date(addDays(quarterRange(quarter).end, 1).getTime() - 7 * 3_600_000);
}

/** Ended quarters not closed yet, newest first (from the last ended back to FIRST_QUARTER). */
export function closableQuarters(today: Date, closed: readonly string[]): string[] {
  const result: string[] = [];
  for (let q = shiftQuarter(quarterOf(startOfDay(today)), -1); q >= FIRST_QUARTER; q = shiftQuarter(q, -1)) {
    if (!closed.includes(q)) result.push(q);
  }
  return result;
}

export type CloseRefusal =
  | "quarters.error.format"
  | "quarters.error.notEnded"
  | "quarters.error.tooEarly"
  | "quarters.error.closed";

/** Why a quarter may not be closed on `today`, or null when it may. */
export function closeRefusal(quarter: string, today: Date, closed: readonly string[]): CloseRefusal | null {
  if (!isQuarter(quarter)) return "quarters.error.format";
  if (!quarterEnded(quarter, today)) return "quarters.error.notEnded";
  if (quarter < FIRST_QUARTER) return "quarters.error.tooEarly";
  if (closed.includes(quarter)) return "quarters.error.closed";
  return null;
}

/** The closed quarter a quarter's changes are measured against: the latest closed one before it. */
export function previousClosed(quarter: string, closed: readonly string[]): string | null {
  return closed.filter((q) => q < quarter).sort().at(-1) ?? null;
}

/** How many narratives of the quarter a change summary quotes, and how long each and all may be. */
export const SUMMARY_NARRATIVES = 3;
export const NARRATIVE_MAX = 200;
export const SUMMARY_MAX = 1000;

/** Collapses whitespace and cuts at `max` characters (with an ellipsis). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export type FrozenState = { status: string; progress: number };

export type ChangeInput = {
  /** the item's snapshot in the previous closed quarter, if it had one */
  previous: (FrozenState & { quarter: string }) | null;
  /** the item as of the end of the quarter being closed */
  current: FrozenState;
  /** narratives of the latest updates reported within the quarter, oldest first */
  narratives: readonly string[];
  /** how many updates were reported within the quarter in all */
  updateCount: number;
};

/**
 * "What changed since last quarter and why": status and progress before → after, then the
 * reasons as the campus reported them during the quarter. Frozen with the snapshot.
 */
export function changeSummary(input: ChangeInput, t: Translate): string {
  const { previous, current } = input;
  const now = { status: t(labelKey("status", current.status)), progress: current.progress };
  let head: string;
  if (!previous) {
    head = t("quarters.change.first", now);
  } else if (previous.status === current.status && previous.progress === current.progress) {
    head = t("quarters.change.same", { quarter: previous.quarter, ...now });
  } else {
    const delta = current.progress - previous.progress;
    head = t("quarters.change.moved", {
      quarter: previous.quarter,
      from: t(labelKey("status", previous.status)),
      fromProgress: previous.progress,
      to: now.status,
      toProgress: now.progress,
      delta: delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "±0",
    });
  }
  const reasons = input.narratives.map((n) => clip(n, NARRATIVE_MAX)).filter(Boolean);
  let why: string;
  if (reasons.length === 0) {
    why = t("quarters.change.noUpdates");
  } else {
    why = t("quarters.change.why", { reasons: reasons.join(" · ") });
    const more = input.updateCount - reasons.length;
    if (more > 0) why += ` ${t("quarters.change.more", { count: more })}`;
  }
  return clip(`${head} ${why}`, SUMMARY_MAX);
}
