// The outbox and its sender against a real SMTP server on loopback (smtp-server), read with
// mailparser: nothing of the mail path is mocked.
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailSender } from "~/jobs/mail-sender.server";
import { notifyUsers } from "~/models/notification.server";
import { claimDue, markSent, MAX_ATTEMPTS, newClaim, releaseInterrupted, retryMessages } from "~/models/outbox.server";
import { issuePasswordReset } from "~/models/user.server";
import { action as itemAction, loader as itemLoader } from "~/routes/items.$itemId._index";
import { prisma } from "~/utils/db.server";
import { databaseFile } from "~/utils/database-url.mjs";
import { env } from "~/utils/env.server";
import { createItem, createUser } from "../../prisma/factories";
import { startSmtp, type Inbox } from "../support/smtp";
import { call, campusIds, cookieFor, makeRequest } from "../support/http";

let itemId: string;
let inbox: Inbox;
const FROM = "Kolaborasi Banten <noreply@kolaborasi.test>";

beforeAll(async () => {
  const ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  await createUser(prisma, { email: "reviewer@mail.test", role: "REVIEWER", name: "Rina Reviewer" });
  const id = await createUser(prisma, { email: "lia.itb@mail.test", role: "LIAISON", campusIds: [ids.itb!], name: "Lia" });
  const en = await createUser(prisma, { email: "ed.itb@mail.test", role: "LIAISON", campusIds: [ids.itb!], name: "Ed" });
  const quiet = await createUser(prisma, { email: "quiet.itb@mail.test", role: "LIAISON", campusIds: [ids.itb!], name: "Quiet" });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: en.id }, data: { locale: "en" } });
    await tx.user.update({ where: { id: quiet.id }, data: { emailImmediate: false } });
    await tx.user.update({ where: { id: id.id }, data: { locale: "id" } });
  });
  itemId = (await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, title: "Kajian <air> bersih", visibility: "PUBLISHED" })).id;
  inbox = await startSmtp();
});

afterAll(() => inbox.close());

beforeEach(async () => {
  await prisma.$transaction((tx) => tx.outboundMessage.deleteMany());
  inbox.messages.length = 0;
});

function sender(url = inbox.url, owner = "test") {
  return createMailSender({ smtpUrl: url, from: FROM, owner, log: () => undefined });
}

async function reviewerComments(body: string) {
  const cookie = await cookieFor("reviewer@mail.test");
  const response = await call(itemAction, makeRequest(`/items/${itemId}`, { cookie, form: { intent: "comment", body } }), { itemId });
  expect(response.status).toBe(302);
}

describe("the outbox", () => {
  it("a comment becomes one e-mail per recipient, in their language, with a working absolute link; e-mail off gets none", async () => {
    await reviewerComments("Mohon unggah data dukung.");
    const s = sender();
    expect(await s.drainOnce()).toEqual({ sent: 2, failed: 0 });
    await s.stop();
    expect(inbox.messages).toHaveLength(2);
    expect(inbox.to("quiet.itb@mail.test")).toHaveLength(0);

    const [lia] = inbox.to("lia.itb@mail.test");
    const [ed] = inbox.to("ed.itb@mail.test");
    expect(lia!.subject).toBe('Komentar baru pada "Kajian <air> bersih" · ITB');
    expect(ed!.subject).toBe('New comment on "Kajian <air> bersih" · ITB');
    expect(lia!.text).toContain('Rina Reviewer mengomentari "Kajian <air> bersih".');
    expect(ed!.text).toContain('Rina Reviewer commented on "Kajian <air> bersih".');
    expect(lia!.from?.text).toContain("noreply@kolaborasi.test");
    // the HTML part escapes what users typed
    expect(lia!.html).toContain("Kajian &lt;air&gt; bersih");
    expect(lia!.html).not.toContain("<air>");

    const link = `${env().APP_URL}/items/${itemId}#comments`;
    expect(lia!.text).toContain(link);
    expect(lia!.html).toContain(`href="${link}"`);
    // the link works: signed out it leads to sign-in and back; signed in it is the item page
    const path = new URL(link).pathname;
    const signedOut = await call(itemLoader, makeRequest(path), { itemId });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    const signedIn = await call(itemLoader, makeRequest(path, { cookie: await cookieFor("lia.itb@mail.test") }), { itemId });
    expect(signedIn.status).toBe(200);

    const rows = await prisma.outboundMessage.findMany();
    expect(rows.every((r) => r.state === "SENT" && r.sentAt && r.attempts === 1)).toBe(true);
  });

  it("a password reset link issued by an administrator is announced to the user, without the link", async () => {
    const user = await prisma.user.findFirstOrThrow({ where: { email: "ed.itb@mail.test" } });
    const { token } = await issuePasswordReset(user.id, { userId: null, ip: null });
    const s = sender();
    expect(await s.drainOnce()).toEqual({ sent: 1, failed: 0 });
    await s.stop();
    const [mail] = inbox.to("ed.itb@mail.test");
    expect(mail!.subject).toBe("A password reset link was issued for your account");
    expect(mail!.text).toContain("valid for 48 hours");
    expect(mail!.text).not.toContain(token);
    expect(JSON.stringify(await prisma.outboundMessage.findMany())).not.toContain(token);
  });

  it("a rolled-back change sends nothing", async () => {
    const liaisons = await prisma.user.findMany({ where: { email: { endsWith: "itb@mail.test" } }, select: { id: true } });
    await expect(
      prisma.$transaction(async (tx) => {
        await notifyUsers(tx, liaisons.map((l) => l.id), { kind: "notify.comment", params: { author: "X", item: "Y" }, link: "/" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outboundMessage.count()).toBe(0);
    expect(await prisma.notification.count({ where: { params: { contains: '"author":"X"' } } })).toBe(0);
    const s = sender();
    expect(await s.drainOnce()).toEqual({ sent: 0, failed: 0 });
    await s.stop();
    expect(inbox.messages).toHaveLength(0);
  });

  it("with the SMTP server down the action still succeeds; the message is retried and sent when it is back", async () => {
    const down = await startSmtp();
    const url = down.url;
    const port = down.port;
    await down.close();
    await reviewerComments("Server surat sedang mati.");
    const s = sender(url);
    const now = new Date();
    expect(await s.drainOnce(now)).toEqual({ sent: 0, failed: 1 });
    const waiting = await prisma.outboundMessage.findMany({ orderBy: { attempts: "desc" } });
    expect(waiting.map((m) => m.state)).toEqual(["PENDING", "PENDING"]);
    // the one tried counts an attempt and waits; the other was not tried and waits as long
    expect(waiting.map((m) => m.attempts)).toEqual([1, 0]);
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting[0]!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    // not due yet: nothing is tried
    expect(await s.drainOnce(now)).toEqual({ sent: 0, failed: 0 });

    const back = await startSmtp(port);
    try {
      expect(await s.drainOnce(new Date(now.getTime() + 60_000))).toEqual({ sent: 2, failed: 0 });
      expect(back.messages).toHaveLength(2);
      expect((await prisma.outboundMessage.findMany()).map((m) => m.state)).toEqual(["SENT", "SENT"]);
    } finally {
      await s.stop();
      await back.close();
    }
  });

  it("gives up after MAX_ATTEMPTS, and an administrator's retry sends it", async () => {
    const down = await startSmtp();
    await down.close();
    await reviewerComments("Berkali-kali gagal.");
    await prisma.$transaction((tx) => tx.outboundMessage.deleteMany({ where: { toAddress: "ed.itb@mail.test" } }));
    const s = sender(down.url);
    let at = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect((await s.drainOnce(at)).failed).toBe(1);
      at = new Date(at.getTime() + 7 * 3_600_000);
    }
    await s.stop();
    const failed = await prisma.outboundMessage.findFirstOrThrow();
    expect(failed).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS });
    const admin = await prisma.user.findFirstOrThrow({ where: { email: "reviewer@mail.test" } });
    expect(await retryMessages({ userId: admin.id, ip: null }, failed.id)).toBe(1);
    const s2 = sender();
    expect(await s2.drainOnce()).toEqual({ sent: 1, failed: 0 });
    await s2.stop();
    expect(inbox.to("lia.itb@mail.test")).toHaveLength(1);
  });

  it("a restart during sending sends nothing twice, and two senders never send one message twice", async () => {
    await reviewerComments("Satu.");
    await reviewerComments("Dua.");
    await reviewerComments("Tiga.");
    expect(await prisma.outboundMessage.count()).toBe(6);
    // a sender claims two messages and the process dies before it reports back
    const now = new Date();
    const dead = await claimDue(newClaim("dead-process"), now, 2);
    expect(dead).toHaveLength(2);

    // the restarted process (and a second one) drain at the same time
    const a = sender(inbox.url, "restarted");
    const b = sender(inbox.url, "second");
    const [ra, rb] = await Promise.all([a.drainOnce(now), b.drainOnce(now)]);
    expect(ra.sent + rb.sent).toBe(4);
    // later, the dead claim is released as failed: it may have gone out, so it is never resent by itself
    const later = new Date(now.getTime() + 11 * 60_000);
    expect(await a.drainOnce(later)).toEqual({ sent: 0, failed: 0 });
    await Promise.all([a.stop(), b.stop()]);

    // each message carries its outbox id as its Message-ID
    const received = inbox.messages.map((m) => m.messageId);
    expect(new Set(received).size).toBe(4);
    expect(inbox.messages).toHaveLength(4);
    const sent = await prisma.outboundMessage.findMany({ where: { state: "SENT" }, select: { id: true } });
    expect(received.sort()).toEqual(sent.map((m) => `<${m.id}@kolaborasi-banten>`).sort());
    const states = await prisma.outboundMessage.groupBy({ by: ["state"], _count: { _all: true } });
    expect(Object.fromEntries(states.map((g) => [g.state, g._count._all]))).toEqual({ SENT: 4, FAILED: 2 });
    const interrupted = await prisma.outboundMessage.findMany({ where: { state: "FAILED" } });
    expect(interrupted.map((m) => m.id).sort()).toEqual(dead.map((m) => m.id).sort());
    expect(interrupted[0]!.lastError).toMatch(/interrupted/);
  });

  it("a slow sender's batch is not taken for interrupted, and its sending recorded late still counts", async () => {
    await reviewerComments("Lima.");
    const now = new Date();
    // a long drain takes its second batch twelve minutes after it started
    const early = await claimDue(newClaim("slow"), now, 1);
    const lateClaim = newClaim("slow");
    const late = await claimDue(lateClaim, now, 1, new Date(now.getTime() + 12 * 60_000));
    expect(early).toHaveLength(1);
    expect(late).toHaveLength(1);
    // another process looks at minute 13: only the first batch is older than the lease
    expect(await releaseInterrupted(new Date(now.getTime() + 13 * 60_000))).toBe(1);
    expect((await prisma.outboundMessage.findUniqueOrThrow({ where: { id: late[0]!.id } })).state).toBe("SENDING");
    // the slow sender gets through with the first one after all: what happened is recorded
    const earlyClaim = (await prisma.outboundMessage.findUniqueOrThrow({ where: { id: early[0]!.id } })).claimedBy!;
    expect(await markSent(early[0]!.id, earlyClaim, new Date())).toBe(true);
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { id: early[0]!.id } })).toMatchObject({ state: "SENT", lastError: null });
    // a claim that is not this drain's records nothing
    expect(await markSent(late[0]!.id, newClaim("someone-else"), new Date())).toBe(false);
    expect(await markSent(late[0]!.id, lateClaim, new Date())).toBe(true);
  });

  it("a message sent whose sending cannot be recorded is not sent again", async () => {
    await reviewerComments("Empat.");
    expect(await prisma.outboundMessage.count()).toBe(2);
    // the database refuses to record "sent" (as a locked or failing database would), through a real trigger
    const db = new Database(databaseFile());
    db.exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE OF "state" ON "OutboundMessage" WHEN NEW."state" = 'SENT'
             BEGIN SELECT RAISE(ABORT, 'database busy'); END`);
    try {
      const s = sender();
      expect(await s.drainOnce()).toEqual({ sent: 2, failed: 0 });
      expect(inbox.messages).toHaveLength(2);
      // the next drains, before and after the claim would count as interrupted, send no second copy
      expect(await s.drainOnce()).toEqual({ sent: 0, failed: 0 });
      expect(await s.drainOnce(new Date(Date.now() + 11 * 60_000))).toEqual({ sent: 0, failed: 0 });
      await s.stop();
      expect(inbox.messages).toHaveLength(2);
      const states = await prisma.outboundMessage.findMany({ select: { state: true } });
      expect(states.map((m) => m.state)).not.toContain("PENDING");
    } finally {
      db.exec("DROP TRIGGER refuse_sent");
      db.close();
    }
  });
});
