import type { Prisma } from "@prisma/client";
import type { Principal } from "~/domain/policy";
import {
  ROADMAP_PAGE_SIZE,
  barLayout,
  dayOffset,
  quarterColumns,
  resolveWindow,
  timelineBounds,
  quarterSpan,
  windowDates,
  type RoadmapFilter,
} from "~/domain/roadmap-timeline";
import { isItemOverdue, isMilestoneOverdue, isPublished, overdueItemWhere } from "~/domain/status";
import { prisma } from "~/utils/db.server";
import { visibleItemsWhere } from "./roadmap-item.server";

// The collaboration roadmap as a timeline by quarter. Counts and the span of the quarters come
// from SQL; only one page of items (and their milestones) is loaded. Unlike the dashboard, the
// timeline shows the drafts its reader may see, and counts them: the page says how many.

export async function roadmapTimeline(actor: Principal, filter: RoadmapFilter, today: Date) {
  const [campuses, areas, units] = await Promise.all([
    prisma.campus.findMany({
      orderBy: { position: "asc" },
      select: { id: true, slug: true, name: true, abbreviation: true },
    }),
    prisma.priorityArea.findMany({
      orderBy: { position: "asc" },
      select: { id: true, code: true, nameId: true, nameEn: true },
    }),
    // retired units stay: their items are still on the timeline
    prisma.governmentUnit.findMany({
      orderBy: [{ name: "asc" }],
      select: { id: true, code: true, name: true, abbreviation: true, retiredAt: true },
    }),
  ]);
  const campus = filter.campus ? campuses.find((c) => c.slug === filter.campus) : null;
  const area = filter.area ? areas.find((a) => a.code === filter.area) : null;
  const unit = filter.unit ? units.find((u) => u.code === filter.unit) : null;
  // an unknown slug or code matches nothing rather than everything
  const unknown = (!!filter.campus && !campus) || (!!filter.area && !area) || (!!filter.unit && !unit);

  const filtered: Prisma.RoadmapItemWhereInput[] = [visibleItemsWhere(actor)];
  if (unknown) filtered.push({ id: "__none__" });
  if (campus) filtered.push({ campusId: campus.id });
  if (area) filtered.push({ priorityAreaId: area.id });
  if (unit) filtered.push({ governmentUnitId: unit.id });
  if (filter.overdue) filtered.push(overdueItemWhere(today));
  const where: Prisma.RoadmapItemWhereInput = { AND: filtered };

  // the span of the items (aggregate _min/_max of a DateTime comes back invalid with this adapter)
  const [first, last, all] = await Promise.all([
    prisma.roadmapItem.findFirst({
      where,
      orderBy: { plannedStart: "asc" },
      select: { plannedStart: true },
    }),
    prisma.roadmapItem.findFirst({
      where,
      orderBy: { plannedEnd: "desc" },
      select: { plannedEnd: true },
    }),
    prisma.roadmapItem.count({ where }),
  ]);
  const window = resolveWindow(filter, { start: first?.plannedStart ?? null, end: last?.plannedEnd ?? null }, today);
  const range = windowDates(window);
  const inWindow: Prisma.RoadmapItemWhereInput = {
    AND: [where, { plannedStart: { lte: range.end } }, { plannedEnd: { gte: range.start } }],
  };

  // counted by visibility, so the page can say how many of them are drafts (no extra query)
  const [byVisibility, overdueByVisibility] = await Promise.all([
    prisma.roadmapItem.groupBy({ by: ["visibility"], where: inWindow, _count: { _all: true } }),
    prisma.roadmapItem.groupBy({ by: ["visibility"], where: { AND: [inWindow, overdueItemWhere(today)] }, _count: { _all: true } }),
  ]);
  const tally = (rows: { visibility: string; _count: { _all: number } }[]) => ({
    all: rows.reduce((a, r) => a + r._count._all, 0),
    drafts: rows.filter((r) => !isPublished(r)).reduce((a, r) => a + r._count._all, 0),
  });
  const counted = tally(byVisibility);
  const overdueCounted = tally(overdueByVisibility);
  const total = counted.all;
  const overdue = overdueCounted.all;
  const pageCount = Math.max(1, Math.ceil(total / ROADMAP_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await prisma.roadmapItem.findMany({
    where: inWindow,
    orderBy: [{ plannedStart: "asc" }, { plannedEnd: "asc" }, { id: "asc" }],
    skip: (page - 1) * ROADMAP_PAGE_SIZE,
    take: ROADMAP_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      status: true,
      progress: true,
      visibility: true,
      plannedStart: true,
      plannedEnd: true,
      campusId: true,
      priorityAreaId: true,
    },
  });
  const milestones = rows.length
    ? await prisma.milestone.findMany({
        where: { itemId: { in: rows.map((r) => r.id) } },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        select: {
          id: true,
          itemId: true,
          title: true,
          state: true,
          dueDate: true,
        },
      })
    : [];

  // names from the lists already loaded: no query per relation
  const campusById = new Map(campuses.map((c) => [c.id, c]));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const milestonesOf = new Map<string, typeof milestones>();
  for (const m of milestones) milestonesOf.set(m.itemId!, [...(milestonesOf.get(m.itemId!) ?? []), m]);
  const items = rows.map((row) => {
    const c = campusById.get(row.campusId)!;
    const a = areaById.get(row.priorityAreaId)!;
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      progress: row.progress,
      draft: row.visibility === "DRAFT",
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      campus: {
        slug: c.slug,
        name: c.abbreviation ?? c.name,
        fullName: c.name,
      },
      area: { code: a.code, nameId: a.nameId, nameEn: a.nameEn },
      overdue: isItemOverdue(row, today),
      // every row overlaps the window; only dates the wrong way round (never saved by the form) give no bar
      bar: barLayout(range, row.plannedStart, row.plannedEnd) ?? {
        left: 0,
        width: 0,
        clippedStart: false,
        clippedEnd: false,
      },
      milestones: (milestonesOf.get(row.id) ?? []).map((m) => ({
        id: m.id,
        title: m.title,
        state: m.state,
        dueDate: m.dueDate,
        overdue: isMilestoneOverdue(m, today),
        offset: dayOffset(range, m.dueDate),
      })),
    };
  });

  const bounds = timelineBounds(today);
  return {
    campuses: campuses.map((c) => ({
      slug: c.slug,
      name: c.abbreviation ?? c.name,
    })),
    areas: areas.map((a) => ({
      code: a.code,
      nameId: a.nameId,
      nameEn: a.nameEn,
    })),
    // active units first, then retired ones (marked)
    units: [...units]
      .sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt))
      .map((u) => ({ code: u.code, name: u.abbreviation ?? u.name, retired: !!u.retiredAt })),
    quarterOptions: quarterSpan(bounds.first, bounds.last),
    window,
    columns: quarterColumns(window),
    today: dayOffset(range, today),
    items,
    total,
    overdue,
    /** of which drafts (only those the reader may see); the dashboard counts published items only */
    drafts: { total: counted.drafts, overdue: overdueCounted.drafts },
    /** items matching the filters whose planned period lies wholly outside the quarters shown */
    outside: all - total,
    page,
    pageCount,
    pageSize: ROADMAP_PAGE_SIZE,
  };
}
