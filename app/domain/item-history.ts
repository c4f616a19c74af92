// The history of an item as its page shows it: the campus's progress updates and the government
// units' notes in one list, newest first. A note never changes the item's progress or status; it
// only sits beside the updates, on the day it was written.

import { todayInBanten, toIsoDate } from "./dates";

type Dated = { id: string; createdAt: Date | string };

export type HistoryEntry<U, N> = { kind: "update"; at: string; entry: U } | { kind: "note"; at: string; entry: N };

/** The day an update reports on (a stored date) */
const day = (value: Date | string) => (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
/** The day in Banten a note was written (an instant: a note at 06:00 WIB belongs to that day, not the UTC one before) */
const bantenDay = (value: Date | string) => toIsoDate(todayInBanten(new Date(value)));
const iso = (value: Date | string) => (typeof value === "string" ? value : value.toISOString());

/**
 * One dated list, newest first. An update is dated by the day it reports on (then by when it was
 * posted); a note by when it was written. On the same day the later-written entry comes first.
 */
export function mergeItemHistory<U extends Dated & { reportedOn: Date | string }, N extends Dated>(
  updates: readonly U[],
  notes: readonly N[],
): HistoryEntry<U, N>[] {
  const entries = [
    ...updates.map((u) => ({ kind: "update" as const, at: day(u.reportedOn), written: iso(u.createdAt), entry: u })),
    ...notes.map((n) => ({ kind: "note" as const, at: bantenDay(n.createdAt), written: iso(n.createdAt), entry: n })),
  ];
  entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.written !== b.written ? (a.written < b.written ? 1 : -1) : 0));
  return entries.map(({ written: _written, ...rest }) => rest as HistoryEntry<U, N>);
}

/** How many entries of an item's history (updates and notes) its page shows unless all are asked for. */
export const HISTORY_ENTRIES_SHOWN = 10;
/** How many of an item's change-history events its page shows unless all are asked for. */
export const CHANGES_SHOWN = 10;

/**
 * The newest `limit` entries of the merged history, as the updates and notes they are made of (each
 * in its own order), and how many older entries were left out. A long history is not sent whole
 * with every view of the page: its page links to the full list instead.
 */
export function latestHistory<U extends Dated & { reportedOn: Date | string }, N extends Dated>(
  updates: readonly U[],
  notes: readonly N[],
  limit: number,
): { updates: U[]; notes: N[]; hidden: number } {
  const kept = new Set<string>(mergeItemHistory(updates, notes).slice(0, limit).map((e) => `${e.kind}:${e.entry.id}`));
  return {
    updates: updates.filter((u) => kept.has(`update:${u.id}`)),
    notes: notes.filter((n) => kept.has(`note:${n.id}`)),
    hidden: updates.length + notes.length - kept.size,
  };
}
