import { readPrepared } from "./db.server";
import { oncePerRequest } from "./request-scope.server";

// Aggregates that many requests share (the dashboard's figures, campus status lines) are kept
// until the data changes. Every change to the data writes an audit event in the same transaction,
// and the insert raises the one-row DataVersion counter in that transaction (a trigger, see
// recordAudit in app/models/audit.server.ts): the counter is a version of the whole database.
// It is read through a read-only connection (readPrepared in db.server.ts), which sees only
// committed data, so a change that is rolled back never becomes a version a value is cached under.
// This relies on the app being the only writer, as it is with the embedded SQLite database.
// Signing in and out changes nothing a cached page shows and does not raise the counter.

const MAX_ENTRIES = 200;
const entries = new Map<string, { version: number; value: Promise<unknown> }>();

export function dataVersion(): Promise<number> {
  // read once per request: a page's cached queries all see the version its first one read
  return oncePerRequest("data-version", readDataVersion);
}

async function readDataVersion(): Promise<number> {
  const rows = readPrepared<{ v: number | bigint | null }>(`SELECT "version" AS v FROM "DataVersion" WHERE "id" = 1`);
  return Number(rows[0]?.v ?? 0);
}

/** `compute()` once per key and data version; concurrent callers share the same promise. */
async function cachedUntilDataChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion();
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    // the most recently used last: the oldest-used entry is the one dropped when the cache is full
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.delete(key);
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => entries.delete(key));
  return value;
}

export type CachedQuery<Args extends unknown[], T> = ((...args: Args) => Promise<T>) & {
  /** Drops every kept value of this query (tests that write without the audit trail). */
  forget(): void;
};

const names = new Set<string>();

/**
 * The one cache of the app: a query whose value is kept until the data changes. It is defined
 * once, by the model that computes the value, with the key its arguments make (everything the
 * value depends on: the viewer's draft scope, the day…); callers call it like the query itself
 * and never build a key.
 */
export function cachedQuery<Args extends unknown[], T>(
  name: string,
  key: (...args: Args) => string,
  compute: (...args: Args) => Promise<T>,
): CachedQuery<Args, T> {
  if (names.has(name)) throw new Error(`Two cached queries are named "${name}"`);
  names.add(name);
  const prefix = `${name}:`;
  const query = (...args: Args) => cachedUntilDataChanges(prefix + key(...args), () => compute(...args));
  return Object.assign(query, {
    forget() {
      for (const entry of [...entries.keys()]) if (entry.startsWith(prefix)) entries.delete(entry);
    },
  });
}

/**
 * A fact computed once per process (demo data present or not: it is decided when the database is
 * first prepared). Kept here beside `cachedQuery` so the app's caches live in one module; it costs
 * no query per request, which the root loader of every page would otherwise pay.
 */
export function cachedForProcess<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    if (!value) {
      value = compute();
      value.catch(() => (value = undefined));
    }
    return value;
  };
}

const derivedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * A value computed from a cached one (a slice, a filtered copy), computed once and kept with it: the
 * same source gives the same object, so what is rendered from it once (StaticMarkup) is reused, and
 * it goes when the cached value is replaced. `key` names the computation and everything besides the
 * source it depends on.
 */
export function derivedOnce<T>(source: object, key: string, compute: () => T): T {
  let values = derivedValues.get(source);
  if (!values) derivedValues.set(source, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
