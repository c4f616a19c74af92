import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { databaseFile } from "./database-url.mjs";
import type { SqlFragment } from "~/domain/sql";
import { env } from "./env.server";
import { planRawStatementsInJavaScript } from "./prisma-raw-plan.server";
import { forgetRequestValues } from "./request-scope.server";

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

type QueryListener = (query: string) => void;
const queryListeners = new Set<QueryListener>();

function createClient(role: "writer" | "reader") {
  const adapter = new PrismaBetterSQLite3(
    { url: env().databaseUrl, timeout: SQLITE_BUSY_TIMEOUT_MS },
    { timestampFormat: "unixepoch-ms" },
  );
  // Query events only in tests, where they count the SQL a page issues.
  const countQueries = env().NODE_ENV === "test";
  const client = new PrismaClient({
    adapter,
    log: countQueries ? [{ emit: "event", level: "query" }] : [],
  }) as PrismaClient<{ log: [{ emit: "event"; level: "query" }] }>;
  if (countQueries) client.$on("query", (e) => queryListeners.forEach((listener) => listener(e.query)));
  // WAL (set once on the file by scripts/prepare-database.mjs) with synchronous=NORMAL: a commit
  // no longer waits for an fsync; a power cut may lose the last commits but never corrupts the file.
  // The reader refuses every write, so a write routed to it by mistake fails instead of escaping
  // its transaction.
  const pragma = role === "writer" ? "PRAGMA synchronous = NORMAL" : "PRAGMA query_only = ON";
  void client.$executeRawUnsafe(pragma).catch(() => undefined);
  return client as unknown as PrismaClient;
}

// Two connections to the one file. The SQLite adapter has one connection per client and queues
// only transactions: a statement run outside one executes inside whatever transaction another
// request has open at that moment. So every write goes through `prisma.$transaction` on the
// writer (decision 001), and every read made outside a transaction goes to a second connection,
// the reader, which in WAL mode sees only committed data: a page never shows, and the data cache
// never keeps, another request's write that is later rolled back
// (tests/integration/transactions.test.ts).
const READS = new Set<PropertyKey>([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);
const RAW_READS = new Set<PropertyKey>(["$queryRaw", "$queryRawUnsafe"]);

function routed(writer: PrismaClient, reader: PrismaClient): PrismaClient {
  const delegates = new Map<PropertyKey, unknown>();
  const asAny = (client: PrismaClient) => client as unknown as Record<PropertyKey, any>;
  return new Proxy(writer, {
    get(target, prop) {
      if (RAW_READS.has(prop)) return (...args: unknown[]) => asAny(reader)[prop](...args);
      if (prop === "$disconnect") {
        return () => Promise.all([writer.$disconnect(), reader.$disconnect()]).then(closePreparedReadConnection);
      }
      // after a write (committed or not) the request reads again what it had kept (request-scope.server.ts)
      if (prop === "$transaction") {
        return (...args: unknown[]) =>
          (writer.$transaction as (...a: unknown[]) => Promise<unknown>)(...args).finally(forgetRequestValues);
      }
      const value = Reflect.get(target, prop);
      if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object" && "findMany" in value) {
        let delegate = delegates.get(prop);
        if (!delegate) {
          const read = asAny(reader)[prop];
          delegate = new Proxy(value, {
            get(model, method) {
              if (READS.has(method)) return (...args: unknown[]) => read[method](...args);
              const fn = Reflect.get(model, method);
              return typeof fn === "function" ? fn.bind(model) : fn;
            },
          });
          delegates.set(prop, delegate);
        }
        return delegate;
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// One pair of clients per process; kept across dev rebuilds. Their raw statements skip Prisma's
// query compiler, which has nothing to compile in them (prisma-raw-plan.server.ts).
planRawStatementsInJavaScript();
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= routed(createClient("writer"), createClient("reader")));

/** The client type inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Two kinds of reads are prepared statements on a third connection of their own, where Prisma's own
// cost is most of the work: the three every signed-in page makes (the session's user, the data
// version, the unread count: through Prisma a raw query costs about 250 µs of CPU, a prepared
// statement about 5 µs), and the pages of rows an export streams (Prisma's adapter maps every row
// again; decision 004, "Framework work per request, and the reads Prisma made slow"). Like the
// reader the connection refuses writes and, in WAL mode, sees only committed data. A date comes as
// SQLite stores it, milliseconds since 1970 (the adapter's `unixepoch-ms`). Every other read and
// every write goes through Prisma.
type Param = string | number | bigint | null;
type PreparedReads = {
  db: Database.Database;
  statements: Map<string, Database.Statement<Param[]>>;
  /** the same, for statements whose rows come as arrays (`readPreparedArrays`) */
  arrayStatements: Map<string, Database.Statement<Param[]>>;
};
const globalForReads = globalThis as unknown as { __preparedReads?: PreparedReads };

function preparedReadConnection() {
  if (!globalForReads.__preparedReads) {
    const db = new Database(databaseFile(env().databaseUrl), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    db.pragma("query_only = ON");
    globalForReads.__preparedReads = { db, statements: new Map(), arrayStatements: new Map() };
  }
  return globalForReads.__preparedReads;
}

function closePreparedReadConnection(): void {
  globalForReads.__preparedReads?.db.close();
  delete globalForReads.__preparedReads;
}

/** The statement of `sql`, prepared once for the process (rows as objects, or as arrays with `raw`). */
function preparedStatement(sql: string, raw: boolean): Database.Statement<Param[]> {
  const connection = preparedReadConnection();
  const statements = raw ? connection.arrayStatements : connection.statements;
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = raw ? connection.db.prepare<Param[]>(sql).raw(true) : connection.db.prepare<Param[]>(sql)));
  if (queryListeners.size) queryListeners.forEach((listener) => listener(sql));
  return statement;
}

/**
 * Runs one of those reads: its rows. `sql` is a fixed statement with `?` placeholders, never text
 * built from values (each distinct statement is prepared once and kept for the process).
 */
export function readPrepared<T>(sql: string, ...params: Param[]): T[] {
  return preparedStatement(sql, false).all(...params) as T[];
}

/**
 * `readPrepared` with each row as an array of its columns, in the statement's order: no object with
 * named properties per row, which better-sqlite3 builds at about twice the cost (reads of thousands
 * of rows, such as the items export).
 */
export function readPreparedArrays<T extends unknown[]>(sql: string, ...params: Param[]): T[] {
  return preparedStatement(sql, true).all(...params) as T[];
}

/** Calls `listener` with every SQL statement run (test environment only); returns an unsubscribe. */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

/** A rule's SQL fragment (app/domain/sql.ts, pure) as a Prisma query part, its values bound. */
export const sqlOf = (fragment: SqlFragment) => Prisma.sql(fragment.strings, ...fragment.values);
