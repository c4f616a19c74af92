import type { Prisma } from "@prisma/client";
import { can, type Principal } from "~/domain/policy";
import { isObstaclePastDue, openObstacleWhere, pastDueObstacleWhere, publishedItemWhere, unitOwnedObstacleWhere } from "~/domain/status";
import { prisma } from "~/utils/db.server";
import { landingPath } from "./campus.server";
import { visibleItemsWhere } from "./roadmap-item.server";

// The government units' pages (/units, /units/:code): what each unit is the counterpart of, the
// obstacles it must clear and its people in the joint teams. Counts are grouped in SQL; a page
// reads one unit's rows only, limited to the items its reader may see.

/** What a unit is, as its pages and its administration show it. */
export const UNIT_SELECT = {
  id: true,
  code: true,
  name: true,
  abbreviation: true,
  kind: true,
  parentOrganization: true,
  retiredAt: true,
} satisfies Prisma.GovernmentUnitSelect;

const unitOwned = unitOwnedObstacleWhere();

const countBy = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, string | null>)[], key: K) =>
  new Map(rows.map((row) => [row[key], row._count._all]));

/** Every unit, active ones first, with its published items, open (and past due) obstacles and team members. */
export async function unitList(actor: Principal, today: Date) {
  const visibleItems = visibleItemsWhere(actor);
  const [units, items, open, pastDue, members] = await Promise.all([
    prisma.governmentUnit.findMany({ orderBy: { name: "asc" }, select: UNIT_SELECT }),
    prisma.roadmapItem.groupBy({ by: ["governmentUnitId"], where: { AND: [publishedItemWhere(), { governmentUnitId: { not: null } }] }, _count: { _all: true } }),
    prisma.obstacle.groupBy({
      by: ["ownerUnitId"],
      where: { AND: [openObstacleWhere(), unitOwned, { item: visibleItems }] },
      _count: { _all: true },
    }),
    prisma.obstacle.groupBy({
      by: ["ownerUnitId"],
      where: { AND: [pastDueObstacleWhere(today), unitOwned, { item: visibleItems }] },
      _count: { _all: true },
    }),
    prisma.teamMember.groupBy({ by: ["governmentUnitId"], where: { governmentUnitId: { not: null } }, _count: { _all: true } }),
  ]);
  const itemCount = countBy(items, "governmentUnitId");
  const openCount = countBy(open, "ownerUnitId");
  const pastDueCount = countBy(pastDue, "ownerUnitId");
  const memberCount = countBy(members, "governmentUnitId");
  // active first; within each, by name (the query's order, kept by the stable sort)
  return [...units]
    .sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt))
    .map((unit) => ({
      ...unit,
      items: itemCount.get(unit.id) ?? 0,
      openObstacles: openCount.get(unit.id) ?? 0,
      pastDueObstacles: pastDueCount.get(unit.id) ?? 0,
      members: memberCount.get(unit.id) ?? 0,
    }));
}

/** A unit by its code (the slug in its URL), or null. */
export function getUnitByCode(code: string) {
  return prisma.governmentUnit.findUnique({ where: { code }, select: UNIT_SELECT });
}

/**
 * One unit's page: the open obstacles it owns (past due first, then by due date; undated last),
 * the items it is the counterpart of, and its members in joint teams. Obstacles and items are
 * those of the items the reader may see (a draft only for its campus and the governor's office);
 * a member's e-mail and phone only when the reader may see that team's contacts.
 */
export async function unitPage(unitId: string, actor: Principal, today: Date) {
  const visibleItems = visibleItemsWhere(actor);
  const campus = { select: { slug: true, name: true, abbreviation: true } } as const;
  const [obstacles, items, members] = await Promise.all([
    prisma.obstacle.findMany({
      where: { AND: [openObstacleWhere(), unitOwnedObstacleWhere([unitId]), { item: visibleItems }] },
      // past due ones have the earliest due dates: one order puts them first
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        description: true,
        ownerName: true,
        dueDate: true,
        status: true,
        item: { select: { id: true, title: true, visibility: true, campus } },
      },
    }),
    prisma.roadmapItem.findMany({
      where: { AND: [visibleItems, { governmentUnitId: unitId }] },
      orderBy: [{ campus: { position: "asc" } }, { plannedStart: "asc" }, { id: "asc" }],
      select: { id: true, title: true, status: true, progress: true, lastUpdateAt: true, visibility: true, campus },
    }),
    prisma.teamMember.findMany({
      where: { governmentUnitId: unitId },
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, role: true, position: true, email: true, phone: true, team: { select: { id: true, name: true, campusId: true } } },
    }),
  ]);
  return {
    obstacles: obstacles.map(({ status, item, ...o }) => ({
      ...o,
      pastDue: isObstaclePastDue({ status, dueDate: o.dueDate }, today),
      item: { id: item.id, title: item.title, draft: item.visibility === "DRAFT", campus: item.campus },
    })),
    items: items.map(({ visibility, ...item }) => ({ ...item, draft: visibility === "DRAFT" })),
    // contacts leave the model only for readers allowed to see that team's
    members: members.map(({ email, phone, team, ...member }) => {
      const contacts = can(actor, "team.contacts.read", { campusId: team.campusId });
      return { ...member, team: { id: team.id, name: team.name }, contacts: contacts ? { email, phone } : null };
    }),
  };
}

/**
 * Where a user lands on `/` and after signing in: a unit's focal point on their unit's page (the
 * list of units when they serve several), everyone else as `landingPath` says.
 */
export async function homePath(user: { role: string; campusIds: string[]; unitIds: string[] }): Promise<string> {
  if (user.role === "UNIT" && user.unitIds.length > 0) {
    if (user.unitIds.length > 1) return "/units";
    const unit = await prisma.governmentUnit.findUnique({ where: { id: user.unitIds[0] }, select: { code: true } });
    if (unit) return `/units/${unit.code}`;
  }
  return landingPath(user);
}
