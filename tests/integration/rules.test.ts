// Every status rule of app/domain/status.ts written three ways (predicate, Prisma where, SQL
// fragment) must pick the same records. A spread of records is generated around each boundary
// (due yesterday, today, tomorrow, in 29–31 days; every state; drafts, published items and the
// agreement's own milestones; timestamps a millisecond either side of a cut-off), each query is
// run on the real SQLite file, the same rows are filtered in JavaScript with the predicate, and
// the id sets must be equal. Then the pages: whatever they count, they count it by these rules,
// and where they count different records (drafts) they agree on the rest and say so.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { quarterWindow } from "~/domain/briefing";
import { parseDashboardFilter } from "~/domain/dashboard";
import { addDays } from "~/domain/dates";
import { ITEM_STATUSES, MILESTONE_STATES } from "~/domain/enums";
import type { Principal } from "~/domain/policy";
import type { SqlFragment } from "~/domain/sql";
import {
  countsInShares,
  countsInSharesWhere,
  dueSoonMilestoneSql,
  dueSoonMilestoneWhere,
  isItemOverdue,
  isMilestoneDueSoon,
  isMilestoneOverdue,
  isObstacleOpen,
  isObstaclePastDue,
  isUnitOwnedObstacle,
  pastDueObstacleSql,
  pastDueObstacleWhere,
  unitOwnedObstacleSql,
  unitOwnedObstacleWhere,
  isPublished,
  isStale,
  needsGovernorOffice,
  needsGovernorOfficeWhere,
  openObstacleAtEndWhere,
  openObstacleSql,
  openObstacleWhere,
  overdueItemWhere,
  overdueMilestoneAtEndWhere,
  wasMilestoneOverdueAtEnd,
  overdueMilestoneSql,
  overdueMilestoneWhere,
  publishedItemSql,
  publishedItemWhere,
  staleBefore,
  staleItemSql,
  staleItemWhere,
  wasObstacleOpenAt,
} from "~/domain/status";
import { liveBriefing } from "~/models/briefing.server";
import { campusStatusLines } from "~/models/campus.server";
import { dashboardData } from "~/models/dashboard.server";
import { reviewQueue } from "~/models/milestone.server";
import { staleByCampus } from "~/models/reminder.server";
import DashboardPage, { loader as dashboardLoader } from "~/routes/dashboard";
import ReviewPage, { loader as reviewLoader } from "~/routes/review";
import { prisma } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { call, campusIds, CONTEXT, cookieFor, jsonOf, makeRequest } from "../support/http";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-11-25");
const STALE_DAYS = 30;
const Q3 = quarterWindow("2026-Q3");
const REVIEWER: Principal = { id: "r", role: "REVIEWER", campusIds: [] };
const filter = () => parseDashboardFilter(new URLSearchParams());

let cookie: string;

/** Ids picked by a raw query whose WHERE is the fragment, over the table under the alias the fragment uses. */
async function idsBySql(table: "RoadmapItem" | "Milestone" | "Obstacle", where: SqlFragment): Promise<Set<string>> {
  const alias = { RoadmapItem: "i", Milestone: "m", Obstacle: "o" }[table];
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT ${Prisma.raw(`${alias}."id"`)} AS id FROM ${Prisma.raw(`"${table}" ${alias}`)} WHERE ${Prisma.sql(where.strings, ...where.values)}`,
  );
  return new Set(rows.map((r) => r.id));
}
const idSet = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

/** The query's ids equal the predicate's, and the spread falls on both sides of the rule. */
function expectSame(query: Set<string>, predicate: Set<string>, all: number) {
  expect([...query].sort()).toEqual([...predicate].sort());
  expect(predicate.size).toBeGreaterThan(0);
  expect(predicate.size).toBeLessThan(all);
}

const allItems = () =>
  prisma.roadmapItem.findMany({ select: { id: true, status: true, visibility: true, lastUpdateAt: true, createdAt: true, plannedEnd: true } });
const allMilestones = () =>
  prisma.milestone.findMany({
    select: {
      id: true,
      state: true,
      dueDate: true,
      createdAt: true,
      submittedAt: true,
      reviewedAt: true,
      itemId: true,
      item: { select: { visibility: true } },
    },
  });
const allObstacles = () =>
  prisma.obstacle.findMany({
    select: {
      id: true,
      status: true,
      needsGovernorOffice: true,
      ownerSide: true,
      ownerUnitId: true,
      dueDate: true,
      createdAt: true,
      resolvedAt: true,
      raisedIn: { select: { reportedOn: true } },
      resolvedIn: { select: { reportedOn: true } },
      item: { select: { visibility: true } },
    },
  });

beforeAll(async () => {
  // loaders read the clock: the same day as TODAY in Banten
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T12:00:00+07:00") });
  const ids = await campusIds();
  const areaId = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } })).id;
  const agreementId = (await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" } })).id;
  const author = await createUser(prisma, { email: "liaison@rules.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "reviewer@rules.test", role: "REVIEWER" });
  cookie = await cookieFor("reviewer@rules.test");
  const campuses = [ids.itb!, ids.umt!, ids.iti!];

  // items: every status × both visibilities × last updates and creations around the stale cut-off
  const cut = staleBefore(TODAY, STALE_DAYS);
  const lastUpdates = [null, addDays(cut, -1), addDays(cut, 0), addDays(cut, 1), TODAY];
  const creations = [new Date(cut.getTime() - 1), cut, new Date(cut.getTime() + 1), addDays(TODAY, -400)];
  const plannedEnds = [addDays(TODAY, -1), TODAY, addDays(TODAY, 1), addDays(TODAY, 30), addDays(TODAY, -200)];
  const items: Prisma.RoadmapItemCreateManyInput[] = [];
  for (const status of ITEM_STATUSES)
    for (const visibility of ["DRAFT", "PUBLISHED"])
      for (const lastUpdateAt of lastUpdates)
        for (const createdAt of creations) {
          const n = items.length;
          items.push({
            id: `rule-item-${n}`,
            campusId: campuses[n % campuses.length]!,
            priorityAreaId: areaId,
            triDharma: "RESEARCH",
            title: `Program aturan ${n}`,
            campusPicName: "PIC",
            govPicName: "PIC",
            plannedStart: d("2026-01-05"),
            plannedEnd: plannedEnds[n % plannedEnds.length]!,
            visibility,
            status,
            progress: n % 100,
            lastUpdateAt,
            createdAt,
          });
        }
  await prisma.roadmapItem.createMany({ data: items });
  const published = items.filter((i) => i.visibility === "PUBLISHED" && i.status === "ON_TRACK").map((i) => i.id!);
  const drafts = items.filter((i) => i.visibility === "DRAFT" && i.status === "ON_TRACK").map((i) => i.id!);

  // milestones: every state × due dates around today and the due-soon horizon × owner (a published
  // item, a draft, the agreement itself); then the end of 2026-Q3 read back from their dates
  const dues = [-400, -1, 0, 1, 29, 30, 31].map((n) => addDays(TODAY, n));
  const owners = [{ itemId: published[0]! }, { itemId: drafts[0]! }, { agreementId }, { itemId: published[1]! }];
  const milestones: Prisma.MilestoneCreateManyInput[] = [];
  for (const state of MILESTONE_STATES)
    for (const dueDate of dues)
      for (const owner of owners) milestones.push({ id: `rule-ms-${milestones.length}`, title: "Tonggak", dueDate, state, ...owner });
  const around = (t: Date) => [new Date(t.getTime() - 1), t]; // a millisecond before the cut-off, and on it
  for (const state of MILESTONE_STATES)
    for (const createdAt of around(Q3.until))
      for (const submittedAt of [null, ...around(Q3.until)])
        for (const reviewedAt of [null, ...around(Q3.until)])
          for (const dueDate of [addDays(Q3.end, -10), Q3.end, addDays(Q3.end, 1)])
            milestones.push({
              id: `rule-ms-${milestones.length}`,
              title: "Tonggak triwulan",
              itemId: published[milestones.length % published.length]!,
              state,
              dueDate,
              createdAt,
              submittedAt,
              reviewedAt,
            });
  await prisma.milestone.createMany({ data: milestones });

  // obstacles: open or resolved × for the governor's office or not × published or draft item ×
  // raised and resolved around the end of 2026-Q3 (by date, or in an update reported then)
  const reportedOnEnd = await prisma.progressUpdate.create({
    data: { itemId: published[2]!, authorId: author.id, reportedOn: Q3.end, progress: 10, status: "ON_TRACK", narrative: "Akhir triwulan." },
  });
  const reportedAfter = await prisma.progressUpdate.create({
    data: { itemId: published[2]!, authorId: author.id, reportedOn: addDays(Q3.end, 1), progress: 20, status: "ON_TRACK", narrative: "Sesudahnya." },
  });
  const updates = [null, reportedOnEnd.id, reportedAfter.id];
  const obstacles: Prisma.ObstacleCreateManyInput[] = [];
  for (const status of ["OPEN", "RESOLVED"])
    for (const needsGovernorOffice of [true, false])
      for (const itemId of [published[3]!, drafts[1]!])
        for (const createdAt of around(Q3.until))
          for (const raisedInId of updates)
            for (const resolvedAt of [null, ...around(Q3.until)])
              for (const resolvedInId of updates)
                obstacles.push({
                  id: `rule-ob-${obstacles.length}`,
                  itemId,
                  description: "Kendala",
                  status,
                  needsGovernorOffice,
                  createdAt,
                  raisedInId,
                  resolvedAt,
                  resolvedInId,
                });
  await prisma.obstacle.createMany({ data: obstacles });
  // owners and due dates across them: the campus's, a unit's, one handed back to the campus still
  // naming a unit; due before, on and after today, or never
  const units = await prisma.governmentUnit.findMany({ select: { id: true }, orderBy: { code: "asc" }, take: 2 });
  const obstacleOwners = [
    { ownerSide: "CAMPUS", ownerUnitId: null },
    { ownerSide: "GOVERNMENT", ownerUnitId: units[0]!.id },
    { ownerSide: "GOVERNMENT", ownerUnitId: units[1]!.id },
    { ownerSide: "CAMPUS", ownerUnitId: units[0]!.id },
  ];
  const obstacleDues = [null, addDays(TODAY, -1), TODAY, addDays(TODAY, 1)];
  for (const [i, owner] of obstacleOwners.entries())
    for (const [j, dueDate] of obstacleDues.entries()) {
      const ids = obstacles.filter((_, n) => n % obstacleOwners.length === i && Math.floor(n / obstacleOwners.length) % obstacleDues.length === j).map((o) => o.id!);
      await prisma.obstacle.updateMany({ where: { id: { in: ids } }, data: { ...owner, dueDate } });
    }
});

afterAll(() => {
  vi.useRealTimers();
});

describe("each rule: the predicate and its queries pick the same records", () => {
  it("overdue milestone", async () => {
    const all = await allMilestones();
    const predicate = idSet(all.filter((m) => isMilestoneOverdue(m, TODAY)));
    expectSame(idSet(await prisma.milestone.findMany({ where: overdueMilestoneWhere(TODAY), select: { id: true } })), predicate, all.length);
    expectSame(await idsBySql("Milestone", overdueMilestoneSql(TODAY)), predicate, all.length);
  });

  it("milestone due soon (30 days, and another horizon)", async () => {
    const all = await allMilestones();
    for (const days of [30, 1]) {
      const predicate = idSet(all.filter((m) => isMilestoneDueSoon(m, TODAY, days)));
      expectSame(idSet(await prisma.milestone.findMany({ where: dueSoonMilestoneWhere(TODAY, days), select: { id: true } })), predicate, all.length);
      expectSame(await idsBySql("Milestone", dueSoonMilestoneSql(TODAY, days)), predicate, all.length);
    }
  });

  it("stale item (30 days, and another threshold)", async () => {
    const all = await allItems();
    for (const days of [STALE_DAYS, 7]) {
      const predicate = idSet(all.filter((i) => isStale(i, TODAY, days)));
      expectSame(idSet(await prisma.roadmapItem.findMany({ where: staleItemWhere(TODAY, days), select: { id: true } })), predicate, all.length);
      expectSame(await idsBySql("RoadmapItem", staleItemSql(TODAY, days)), predicate, all.length);
    }
  });

  it("overdue item", async () => {
    const all = await allItems();
    const predicate = idSet(all.filter((i) => isItemOverdue(i, TODAY)));
    expectSame(idSet(await prisma.roadmapItem.findMany({ where: overdueItemWhere(TODAY), select: { id: true } })), predicate, all.length);
  });

  it("published item, and counted in shares", async () => {
    const all = await allItems();
    const published = idSet(all.filter(isPublished));
    expectSame(idSet(await prisma.roadmapItem.findMany({ where: publishedItemWhere(), select: { id: true } })), published, all.length);
    expectSame(await idsBySql("RoadmapItem", publishedItemSql()), published, all.length);
    const counted = idSet(all.filter(countsInShares));
    expectSame(idSet(await prisma.roadmapItem.findMany({ where: countsInSharesWhere(), select: { id: true } })), counted, all.length);
  });

  it("open obstacle, and one for the governor's office", async () => {
    const all = await allObstacles();
    const open = idSet(all.filter(isObstacleOpen));
    expectSame(idSet(await prisma.obstacle.findMany({ where: openObstacleWhere(), select: { id: true } })), open, all.length);
    expectSame(await idsBySql("Obstacle", openObstacleSql()), open, all.length);
    const forOffice = idSet(all.filter(needsGovernorOffice));
    expectSame(idSet(await prisma.obstacle.findMany({ where: needsGovernorOfficeWhere(), select: { id: true } })), forOffice, all.length);
  });

  it("obstacle past its due date, and one a government unit owns", async () => {
    const all = await allObstacles();
    const pastDue = idSet(all.filter((o) => isObstaclePastDue(o, TODAY)));
    expect(pastDue.size).toBeGreaterThan(0);
    expectSame(idSet(await prisma.obstacle.findMany({ where: pastDueObstacleWhere(TODAY), select: { id: true } })), pastDue, all.length);
    expectSame(await idsBySql("Obstacle", pastDueObstacleSql(TODAY)), pastDue, all.length);
    const owned = idSet(all.filter((o) => isUnitOwnedObstacle(o)));
    expect(owned.size).toBeGreaterThan(0);
    expectSame(idSet(await prisma.obstacle.findMany({ where: unitOwnedObstacleWhere(), select: { id: true } })), owned, all.length);
    expectSame(await idsBySql("Obstacle", unitOwnedObstacleSql()), owned, all.length);
    const oneUnit = [all.find((o) => o.ownerSide === "GOVERNMENT")!.ownerUnitId!];
    const ownedByOne = idSet(all.filter((o) => isUnitOwnedObstacle(o, oneUnit)));
    expectSame(idSet(await prisma.obstacle.findMany({ where: unitOwnedObstacleWhere(oneUnit), select: { id: true } })), ownedByOne, all.length);
  });

  it("overdue at the end of a closed quarter (read back from the dates)", async () => {
    const all = await allMilestones();
    const predicate = idSet(all.filter((m) => wasMilestoneOverdueAtEnd(m, Q3)));
    expectSame(idSet(await prisma.milestone.findMany({ where: overdueMilestoneAtEndWhere(Q3), select: { id: true } })), predicate, all.length);
  });

  it("obstacle open at the end of a closed quarter", async () => {
    const all = await allObstacles();
    const predicate = idSet(all.filter((o) => wasObstacleOpenAt(o, Q3)));
    expectSame(idSet(await prisma.obstacle.findMany({ where: openObstacleAtEndWhere(Q3), select: { id: true } })), predicate, all.length);
  });
});

describe("every page counts by the rules", () => {
  it("the dashboard counts published items only: overdue, due soon, stale, open obstacles", async () => {
    const [data, milestones, items, obstacles] = await Promise.all([dashboardData(filter(), TODAY, STALE_DAYS), allMilestones(), allItems(), allObstacles()]);
    const onPublished = milestones.filter((m) => m.item && isPublished(m.item));
    expect(data.headline.overdue).toBe(onPublished.filter((m) => isMilestoneOverdue(m, TODAY)).length);
    expect(data.headline.dueSoon).toBe(onPublished.filter((m) => isMilestoneDueSoon(m, TODAY)).length);
    expect(data.headline.stale).toBe(items.filter((i) => isPublished(i) && isStale(i, TODAY, STALE_DAYS)).length);
    expect(data.headline.obstacles).toBe(obstacles.filter((o) => isPublished(o.item) && isObstacleOpen(o)).length);
  });

  it("the campus status lines, the briefing and the reminders show the dashboard's figures", async () => {
    const [data, lines, briefing, reminders] = await Promise.all([
      dashboardData(filter(), TODAY, STALE_DAYS),
      campusStatusLines(TODAY),
      liveBriefing("2026-Q4", TODAY, STALE_DAYS),
      staleByCampus(TODAY, STALE_DAYS),
    ]);
    for (const row of data.rows) {
      expect(lines.find((l) => l.slug === row.slug)!.overdueMilestones, row.slug).toBe(row.overdue);
      expect(reminders.find((r) => r.slug === row.slug)!.stale, row.slug).toBe(row.stale);
    }
    expect(briefing.headline.overdue).toBe(data.headline.overdue);
  });

  it("/review counts every overdue milestone the reviewer sees and splits it: its published part is the dashboard's figure", async () => {
    const [queue, data, milestones] = await Promise.all([
      reviewQueue(REVIEWER, { submitted: 1, returned: 1 }, TODAY),
      dashboardData(filter(), TODAY, STALE_DAYS),
      allMilestones(),
    ]);
    const overdue = milestones.filter((m) => isMilestoneOverdue(m, TODAY));
    expect(queue.counts.overdue).toBe(overdue.length);
    expect(queue.overdue).toEqual({
      published: data.headline.overdue,
      drafts: overdue.filter((m) => m.item && !isPublished(m.item)).length,
      agreement: overdue.filter((m) => m.itemId === null).length,
    });
    // the two pages differ by exactly the drafts and the agreement's own milestones
    expect(queue.overdue.drafts).toBeGreaterThan(0);
    expect(queue.overdue.agreement).toBeGreaterThan(0);
    expect(queue.counts.overdue).toBe(data.headline.overdue + queue.overdue.drafts + queue.overdue.agreement);
  });
});

/** Renders a route (locale: Indonesian, the default) as the text a reader sees. */
type RouteLoader = (args: { request: Request; params: Record<string, string>; context: typeof CONTEXT }) => Promise<unknown>;

async function renderText(path: string, id: string, route: { loader: RouteLoader; Component: ComponentType }) {
  const routes = [
    {
      id: "root",
      path: "/",
      Component: Outlet,
      children: [
        {
          id,
          path: path.slice(1).split("?")[0],
          loader: ({ request }: { request: Request }) => route.loader({ request, params: {}, context: CONTEXT }),
          Component: route.Component,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(makeRequest(path, { cookie }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const html = renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
  return html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

describe("the pages say what they count", () => {
  it("/review and /dashboard: different overdue figures, each saying what it holds, and the difference adds up", async () => {
    const review = await jsonOf(await call(reviewLoader, makeRequest("/review", { cookie })));
    const dashboard = await jsonOf(await call(dashboardLoader, makeRequest("/dashboard", { cookie })));
    const parts = review.overdueParts as { published: number; drafts: number; agreement: number };
    expect(parts.published).toBe(dashboard.headline.overdue);
    expect(review.counts.overdue).toBe(parts.published + parts.drafts + parts.agreement);
    expect(review.counts.overdue).toBeGreaterThan(dashboard.headline.overdue);

    const reviewText = await renderText("/review", "routes/review", { loader: reviewLoader, Component: ReviewPage });
    expect(reviewText).toContain(
      `termasuk draf — ${parts.published} pada program terbit (angka dasbor), ${parts.drafts} pada program draf, ${parts.agreement} tonggak kesepakatan`,
    );
    const dashboardText = await renderText("/dashboard", "routes/dashboard", { loader: dashboardLoader, Component: DashboardPage });
    expect(dashboardText).toContain("atas program terbit saja");
    expect(dashboardText).toContain("Tonggak jatuh tempo ≤ 30 hari");
  });
});
