import type { Prisma } from "@prisma/client";
import { BRIEFING_LIST_LIMIT, campusLight, capList, groupByUnit, quarterWindow, verdictRank, type BriefingCampus } from "~/domain/briefing";
import { needScore, rankByNeed } from "~/domain/campus-need";
import { parseDashboardFilter } from "~/domain/dashboard";
import { addDays } from "~/domain/dates";
import type { ItemStatus } from "~/domain/enums";
import { trajectory } from "~/domain/indicator";
import {
  isObstaclePastDue,
  needsGovernorOfficeWhere,
  openObstacleWhere,
  openObstacleAtEndWhere,
  overdueMilestoneAtEndWhere,
  overdueMilestoneWhere,
  publishedItemWhere,
  statusShares,
  unitOwnedObstacleWhere,
} from "~/domain/status";
import { prisma } from "~/utils/db.server";
import { dashboardData } from "./dashboard.server";
import { listIndicators } from "./indicator.server";
import { quarterDashboard } from "./quarter.server";

// The Governor's one-page briefing. The figures are the dashboard's (live) or the closed
// quarter's frozen ones; this module adds the short lists: milestones met and missed in the
// quarter, obstacles raised for the governor's office, indicator verdicts. A fixed number of
// queries whatever the amount of data; every list stops at BRIEFING_LIST_LIMIT rows. Like the
// dashboard, it counts published items only (a closed quarter froze published items only).

const milestoneSelect = {
  id: true,
  title: true,
  state: true,
  dueDate: true,
  reviewedAt: true,
  item: { select: { id: true, title: true, campus: { select: { abbreviation: true, name: true } } } },
} satisfies Prisma.MilestoneSelect;

const obstacleSelect = {
  id: true,
  description: true,
  ownerName: true,
  dueDate: true,
  item: { select: { id: true, title: true, campus: { select: { abbreviation: true, name: true } } } },
} satisfies Prisma.ObstacleSelect;

type Window = ReturnType<typeof quarterWindow>;
const campusName = (c: { abbreviation: string | null; name: string }) => c.abbreviation ?? c.name;

async function milestones(where: Prisma.MilestoneWhereInput, orderBy: Prisma.MilestoneOrderByWithRelationInput[], window: Window) {
  const [total, rows] = await Promise.all([
    prisma.milestone.count({ where }),
    prisma.milestone.findMany({ where, orderBy, take: BRIEFING_LIST_LIMIT, select: milestoneSelect }),
  ]);
  return capList(
    rows.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      reviewedAt: m.reviewedAt,
      // judged within the quarter, or else it was missed by running past its due date
      reason:
        m.reviewedAt && m.reviewedAt >= window.from && m.reviewedAt < window.until && (m.state === "MET" || m.state === "NOT_MET")
          ? m.state
          : ("OVERDUE" as const),
      itemId: m.item?.id ?? null,
      itemTitle: m.item?.title ?? null,
      campus: m.item ? campusName(m.item.campus) : null,
    })),
    total,
  );
}

async function obstacles(where: Prisma.ObstacleWhereInput) {
  const [total, rows] = await Promise.all([
    prisma.obstacle.count({ where }),
    prisma.obstacle.findMany({
      where,
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: BRIEFING_LIST_LIMIT,
      select: obstacleSelect,
    }),
  ]);
  return capList(
    rows.map((o) => ({
      id: o.id,
      description: o.description,
      ownerName: o.ownerName,
      dueDate: o.dueDate,
      itemId: o.item.id,
      itemTitle: o.item.title,
      campus: campusName(o.item.campus),
    })),
    total,
  );
}

/**
 * Open obstacles waiting on government units, grouped by unit: past due (as of `today`) first,
 * then by due date, then the oldest; the list stops at BRIEFING_LIST_LIMIT.
 */
async function waitingOnUnits(where: Prisma.ObstacleWhereInput, today: Date) {
  const all: Prisma.ObstacleWhereInput = { AND: [where, unitOwnedObstacleWhere()] };
  const [total, rows] = await Promise.all([
    prisma.obstacle.count({ where: all }),
    prisma.obstacle.findMany({
      where: all,
      // the earliest due date first is the past-due first; without a due date, last
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      take: BRIEFING_LIST_LIMIT,
      select: {
        id: true,
        description: true,
        dueDate: true,
        item: { select: { id: true, title: true, campus: { select: { abbreviation: true, name: true } } } },
        ownerUnit: { select: { code: true, name: true, abbreviation: true } },
      },
    }),
  ]);
  const list = rows.map((o) => ({
    id: o.id,
    description: o.description,
    dueDate: o.dueDate,
    // the list holds open obstacles only: as of `today` they were open
    pastDue: isObstaclePastDue({ status: "OPEN", dueDate: o.dueDate }, today),
    itemId: o.item.id,
    itemTitle: o.item.title,
    campus: campusName(o.item.campus),
    unit: { code: o.ownerUnit!.code, name: o.ownerUnit!.abbreviation ?? o.ownerUnit!.name },
  }));
  return { groups: groupByUnit(list), more: Math.max(0, total - list.length) };
}

/** Each indicator's latest actual known by `observedBy` (all when null) and its verdict, worst first. */
async function indicators(currentYear: number, observedBy: Date | null) {
  const all = await listIndicators({ visibility: "PUBLISHED" });
  const rows = all
    .map((i) => {
      const actuals = observedBy ? i.values.filter((v) => v.observedOn <= observedBy) : i.values;
      const path = trajectory({ ...i, actuals }, currentYear);
      return {
        id: i.id,
        code: i.code,
        nameId: i.nameId,
        nameEn: i.nameEn,
        unit: i.unit,
        latest: path.latest,
        next: path.next ? { year: path.next.year, target: path.next.target } : null,
        verdict: path.verdict,
      };
    })
    .sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict));
  return capList(rows, rows.length);
}

const within = (w: Window) => ({ gte: w.from, lt: w.until });

/** The briefing of the current quarter, from live data (published items only, as on the dashboard). */
export async function liveBriefing(quarter: string, today: Date, staleAfterDays: number) {
  const w = quarterWindow(quarter);
  const published = publishedItemWhere();
  const scope: Prisma.MilestoneWhereInput = { item: published };
  const [dash, met, missed, raised, paths, units] = await Promise.all([
    dashboardData(parseDashboardFilter(new URLSearchParams()), today, staleAfterDays),
    milestones({ AND: [scope, { state: "MET", reviewedAt: within(w) }] }, [{ reviewedAt: "desc" }, { id: "asc" }], w),
    milestones(
      {
        AND: [
          scope,
          {
            OR: [
              { state: "NOT_MET", reviewedAt: within(w) },
              // overdue now, having fallen due within this quarter
              { AND: [overdueMilestoneWhere(today), { dueDate: { gte: w.start } }] },
            ],
          },
        ],
      },
      [{ dueDate: "asc" }, { id: "asc" }],
      w,
    ),
    obstacles({ AND: [needsGovernorOfficeWhere(), { item: published }] }),
    indicators(today.getUTCFullYear(), null),
    waitingOnUnits({ AND: [openObstacleWhere(), { item: published }] }, today),
  ]);
  // the dashboard's ordering by need, and the light read from the same score
  const campuses: BriefingCampus[] = rankByNeed(dash.rows).map((r) => ({
    slug: r.slug,
    name: r.name,
    fullName: r.fullName,
    items: r.items,
    progress: r.progress,
    onTrack: r.onTrack,
    atRisk: r.atRisk,
    delayed: r.delayed,
    overdue: r.overdue,
    delayedItems: r.delayedItems,
    stale: r.stale,
    obstacles: r.obstacles,
    lastUpdate: r.lastUpdate,
    score: needScore(r),
    light: campusLight(r),
  }));
  const h = dash.headline;
  return {
    headline: {
      items: h.items,
      averageProgress: h.averageProgress,
      onTrack: h.onTrack,
      atRisk: h.atRisk,
      delayed: h.delayed,
      overdue: h.overdue,
      obstacles: h.obstacles,
    },
    campuses,
    met,
    missed,
    obstacles: raised,
    indicators: paths,
    units,
  };
}

/**
 * The briefing of a closed quarter as it was: items, progress and status shares from its frozen
 * snapshots; milestones and obstacles of the frozen items as they stood at the quarter's end,
 * read back from their dates; indicator values observed by the end, judged in that year.
 */
export async function closedBriefing(close: { id: string; quarter: string }) {
  const w = quarterWindow(close.quarter);
  const scope: Prisma.MilestoneWhereInput = { item: { snapshots: { some: { quarterId: close.id } } } };
  const overdueAtEnd = overdueMilestoneAtEndWhere(w);
  const openAtEnd: Prisma.ObstacleWhereInput = {
    AND: [{ item: { snapshots: { some: { quarterId: close.id } } } }, openObstacleAtEndWhere(w)],
  };
  const [allCampuses, frozen, overdueByItem, obstaclesByItem, met, missed, raised, paths, units] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, abbreviation: true } }),
    quarterDashboard(close.id),
    prisma.milestone.groupBy({ by: ["itemId"], where: { AND: [scope, overdueAtEnd] }, _count: { _all: true } }),
    prisma.obstacle.groupBy({ by: ["itemId"], where: openAtEnd, _count: { _all: true } }),
    milestones({ AND: [scope, { state: "MET", reviewedAt: within(w) }] }, [{ reviewedAt: "desc" }, { id: "asc" }], w),
    milestones(
      {
        AND: [
          scope,
          { OR: [{ state: "NOT_MET", reviewedAt: within(w) }, { AND: [overdueAtEnd, { dueDate: { gte: w.start } }] }] },
        ],
      },
      [{ dueDate: "asc" }, { id: "asc" }],
      w,
    ),
    obstacles({ AND: [openAtEnd, { needsGovernorOffice: true }] }),
    indicators(w.end.getUTCFullYear(), w.end),
    // a unit's then: handed to it before the quarter ended; past due by its last day
    waitingOnUnits({ AND: [openAtEnd, { OR: [{ assignedAt: null }, { assignedAt: { lt: w.until } }] }] }, addDays(w.end, 1)),
  ]);

  const overdueOf = new Map(overdueByItem.map((r) => [r.itemId, r._count._all]));
  const obstaclesOf = new Map(obstaclesByItem.map((r) => [r.itemId, r._count._all]));
  const bySlug = new Map(frozen.campuses.map((c) => [c.slug, c]));
  const campuses: BriefingCampus[] = allCampuses.map((campus) => {
    const row = bySlug.get(campus.slug);
    const counts: Partial<Record<ItemStatus, number>> = {};
    let overdue = 0;
    let open = 0;
    for (const s of row?.snapshots ?? []) {
      counts[s.status as ItemStatus] = (counts[s.status as ItemStatus] ?? 0) + 1;
      overdue += overdueOf.get(s.itemId) ?? 0;
      open += obstaclesOf.get(s.itemId) ?? 0;
    }
    const shares = statusShares(counts);
    // items gone unreported cannot be read back from the snapshots: a closed quarter counts none
    const need = { overdue, delayedItems: counts.DELAYED ?? 0, stale: 0, obstacles: open, lastUpdate: null };
    const items = row?.items ?? 0;
    return {
      slug: campus.slug,
      name: campusName(campus),
      fullName: campus.name,
      items,
      progress: row?.progress ?? null,
      onTrack: shares.total ? shares.onTrack : null,
      atRisk: shares.total ? shares.atRisk : null,
      delayed: shares.total ? shares.delayed : null,
      ...need,
      score: needScore(need),
      light: campusLight({ ...need, items }),
    };
  });
  const sum = (rows: { _count: { _all: number } }[]) => rows.reduce((a, r) => a + r._count._all, 0);
  return {
    headline: { ...frozen.headline, overdue: sum(overdueByItem), obstacles: sum(obstaclesByItem) },
    campuses: rankByNeed(campuses),
    met,
    missed,
    obstacles: raised,
    indicators: paths,
    units,
  };
}

export type Briefing = Awaited<ReturnType<typeof liveBriefing>>;
