import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl } from "./database-url";

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

type QueryListener = (query: string) => void;
const queryListeners = new Set<QueryListener>();

function createClient() {
  const adapter = new PrismaBetterSQLite3(
    { url: databaseUrl(), timeout: SQLITE_BUSY_TIMEOUT_MS },
    { timestampFormat: "unixepoch-ms" },
  );
  // Query events only in tests, where they count the SQL a page issues.
  const countQueries = process.env.NODE_ENV === "test";
  const client = new PrismaClient({
    adapter,
    log: countQueries ? [{ emit: "event", level: "query" }] : [],
  }) as PrismaClient<{ log: [{ emit: "event"; level: "query" }] }>;
  if (countQueries) client.$on("query", (e) => queryListeners.forEach((listener) => listener(e.query)));
  // WAL (set once on the file by scripts/prepare-database.mjs) with synchronous=NORMAL: a commit
  // no longer waits for an fsync; a power cut may lose the last commits but never corrupts the file.
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return client as unknown as PrismaClient;
}

// Every write goes through prisma.$transaction, even a single statement. The SQLite adapter has
// one connection and queues only transactions: a statement run outside one executes inside
// whatever transaction another request has open at that moment, and a write made that way is
// rolled back with it if that transaction fails (tests/integration/transactions.test.ts).

// One client per process; kept across dev rebuilds.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createClient());

/** The client type inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Calls `listener` with every SQL statement run (test environment only); returns an unsubscribe. */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}
