// The data of the public transparency page (/publik), for visitors who are not signed in.
// Only published items, and of them only what the public may read: title, campus, priority area,
// field, status and progress. Never person names or contacts (PICs, team members, users),
// comments, obstacles, evidence, drafts or budgets. Select lists below are whitelists: keep them so.
import { latestPerYear, trajectory } from "~/domain/indicator";
import { countsInSharesWhere, publishedItemSql, publishedItemWhere } from "~/domain/status";
import { cachedQuery } from "~/utils/data-cache.server";
import { prisma, sqlOf } from "~/utils/db.server";
import { listCampuses } from "./campus.server";

/** Items listed per campus; the rest is counted ("and N more"). */
export const PUBLIC_ITEMS_PER_CAMPUS = 5;
/** Campuses per page of /publik: the 12 signatories fit on one. */
export const PUBLIC_CAMPUSES_PER_PAGE = 20;
/** How long the computed page data is reused within this process. */

type ItemRow = {
  id: string;
  campusId: string;
  title: string;
  status: string;
  progress: number | bigint;
  triDharma: string;
  areaNameId: string;
  areaNameEn: string;
};

async function computePublicOverview(now: Date) {
  const published = publishedItemWhere();
  const counted = { AND: [published, countsInSharesWhere()] };
  const [agreement, campuses, byStatus, averages, overall, items, indicators] = await Promise.all([
    prisma.agreement.findFirst({
      where: { kind: "MOU" },
      orderBy: { signedOn: "asc" },
      select: {
        title: true,
        signedOn: true,
        place: true,
        validFrom: true,
        validUntil: true,
        governmentSignatory: true,
        campusRepresentative: true,
        summary: true,
        scopeResearch: true,
        scopeDevelopment: true,
        scopeCommunityService: true,
        scopeEducation: true,
        signatories: { orderBy: { position: "asc" }, select: { campusId: true } },
      },
    }),
    listCampuses(),
    prisma.roadmapItem.groupBy({ by: ["campusId", "status"], where: published, _count: { _all: true } }),
    // cancelled items count as items but not towards average progress (as on the dashboard)
    prisma.roadmapItem.groupBy({ by: ["campusId"], where: counted, _avg: { progress: true } }),
    prisma.roadmapItem.aggregate({ where: counted, _avg: { progress: true } }),
    // the latest-updated published items of each campus, at most PUBLIC_ITEMS_PER_CAMPUS each, in one query
    prisma.$queryRaw<ItemRow[]>`
      SELECT id, campusId, title, status, progress, triDharma, areaNameId, areaNameEn FROM (
         SELECT i."id" AS id, i."campusId" AS campusId, i."title" AS title, i."status" AS status,
                i."progress" AS progress, i."triDharma" AS triDharma,
                p."nameId" AS areaNameId, p."nameEn" AS areaNameEn,
                ROW_NUMBER() OVER (PARTITION BY i."campusId" ORDER BY i."lastUpdateAt" DESC, i."title" ASC, i."id" ASC) AS rn
           FROM "RoadmapItem" i JOIN "PriorityArea" p ON p."id" = i."priorityAreaId"
          WHERE ${sqlOf(publishedItemSql())}
       ) WHERE rn <= ${PUBLIC_ITEMS_PER_CAMPUS} ORDER BY campusId, rn`,
    prisma.indicator.findMany({
      orderBy: [{ createdAt: "asc" }, { code: "asc" }],
      take: 50,
      select: {
        id: true,
        code: true,
        nameId: true,
        nameEn: true,
        unit: true,
        description: true,
        direction: true,
        baselineYear: true,
        baselineValue: true,
        source: true,
        targets: { orderBy: { year: "asc" }, select: { year: true, value: true, note: true } },
        values: {
          orderBy: [{ year: "desc" }, { observedOn: "desc" }, { createdAt: "desc" }],
          take: 200,
          select: { year: true, value: true, observedOn: true, source: true },
        },
        _count: { select: { roadmapItems: { where: published } } },
      },
    }),
  ]);
  const currentYear = now.getUTCFullYear();
  const campusRows = campuses.map((campus) => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const row of byStatus) {
      if (row.campusId !== campus.id) continue;
      counts[row.status] = row._count._all;
      total += row._count._all;
    }
    const listed = items
      .filter((i) => i.campusId === campus.id)
      .map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
        progress: Number(i.progress),
        triDharma: i.triDharma,
        area: { nameId: i.areaNameId, nameEn: i.areaNameEn },
      }));
    return {
      slug: campus.slug,
      name: campus.name,
      abbreviation: campus.abbreviation,
      type: campus.type,
      city: campus.city,
      website: campus.website,
      items: total,
      statusCounts: counts,
      averageProgress: averages.find((a) => a.campusId === campus.id)?._avg.progress ?? null,
      listed,
      more: Math.max(0, total - listed.length),
    };
  });

  return {
    generatedAt: now.toISOString(),
    agreement: agreement
      ? {
          ...agreement,
          signatories: agreement.signatories
            .map((s) => campuses.find((c) => c.id === s.campusId))
            .filter((c) => c !== undefined)
            .map((c) => ({ slug: c.slug, name: c.name, abbreviation: c.abbreviation })),
        }
      : null,
    totals: {
      items: campusRows.reduce((sum, c) => sum + c.items, 0),
      averageProgress: overall._avg.progress ?? null,
    },
    campuses: campusRows,
    indicators: indicators.map(({ values, _count, ...indicator }) => {
      const actuals = latestPerYear(values);
      return {
        ...indicator,
        actuals: actuals.map((a) => ({ year: a.year, value: a.value, observedOn: a.observedOn })),
        latest: values[0] ?? null,
        trajectory: trajectory({ ...indicator, actuals, targets: indicator.targets }, currentYear),
        contributingItems: _count.roadmapItems,
      };
    }),
  };
}

export type PublicOverview = Awaited<ReturnType<typeof computePublicOverview>>;

/**
 * The public page's data, kept until the data changes (visitors share one computation; a change
 * shows at once, plus the HTTP cache's time). It depends on the date only through the year.
 */
export const publicOverview = cachedQuery(
  "public-overview",
  (now: Date = new Date()) => String(now.getUTCFullYear()),
  (now: Date = new Date()) => computePublicOverview(now),
);

/** Forgets the kept data (tests that write without the audit trail). */
export function forgetPublicOverview() {
  publicOverview.forget();
}
