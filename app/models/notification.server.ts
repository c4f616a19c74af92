import type { Role } from "~/domain/enums";
import { prisma, readPrepared, type Tx } from "~/utils/db.server";
import { enqueueNotificationMails } from "./outbox.server";

// In-app notifications, each also an e-mail in the outbox for the recipients who want one
// (app/models/outbox.server.ts). A notification names a dictionary key and its parameters, so it
// is shown (and mailed) in the reader's language.

export const NOTIFICATION_PAGE = 50;

export type NewNotification = {
  kind: string;
  params?: Record<string, string | number>;
  link?: string | null;
  /** the campus the event is about: the e-mail's subject names it */
  campusId?: string | null;
};

/**
 * Writes one notification per user, and its e-mail for those who want one; call it inside the
 * transaction of the change it reports.
 */
export function notifyUsers(tx: Tx, userIds: readonly string[], notification: NewNotification) {
  return notifyMany(tx, [{ userIds, notification }]);
}

/**
 * notifyUsers for many notifications at once (the scheduled jobs'), in a few statements whatever
 * their number: the jobs' transaction holds the database's one write lock, which the requests of
 * every server process wait for. Returns how many notifications were written.
 */
export async function notifyMany(tx: Tx, notices: readonly { userIds: readonly string[]; notification: NewNotification }[]) {
  const unique = notices.map(({ userIds, notification }) => ({ userIds: [...new Set(userIds)], notification }));
  const data = unique.flatMap(({ userIds, notification }) =>
    userIds.map((userId) => ({
      userId,
      kind: notification.kind,
      params: JSON.stringify(notification.params ?? {}),
      link: notification.link ?? null,
    })),
  );
  if (data.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data });
  await enqueueNotificationMails(tx, unique);
  return count;
}

/** Active users holding one of the roles (e.g. everyone in the governor's office). */
export async function activeUserIdsWithRoles(tx: Tx, roles: readonly Role[]): Promise<string[]> {
  const users = await tx.user.findMany({ where: { active: true, role: { in: [...roles] } }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Active liaisons bound to a campus. */
export async function campusLiaisonIds(tx: Tx, campusId: string): Promise<string[]> {
  return (await liaisonIdsByCampus(tx, [campusId])).get(campusId) ?? [];
}

/** Active liaisons of each campus, in one read (a campus without any is absent). */
export async function liaisonIdsByCampus(tx: Tx, campusIds: readonly string[]): Promise<Map<string, string[]>> {
  const byCampus = new Map<string, string[]>();
  if (campusIds.length === 0) return byCampus;
  const links = await tx.userCampus.findMany({
    where: { campusId: { in: [...new Set(campusIds)] }, user: { active: true, role: "LIAISON" } },
    select: { campusId: true, userId: true },
  });
  for (const { campusId, userId } of links) byCampus.set(campusId, [...(byCampus.get(campusId) ?? []), userId]);
  return byCampus;
}

/** Active focal points (role UNIT) of a government unit. */
export async function unitFocalPointIds(tx: Tx, unitId: string): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { active: true, role: "UNIT", units: { some: { unitId } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * The focal points of a government unit to tell about an item: none while the item is a draft (a
 * draft is its campus's until published; a unit reads only published items).
 */
export async function unitFocalPointIdsAbout(tx: Tx, unitId: string, itemId: string): Promise<string[]> {
  const item = await tx.roadmapItem.findUnique({ where: { id: itemId }, select: { visibility: true } });
  return item?.visibility === "PUBLISHED" ? unitFocalPointIds(tx, unitId) : [];
}

/** Shown on every signed-in page (the header's bell): a prepared statement, without Prisma's cost (db.server.ts). */
export async function unreadCount(userId: string): Promise<number> {
  const rows = readPrepared<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM "Notification" WHERE "userId" = ? AND "readAt" IS NULL`, userId);
  return Number(rows[0]?.n ?? 0);
}

function parseParams(value: string): Record<string, string | number> {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}

/** A user's notifications, newest first, a page at a time (keyset on createdAt, id). */
export async function listNotifications(userId: string, cursor?: string | null, take = NOTIFICATION_PAGE) {
  const before = cursor
    ? await prisma.notification.findFirst({ where: { id: cursor, userId }, select: { id: true, createdAt: true } })
    : null;
  const rows = await prisma.notification.findMany({
    where: {
      userId,
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
  });
  const page = rows.slice(0, take).map((n) => ({ ...n, params: parseParams(n.params) }));
  return { notifications: page, nextCursor: rows.length > take ? page[page.length - 1]?.id ?? null : null };
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(userId: string): Promise<number> {
  // Reading one's own notifications changes no shared record, so it is not written to the audit trail.
  // in a transaction, like every write (see app/utils/db.server.ts)
  const { count } = await prisma.$transaction((tx) =>
    tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } }),
  );
  return count;
}
