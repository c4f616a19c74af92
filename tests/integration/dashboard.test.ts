import { beforeAll, describe, expect, it } from "vitest";
import { parseDashboardFilter } from "~/domain/dashboard";
import { dashboardData } from "~/models/dashboard.server";
import { loader } from "~/routes/dashboard";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createMilestone, createObstacle, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-11-25");
const filter = (query = "") => parseDashboardFilter(new URLSearchParams(query));

let ids: Record<string, string>;
let authorId: string;
let areaId: string;

async function item(campus: string, updates: [string, number, "ON_TRACK" | "AT_RISK" | "DELAYED" | "COMPLETED" | "CANCELLED"][], visibility: "DRAFT" | "PUBLISHED" = "PUBLISHED") {
  const created = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: areaId, visibility });
  for (const [day, progress, status] of updates) {
    await createUpdate(prisma, { itemId: created.id, authorId, reportedOn: d(day), progress, status });
  }
  return created;
}

beforeAll(async () => {
  ids = await campusIds();
  areaId = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } })).id;
  authorId = (await createUser(prisma, { email: "author@dash.test", role: "LIAISON", campusIds: [ids.itb!] })).id;
  await createUser(prisma, { email: "reviewer@dash.test", role: "REVIEWER" });

  // ITB: on track, delayed and stale, completed, cancelled, not started; one draft (never counted)
  const a = await item("itb", [["2026-11-01", 30, "AT_RISK"], ["2026-11-20", 40, "ON_TRACK"]]);
  const b = await item("itb", [["2026-10-01", 20, "DELAYED"]]);
  await item("itb", [["2026-06-01", 100, "COMPLETED"]]);
  await item("itb", [["2026-05-01", 10, "CANCELLED"]]);
  await item("itb", []);
  const draft = await item("itb", [["2026-11-24", 90, "ON_TRACK"]], "DRAFT");
  // UMT: one at risk
  await item("umt", [["2026-11-01", 60, "AT_RISK"]]);

  await createMilestone(prisma, { itemId: a.id, dueDate: d("2026-11-24"), state: "PENDING" }); // overdue
  await createMilestone(prisma, { itemId: a.id, dueDate: TODAY, state: "PENDING" }); // due today: due soon
  await createMilestone(prisma, { itemId: a.id, dueDate: d("2026-11-01"), state: "SUBMITTED" }); // neither
  await createMilestone(prisma, { itemId: a.id, dueDate: d("2026-12-20"), state: "RETURNED" }); // due soon
  await createMilestone(prisma, { itemId: a.id, dueDate: d("2026-12-26"), state: "PENDING" }); // 31 days: neither
  await createMilestone(prisma, { itemId: draft.id, dueDate: d("2026-11-01"), state: "PENDING" }); // draft: not counted
  const mou = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" } });
  await createMilestone(prisma, { agreementId: mou.id, dueDate: d("2026-11-01"), state: "PENDING" }); // the agreement's own: not counted

  await createObstacle(prisma, { itemId: a.id });
  await createObstacle(prisma, { itemId: b.id });
  await createObstacle(prisma, { itemId: b.id, resolved: { resolution: "ok", resolvedAt: d("2026-11-10") } });
  await createObstacle(prisma, { itemId: draft.id });
});

describe("dashboard figures (hand-computed)", () => {
  it("headline: published items only; cancelled items out of progress and shares", async () => {
    const data = await dashboardData(filter(), TODAY, 30);
    expect(data.headline).toEqual({
      items: 6, // A, B, completed, cancelled, not started (ITB) + UMT
      averageProgress: (40 + 20 + 100 + 0 + 60) / 5,
      onTrack: 2 / 5, // A and the completed one
      atRisk: 1 / 5,
      delayed: 1 / 5,
      dueSoon: 2, // due today and the returned one on 20 Dec
      overdue: 1, // neither the draft's milestone nor the agreement's own (/review counts those, and says so)
      stale: 1, // B: last update 55 days ago; the not-started item was created today
      obstacles: 2,
    });
  });

  it("per campus rows", async () => {
    const data = await dashboardData(filter(), TODAY, 30);
    const itb = data.rows.find((r) => r.slug === "itb")!;
    expect(itb).toMatchObject({ items: 5, progress: 40, onTrack: 0.5, atRisk: 0, delayed: 0.25, overdue: 1, dueSoon: 2, stale: 1, obstacles: 2, lastUpdate: 5 });
    const umt = data.rows.find((r) => r.slug === "umt")!;
    expect(umt).toMatchObject({ items: 1, progress: 60, onTrack: 0, atRisk: 1, overdue: 0, stale: 0, lastUpdate: 24 });
    const unma = data.rows.find((r) => r.slug === "unma")!;
    expect(unma).toMatchObject({ items: 0, progress: null, onTrack: null, lastUpdate: null });
    expect(data.rows).toHaveLength(12);
  });

  it("breakdowns and heat map", async () => {
    const data = await dashboardData(filter(), TODAY, 30);
    const health = data.byArea.find((a) => a.code === "health")!;
    expect(health.counts).toEqual({ ON_TRACK: 1, DELAYED: 1, COMPLETED: 1, CANCELLED: 1, NOT_STARTED: 1, AT_RISK: 1 });
    const research = data.byField.find((f) => f.field === "RESEARCH")!;
    expect(Object.values(research.counts).reduce((a, b) => a + b, 0)).toBe(6);
    const areaIndex = data.areas.findIndex((a) => a.code === "health");
    expect(data.heat.find((h) => h.slug === "itb")!.cells[areaIndex]).toBe(5);
    expect(data.heat.find((h) => h.slug === "unma")!.cells[areaIndex]).toBeNull();
    expect(data.activity.length).toBeGreaterThan(0);
    expect(data.activity.every((a) => a.item.title !== undefined)).toBe(true);
  });

  it("filters by campus, status and period", async () => {
    expect((await dashboardData(filter("campus=umt"), TODAY, 30)).headline.items).toBe(1);
    expect((await dashboardData(filter("status=DELAYED"), TODAY, 30)).headline.items).toBe(1);
    // every fixture item is planned 5 Jan – 18 Dec 2026
    expect((await dashboardData(filter("period=2026-Q2"), TODAY, 30)).headline.items).toBe(6);
    expect((await dashboardData(filter("period=2027-Q1"), TODAY, 30)).headline.items).toBe(0);
    expect((await dashboardData(filter("campus=nowhere"), TODAY, 30)).headline.items).toBe(0);
  });

  it("issues the same bounded number of queries whatever the amount of data", async () => {
    const count = async () => {
      let n = 0;
      const stop = onQuery(() => n++);
      await dashboardData(filter(), TODAY, 30);
      stop();
      return n;
    };
    const before = await count();
    for (let i = 0; i < 40; i++) {
      const extra = await item(i % 2 ? "itb" : "ukri", [["2026-09-01", 10, "ON_TRACK"], ["2026-10-01", 20, "AT_RISK"]]);
      await createMilestone(prisma, { itemId: extra.id, dueDate: d("2026-11-01") });
    }
    const after = await count();
    expect(before).toBeGreaterThan(5);
    expect(before).toBeLessThanOrEqual(15);
    expect(after).toBe(before);
  });
});

describe("GET /dashboard", () => {
  it("serves reviewers with the filters from the URL, and sorts the campus table", async () => {
    const cookie = await cookieFor("reviewer@dash.test");
    const response = await call(loader, makeRequest("/dashboard?campus=itb&sort=items&dir=desc", { cookie }));
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.filter).toMatchObject({ campus: "itb", sort: "items", dir: "desc" });
    expect(data.rows[0].slug).toBe("itb");
  });
  it("pages the campus table and the heat map at province scale, sorting over every campus first", async () => {
    // 13 more campuses (25 in all): two pages of 20
    for (let i = 0; i < 13; i++) {
      await prisma.campus.create({ data: { slug: `extra-${i}`, name: `Kampus Tambahan ${i}`, type: "UNIVERSITAS", position: 100 + i } });
    }
    const cookie = await cookieFor("reviewer@dash.test");
    const page = async (query: string) => jsonOf(await call(loader, makeRequest(`/dashboard?${query}`, { cookie })));
    const first = await page("sort=items&dir=desc");
    expect(first.page).toMatchObject({ page: 1, pages: 2, total: 25, from: 1, to: 20 });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].slug).toBe("itb"); // the most items, whatever page order would give
    expect(first.heat.map((h: { slug: string }) => h.slug)).toEqual(first.rows.map((r: { slug: string }) => r.slug));
    const second = await page("sort=items&dir=desc&page=2");
    expect(second.page).toMatchObject({ page: 2, pages: 2, from: 21, to: 25 });
    expect(second.rows).toHaveLength(5);
    const slugs = [...first.rows, ...second.rows].map((r: { slug: string }) => r.slug);
    expect(new Set(slugs).size).toBe(25);
    // the headline still covers every campus; a page past the end shows the last one
    expect(second.headline).toEqual(first.headline);
    expect((await page("page=99")).page.page).toBe(2);
    await prisma.campus.deleteMany({ where: { slug: { startsWith: "extra-" } } });
  });
  it("sends visitors who are not signed in to the login page", async () => {
    const response = await call(loader, makeRequest("/dashboard"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
  });
});

describe("the dashboard's cached figures", () => {
  it("are reused until the data changes, and fresh after any audited change", async () => {
    const cookie = await cookieFor("reviewer@dash.test");
    const figures = async () => (await jsonOf(await call(loader, makeRequest("/dashboard?campus=umt", { cookie })))).headline;
    const first = await figures();
    let queries = 0;
    const stop = onQuery(() => queries++);
    expect(await figures()).toEqual(first);
    stop();
    // a cached page costs the session look-up, the unread count and one version check, not the aggregates
    expect(queries).toBeLessThanOrEqual(4);

    // signing in is audited but changes nothing the dashboard shows: the figures stay cached
    await cookieFor("author@dash.test");
    queries = 0;
    const again = onQuery(() => queries++);
    expect(await figures()).toEqual(first);
    again();
    expect(queries).toBeLessThanOrEqual(4);

    const { postProgressUpdate } = await import("~/models/roadmap-item.server");
    const umtItem = await prisma.roadmapItem.findFirstOrThrow({ where: { campus: { slug: "umt" }, visibility: "PUBLISHED" } });
    await postProgressUpdate({ userId: authorId, ip: null }, umtItem, {
      reportedOn: d("2026-11-24"),
      progress: 70,
      status: "DELAYED",
      narrative: "Terlambat karena cuaca.",
      files: [],
    });
    const after = await figures();
    expect(after.delayed).toBe(1);
    expect(after.averageProgress).toBe(70);
  });
});
