import { Worker } from "node:worker_threads";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFile } from "~/utils/database-url.mjs";
import { env } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";

// Several server processes share the one SQLite file (server.mjs, WEB_CONCURRENCY). While one of them
// writes, a transaction of another waits for its turn at BEGIN and then goes through: the patched
// SQLite adapter (patches/@prisma+adapter-better-sqlite3+*.patch) begins IMMEDIATE. With a plain
// BEGIN, a transaction that reads before it writes fails with SQLITE_BUSY at its first write. The
// wait does not stop the process: SQLite's own wait would sleep inside the call, so the adapter tries
// BEGIN again on a timer. Another connection in a thread of its own stands in for the other process.

/** Holds the database's write lock from another connection for `ms`; resolves once it holds it. */
async function holdWriteLock(ms: number) {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.file);
     db.exec("BEGIN IMMEDIATE");
     parentPort.postMessage("holding");
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec("COMMIT");
     db.close();`,
    { eval: true, workerData: { file: databaseFile(env().databaseUrl), ms } },
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.once("exit", () => resolve());
    worker.once("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  return { released };
}

const clients: PrismaClient[] = [];
afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

describe("a transaction while another process writes", () => {
  it("waits for its turn and goes through, even when it reads before it writes", async () => {
    const campus = await prisma.campus.findFirstOrThrow({ select: { id: true, name: true } });
    const lock = await holdWriteLock(300);
    const started = Date.now();
    const renamed = await prisma.$transaction(async (tx) => {
      const { name } = await tx.campus.findUniqueOrThrow({ where: { id: campus.id }, select: { name: true } });
      return tx.campus.update({ where: { id: campus.id }, data: { name: `${name} (uji)` }, select: { name: true } });
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(renamed.name).toBe(`${campus.name} (uji)`);
    await lock.released;
    await prisma.$transaction((tx) => tx.campus.update({ where: { id: campus.id }, data: { name: campus.name } }));
  });

  it("keeps the process serving while it waits: timers fire and reads answer before the lock is free", async () => {
    const lock = await holdWriteLock(400);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      let committedAt = 0;
      let ticksAtCommit = 0;
      const write = prisma.$transaction((tx) => tx.campus.count()).then(() => {
        committedAt = Date.now();
        ticksAtCommit = ticks;
      });
      // a read on the reader connection, asked for after the waiting transaction
      const campuses = await prisma.campus.count();
      const readAt = Date.now();
      await write;
      expect(campuses).toBeGreaterThanOrEqual(12);
      expect(readAt).toBeLessThan(committedAt - 200);
      // a 10 ms timer over a wait of about 400 ms; SQLite's own wait would have held it back until the lock was free
      expect(ticksAtCommit).toBeGreaterThanOrEqual(15);
    } finally {
      clearInterval(ticker);
      await lock.released;
    }
  });

  it("fails once its wait runs out, and the process's next transaction is not held up by it", async () => {
    // a client of its own that waits only 50 ms for the lock
    const impatient = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env().databaseUrl, timeout: 50 }) });
    clients.push(impatient);
    const lock = await holdWriteLock(400);
    await expect(impatient.$transaction((tx) => tx.campus.count())).rejects.toThrow(/busy|locked|timed out/i);
    await lock.released;
    // the failed BEGIN let go of the adapter's queue: this one starts at once
    const count = await Promise.race([
      impatient.$transaction((tx) => tx.campus.count()),
      new Promise((_, reject) => setTimeout(() => reject(new Error("the next transaction was held up")), 3000)),
    ]);
    expect(count).toBeGreaterThanOrEqual(12);
  });
});
