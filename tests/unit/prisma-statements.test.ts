import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Prisma's SQLite adapter with patches/@prisma+adapter-better-sqlite3+6.19.3.patch (issue #17): a
// statement is prepared once per connection and kept, instead of being prepared on every call (about
// a tenth of a progress update's CPU). What the adapter answers must not change.

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), "adapter-statements-"));
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
let adapter: Adapter;

type SqlQuery = Parameters<Adapter["queryRaw"]>[0];
/** A statement as Prisma's client hands it to the adapter: every argument a string. */
const query = (sql: string, args: string[] = []): SqlQuery => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: "string", arity: "scalar" }) as const),
});

beforeAll(async () => {
  adapter = await new PrismaBetterSQLite3({ url: `file:${path.join(dir, "test.db")}` }).connect();
  await adapter.executeScript(`CREATE TABLE "T" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL);`);
});
afterAll(async () => {
  await adapter.dispose();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

describe("Prisma's SQLite adapter", () => {
  it("is the patched build (ESM and CommonJS)", () => {
    const esm = path.join(path.dirname(require.resolve("@prisma/adapter-better-sqlite3")), "index.mjs");
    expect(readFileSync(esm, "utf8")).toContain("function preparedStatement(");
    expect(readFileSync(require.resolve("@prisma/adapter-better-sqlite3"), "utf8")).toContain("function preparedStatement(");
  });

  it("prepares a statement once and runs it again with each call's own arguments", async () => {
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const insert = `INSERT INTO "T" ("id", "n") VALUES (?, ?)`;
    for (const [id, n] of [["a", "1"], ["b", "2"], ["c", "3"]] as const) {
      expect(await adapter.executeRaw(query(insert, [id, n]))).toBe(1);
    }
    const select = `SELECT "id", "n" FROM "T" WHERE "n" >= ? ORDER BY "id"`;
    const twoAndUp = await adapter.queryRaw(query(select, ["2"]));
    const all = await adapter.queryRaw(query(select, ["0"]));
    expect(twoAndUp.columnNames).toEqual(["id", "n"]);
    // integers come as the adapter hands them to Prisma's client: 64-bit, as decimal strings
    expect(twoAndUp.rows).toEqual([["b", "2"], ["c", "3"]]);
    expect(all.rows).toEqual([["a", "1"], ["b", "2"], ["c", "3"]]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
  });

  it("answers a failing statement with the adapter's error and runs it again afterwards", async () => {
    const insert = `INSERT INTO "T" ("id", "n") VALUES (?, ?)`;
    await expect(adapter.executeRaw(query(insert, ["a", "9"]))).rejects.toMatchObject({ name: "DriverAdapterError" });
    expect(await adapter.executeRaw(query(insert, ["d", "4"]))).toBe(1);
    // a write answered through queryRaw (RETURNING) and a statement without arguments
    const returned = await adapter.queryRaw(query(`UPDATE "T" SET "n" = "n" + 10 WHERE "id" = ? RETURNING "n"`, ["d"]));
    expect(returned.rows).toEqual([["14"]]);
    expect((await adapter.queryRaw(query(`SELECT count(*) AS "c" FROM "T"`))).rows).toEqual([["4"]]);
  });

  it("keeps transactions working: a rolled-back write is gone, a committed one stays", async () => {
    const tx = await adapter.startTransaction();
    await tx.executeRaw(query(`INSERT INTO "T" ("id", "n") VALUES (?, ?)`, ["e", "5"]));
    await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback();
    const tx2 = await adapter.startTransaction();
    await tx2.executeRaw(query(`INSERT INTO "T" ("id", "n") VALUES (?, ?)`, ["f", "6"]));
    await tx2.executeRaw(query("COMMIT"));
    await tx2.commit();
    const ids = await adapter.queryRaw(query(`SELECT "id" FROM "T" WHERE "id" IN (?, ?)`, ["e", "f"]));
    expect(ids.rows).toEqual([["f"]]);
  });
});
