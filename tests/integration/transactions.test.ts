import { describe, expect, it } from "vitest";
import { login } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

// The SQLite adapter has one connection and queues only transactions. A write made outside a
// transaction would run inside whatever transaction another request has open, and be rolled back
// with it: the app makes every write in a transaction of its own (app/utils/db.server.ts).

describe("a write while another request's transaction is open", () => {
  it("is not lost when that transaction fails", async () => {
    const email = "nobody@transactions.test";
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // another request: a transaction that has written something, waits, then fails
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Campus" SET "name" = "name" WHERE "slug" = 'itb'`;
        inside();
        await released;
        throw new Error("this request fails");
      })
      .catch((error: Error) => error.message);
    await opened;
    // meanwhile a failed sign-in is recorded (the password check alone takes tens of milliseconds)
    const attempt = login({ email, password: "salah-sandi" }, { ip: "203.0.113.9", userAgent: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    expect(await failing).toBe("this request fails");
    expect(await attempt).toMatchObject({ ok: false, reason: "invalid" });
    expect(await prisma.loginAttempt.count({ where: { email } })).toBe(1);
  });
});
