// The Governor's briefing: the current quarter from live data, a closed quarter as it was, and
// who may read it. Figures are computed by hand from the fixture below; the clock is fixed at
// 25 November 2026 (Banten) so "the current quarter" is 2026-Q4.
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BRIEFING_LIST_LIMIT } from "~/domain/briefing";
import { closedBriefing, liveBriefing } from "~/models/briefing.server";
import { closeQuarter, getQuarterClose } from "~/models/quarter.server";
import { loader as rootLoader } from "~/root";
import BriefingPage, { links, loader } from "~/routes/reports.briefing";
import * as dashboard from "~/routes/dashboard";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createMilestone, createObstacle, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, CONTEXT, cookieFor, jsonOf, makeRequest } from "../support/http";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** an instant in Banten (WIB) */
const wib = (iso: string) => new Date(`${iso}+07:00`);
const TODAY = d("2026-11-25");

let ids: Record<string, string>;
let areaId: string;
let authorId: string;
let reviewerId: string;
const cookies: Record<string, string> = {};
const items: Record<string, { id: string }> = {};
const ms: Record<string, { id: string }> = {};
const obs: Record<string, { id: string }> = {};

async function render(path: string, cookie: string): Promise<string> {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: ({ request }: { request: Request }) => rootLoader({ request, params: {}, context: CONTEXT }),
      Component: Outlet,
      children: [
        {
          id: "routes/reports.briefing",
          path: "reports/briefing",
          loader: ({ request }: { request: Request }) => loader({ request, params: {}, context: CONTEXT }),
          Component: BriefingPage,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(makeRequest(path, { cookie }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context }));
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: wib("2026-11-25T12:00:00") });
  ids = await campusIds();
  areaId = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } })).id;
  authorId = (await createUser(prisma, { email: "author@briefing.test", role: "LIAISON", campusIds: [ids.itb!] })).id;
  reviewerId = (await createUser(prisma, { email: "reviewer@briefing.test", role: "REVIEWER", name: "Peninjau Ringkasan" })).id;
  await createUser(prisma, { email: "admin@briefing.test", role: "ADMIN" });
  await createUser(prisma, { email: "observer@briefing.test", role: "OBSERVER" });
  await createUser(prisma, { email: "liaison.umt@briefing.test", role: "LIAISON", campusIds: [ids.umt!] });
  for (const who of ["admin", "reviewer", "observer", "liaison.umt"]) cookies[who] = await cookieFor(`${who}@briefing.test`);

  const item = async (campus: string, title: string, visibility: "DRAFT" | "PUBLISHED" = "PUBLISHED") =>
    createItem(prisma, { campusId: ids[campus]!, priorityAreaId: areaId, title, visibility });
  // ITB: A on track, B at risk; UMT: C delayed; ITI: E on track; ITB: D a draft, delayed
  items.A = await item("itb", "A Stunting");
  const aAug = await createUpdate(prisma, { itemId: items.A.id, authorId, reportedOn: d("2026-08-10"), progress: 40, status: "ON_TRACK" });
  items.B = await item("itb", "B Air bersih");
  const bSep = await createUpdate(prisma, { itemId: items.B.id, authorId, reportedOn: d("2026-09-01"), progress: 20, status: "AT_RISK" });
  items.C = await item("umt", "C UMKM");
  await createUpdate(prisma, { itemId: items.C.id, authorId, reportedOn: d("2026-07-20"), progress: 30, status: "DELAYED" });
  items.E = await item("iti", "E Literasi");
  await createUpdate(prisma, { itemId: items.E.id, authorId, reportedOn: d("2026-09-10"), progress: 60, status: "ON_TRACK" });
  items.D = await item("itb", "D Draf rahasia", "DRAFT");
  await createUpdate(prisma, { itemId: items.D.id, authorId, reportedOn: d("2026-09-01"), progress: 10, status: "DELAYED" });

  const milestone = async (key: string, input: Parameters<typeof createMilestone>[1], createdAt = wib("2026-06-01T09:00:00")) => {
    ms[key] = await createMilestone(prisma, { title: `Tonggak ${key}`, ...input });
    await prisma.milestone.update({ where: { id: ms[key]!.id }, data: { createdAt } });
  };
  const evaluated = (state: string, submitted: string, reviewed: string) => ({
    state,
    decision: state,
    submittedAt: wib(submitted),
    reviewedAt: wib(reviewed),
    reviewerId,
  });
  // met in Q3
  await milestone("m1", { itemId: items.A.id, dueDate: d("2026-09-01"), ...evaluated("MET", "2026-08-20T10:00:00", "2026-09-05T10:00:00") });
  // still pending, due in Q3: overdue at the end of Q3 and still today
  await milestone("m2", { itemId: items.B.id, dueDate: d("2026-09-15") });
  // not met, judged in Q4
  await milestone("m3", { itemId: items.C.id, dueDate: d("2026-10-31"), ...evaluated("NOT_MET", "2026-11-01T10:00:00", "2026-11-10T10:00:00") });
  // pending, due in Q4: overdue today
  await milestone("m4", { itemId: items.A.id, dueDate: d("2026-11-01") });
  // on the draft: never counted
  await milestone("m5", { itemId: items.D.id, dueDate: d("2026-10-20") });
  // met in Q4
  await milestone("m6", { itemId: items.C.id, dueDate: d("2026-11-30"), ...evaluated("MET", "2026-11-15T10:00:00", "2026-11-20T10:00:00") });
  // due in Q3, handed in before its end, judged met in Q4: not overdue at the end of Q3
  await milestone("m7", { itemId: items.B.id, dueDate: d("2026-09-25"), ...evaluated("MET", "2026-09-20T10:00:00", "2026-10-03T10:00:00") });
  // met on the very first instant of Q4 (1 October 00:00 WIB): Q4, not Q3
  await milestone("m8", { itemId: items.E.id, dueDate: d("2026-09-30"), ...evaluated("MET", "2026-09-29T10:00:00", "2026-10-01T00:00:00") });
  // pending, due in Q4 but tomorrow: not overdue yet
  await milestone("m9", { itemId: items.E.id, dueDate: d("2026-11-26") });

  // for the governor's office, open, raised in B's September update (so it existed at the end of Q3)
  obs.o1 = await createObstacle(prisma, {
    itemId: items.B.id,
    description: "Izin lokasi sumur bor belum terbit",
    ownerName: "DPMPTSP",
    dueDate: d("2026-12-01"),
    needsGovernorOffice: true,
    raisedInId: bSep.id,
  });
  // open but for the campus to solve: counted, not listed
  obs.o2 = await createObstacle(prisma, { itemId: items.C.id, description: "Jadwal pelatihan bentrok" });
  // for the governor's office but on the draft: never shown
  obs.o3 = await createObstacle(prisma, { itemId: items.D.id, description: "Rahasia draf", needsGovernorOffice: true });
  // for the governor's office, raised in August, resolved in November: open at the end of Q3 only
  obs.o4 = await createObstacle(prisma, {
    itemId: items.A.id,
    description: "Data posyandu belum dibagikan Dinkes",
    needsGovernorOffice: true,
    raisedInId: aAug.id,
    resolved: { resolution: "Dibagikan melalui Bappeda.", resolvedAt: wib("2026-11-01T10:00:00") },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("a closed quarter as it was", () => {
  it("is frozen at the close: a later update does not change it", async () => {
    expect(await closeQuarter("2026-Q3", TODAY, { userId: reviewerId, ip: "203.0.113.9" })).toEqual({ ok: true, items: 4 });
    const close = (await getQuarterClose("2026-Q3"))!;
    const before = await closedBriefing(close);
    // A goes from on track to delayed in October, after the quarter
    await createUpdate(prisma, { itemId: items.A!.id, authorId, reportedOn: d("2026-10-15"), progress: 45, status: "DELAYED" });
    const after = await closedBriefing(close);
    expect(after).toEqual(before);
    expect(after.campuses.find((c) => c.slug === "itb")).toMatchObject({ onTrack: 0.5, delayed: 0 });
  });

  it("has the frozen figures and the campus lights of the end of the quarter (hand-computed)", async () => {
    const data = await closedBriefing((await getQuarterClose("2026-Q3"))!);
    // A 40 ON_TRACK, B 20 AT_RISK, C 30 DELAYED, E 60 ON_TRACK; the draft D is not there
    expect(data.headline).toEqual({
      items: 4,
      averageProgress: (40 + 20 + 30 + 60) / 4,
      onTrack: 2 / 4,
      atRisk: 1 / 4,
      delayed: 1 / 4,
      // m2 only: m7 was handed in before the end, m4/m9 fall due later, m5 is on the draft
      overdue: 1,
      // o1 and o4 (resolved only in November); o2 was entered in November without an update
      obstacles: 2,
    });
    const bySlug = Object.fromEntries(data.campuses.map((c) => [c.slug, c]));
    expect(data.campuses).toHaveLength(12);
    // points of need: 3 per milestone overdue then, 2 per item delayed then (unreported items cannot be read back)
    expect(bySlug.itb).toMatchObject({ items: 2, progress: 30, onTrack: 0.5, atRisk: 0.5, delayed: 0, overdue: 1, obstacles: 2, score: 3, light: "AMBER" });
    expect(bySlug.umt).toMatchObject({ items: 1, progress: 30, onTrack: 0, atRisk: 0, delayed: 1, delayedItems: 1, overdue: 0, obstacles: 0, score: 2, light: "AMBER" });
    expect(bySlug.iti).toMatchObject({ items: 1, onTrack: 1, overdue: 0, score: 0, light: "GREEN" });
    expect(bySlug.unma).toMatchObject({ items: 0, progress: null, onTrack: null, light: "GREY" });
    // ordered by need, as on the dashboard
    expect(data.campuses.slice(0, 2).map((c) => c.slug)).toEqual(["itb", "umt"]);
  });

  it("lists what was met and missed in the quarter, and the obstacles open for the governor's office then", async () => {
    const data = await closedBriefing((await getQuarterClose("2026-Q3"))!);
    expect(data.met.rows.map((m) => m.id)).toEqual([ms.m1!.id]);
    expect(data.met.rows[0]).toMatchObject({ reason: "MET", campus: "ITB", itemTitle: "A Stunting", title: "Tonggak m1" });
    expect(data.missed.rows.map((m) => [m.id, m.reason])).toEqual([[ms.m2!.id, "OVERDUE"]]);
    expect(data.obstacles.rows.map((o) => o.id)).toEqual([obs.o1!.id, obs.o4!.id]);
    expect(data.obstacles.rows[0]).toMatchObject({ campus: "ITB", itemTitle: "B Air bersih", ownerName: "DPMPTSP" });
  });

  it("renders from the URL with the frozen status, and 404 for a quarter that is not closed", async () => {
    const html = text(await render("/reports/briefing?quarter=2026-Q3", cookies.reviewer!));
    expect(html).toContain("Ringkasan untuk Gubernur Banten");
    expect(html).toContain("Triwulan 2026-Q3");
    expect(html).toContain("dibekukan pada");
    expect(html).toContain("Peninjau Ringkasan");
    expect(html).toContain("Izin lokasi sumur bor belum terbit");
    expect(html).toContain("Data posyandu belum dibagikan Dinkes");
    expect(html).toMatch(/Merah: ≥ 20 poin\. Kuning: ≥ 1 poin\./);
    expect(html).toContain("program tanpa laporan tidak dapat dihitung ulang");
    const data = await jsonOf(await call(loader, makeRequest("/reports/briefing?quarter=2026-Q3", { cookie: cookies.reviewer })));
    expect(data.closed).toMatchObject({ closedBy: "Peninjau Ringkasan" });
    expect(data.headline.delayed).toBe(1 / 4);

    for (const quarter of ["2026-Q2", "2027-Q1", "2026-Q9", "kemarin"]) {
      const response = await call(loader, makeRequest(`/reports/briefing?quarter=${quarter}`, { cookie: cookies.reviewer }));
      expect(response.status, quarter).toBe(404);
    }
  });
});

describe("the current quarter from live data", () => {
  it("uses the dashboard's figures and today's status (hand-computed)", async () => {
    const data = await liveBriefing("2026-Q4", TODAY, 30);
    // A 45 DELAYED (October update), B 20 AT_RISK, C 30 DELAYED, E 60 ON_TRACK; the draft is out
    expect(data.headline).toEqual({
      items: 4,
      averageProgress: (45 + 20 + 30 + 60) / 4,
      onTrack: 1 / 4,
      atRisk: 1 / 4,
      delayed: 2 / 4,
      // m2 and m4 (m5 on the draft, m9 due tomorrow)
      overdue: 2,
      // o1 and o2 (o3 on the draft, o4 resolved)
      obstacles: 2,
    });
    const bySlug = Object.fromEntries(data.campuses.map((c) => [c.slug, c]));
    // ITB: m2 and m4 overdue (6), A delayed (2), A and B unreported for over 30 days (2)
    expect(bySlug.itb).toMatchObject({ items: 2, delayed: 0.5, atRisk: 0.5, overdue: 2, delayedItems: 1, stale: 2, obstacles: 1, score: 10, light: "AMBER" });
    // UMT: C delayed (2), unreported since July (1)
    expect(bySlug.umt).toMatchObject({ items: 1, delayed: 1, stale: 1, obstacles: 1, score: 3, light: "AMBER" });
    // ITI: on track, but silent since 10 September
    expect(bySlug.iti).toMatchObject({ items: 1, onTrack: 1, overdue: 0, stale: 1, score: 1, light: "AMBER" });
    expect(bySlug.unma).toMatchObject({ items: 0, score: 0, light: "GREY" });
    expect(data.campuses.slice(0, 3).map((c) => c.slug)).toEqual(["itb", "umt", "iti"]);
  });

  it("lists milestones met and missed this quarter, newest judgement first / oldest due first", async () => {
    const data = await liveBriefing("2026-Q4", TODAY, 30);
    // m6 (20 Nov), m7 (3 Oct), m8 (1 Oct 00:00 WIB: the first instant of the quarter)
    expect(data.met.rows.map((m) => m.id)).toEqual([ms.m6!.id, ms.m7!.id, ms.m8!.id]);
    // m3 not met (due 31 Oct), m4 overdue (due 1 Nov); m2 fell due last quarter, m5 is on the draft
    expect(data.missed.rows.map((m) => [m.id, m.reason])).toEqual([
      [ms.m3!.id, "NOT_MET"],
      [ms.m4!.id, "OVERDUE"],
    ]);
    expect(data.missed.rows[0]).toMatchObject({ campus: "UMT", itemTitle: "C UMKM" });
  });

  it("lists only open obstacles flagged for the governor's office on published items", async () => {
    const data = await liveBriefing("2026-Q4", TODAY, 30);
    expect(data.obstacles).toEqual({
      rows: [
        {
          id: obs.o1!.id,
          description: "Izin lokasi sumur bor belum terbit",
          ownerName: "DPMPTSP",
          dueDate: d("2026-12-01"),
          itemId: items.B!.id,
          itemTitle: "B Air bersih",
          campus: "ITB",
        },
      ],
      more: 0,
    });
  });

  it("gives each indicator's latest actual, next target and verdict, worst first", async () => {
    const data = await liveBriefing("2026-Q4", TODAY, 30);
    const count = await prisma.indicator.count();
    expect(count).toBeGreaterThan(0);
    expect(data.indicators.rows.length + data.indicators.more).toBe(count);
    const ranks = ["MISSED", "OFF_COURSE", "NO_DATA", "NO_TREND", "ON_COURSE", "REACHED", "NO_TARGET"];
    const order = data.indicators.rows.map((i) => ranks.indexOf(i.verdict));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const bpjs = data.indicators.rows.find((i) => i.code === "bpjs-tk-coverage");
    expect(bpjs?.latest).not.toBeNull();
  });

  it("renders without ?quarter for the current quarter, never showing drafts", async () => {
    const raw = await render("/reports/briefing", cookies.observer!);
    const html = text(raw);
    expect(html).toContain("Triwulan 2026-Q4");
    expect(html).toContain("Data terkini per 25 Nov 2026");
    expect(html).toContain("B Air bersih");
    expect(html).toContain("Izin lokasi sumur bor belum terbit");
    expect(html).not.toContain("Data posyandu belum dibagikan Dinkes");
    expect(html).not.toContain("D Draf rahasia");
    expect(html).not.toContain("Rahasia draf");
    expect(html).not.toContain("Tonggak m5");
    // the closed quarter is offered, the current one is the default
    expect(raw).toMatch(/<option value="2026-Q3">2026-Q3<\/option>/);
    // judged at 1 October 00:00 WIB: shown as that day in Banten, not 30 September (UTC)
    expect(html).toMatch(/Tonggak m8 \( Tercapai , dinilai 1 Okt 2026 \)/);
    expect(html).toContain("2026-Q4 – berjalan (data terkini)");
    // printable: the page links its own print style sheet, which holds the A4 page rule
    expect(links()).toEqual([expect.objectContaining({ rel: "stylesheet" })]);
    expect(fs.readFileSync(path.resolve("app/components/briefing-print.css"), "utf8")).toContain("@page { size: A4; margin: 14mm; }");
  });

  it("cuts long lists at the limit and says how many more", async () => {
    for (let i = 0; i < BRIEFING_LIST_LIMIT + 3; i++) {
      await createObstacle(prisma, { itemId: items.E!.id, description: `Kendala tambahan ${i}`, needsGovernorOffice: true, dueDate: d("2027-01-01") });
    }
    const data = await liveBriefing("2026-Q4", TODAY, 30);
    expect(data.obstacles.rows).toHaveLength(BRIEFING_LIST_LIMIT);
    expect(data.obstacles.more).toBe(4);
    // soonest due first
    expect(data.obstacles.rows[0]!.id).toBe(obs.o1!.id);
    const html = text(await render("/reports/briefing", cookies.reviewer!));
    expect(html).toContain("dan 4 lainnya");
  });

  it("issues a bounded number of queries whatever the amount of data", async () => {
    const close = (await getQuarterClose("2026-Q3"))!;
    const count = async () => {
      const n = { live: 0, closed: 0 };
      let stop = onQuery(() => n.live++);
      await liveBriefing("2026-Q4", TODAY, 30);
      stop();
      stop = onQuery(() => n.closed++);
      await closedBriefing(close);
      stop();
      return n;
    };
    const before = await count();
    for (let i = 0; i < 20; i++) {
      const extra = await createItem(prisma, { campusId: ids[i % 2 ? "itb" : "umt"]!, priorityAreaId: areaId });
      await createUpdate(prisma, { itemId: extra.id, authorId, reportedOn: d("2026-11-01"), progress: 10, status: "AT_RISK" });
      await createMilestone(prisma, { itemId: extra.id, dueDate: d("2026-11-02") });
      await createObstacle(prisma, { itemId: extra.id, needsGovernorOffice: true });
    }
    expect(await count()).toEqual(before);
    // 30 before the list of obstacles waiting on units (a count and one list with its item, campus
    // and unit) and the dashboard's top obstacle and unit figures
    expect(before.live).toBeLessThanOrEqual(36);
    expect(before.closed).toBeLessThanOrEqual(36);
  });
});

describe("who may read it", () => {
  it("sends anonymous visitors to the login page and back", async () => {
    const response = await call(loader, makeRequest("/reports/briefing?quarter=2026-Q3"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/reports/briefing?quarter=2026-Q3" })}`);
  });

  it("lets every signed-in role read it (report.read)", async () => {
    for (const who of ["admin", "reviewer", "observer", "liaison.umt"]) {
      const response = await call(loader, makeRequest("/reports/briefing", { cookie: cookies[who] }));
      expect(response.status, who).toBe(200);
      const data = await jsonOf(response);
      expect(data.quarter, who).toBe("2026-Q4");
      // a liaison reads the same published picture: no drafts of any campus
      expect(data.headline.items, who).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("the same ordering as the dashboard", () => {
  it("lists the campuses in the dashboard's order of need", async () => {
    const dash = await jsonOf(await call(dashboard.loader, makeRequest("/dashboard", { cookie: cookies.reviewer })));
    const brief = await jsonOf(await call(loader, makeRequest("/reports/briefing", { cookie: cookies.reviewer })));
    const needing = dash.need.map((c: { slug: string }) => c.slug);
    expect(needing.length).toBeGreaterThanOrEqual(3);
    expect(brief.campuses.map((c: { slug: string }) => c.slug).slice(0, needing.length)).toEqual(needing);
    // the lights follow the order: no campus is lit worse than one above it
    const rank = ["RED", "AMBER", "GREEN", "GREY"];
    const lights = brief.campuses.map((c: { light: string }) => rank.indexOf(c.light));
    expect(lights).toEqual([...lights].sort((a, b) => a - b));
  });
});

describe("obstacles waiting on government units", () => {
  it("lists the open ones on published items, grouped by unit, past due first, each with its item, campus and due date", async () => {
    const unit = async (code: string) => (await prisma.governmentUnit.findUniqueOrThrow({ where: { code } })).id;
    const bappeda = await unit("bappeda");
    const dinkes = await unit("dinkes");
    const later = await createObstacle(prisma, { itemId: items.B!.id, description: "Kajian tata ruang belum disahkan", ownerUnitId: bappeda, dueDate: d("2026-12-20") });
    const late = await createObstacle(prisma, { itemId: items.C!.id, description: "Data BPS belum diterima", ownerUnitId: bappeda, dueDate: d("2026-11-10") });
    const dinkesLate = await createObstacle(prisma, { itemId: items.E!.id, description: "Data posyandu triwulan III", ownerUnitId: dinkes, dueDate: d("2026-11-20") });
    const noDue = await createObstacle(prisma, { itemId: items.E!.id, description: "Tenaga kesehatan pendamping", ownerUnitId: dinkes });
    // not listed: on the draft, resolved, or the campus's own
    await createObstacle(prisma, { itemId: items.D!.id, description: "Draf milik Bappeda", ownerUnitId: bappeda, dueDate: d("2026-11-01") });
    await createObstacle(prisma, {
      itemId: items.A!.id,
      description: "Sudah selesai",
      ownerUnitId: dinkes,
      dueDate: d("2026-11-01"),
      resolved: { resolution: "ok", resolvedAt: wib("2026-11-20T10:00:00") },
    });

    const data = await liveBriefing("2026-Q4", TODAY, 30);
    expect(data.units.more).toBe(0);
    expect(data.units.groups.map((g) => g.unit)).toEqual([
      { code: "bappeda", name: "Bappeda" },
      { code: "dinkes", name: "Dinkes" },
    ]);
    expect(data.units.groups[0]!.rows.map((o) => [o.id, o.pastDue])).toEqual([
      [late.id, true],
      [later.id, false],
    ]);
    expect(data.units.groups[0]!.rows[0]).toMatchObject({ itemId: items.C!.id, itemTitle: "C UMKM", campus: "UMT", dueDate: d("2026-11-10") });
    expect(data.units.groups[1]!.rows.map((o) => [o.id, o.pastDue])).toEqual([
      [dinkesLate.id, true],
      [noDue.id, false],
    ]);

    const html = text(await render("/reports/briefing", cookies.observer!));
    expect(html).toContain("Kendala yang menunggu perangkat daerah");
    expect(html).toMatch(/Bappeda UMT · C UMKM : Data BPS belum diterima \( target selesai 10 Nov 2026 \) lewat target/);
    expect(html).toContain("Tenaga kesehatan pendamping ( tanpa target selesai )");
    expect(html).not.toContain("Draf milik Bappeda");
    expect(html).not.toContain("Sudah selesai");
  });
});
