import { describe, expect, it } from "vitest";
import { recordAudit, SESSION_ENTITY } from "~/models/audit.server";
import { login } from "~/models/user.server";
import { cachedQuery, dataVersion } from "~/utils/data-cache.server";
import { prisma, readPrepared, type Tx } from "~/utils/db.server";

// The SQLite adapter has one connection and queues only transactions. A write made outside a
// transaction would run inside whatever transaction another request has open, and be rolled back
// with it: the app makes every write in a transaction of its own (app/utils/db.server.ts).

/**
 * Another request: a transaction that makes its writes, waits until released, then fails. Resolves
 * `opened` once the writes are made; `failed` is the error message it ends with.
 */
function failingTransaction(writes: (tx: Tx) => Promise<unknown>) {
  let inside!: () => void;
  const opened = new Promise<void>((resolve) => (inside = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const failed = prisma
    .$transaction(async (tx) => {
      await writes(tx);
      inside();
      await released;
      throw new Error("this request fails");
    })
    .catch((error: Error) => error.message);
  return { opened, release, failed };
}

describe("a write while another request's transaction is open", () => {
  it("is not lost when that transaction fails", async () => {
    const email = "nobody@transactions.test";
    const other = failingTransaction((tx) => tx.$executeRaw`UPDATE "Campus" SET "name" = "name" WHERE "slug" = 'itb'`);
    await other.opened;
    // meanwhile a failed sign-in is recorded (the password check alone takes tens of milliseconds)
    const attempt = login({ email, password: "salah-sandi" }, { ip: "203.0.113.9", userAgent: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    other.release();
    expect(await other.failed).toBe("this request fails");
    expect(await attempt).toMatchObject({ ok: false, reason: "invalid" });
    expect(await prisma.loginAttempt.count({ where: { email } })).toBe(1);
  });
});

describe("a read while another request's transaction is open", () => {
  it("sees only committed data, and the data version is not raised by a change that is rolled back", async () => {
    const campusName = cachedQuery("transactions-test-campus-name", (slug: string) => slug, async (slug: string) => (await prisma.campus.findUniqueOrThrow({ where: { slug } })).name);
    const versionBefore = await dataVersion();
    const nameBefore = (await prisma.campus.findUniqueOrThrow({ where: { slug: "itb" } })).name;
    // another request renames a campus, audits it (raising the version), then fails
    const other = failingTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Campus" SET "name" = 'Nama yang dibatalkan' WHERE "slug" = 'itb'`;
      await recordAudit(tx, { userId: null, ip: null }, { action: "update", entity: "Campus", entityId: "itb" });
    });
    await other.opened;
    // meanwhile another request reads, and caches what it read under the version it saw
    const seen = await prisma.campus.findUniqueOrThrow({ where: { slug: "itb" } });
    const raw = await prisma.$queryRaw<{ name: string }[]>`SELECT "name" FROM "Campus" WHERE "slug" = 'itb'`;
    const versionDuring = await dataVersion();
    const cached = await campusName("itb");
    other.release();
    expect(await other.failed).toBe("this request fails");
    expect(seen.name).toBe(nameBefore);
    expect(raw[0]!.name).toBe(nameBefore);
    expect(versionDuring).toBe(versionBefore);
    expect(cached).toBe(nameBefore);
    expect(await dataVersion()).toBe(versionBefore);
  });

  it("raises the data version with every committed audited change but sign-ins", async () => {
    const start = await dataVersion();
    await prisma.$transaction((tx) => recordAudit(tx, { userId: null, ip: null }, { action: "update", entity: "Campus", entityId: "x" }));
    expect(await dataVersion()).toBe(start + 1);
    await prisma.$transaction((tx) => recordAudit(tx, { userId: null, ip: null }, { action: "login", entity: SESSION_ENTITY, entityId: "x" }));
    expect(await dataVersion()).toBe(start + 1);
    // the database raises it (a trigger on the audit table), so an event written any other way does too
    await prisma.auditEvent.createMany({
      data: [
        { action: "update", entity: "Campus", entityId: "y" },
        { action: "logout", entity: SESSION_ENTITY, entityId: "y" },
        { action: "create", entity: "Comment", entityId: "z" },
      ],
    });
    expect(await dataVersion()).toBe(start + 3);
    const triggers = await prisma.$queryRaw<{ name: string }[]>`SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger' AND "tbl_name" = 'AuditEvent'`;
    expect(triggers.map((t) => t.name)).toEqual(["AuditEvent_data_version"]);
  });
});

describe("prepared reads (readPrepared: the reads every page makes, the exports' pages)", () => {
  it("run on a connection of their own that refuses writes", async () => {
    const before = await prisma.$queryRaw<{ v: number }[]>`SELECT "version" AS v FROM "DataVersion" WHERE "id" = 1`;
    expect(() => readPrepared(`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1 RETURNING "version"`)).toThrow(/readonly|read-only/i);
    const after = await prisma.$queryRaw<{ v: number }[]>`SELECT "version" AS v FROM "DataVersion" WHERE "id" = 1`;
    expect(Number(after[0]!.v)).toBe(Number(before[0]!.v));
    expect(readPrepared<{ v: number }>(`SELECT "version" AS v FROM "DataVersion" WHERE "id" = 1`)).toEqual([{ v: Number(before[0]!.v) }]);
  });
});
