import { Prisma } from "@prisma/client";
import { daysBetween, quarterRange } from "~/domain/dates";
import { DASHBOARD_PAGE_SIZE, sortRows, type DashboardFilter } from "~/domain/dashboard";
import { byNeed, needReasons } from "~/domain/campus-need";
import { pageOf } from "~/domain/paging";
import type { ItemStatus } from "~/domain/enums";
import {
  countsInSharesWhere,
  dueSoonMilestoneSql,
  openObstacleSql,
  overdueMilestoneSql,
  pastDueObstacleSql,
  publishedItemSql,
  publishedItemWhere,
  staleItemSql,
  statusShares,
  unitOwnedObstacleSql,
} from "~/domain/status";
import { cachedQuery } from "~/utils/data-cache.server";
import { prisma, sqlOf } from "~/utils/db.server";

// The governor's office overview. Every figure is aggregated in SQL; the number of queries does
// not depend on the amount of data. Only published items count (the page says so): milestones of
// drafts and of the agreement itself are left out, which /review counts and shows apart.


type Ids = { campusId: string | null; priorityAreaId: string | null; unitId: string | null };

/** Resolves the slugs/codes of the URL filter to ids (unknown values match nothing). */
async function resolveIds(filter: DashboardFilter): Promise<Ids & { unknown: boolean }> {
  const [campus, area, unit] = await Promise.all([
    filter.campus ? prisma.campus.findUnique({ where: { slug: filter.campus }, select: { id: true } }) : null,
    filter.area ? prisma.priorityArea.findUnique({ where: { code: filter.area }, select: { id: true } }) : null,
    filter.unit ? prisma.governmentUnit.findUnique({ where: { code: filter.unit }, select: { id: true } }) : null,
  ]);
  return {
    campusId: campus?.id ?? null,
    priorityAreaId: area?.id ?? null,
    unitId: unit?.id ?? null,
    unknown: (!!filter.campus && !campus) || (!!filter.area && !area) || (!!filter.unit && !unit),
  };
}

function itemWhere(filter: DashboardFilter, ids: Ids): Prisma.RoadmapItemWhereInput {
  const where: Prisma.RoadmapItemWhereInput = publishedItemWhere();
  if (ids.campusId) where.campusId = ids.campusId;
  if (ids.priorityAreaId) where.priorityAreaId = ids.priorityAreaId;
  if (ids.unitId) where.governmentUnitId = ids.unitId;
  if (filter.status) where.status = filter.status;
  if (filter.period) {
    const { start, end } = quarterRange(filter.period);
    where.plannedStart = { lte: end };
    where.plannedEnd = { gte: start };
  }
  return where;
}

/** The dashboard's item filter (published items matching the URL filters), shared with the exports. */
export async function dashboardItemWhere(filter: DashboardFilter): Promise<Prisma.RoadmapItemWhereInput> {
  const ids = await resolveIds(filter);
  return ids.unknown ? { id: "__none__" } : itemWhere(filter, ids);
}

/** The same filter as SQL over the alias `i` (RoadmapItem). */
function itemWhereSql(filter: DashboardFilter, ids: Ids): Prisma.Sql {
  const parts: Prisma.Sql[] = [sqlOf(publishedItemSql())];
  if (ids.campusId) parts.push(Prisma.sql`i."campusId" = ${ids.campusId}`);
  if (ids.priorityAreaId) parts.push(Prisma.sql`i."priorityAreaId" = ${ids.priorityAreaId}`);
  if (ids.unitId) parts.push(Prisma.sql`i."governmentUnitId" = ${ids.unitId}`);
  if (filter.status) parts.push(Prisma.sql`i."status" = ${filter.status}`);
  if (filter.period) {
    const { start, end } = quarterRange(filter.period);
    parts.push(Prisma.sql`i."plannedStart" <= ${end.getTime()} AND i."plannedEnd" >= ${start.getTime()}`);
  }
  return Prisma.join(parts, " AND ");
}

const num = (v: number | bigint | null | undefined) => Number(v ?? 0);

/** An obstacle a government unit owns (over the alias `o`). */
const unitOwnedSql = sqlOf(unitOwnedObstacleSql());

/**
 * Per campus, its most pressing open obstacle: past due first, then the oldest; with the unit
 * that owns it, if one does. One windowed pass over the open obstacles of the filtered items.
 */
function topObstacles(whereSql: Prisma.Sql, today: Date) {
  return prisma.$queryRaw<{ campusId: string; description: string; unit: string | null }[]>`
    SELECT campusId, description, unit FROM (
      SELECT i."campusId" AS campusId, o."description" AS description,
             CASE WHEN ${unitOwnedSql} THEN COALESCE(u."abbreviation", u."name") END AS unit,
             ROW_NUMBER() OVER (
               PARTITION BY i."campusId"
               ORDER BY CASE WHEN ${sqlOf(pastDueObstacleSql(today))} THEN 0 ELSE 1 END, o."createdAt" ASC, o."id" ASC
             ) AS rn
        FROM "Obstacle" o
        JOIN "RoadmapItem" i ON i."id" = o."itemId"
        LEFT JOIN "GovernmentUnit" u ON u."id" = o."ownerUnitId"
       WHERE ${whereSql} AND ${sqlOf(openObstacleSql())}
    ) WHERE rn = 1`;
}

/**
 * Every government unit (the filter's choices), with the open obstacles it owns on the filtered
 * items and how many of them are past due: one grouped pass.
 */
function unitsWithObstacles(whereSql: Prisma.Sql, today: Date) {
  return prisma.$queryRaw<
    { code: string; name: string; abbreviation: string | null; retiredAt: number | bigint | null; open: number | bigint; pastDue: number | bigint | null }[]
  >`
    SELECT u."code" AS code, u."name" AS name, u."abbreviation" AS abbreviation, u."retiredAt" AS retiredAt,
           COUNT(o."id") AS open,
           SUM(CASE WHEN ${sqlOf(pastDueObstacleSql(today))} THEN 1 ELSE 0 END) AS pastDue
      FROM "GovernmentUnit" u
      LEFT JOIN ("Obstacle" o JOIN "RoadmapItem" i ON i."id" = o."itemId")
        ON o."ownerUnitId" = u."id" AND ${whereSql} AND ${sqlOf(openObstacleSql())} AND ${unitOwnedSql}
     GROUP BY u."id"
     ORDER BY u."name"`;
}

export async function dashboardData(filter: DashboardFilter, today: Date, staleAfterDays: number) {
  const ids = await resolveIds(filter);
  const where = ids.unknown ? { id: "__none__" } : itemWhere(filter, ids);
  const whereSql = ids.unknown ? Prisma.sql`0` : itemWhereSql(filter, ids);
  const notCancelled = { AND: [where, countsInSharesWhere()] };
  const [campuses, areas, units, overall, byCampusStatus, byCampus, byArea, byField, heat, perCampus, activity, tops] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } }),
    prisma.priorityArea.findMany({ orderBy: { position: "asc" }, select: { id: true, code: true, nameId: true, nameEn: true } }),
    unitsWithObstacles(whereSql, today),
    prisma.roadmapItem.aggregate({ where: notCancelled, _avg: { progress: true } }),
    prisma.roadmapItem.groupBy({ by: ["campusId", "status"], where, _count: { _all: true } }),
    prisma.roadmapItem.groupBy({ by: ["campusId"], where: notCancelled, _avg: { progress: true } }),
    prisma.roadmapItem.groupBy({ by: ["priorityAreaId", "status"], where, _count: { _all: true } }),
    prisma.roadmapItem.groupBy({ by: ["triDharma", "status"], where, _count: { _all: true } }),
    // MAX over a DateTime in groupBy comes back null with unixepoch-ms timestamps: plain SQL instead
    prisma.$queryRaw<{ campusId: string; priorityAreaId: string; last: number | bigint | null }[]>`
      SELECT i."campusId" AS campusId, i."priorityAreaId" AS priorityAreaId, MAX(i."lastUpdateAt") AS last
        FROM "RoadmapItem" i WHERE ${whereSql} GROUP BY i."campusId", i."priorityAreaId"`,
    // per campus: stale items, overdue and due-soon milestones, open obstacles, each by its rule.
    // Each is one grouped pass (correlated subqueries per campus grew with campuses × milestones:
    // 1.5 s at scale 10)
    prisma.$queryRaw<{ campusId: string; kind: "stale" | "overdue" | "dueSoon" | "obstacles"; n: number | bigint }[]>`
      SELECT i."campusId" AS campusId, 'stale' AS kind, COUNT(*) AS n FROM "RoadmapItem" i
        WHERE ${whereSql} AND ${sqlOf(staleItemSql(today, staleAfterDays))}
        GROUP BY i."campusId"
      UNION ALL
      SELECT i."campusId", 'overdue', COUNT(*) FROM "Milestone" m JOIN "RoadmapItem" i ON i."id" = m."itemId"
        WHERE ${whereSql} AND ${sqlOf(overdueMilestoneSql(today))} GROUP BY i."campusId"
      UNION ALL
      SELECT i."campusId", 'dueSoon', COUNT(*) FROM "Milestone" m JOIN "RoadmapItem" i ON i."id" = m."itemId"
        WHERE ${whereSql} AND ${sqlOf(dueSoonMilestoneSql(today))} GROUP BY i."campusId"
      UNION ALL
      SELECT i."campusId", 'obstacles', COUNT(*) FROM "Obstacle" o JOIN "RoadmapItem" i ON i."id" = o."itemId"
        WHERE ${whereSql} AND ${sqlOf(openObstacleSql())} GROUP BY i."campusId"`,
    prisma.progressUpdate.findMany({
      where: { item: where },
      orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
      take: 12,
      select: {
        id: true,
        createdAt: true,
        reportedOn: true,
        status: true,
        progress: true,
        author: { select: { name: true } },
        item: { select: { id: true, title: true, campus: { select: { abbreviation: true, name: true } } } },
      },
    }),
    topObstacles(whereSql, today),
  ]);

  const statusCounts = (rows: { status: string; _count: { _all: number } }[]) => {
    const counts: Partial<Record<ItemStatus, number>> = {};
    for (const r of rows) counts[r.status as ItemStatus] = (counts[r.status as ItemStatus] ?? 0) + r._count._all;
    return counts;
  };

  // grouped by campus once: the per-campus lookups below stay linear in the number of campuses
  const group = <T extends { campusId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) {
      const rows = map.get(r.campusId);
      if (rows) rows.push(r);
      else map.set(r.campusId, [r]);
    }
    return map;
  };
  const statusByCampus = group(byCampusStatus);
  const averageByCampus = new Map(byCampus.map((r) => [r.campusId, r._avg.progress]));
  const extraByCampus = group(perCampus);
  const heatByCampus = group(heat);
  const topByCampus = new Map(tops.map((r) => [r.campusId, { description: r.description, unit: r.unit }]));

  const rows = campuses.map((campus) => {
    const counts = statusCounts(statusByCampus.get(campus.id) ?? []);
    const items = Object.values(counts).reduce((a, b) => a + b, 0);
    const shares = statusShares(counts);
    const extras = extraByCampus.get(campus.id) ?? [];
    const extra = (kind: (typeof perCampus)[number]["kind"]) => num(extras.find((r) => r.kind === kind)?.n);
    const lasts = (heatByCampus.get(campus.id) ?? []).filter((h) => h.last !== null).map((h) => Number(h.last));
    const last = lasts.length ? new Date(Math.max(...lasts)) : null;
    return {
      id: campus.id,
      slug: campus.slug,
      name: campus.abbreviation ?? campus.name,
      fullName: campus.name,
      items,
      progress: averageByCampus.get(campus.id) ?? null,
      onTrack: shares.total ? shares.onTrack : null,
      atRisk: shares.total ? shares.atRisk : null,
      delayed: shares.total ? shares.delayed : null,
      delayedItems: counts.DELAYED ?? 0,
      overdue: extra("overdue"),
      dueSoon: extra("dueSoon"),
      stale: extra("stale"),
      obstacles: extra("obstacles"),
      lastUpdate: last ? daysBetween(last, today) : null,
      topObstacle: topByCampus.get(campus.id) ?? null,
    };
  });

  // every active unit, and a retired one still owning open obstacles; the most past due first
  const unitObstacles = units
    .map((u) => ({ code: u.code, name: u.name, abbreviation: u.abbreviation, retired: u.retiredAt !== null, open: num(u.open), pastDue: num(u.pastDue) }))
    .filter((u) => !u.retired || u.open > 0)
    .sort((a, b) => b.pastDue - a.pastDue || b.open - a.open || a.name.localeCompare(b.name, "id"));

  const allCounts = statusCounts(byCampusStatus);
  const totalItems = rows.reduce((a, r) => a + r.items, 0);
  const shares = statusShares(allCounts);

  return {
    headline: {
      items: totalItems,
      averageProgress: overall._avg.progress,
      onTrack: shares.onTrack,
      atRisk: shares.atRisk,
      delayed: shares.delayed,
      dueSoon: rows.reduce((a, r) => a + r.dueSoon, 0),
      overdue: rows.reduce((a, r) => a + r.overdue, 0),
      stale: rows.reduce((a, r) => a + r.stale, 0),
      obstacles: rows.reduce((a, r) => a + r.obstacles, 0),
    },
    rows,
    campuses: campuses.map((c) => ({ slug: c.slug, name: c.abbreviation ?? c.name })),
    areas,
    units: units.map((u) => ({ code: u.code, name: u.abbreviation ?? u.name, fullName: u.name })),
    unitObstacles,
    byArea: areas.map((a) => ({ code: a.code, nameId: a.nameId, nameEn: a.nameEn, counts: statusCounts(byArea.filter((r) => r.priorityAreaId === a.id)) })),
    byField: ["EDUCATION", "RESEARCH", "COMMUNITY_SERVICE", "DEVELOPMENT"].map((field) => ({
      field,
      counts: statusCounts(byField.filter((r) => r.triDharma === field)),
    })),
    heat: rows.map((r) => ({
      campus: r.name,
      slug: r.slug,
      cells: areas.map((a) => {
        const cell = heatByCampus.get(r.id)?.find((h) => h.priorityAreaId === a.id);
        if (!cell) return null;
        return cell.last === null ? -1 : daysBetween(new Date(Number(cell.last)), today);
      }),
    })),
    activity,
  };
}

/**
 * The dashboard's figures, kept until the data changes: one value per filter (sorting and paging
 * the campus table happen on the kept rows), day and staleness threshold.
 */
export const cachedDashboardData = cachedQuery(
  "dashboard",
  ({ sort: _sort, dir: _dir, page: _page, ...filter }: DashboardFilter, today: Date, staleAfterDays: number) =>
    `${JSON.stringify(filter)}:${today.getTime()}:${staleAfterDays}`,
  dashboardData,
);

/** How many campuses the "needing attention" list names on the first screen. */
const NEED_SHOWN = 6;
/** How many government units the obstacles-by-unit table lists (the most past due first). */
const UNITS_SHOWN = 10;

/**
 * What the dashboard shows for a filter, its sort and page included: kept with the figures it is
 * made of, so the same view is one object for every reviewer until the data changes. Each list it
 * shows is one object holding everything that list depends on (`table`, `charts`, `heatMap`,
 * `unitTable`), rendered once as it is (app/components/static-markup.tsx).
 */
export const cachedDashboardView = cachedQuery(
  "dashboard-view",
  (filter: DashboardFilter, today: Date, staleAfterDays: number) => `${JSON.stringify(filter)}:${today.getTime()}:${staleAfterDays}`,
  async (filter: DashboardFilter, today: Date, staleAfterDays: number) => {
    const data = await cachedDashboardData(filter, today, staleAfterDays);
    // the first screen: who is behind and why (every campus of the filtered view, not one page)
    const need = byNeed(data.rows)
      .slice(0, NEED_SHOWN)
      .map((r) => ({ slug: r.slug, name: r.name, fullName: r.fullName, reasons: needReasons(r) }));
    // at province scale the per-campus table and heat map are paged (sorted over every campus first)
    const { rows, ...page } = pageOf(sortRows(data.rows, filter.sort, filter.dir), filter.page, DASHBOARD_PAGE_SIZE);
    const heatBySlug = new Map(data.heat.map((h) => [h.slug, h]));
    const heat = rows.map((r) => heatBySlug.get(r.slug)!);
    const unitObstacles = data.unitObstacles.slice(0, UNITS_SHOWN);
    const unitsHidden = Math.max(0, data.unitObstacles.length - UNITS_SHOWN);
    return {
      ...data,
      // the units with the most past-due obstacles; /units lists every unit
      unitObstacles,
      unitsHidden,
      rows,
      heat,
      page,
      filter: { ...filter, page: page.page },
      need,
      table: { rows, sort: filter.sort, dir: filter.dir, filters: filterQuery(filter) },
      charts: { byArea: data.byArea, byField: data.byField },
      heatMap: { rows: heat, areas: data.areas },
      unitTable: { units: unitObstacles, hidden: unitsHidden },
    };
  },
);

/** The dashboard's view for a filter; a page past the last is the last (one kept view, not one per number). */
export async function dashboardView(filter: DashboardFilter, today: Date, staleAfterDays: number) {
  const { rows } = await cachedDashboardData(filter, today, staleAfterDays);
  const pages = Math.max(1, Math.ceil(rows.length / DASHBOARD_PAGE_SIZE));
  return cachedDashboardView({ ...filter, page: Math.min(filter.page, pages) }, today, staleAfterDays);
}

/** The filter's own parameters (not sort, direction or page) as a query string, for the sort links. */
function filterQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  for (const name of ["campus", "area", "unit", "status", "period"] as const) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}
