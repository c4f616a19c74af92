import { beforeAll, describe, expect, it } from "vitest";
import { todayInBanten } from "~/domain/dates";
import type { Principal } from "~/domain/policy";
import { ROADMAP_PAGE_SIZE, parseRoadmapFilter } from "~/domain/roadmap-timeline";
import { isItemOverdue } from "~/domain/status";
import { roadmapTimeline } from "~/models/roadmap.server";
import { loader } from "~/routes/roadmap";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createMilestone, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-11-25");
const filter = (query = "") => parseRoadmapFilter(new URLSearchParams(query));
const REVIEWER: Principal = { id: "r", role: "REVIEWER", campusIds: [] };

let ids: Record<string, string>;
let health: string;
let employment: string;
const made: Record<string, string> = {};

async function get(path: string, email: string) {
  const response = await call(loader, makeRequest(path, { cookie: await cookieFor(email) }));
  expect(response.status).toBe(200);
  return jsonOf(response);
}

beforeAll(async () => {
  ids = await campusIds();
  health = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } })).id;
  employment = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } })).id;
  const author = await createUser(prisma, { email: "liaison.itb@roadmap.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "liaison.umt@roadmap.test", role: "LIAISON", campusIds: [ids.umt!] });
  await createUser(prisma, { email: "reviewer@roadmap.test", role: "REVIEWER" });
  await createUser(prisma, { email: "observer@roadmap.test", role: "OBSERVER" });

  const item = async (key: string, input: Partial<Parameters<typeof createItem>[1]> & { campus: string }) => {
    const { campus, ...rest } = input;
    const created = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: health, title: key, ...rest });
    made[key] = created.id;
    return created;
  };
  // ITB: one running late, one finished late (not overdue), one due today, one draft
  const late = await item("ITB late", { campus: "itb", plannedStart: d("2026-02-01"), plannedEnd: d("2026-10-31") });
  await createUpdate(prisma, { itemId: late.id, authorId: author.id, reportedOn: d("2026-10-01"), progress: 60, status: "DELAYED" });
  const done = await item("ITB done", { campus: "itb", plannedStart: d("2026-01-05"), plannedEnd: d("2026-06-30") });
  await createUpdate(prisma, { itemId: done.id, authorId: author.id, reportedOn: d("2026-06-20"), progress: 100, status: "COMPLETED" });
  await item("ITB due today", { campus: "itb", plannedStart: d("2026-03-01"), plannedEnd: TODAY });
  // Dinkes is the counterpart of the draft and of UMT's employment item
  const dinkes = await prisma.governmentUnit.findUniqueOrThrow({ where: { code: "dinkes" }, select: { id: true } });
  await item("ITB draft", { campus: "itb", visibility: "DRAFT", plannedStart: d("2026-04-01"), plannedEnd: d("2027-03-31"), governmentUnitId: dinkes.id });
  // UMT: employment, long-running; and one wholly in 2030, outside the default two years ahead
  await item("UMT jobs", { campus: "umt", priorityAreaId: employment, plannedStart: d("2026-07-01"), plannedEnd: d("2027-12-31"), governmentUnitId: dinkes.id });
  await item("UMT far", { campus: "umt", plannedStart: d("2030-01-01"), plannedEnd: d("2030-06-30") });

  await createMilestone(prisma, { itemId: late.id, title: "Laporan antara", dueDate: d("2026-09-30"), state: "PENDING" });
  await createMilestone(prisma, { itemId: late.id, title: "Laporan akhir", dueDate: d("2026-12-15"), state: "PENDING" });
  await createMilestone(prisma, { itemId: done.id, title: "Evaluasi", dueDate: d("2026-06-15"), state: "MET" });
});

const titles = (data: { items: { title: string }[] }) => data.items.map((i) => i.title).sort();

describe("GET /roadmap: who sees what", () => {
  it("sends visitors who are not signed in to the login page, keeping the filters", async () => {
    const response = await call(loader, makeRequest("/roadmap?campus=itb"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Froadmap%3Fcampus%3Ditb");
  });

  it("a liaison of another campus never sees ITB's draft; ITB's own liaison and the reviewer do", async () => {
    const other = await get("/roadmap?campus=itb&from=2026-Q1&to=2027-Q4", "liaison.umt@roadmap.test");
    expect(titles(other)).toEqual(["ITB done", "ITB due today", "ITB late"]);
    const own = await get("/roadmap?campus=itb&from=2026-Q1&to=2027-Q4", "liaison.itb@roadmap.test");
    expect(titles(own)).toEqual(["ITB done", "ITB draft", "ITB due today", "ITB late"]);
    expect(own.items.find((i: { title: string }) => i.title === "ITB draft").draft).toBe(true);
    const reviewer = await get("/roadmap?campus=itb&from=2026-Q1&to=2027-Q4", "reviewer@roadmap.test");
    expect(titles(reviewer)).toEqual(titles(own));
    const observer = await get("/roadmap?campus=itb&from=2026-Q1&to=2027-Q4", "observer@roadmap.test");
    expect(titles(observer)).toEqual(titles(other));
  });
});

describe("filters from the URL", () => {
  it("by campus and by priority area; an unknown slug matches nothing", async () => {
    const umt = await get("/roadmap?campus=umt", "reviewer@roadmap.test");
    expect(umt.filter.campus).toBe("umt");
    expect(titles(umt)).toEqual(["UMT jobs"]);
    const jobs = await get("/roadmap?area=employment", "reviewer@roadmap.test");
    expect(titles(jobs)).toEqual(["UMT jobs"]);
    const none = await get("/roadmap?campus=nowhere", "reviewer@roadmap.test");
    expect(none.items).toEqual([]);
    expect(none.total).toBe(0);
  });

  it("by counterpart unit (?unit=<code>, a select of every unit); drafts only for who may see them; an unknown code matches nothing", async () => {
    const reviewer = await get("/roadmap?unit=dinkes", "reviewer@roadmap.test");
    expect(reviewer.filter.unit).toBe("dinkes");
    expect(titles(reviewer)).toEqual(["ITB draft", "UMT jobs"]);
    expect(reviewer.units.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(["bappeda", "biro-adpim", "dindik", "dinkes", "disnakertrans"]));
    const observer = await get("/roadmap?unit=dinkes", "observer@roadmap.test");
    expect(titles(observer)).toEqual(["UMT jobs"]);
    // with another filter: both apply
    expect(titles(await get("/roadmap?unit=dinkes&campus=itb", "liaison.itb@roadmap.test"))).toEqual(["ITB draft"]);
    expect((await get("/roadmap?unit=bappeda", "reviewer@roadmap.test")).total).toBe(0);
    const unknown = await get("/roadmap?unit=nowhere", "reviewer@roadmap.test");
    expect(unknown.items).toEqual([]);
    expect(unknown.total).toBe(0);
  });

  it("spans the quarters of the filtered items, capped at two years ahead, and says how many lie beyond", async () => {
    const all = await roadmapTimeline(REVIEWER, filter(), TODAY);
    expect(all.window).toEqual({ from: "2026-Q1", to: "2028-Q4" });
    expect(all.columns).toHaveLength(12);
    expect(all.outside).toBe(1); // UMT far, in 2030
    const itb = await roadmapTimeline(REVIEWER, filter("campus=itb"), TODAY);
    expect(itb.window).toEqual({ from: "2026-Q1", to: "2027-Q1" }); // the draft ends in March 2027
    expect(itb.outside).toBe(0);
  });

  it("lets the URL choose the quarters; items wholly outside them are left out", async () => {
    const data = await roadmapTimeline(REVIEWER, filter("from=2027-Q1&to=2027-Q4"), TODAY);
    expect(data.window).toEqual({ from: "2027-Q1", to: "2027-Q4" });
    expect(data.items.map((i) => i.title).sort()).toEqual(["ITB draft", "UMT jobs"]);
    expect(data.outside).toBe(4);
    const draft = data.items.find((i) => i.title === "ITB draft")!;
    expect(draft.bar).toMatchObject({ left: 0, clippedStart: true, clippedEnd: false });
    expect(data.today).toBeNull(); // November 2026 is before the window
  });
});

describe("overdue items and milestones", () => {
  it("flags open items whose planned end has passed, with the definition of app/domain/status.ts", async () => {
    const data = await roadmapTimeline(REVIEWER, filter("campus=itb"), TODAY);
    const flags = Object.fromEntries(data.items.map((i) => [i.title, i.overdue]));
    expect(flags).toEqual({ "ITB late": true, "ITB done": false, "ITB due today": false, "ITB draft": false });
    for (const i of data.items) expect(i.overdue).toBe(isItemOverdue(i, TODAY));
    expect(data.overdue).toBe(1);
  });

  it("overdue=1 keeps only the overdue items (the SQL agrees with the domain rule)", async () => {
    const data = await roadmapTimeline(REVIEWER, filter("overdue=1"), TODAY);
    expect(data.items.map((i) => i.title)).toEqual(["ITB late"]);
    expect(data.total).toBe(1);
    expect(data.overdue).toBe(1);
  });

  it("marks evaluation milestones where they fall, overdue ones flagged", async () => {
    const data = await roadmapTimeline(REVIEWER, filter("campus=itb&from=2026-Q3&to=2026-Q4"), TODAY);
    const late = data.items.find((i) => i.title === "ITB late")!;
    expect(late.milestones.map((m) => [m.title, m.state, m.overdue])).toEqual([
      ["Laporan antara", "PENDING", true],
      ["Laporan akhir", "PENDING", false],
    ]);
    // 1 Jul – 31 Dec is 184 days; 30 Sep is day 91
    expect(late.milestones[0]!.offset).toBeCloseTo(91.5 / 184, 10);
    expect(late.bar).toMatchObject({ left: 0, clippedStart: true, clippedEnd: false });
    expect(data.today).toBeCloseTo(147.5 / 184, 10);
    // a milestone before the quarters shown is listed but not drawn
    const later = await roadmapTimeline(REVIEWER, filter("campus=itb&from=2026-Q4&to=2027-Q1"), TODAY);
    const clipped = later.items.find((i) => i.title === "ITB late")!;
    expect(clipped.milestones.map((m) => [m.title, m.offset === null])).toEqual([
      ["Laporan antara", true],
      ["Laporan akhir", false],
    ]);
    expect(later.items.find((i) => i.title === "ITB done")).toBeUndefined(); // ended in June
  });
});

describe("drafts in the counts", () => {
  it("counts the drafts its reader may see, overdue ones too, and says how many (the dashboard counts none)", async () => {
    const late = await createItem(prisma, {
      campusId: ids.iknus!,
      priorityAreaId: health,
      title: "IKNUS late draft",
      visibility: "DRAFT",
      plannedStart: d("2026-03-01"),
      plannedEnd: d("2026-10-31"),
    });
    await createItem(prisma, { campusId: ids.iknus!, priorityAreaId: health, title: "IKNUS published", plannedStart: d("2026-03-01"), plannedEnd: d("2026-10-31") });
    const reviewer = await roadmapTimeline(REVIEWER, filter("campus=iknus"), TODAY);
    expect(reviewer).toMatchObject({ total: 2, overdue: 2, drafts: { total: 1, overdue: 1 } });
    expect(reviewer.items.find((i) => i.id === late.id)).toMatchObject({ draft: true, overdue: true });
    const observer = await roadmapTimeline({ id: "o", role: "OBSERVER", campusIds: [] }, filter("campus=iknus"), TODAY);
    expect(observer).toMatchObject({ total: 1, overdue: 1, drafts: { total: 0, overdue: 0 } });
    await prisma.roadmapItem.deleteMany({ where: { campusId: ids.iknus! } });
  });
});

describe("a bounded page", () => {
  it("draws at most one page of items, says so, and issues the same number of queries however many there are", async () => {
    const count = async (query: string) => {
      let n = 0;
      const stop = onQuery(() => n++);
      const data = await roadmapTimeline(REVIEWER, filter(query), TODAY);
      stop();
      return { n, data };
    };
    const before = await count("campus=unma");
    expect(before.data.total).toBe(0);
    await prisma.roadmapItem.createMany({
      data: Array.from({ length: ROADMAP_PAGE_SIZE + 5 }, (_, i) => ({
        campusId: ids.unma!,
        priorityAreaId: health,
        triDharma: "RESEARCH",
        title: `UNMA ${String(i).padStart(3, "0")}`,
        campusPicName: "PIC",
        govPicName: "PIC",
        plannedStart: d("2026-01-05"),
        plannedEnd: d("2026-12-18"),
        visibility: "PUBLISHED",
      })),
    });
    const firstPage = await count("campus=unma");
    expect(firstPage.data.total).toBe(ROADMAP_PAGE_SIZE + 5);
    expect(firstPage.data.items).toHaveLength(ROADMAP_PAGE_SIZE);
    expect(firstPage.data.pageCount).toBe(2);
    expect(firstPage.n).toBeLessThanOrEqual(before.n + 1); // + the milestones of the page
    expect(firstPage.n).toBeLessThanOrEqual(10);

    const secondPage = await roadmapTimeline(REVIEWER, filter("campus=unma&page=2"), TODAY);
    expect(secondPage.items).toHaveLength(5);
    const seen = new Set([...firstPage.data.items, ...secondPage.items].map((i) => i.id));
    expect(seen.size).toBe(ROADMAP_PAGE_SIZE + 5);
    // a page past the end shows the last one
    expect((await roadmapTimeline(REVIEWER, filter("campus=unma&page=9"), TODAY)).page).toBe(2);
  });

  it("the loader reports the cap for the page", async () => {
    const data = await get("/roadmap?campus=unma", "reviewer@roadmap.test");
    expect(data.items).toHaveLength(ROADMAP_PAGE_SIZE);
    expect(data.pageSize).toBe(ROADMAP_PAGE_SIZE);
    expect(data.pageCount).toBe(2);
    // overdue is judged on the day in Banten
    const expected = isItemOverdue({ status: "NOT_STARTED", plannedEnd: d("2026-12-18") }, todayInBanten());
    expect(data.items[0].overdue).toBe(expected);
  });
});
