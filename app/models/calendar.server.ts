import ical from "ical-generator";
import { translator } from "~/domain/i18n";
import { absoluteUrl } from "~/domain/mail";
import { draftScope, type Principal } from "~/domain/policy";
import type { AuditActor } from "~/domain/audit-actor";
import type { Role } from "~/domain/enums";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "./audit.server";
import { localeOf } from "./outbox.server";
import { visibleItemsWhere } from "./roadmap-item.server";
import { hashToken, newToken } from "./user.server";

// A user's calendar feed at /calendar/<secret>.ics: the milestone due dates and item end dates the
// user may see (the policy's item.read, as on every page). Only a hash of the secret is stored;
// creating a new one replaces the old, revoking deletes it.

/** The secret of a new feed (shown once), replacing any earlier one. */
export async function createCalendarFeed(actor: AuditActor & { userId: string }): Promise<string> {
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { userId: actor.userId } });
    await tx.calendarFeed.create({ data: { userId: actor.userId, tokenHash: hashToken(token) } });
    await recordAudit(tx, actor, { action: "calendar.create", entity: "User", entityId: actor.userId });
  });
  return token;
}

export async function revokeCalendarFeed(actor: AuditActor & { userId: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { userId: actor.userId } });
    if (count > 0) await recordAudit(tx, actor, { action: "calendar.revoke", entity: "User", entityId: actor.userId });
    return count > 0;
  });
}

export function calendarFeedOf(userId: string) {
  return prisma.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
}

export function calendarUrl(token: string): string {
  return absoluteUrl(env().APP_URL, `/calendar/${token}.ics`);
}

/** The active user a feed's secret belongs to, as the policy sees them, or null. */
export async function calendarOwner(token: string): Promise<(Principal & { locale: string }) | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { id: true, role: true, active: true, locale: true, campuses: { select: { campusId: true } } } } },
  });
  if (!feed || !feed.user.active) return null;
  const u = feed.user;
  return { id: u.id, role: u.role as Role, campusIds: u.campuses.map((c) => c.campusId), locale: u.locale };
}

/** The iCalendar text of a user's feed: all-day events with stable UIDs, in Asia/Jakarta. */
export async function buildCalendar(owner: Principal & { locale: string }): Promise<string> {
  const t = translator(localeOf(owner));
  const appUrl = env().APP_URL;
  const visible = visibleItemsWhere(owner);
  // an agreement's own milestones: the umbrella agreement's for everyone, a campus's agreement's for
  // those who may read that campus's drafts (its liaisons, the governor's office)
  const scope = draftScope(owner);
  const agreements = scope === "ALL" ? {} : { OR: [{ campusId: null }, { campusId: { in: [...scope] } }] };
  const [milestones, items] = await Promise.all([
    prisma.milestone.findMany({
      where: { OR: [{ item: visible }, { itemId: null, agreement: agreements }] },
      orderBy: { dueDate: "asc" },
      select: {
        id: true,
        title: true,
        dueDate: true,
        item: { select: { title: true, campus: { select: { name: true, abbreviation: true } } } },
        agreement: { select: { title: true } },
      },
    }),
    prisma.roadmapItem.findMany({
      where: { AND: [visible, { status: { not: "CANCELLED" } }] },
      orderBy: { plannedEnd: "asc" },
      select: { id: true, title: true, plannedEnd: true, campus: { select: { name: true, abbreviation: true } } },
    }),
  ]);
  const calendar = ical({
    name: t("calendar.name"),
    timezone: "Asia/Jakarta",
    prodId: { company: "Pemerintah Provinsi Banten", product: "Kolaborasi Banten", language: owner.locale === "en" ? "EN" : "ID" },
  });
  for (const m of milestones) {
    const campus = m.item ? m.item.campus.abbreviation ?? m.item.campus.name : m.agreement?.title ?? "–";
    const url = absoluteUrl(appUrl, `/milestones/${m.id}`);
    calendar.createEvent({
      id: `milestone-${m.id}@kolaborasi-banten`,
      start: m.dueDate,
      allDay: true,
      summary: t("calendar.milestoneDue", { milestone: m.title, campus }),
      description: url,
      url,
    });
  }
  for (const item of items) {
    const url = absoluteUrl(appUrl, `/items/${item.id}`);
    calendar.createEvent({
      id: `item-end-${item.id}@kolaborasi-banten`,
      start: item.plannedEnd,
      allDay: true,
      summary: t("calendar.itemEnd", { item: item.title, campus: item.campus.abbreviation ?? item.campus.name }),
      description: url,
      url,
    });
  }
  return calendar.toString();
}
