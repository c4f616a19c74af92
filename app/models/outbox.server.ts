import crypto from "node:crypto";
import type { Locale } from "~/domain/enums";
import { translator } from "~/domain/i18n";
import {
  absoluteUrl,
  notificationSubjectKey,
  notificationText,
  renderMail,
  translatedParams,
  type OutboxState,
  type MailContent,
  type RenderedMail,
} from "~/domain/mail";
import type { AuditActor } from "~/domain/audit-actor";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "./audit.server";

// The outbox: every e-mail is a row written in the transaction of the event that causes it (a
// rolled-back change sends nothing, a committed one is never forgotten). A sender in the server
// process (app/jobs/mail-sender.server.ts) claims rows before it talks to the SMTP server and marks
// them sent after, so a restart never sends one twice (docs/decisions/010).

/** After this many failed attempts a message is FAILED for good (an administrator may retry it). */
export const MAX_ATTEMPTS = 8;
/** A claim older than this belongs to a sender that died while sending. */
export const CLAIM_LEASE_MS = 10 * 60_000;
export const OUTBOX_PAGE = 50;

/** The wait before attempt n + 1 after n failures: 30 s, 1 min, 2 min, … at most 6 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 6 * 3_600_000);
}

export type Recipient = { id: string; email: string; name: string; locale: string };

export function localeOf(user: { locale: string }): Locale {
  return user.locale === "en" ? "en" : "id";
}

/** The link to one's e-mail settings, in every e-mail's footer. */
export function settingsUrl(): string {
  return absoluteUrl(env().APP_URL, "/account#mail");
}

/** Writes rendered e-mails to the outbox; call it inside the transaction of the change. */
export async function enqueueMail(tx: Tx, kind: string, messages: { to: Recipient; mail: RenderedMail }[]) {
  return insertMail(tx, messages.map((message) => ({ kind, ...message })));
}

async function insertMail(tx: Tx, messages: { kind: string; to: Recipient; mail: RenderedMail }[]) {
  if (messages.length === 0) return 0;
  const { count } = await tx.outboundMessage.createMany({
    data: messages.map(({ kind, to, mail }) => ({
      userId: to.id,
      toAddress: to.email,
      kind,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    })),
  });
  return count;
}

export type MailNotification = {
  kind: string;
  params?: Record<string, string | number>;
  link?: string | null;
  /** the campus the event is about, named in the subject */
  campusId?: string | null;
};

/**
 * The e-mail twins of in-app notifications, for each recipient who wants immediate e-mail, in
 * their language. Called by notifyUsers and notifyMany, inside the causing transaction; however
 * many notifications, the recipients and campuses are read once and the e-mails written at once.
 */
export async function enqueueNotificationMails(tx: Tx, notices: readonly { userIds: readonly string[]; notification: MailNotification }[]) {
  const userIds = [...new Set(notices.flatMap((n) => n.userIds))];
  if (userIds.length === 0) return 0;
  const recipients = await tx.user.findMany({
    where: { id: { in: userIds }, active: true, emailImmediate: true },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (recipients.length === 0) return 0;
  const recipientById = new Map(recipients.map((r) => [r.id, r]));
  const campusIds = [...new Set(notices.flatMap((n) => (n.notification.campusId ? [n.notification.campusId] : [])))];
  const campuses = campusIds.length
    ? await tx.campus.findMany({ where: { id: { in: campusIds } }, select: { id: true, name: true, abbreviation: true } })
    : [];
  const campusById = new Map(campuses.map((c) => [c.id, c]));
  const appUrl = env().APP_URL;
  const messages = notices.flatMap(({ userIds: ids, notification }) => {
    const campus = notification.campusId ? campusById.get(notification.campusId) ?? null : null;
    return [...new Set(ids)].flatMap((id) => {
      const to = recipientById.get(id);
      if (!to) return [];
      const t = translator(localeOf(to));
      const params = { ...(notification.params ?? {}) };
      const campusName = campus ? campus.abbreviation ?? campus.name : t("mail.allCampuses");
      const content: MailContent = {
        lang: localeOf(to),
        subject: t(notificationSubjectKey(notification.kind), translatedParams(t, { campus: campusName, ...params })),
        greeting: t("mail.greeting", { name: to.name }),
        paragraphs: [notificationText({ kind: notification.kind, params }, t)],
        action: notification.link ? { label: t("mail.open"), url: absoluteUrl(appUrl, notification.link) } : undefined,
        footer: t("mail.footer", { url: settingsUrl() }),
      };
      return [{ kind: notification.kind, to, mail: renderMail(content) }];
    });
  });
  return insertMail(tx, messages);
}

// ---------- the sender's side ----------

export type ClaimedMessage = { id: string; toAddress: string; subject: string; text: string; html: string; attempts: number };

/**
 * Claims up to `limit` messages due at `now` for one drain (`claim` is unique to it), stamped with
 * `claimedAt` (when this batch is taken, later than `now` in a long drain): they become SENDING
 * before any byte goes to the SMTP server. SQLite runs one write transaction at a time,
 * and the update re-checks the state, so two senders never claim the same message.
 */
export async function claimDue(claim: string, now: Date, limit = 20, claimedAt = now): Promise<ClaimedMessage[]> {
  // looked for on the read connection first: an idle sender opens no write transaction
  const due = await prisma.outboundMessage.findMany({
    where: { state: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true },
  });
  if (due.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    await tx.outboundMessage.updateMany({
      where: { id: { in: due.map((d) => d.id) }, state: "PENDING" },
      data: { state: "SENDING", claimedAt, claimedBy: claim, attempts: { increment: 1 } },
    });
    return tx.outboundMessage.findMany({
      where: { claimedBy: claim, state: "SENDING" },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, toAddress: true, subject: true, text: true, html: true, attempts: true },
    });
  });
}

/**
 * Records a message as sent; false when the claim is no longer this drain's. A claim released as
 * interrupted (FAILED, still naming the claim) is recorded as sent: that is what happened.
 */
export async function markSent(id: string, claim: string, now: Date): Promise<boolean> {
  const { count } = await prisma.$transaction((tx) =>
    tx.outboundMessage.updateMany({
      where: { id, claimedBy: claim, state: { in: ["SENDING", "FAILED"] } },
      data: { state: "SENT", sentAt: now, lastError: null },
    }),
  );
  return count === 1;
}

/** A failed attempt: tried again later with a growing delay, or FAILED after MAX_ATTEMPTS. */
export async function markFailed(message: { id: string; attempts: number }, claim: string, error: string, now: Date) {
  const final = message.attempts >= MAX_ATTEMPTS;
  await prisma.$transaction((tx) =>
    tx.outboundMessage.updateMany({
      where: { id: message.id, claimedBy: claim, state: "SENDING" },
      data: {
        state: final ? "FAILED" : "PENDING",
        lastError: error.slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        claimedBy: null,
      },
    }),
  );
}

/** Claimed messages not tried (the server failed on an earlier one): back to waiting, no attempt counted. */
export async function postpone(ids: string[], claim: string, until: Date) {
  if (ids.length === 0) return;
  await prisma.$transaction((tx) =>
    tx.outboundMessage.updateMany({
      where: { id: { in: ids }, claimedBy: claim, state: "SENDING" },
      data: { state: "PENDING", attempts: { decrement: 1 }, nextAttemptAt: until, claimedBy: null },
    }),
  );
}

export const INTERRUPTED_ERROR = "interrupted while sending (the server stopped): not sent again by itself, it may have arrived";

/**
 * Messages claimed by a sender that stopped before it could say how the sending went. They may
 * have been delivered, so they are never sent again by themselves: they become FAILED, and an
 * administrator who knows they did not arrive retries them at /admin/outbox. The claim's name is
 * kept, so a sender that was only slow can still record the message as sent.
 */
export async function releaseInterrupted(now: Date): Promise<number> {
  const where = { state: "SENDING", claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } };
  if ((await prisma.outboundMessage.count({ where })) === 0) return 0;
  const { count } = await prisma.$transaction((tx) =>
    tx.outboundMessage.updateMany({ where, data: { state: "FAILED", lastError: INTERRUPTED_ERROR } }),
  );
  return count;
}

/** A unique name for one drain of one process. */
export function newClaim(owner: string): string {
  return `${owner}:${crypto.randomUUID()}`;
}

// ---------- administrators ----------

/** Sends a failed message, or one waiting after an error, again now. `id` null: every such message. */
export async function retryMessages(actor: AuditActor, id: string | null, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const where = {
      ...(id ? { id } : {}),
      OR: [{ state: "FAILED" }, { state: "PENDING", lastError: { not: null } }],
    };
    const { count } = await tx.outboundMessage.updateMany({ where, data: { state: "PENDING", attempts: 0, nextAttemptAt: now, claimedBy: null } });
    if (count > 0) {
      await recordAudit(tx, actor, { action: "outbox.retry", entity: "OutboundMessage", entityId: id ?? "*", after: { messages: count } });
    }
    return count;
  });
}

/** The outbox, newest first, a page at a time (keyset on createdAt, id). */
export async function listOutbox(filter: { state?: OutboxState | null; cursor?: string | null }, take = OUTBOX_PAGE) {
  const before = filter.cursor
    ? await prisma.outboundMessage.findUnique({ where: { id: filter.cursor }, select: { id: true, createdAt: true } })
    : null;
  const rows = await prisma.outboundMessage.findMany({
    where: {
      ...(filter.state ? { state: filter.state } : {}),
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      toAddress: true,
      kind: true,
      subject: true,
      text: true,
      state: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, take);
  return { messages: page, nextCursor: rows.length > take ? page[page.length - 1]?.id ?? null : null };
}

export async function outboxCounts(): Promise<Record<OutboxState, number>> {
  const groups = await prisma.outboundMessage.groupBy({ by: ["state"], _count: { _all: true } });
  const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 } as Record<OutboxState, number>;
  for (const g of groups) if (g.state in counts) counts[g.state as OutboxState] = g._count._all;
  return counts;
}

/** A user's e-mail settings and latest messages, as an administrator sees them (read-only). */
export async function deliveryState(userId: string) {
  const [user, feed, recent] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { emailImmediate: true, emailDigest: true, locale: true } }),
    prisma.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } }),
    prisma.outboundMessage.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, subject: true, state: true, attempts: true, lastError: true, sentAt: true, createdAt: true },
    }),
  ]);
  if (!user) return null;
  return { ...user, calendarSince: feed?.createdAt ?? null, recent };
}

// ---------- a user's own e-mail preferences ----------

export function mailPreferencesOf(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailImmediate: true, emailDigest: true, locale: true } });
}

export async function updateMailPreferences(
  actor: AuditActor & { userId: string },
  input: { emailImmediate: boolean; emailDigest: string; locale: string },
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { emailImmediate: true, emailDigest: true, locale: true } });
    await tx.user.update({ where: { id: actor.userId }, data: input });
    await recordAudit(tx, actor, { action: "update", entity: "User", entityId: actor.userId, before, after: input });
  });
}
