import { startOfDay } from "~/domain/dates";
import { publishedItemSql, publishedItemWhere, staleItemSql, staleItemWhere } from "~/domain/status";
import { prisma, sqlOf } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { campusLiaisonIds, notifyUsers } from "./notification.server";
import type { Author } from "~/domain/audit-actor";

/** Today's start in Banten (WIB) as an instant: reminders are limited to one per campus per such day. */
export function bantenDayStart(now: Date = new Date()): Date {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(startOfDay(wib).getTime() - 7 * 3_600_000);
}

// Reminders are about published items only, like the dashboard's stale figure (the same count):
// a draft is the campus's own work in progress.

/** Stale published items (the rule of app/domain/status.ts), counted per campus, with the last reminder. */
export async function staleByCampus(today: Date, staleAfterDays: number) {
  const rows = await prisma.$queryRaw<{ id: string; slug: string; name: string; abbreviation: string | null; stale: bigint; lastReminder: bigint | null }[]>`
    SELECT c."id", c."slug", c."name", c."abbreviation",
      (SELECT COUNT(*) FROM "RoadmapItem" i WHERE i."campusId" = c."id" AND ${sqlOf(publishedItemSql())}
         AND ${sqlOf(staleItemSql(today, staleAfterDays))}) AS stale,
      (SELECT MAX(r."createdAt") FROM "Reminder" r WHERE r."campusId" = c."id") AS lastReminder
    FROM "Campus" c ORDER BY c."position"`;
  return rows.map((r) => ({
    ...r,
    stale: Number(r.stale),
    lastReminder: r.lastReminder === null ? null : new Date(Number(r.lastReminder)),
  }));
}

/** The stale published items of one campus (oldest update first), for the reminder and the workspace. */
export function staleItemsOfCampus(campusId: string, today: Date, staleAfterDays: number, take = 100) {
  return prisma.roadmapItem.findMany({
    where: { AND: [{ campusId }, publishedItemWhere(), staleItemWhere(today, staleAfterDays)] },
    orderBy: [{ lastUpdateAt: { sort: "asc", nulls: "first" } }],
    take,
    select: { id: true, title: true, lastUpdateAt: true, status: true, progress: true },
  });
}

export type ReminderOutcome =
  | { sent: true; items: number; recipients: number }
  | { sent: false; reason: "nothing-stale" | "already-today"; at?: Date };

/**
 * Reminds a campus's liaisons of its stale items: one in-app notification each, and a Reminder
 * row per item. A campus is reminded at most once a day.
 */
export async function sendReminder(
  actor: Author,
  campusId: string,
  today: Date,
  staleAfterDays: number,
): Promise<ReminderOutcome> {
  const items = await staleItemsOfCampus(campusId, today, staleAfterDays, 500);
  if (items.length === 0) return { sent: false, reason: "nothing-stale" };
  return prisma.$transaction(async (tx) => {
    const earlier = await tx.reminder.findFirst({
      where: { campusId, createdAt: { gte: bantenDayStart() } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (earlier) return { sent: false as const, reason: "already-today" as const, at: earlier.createdAt };
    await tx.reminder.createMany({ data: items.map((item) => ({ itemId: item.id, campusId, sentById: actor.userId })) });
    const campus = await tx.campus.findUniqueOrThrow({ where: { id: campusId }, select: { slug: true } });
    const recipients = await notifyUsers(tx, await campusLiaisonIds(tx, campusId), {
      kind: "notify.reminder",
      params: { count: items.length, days: staleAfterDays },
      // straight to the monthly check-in, where every stale item can be reported on one page
      link: `/campuses/${campus.slug}/check-in`,
      campusId,
    });
    await recordAudit(tx, actor, {
      action: "reminder.send",
      entity: "Campus",
      entityId: campusId,
      campusId,
      after: { items: items.length, recipients },
    });
    return { sent: true as const, items: items.length, recipients };
  });
}

/** The reminders sent, newest first (from the audit trail, which records each one). */
export async function recentReminders(take = 30) {
  const events = await prisma.auditEvent.findMany({
    where: { action: "reminder.send", entity: "Campus" },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, entityId: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((e) => {
    const after = e.after ? (JSON.parse(e.after) as { items?: number; recipients?: number }) : {};
    return { id: e.id, campusId: e.entityId, at: e.createdAt, by: e.actor?.name ?? null, items: after.items ?? 0, recipients: after.recipients ?? 0 };
  });
}
