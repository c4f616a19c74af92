import { prisma } from "./db.server";

// Aggregates that many requests share (the dashboard's figures, campus status lines) are kept
// until the data changes. Every change to the data writes an audit event in the same transaction
// (see app/models/audit.server.ts), so the newest audit event's rowid is a version of the whole
// database: one indexed lookup tells whether a cached aggregate is still true. This relies on the
// app being the only writer, as it is with the embedded SQLite database.

const MAX_ENTRIES = 200;
const entries = new Map<string, { version: number; value: Promise<unknown> }>();

// Signing in and out is audited too (entity "Session") but changes nothing a cached page shows,
// so those events are skipped: the newest other event is found by reading the log backwards from
// its end, past the sign-ins since the last change (usually none or a few).
export async function dataVersion(): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ v: number | bigint | null }[]>(
    `SELECT rowid AS v FROM "AuditEvent" WHERE "entity" <> 'Session' ORDER BY rowid DESC LIMIT 1`,
  );
  return Number(rows[0]?.v ?? 0);
}

/** `compute()` once per key and data version; concurrent callers share the same promise. */
export async function cachedUntilDataChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion();
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => entries.delete(key));
  return value;
}
