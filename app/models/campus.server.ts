import type { Prisma } from "@prisma/client";
import { addDays, daysBetween } from "~/domain/dates";
import type { ItemStatus } from "~/domain/enums";
import {
  awaitingCampusWhere,
  countsInSharesWhere,
  isMilestoneOverdue,
  isPublished,
  onTrackShare,
  openObstacleWhere,
  overdueMilestoneSql,
  publishedItemSql,
  publishedItemWhere,
} from "~/domain/status";
import type { DraftScope, Principal } from "~/domain/policy";
import { cachedQuery } from "~/utils/data-cache.server";
import { visibleAgreementsWhere } from "./agreement.server";
import { itemsWhereForScope } from "./roadmap-item.server";
import { prisma, sqlOf } from "~/utils/db.server";

export function listCampuses() {
  return prisma.campus.findMany({
    orderBy: { position: "asc" },
    select: { id: true, slug: true, name: true, abbreviation: true, type: true, city: true, website: true },
  });
}

/**
 * Every campus by its slug, kept until the data changes: a campus's pages look their campus up on
 * every request, and a Prisma query costs more than the whole list (120 campuses at province scale).
 * Keyed by nothing, so no request can fill the cache with slugs that do not exist.
 */
const cachedCampusesBySlug = cachedQuery(
  "campuses-by-slug",
  () => "",
  async () => new Map((await listCampuses()).map((campus) => [campus.slug, campus])),
);

export async function getCampusBySlug(slug: string) {
  return (await cachedCampusesBySlug()).get(slug) ?? null;
}

/** Where a user lands after signing in: a liaison's own campus workspace, else the dashboard. */
export async function landingPath(user: { role: string; campusIds: string[] }): Promise<string> {
  if (user.role === "LIAISON" && user.campusIds.length > 0) {
    const campus = await prisma.campus.findFirst({
      where: { id: { in: user.campusIds } },
      orderBy: { position: "asc" },
      select: { slug: true },
    });
    if (campus) return `/campuses/${campus.slug}`;
  }
  return "/dashboard";
}

/**
 * The umbrella agreement and the implementing agreements of a campus, as the viewer may see them
 * (drafts only for their campus and the office); kept per campus and visibility rule until the data
 * changes.
 */
export function agreementsForCampus(campusId: string, viewer: Principal) {
  return cachedCampusAgreements(campusId, visibleAgreementsWhere(viewer));
}

const cachedCampusAgreements = cachedQuery(
  "campus-agreements",
  (campusId: string, visible: Prisma.AgreementWhereInput) => `${campusId}:${JSON.stringify(visible)}`,
  (campusId: string, visible: Prisma.AgreementWhereInput) => campusAgreements(campusId, visible),
);

function campusAgreements(campusId: string, visible: Prisma.AgreementWhereInput) {
  return prisma.agreement.findMany({
    where: { AND: [{ OR: [{ signatories: { some: { campusId } } }, { campusId }] }, visible] },
    orderBy: [{ kind: "asc" }, { signedOn: "asc" }],
    select: {
      id: true,
      kind: true,
      number: true,
      title: true,
      signedOn: true,
      place: true,
      validFrom: true,
      validUntil: true,
      governmentSignatory: true,
      campusRepresentative: true,
      parentId: true,
      campusNumber: true,
      state: true,
      supersededById: true,
    },
  });
}

// ---------- status lines and the campus workspace ----------

/**
 * One status line per campus, over published items (as on the dashboard, whose per-campus figures
 * these are): item count, average progress, status counts (for the on-track share), overdue
 * milestones and the latest update. Five queries, whatever the amount of data.
 */
export async function campusStatusLines(today: Date) {
  const published = publishedItemWhere();
  const [campuses, byStatus, aggregates, lastUpdates, overdue] = await Promise.all([
    listCampuses(),
    prisma.roadmapItem.groupBy({ by: ["campusId", "status"], where: published, _count: { _all: true } }),
    prisma.roadmapItem.groupBy({
      by: ["campusId"],
      where: { AND: [published, countsInSharesWhere()] },
      _avg: { progress: true },
    }),
    // (MAX over a DateTime in groupBy comes back null with unixepoch-ms timestamps, hence SQL)
    prisma.$queryRaw<{ campusId: string; last: number | bigint | null }[]>`
      SELECT i."campusId" AS campusId, MAX(i."lastUpdateAt") AS last FROM "RoadmapItem" i
        WHERE ${sqlOf(publishedItemSql())} GROUP BY i."campusId"`,
    prisma.$queryRaw<{ campusId: string; n: number | bigint }[]>`
      SELECT i."campusId" AS campusId, COUNT(*) AS n
         FROM "Milestone" m JOIN "RoadmapItem" i ON i."id" = m."itemId"
        WHERE ${sqlOf(publishedItemSql())} AND ${sqlOf(overdueMilestoneSql(today))}
        GROUP BY i."campusId"`,
  ]);
  return campuses.map((campus) => {
    const counts: Partial<Record<ItemStatus, number>> = {};
    let items = 0;
    for (const row of byStatus) {
      if (row.campusId !== campus.id) continue;
      counts[row.status as ItemStatus] = row._count._all;
      items += row._count._all;
    }
    const agg = aggregates.find((a) => a.campusId === campus.id);
    const lastMs = lastUpdates.find((l) => l.campusId === campus.id)?.last ?? null;
    const last = lastMs === null ? null : new Date(Number(lastMs));
    return {
      ...campus,
      items,
      averageProgress: agg?._avg.progress ?? null,
      onTrackShare: onTrackShare(counts),
      overdueMilestones: Number(overdue.find((o) => o.campusId === campus.id)?.n ?? 0),
      daysSinceLastUpdate: last ? daysBetween(last, today) : null,
    };
  });
}

/** The status lines of every campus (/campuses), kept until the data changes. */
export const cachedCampusStatusLines = cachedQuery("campus-status-lines", (today: Date) => String(today.getTime()), campusStatusLines);

export const WORKSPACE_ITEM_LIMIT = 300;

/** Everything a campus workspace shows, limited to what the actor may see. */
export async function campusWorkspace(campusId: string, itemsWhere: Prisma.RoadmapItemWhereInput, today: Date) {
  const where = { AND: [{ campusId }, itemsWhere] };
  const [items, teams, milestones, obstacles] = await Promise.all([
    prisma.roadmapItem.findMany({
      where,
      orderBy: [{ status: "asc" }, { title: "asc" }],
      take: WORKSPACE_ITEM_LIMIT,
      select: {
        id: true,
        title: true,
        status: true,
        progress: true,
        visibility: true,
        lastUpdateAt: true,
        plannedEnd: true,
        priorityArea: { select: { id: true, nameId: true, nameEn: true, position: true } },
      },
    }),
    prisma.jointTeam.findMany({
      where: { campusId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, decreeRef: true, _count: { select: { members: true } } },
    }),
    prisma.milestone.findMany({
      where: {
        item: where,
        OR: [{ AND: [awaitingCampusWhere(), { dueDate: { lt: addDays(today, 60) } }] }, { state: "SUBMITTED" }],
      },
      orderBy: { dueDate: "asc" },
      take: 50,
      select: {
        id: true,
        title: true,
        dueDate: true,
        state: true,
        feedback: true,
        item: { select: { id: true, title: true, visibility: true } },
      },
    }),
    prisma.obstacle.findMany({
      where: { AND: [openObstacleWhere(), { item: where }] },
      orderBy: [{ dueDate: "asc" }],
      take: 50,
      select: {
        id: true,
        description: true,
        dueDate: true,
        ownerName: true,
        item: { select: { id: true, title: true, visibility: true } },
      },
    }),
  ]);
  // the workspace shows the drafts its reader may see: their milestones and obstacles are marked
  return {
    items,
    teams,
    milestones: milestones.map(({ item, ...m }) => ({
      ...m,
      overdue: isMilestoneOverdue(m, today),
      item: item && { id: item.id, title: item.title, draft: !isPublished(item) },
    })),
    obstacles: obstacles.map(({ item, ...o }) => ({ ...o, item: { id: item.id, title: item.title, draft: !isPublished(item) } })),
  };
}

/** A campus's workspace as seen with a draft scope (`draftScope`), kept until the data changes. */
export const cachedCampusWorkspace = cachedQuery(
  "campus-workspace",
  (campusId: string, scope: DraftScope, today: Date) => `${campusId}:${today.getTime()}:${JSON.stringify(scope)}`,
  (campusId: string, scope: DraftScope, today: Date) => campusWorkspace(campusId, itemsWhereForScope(scope), today),
);
