// Lost-update protection, shared by every version-checked form (items, teams and their members,
// milestones, indicators). A form carries the version of the record it was opened at and when it
// was opened; a save from an older version writes nothing and answers with a RecordConflict.

/** One change saved by someone else after the form was opened, as the audit trail recorded it. */
export type RecordChange = {
  /** ISO instant */
  at: string;
  /** the name of who saved it; null for the system */
  by: string | null;
  /** the audit action: update, delete, state, link, unlink, create… */
  action?: string;
  /** the audit entity, when a record's changes come from several (an indicator and its values) */
  entity?: string;
  before?: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

export type RecordConflict = {
  /** the record's current version, to save over it on purpose; null when it no longer exists */
  version: number | null;
  changes: RecordChange[];
};

/**
 * When the form was opened, from its `startedAt` field; an unreadable or missing one means
 * "list every change" (the epoch) rather than hiding any.
 */
export function openedSince(startedAt: string | null | undefined): Date {
  const at = startedAt ? new Date(startedAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date(0);
}
