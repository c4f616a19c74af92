// /admin/outbox and a user's delivery state on /admin/users/:id: administrators only, read-only
// but for "retry".
import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/admin.outbox";
import { loader as userLoader } from "~/routes/admin.users.$userId";
import { prisma } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { call, cookieFor, jsonOf, makeRequest } from "../support/http";

let admin: string;
let reviewer: string;
let targetId: string;
let failedId: string;

beforeAll(async () => {
  await createUser(prisma, { email: "admin@outbox.test", role: "ADMIN" });
  await createUser(prisma, { email: "reviewer@outbox.test", role: "REVIEWER" });
  const target = await createUser(prisma, { email: "target@outbox.test", role: "OBSERVER" });
  targetId = target.id;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { emailDigest: "OFF" } });
    const base = { userId: target.id, toAddress: target.email, kind: "notify.comment", text: "isi", html: "<p>isi</p>" };
    await tx.outboundMessage.create({ data: { ...base, subject: "Terkirim", state: "SENT", attempts: 1, sentAt: new Date() } });
    failedId = (await tx.outboundMessage.create({ data: { ...base, subject: "Gagal", state: "FAILED", attempts: 8, lastError: "550 mailbox unavailable" } })).id;
  });
  admin = await cookieFor("admin@outbox.test");
  reviewer = await cookieFor("reviewer@outbox.test");
});

describe("/admin/outbox", () => {
  it("lists messages with their state, filtered, and says that SMTP_URL is not set", async () => {
    const data = await jsonOf(await call(loader, makeRequest("/admin/outbox", { cookie: admin })));
    expect(data.messages.map((m: { subject: string }) => m.subject).sort()).toEqual(["Gagal", "Terkirim"]);
    expect(data.counts).toEqual({ PENDING: 0, SENDING: 0, SENT: 1, FAILED: 1 });
    expect(data.smtpConfigured).toBe(false);
    const failed = await jsonOf(await call(loader, makeRequest("/admin/outbox?state=FAILED", { cookie: admin })));
    expect(failed.messages.map((m: { lastError: string }) => m.lastError)).toEqual(["550 mailbox unavailable"]);
    // another state in the query is ignored, not an error
    expect((await call(loader, makeRequest("/admin/outbox?state=BOGUS&cursor=x", { cookie: admin }))).status).toBe(200);
  });

  it("is refused to a reviewer", async () => {
    expect((await call(loader, makeRequest("/admin/outbox", { cookie: reviewer }))).status).toBe(403);
  });

  it("retries a failed message (audited), and refuses to resend a sent one", async () => {
    const sent = await prisma.outboundMessage.findFirstOrThrow({ where: { state: "SENT" } });
    const refused = await call(action, makeRequest("/admin/outbox", { cookie: admin, form: { intent: "retry", id: sent.id } }));
    expect(refused.status).toBe(302);
    expect((await prisma.outboundMessage.findUniqueOrThrow({ where: { id: sent.id } })).state).toBe("SENT");
    const retried = await call(action, makeRequest("/admin/outbox", { cookie: admin, form: { intent: "retry", id: failedId } }));
    expect(retried.status).toBe(302);
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ state: "PENDING", attempts: 0 });
    expect(await prisma.auditEvent.count({ where: { action: "outbox.retry" } })).toBe(1);
  });
});

describe("a user's delivery state on /admin/users/:id", () => {
  it("shows the user's preferences and latest e-mails to an administrator", async () => {
    const data = await jsonOf(await call(userLoader, makeRequest(`/admin/users/${targetId}`, { cookie: admin }), { userId: targetId }));
    expect(data.delivery).toMatchObject({ emailImmediate: true, emailDigest: "OFF", locale: "id", calendarSince: null });
    expect(data.delivery.recent.map((m: { subject: string }) => m.subject).sort()).toEqual(["Gagal", "Terkirim"]);
  });
});
