// Quarterly snapshots: closing freezes what was true at the quarter's end; closed quarters are
// read from their snapshots only. Figures are computed by hand from the fixture below.
import { beforeAll, describe, expect, it } from "vitest";
import { quarterOf, todayInBanten } from "~/domain/dates";
import { closeQuarter, compareQuarters, getQuarterClose, quarterDashboard } from "~/models/quarter.server";
import * as compareRoute from "~/routes/quarters.compare";
import * as quarterRoute from "~/routes/quarters.$quarter";
import * as quartersRoute from "~/routes/quarters._index";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-11-25");
type Status = "ON_TRACK" | "AT_RISK" | "DELAYED" | "COMPLETED" | "CANCELLED";

let ids: Record<string, string>;
let areaId: string;
let authorId: string;
let reviewer: { id: string; name: string };
const items: Record<string, { id: string }> = {};
const actor = () => ({ userId: reviewer.id, ip: "203.0.113.9" });

async function item(
  campus: string,
  updates: [string, number, Status, string][],
  options: { visibility?: "DRAFT" | "PUBLISHED"; createdAt?: Date; title?: string } = {},
) {
  const created = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: areaId, visibility: options.visibility, title: options.title });
  if (options.createdAt) await prisma.roadmapItem.update({ where: { id: created.id }, data: { createdAt: options.createdAt } });
  for (const [day, progress, status, narrative] of updates) {
    await createUpdate(prisma, { itemId: created.id, authorId, reportedOn: d(day), progress, status, narrative });
  }
  return created;
}

async function snapshotsOf(quarter: string) {
  const rows = await prisma.statusSnapshot.findMany({
    where: { quarterClose: { quarter } },
    select: { itemId: true, campusId: true, status: true, light: true, progress: true, narrative: true, changeSummary: true },
  });
  return new Map(rows.map((r) => [r.itemId, r]));
}

beforeAll(async () => {
  ids = await campusIds();
  areaId = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } })).id;
  authorId = (await createUser(prisma, { email: "author@quarters.test", role: "LIAISON", campusIds: [ids.itb!] })).id;
  reviewer = await createUser(prisma, { email: "reviewer@quarters.test", role: "REVIEWER", name: "Peninjau Triwulan" });
  await createUser(prisma, { email: "observer@quarters.test", role: "OBSERVER" });
  await createUser(prisma, { email: "liaison.umt@quarters.test", role: "LIAISON", campusIds: [ids.umt!] });

  // ITB
  items.A = await item("itb", [
    ["2026-05-10", 20, "ON_TRACK", "Survei dimulai."],
    ["2026-08-15", 35, "AT_RISK", "Data BPS terlambat."],
    ["2026-09-30", 50, "AT_RISK", "Survei selesai sebagian."], // the quarter's last day: counts
    ["2026-10-05", 60, "DELAYED", "Laporan triwulan berikutnya."], // after the end: ignored
  ], { title: "A Stunting" });
  items.B = await item("itb", [], { createdAt: d("2026-03-01"), title: "B Belum mulai" }); // never reported
  items.E = await item("itb", [["2026-08-01", 70, "ON_TRACK", "Draf."]], { visibility: "DRAFT", title: "E Draf" });
  items.F = await item("itb", [], { title: "F Baru" }); // created after the quarters, never reported
  // UMT
  items.C = await item("umt", [["2026-04-10", 100, "COMPLETED", "Selesai lebih awal."]], { title: "C Selesai" });
  items.D = await item("umt", [["2026-07-01", 10, "CANCELLED", "Dibatalkan oleh dinas."]], { title: "D Batal" });
  // entered later, with its history reported back to the quarter: it existed then
  items.H = await item("umt", [["2026-09-01", 5, "DELAYED", "Anggaran belum cair."]], { title: "H Terlambat" });
  items.G = await item("umt", [["2026-10-10", 15, "ON_TRACK", "Mulai Oktober."]], { title: "G Oktober" });
});

describe("closing a quarter", () => {
  it("freezes every published item that existed by the end, as of the end", async () => {
    expect(await closeQuarter("2026-Q2", TODAY, actor())).toEqual({ ok: true, items: 3 });
    const q2 = await snapshotsOf("2026-Q2");
    expect([...q2.keys()].sort()).toEqual([items.A!.id, items.B!.id, items.C!.id].sort());
    expect(q2.get(items.A!.id)).toMatchObject({ status: "ON_TRACK", light: "GREEN", progress: 20, narrative: "Survei dimulai." });
    expect(q2.get(items.B!.id)).toMatchObject({ status: "NOT_STARTED", light: "GREY", progress: 0, narrative: null });
    expect(q2.get(items.A!.id)!.changeSummary).toBe("Pertama tercatat: Sesuai rencana, 20 %. Alasan: Survei dimulai.");

    expect(await closeQuarter("2026-Q3", TODAY, actor())).toEqual({ ok: true, items: 5 });
    const q3 = await snapshotsOf("2026-Q3");
    // drafts, items created later without history, and items first reported afterwards are out
    expect([...q3.keys()].sort()).toEqual([items.A, items.B, items.C, items.D, items.H].map((i) => i!.id).sort());
    // A's later update (5 Oct, DELAYED 60) exists and is already its live status: the snapshot ignores it
    expect(await prisma.roadmapItem.findUnique({ where: { id: items.A!.id }, select: { status: true } })).toEqual({ status: "DELAYED" });
    expect(q3.get(items.A!.id)).toMatchObject({ status: "AT_RISK", light: "AMBER", progress: 50, narrative: "Survei selesai sebagian.", campusId: ids.itb });
    expect(q3.get(items.D!.id)).toMatchObject({ status: "CANCELLED", light: "GREY", progress: 10 });
    expect(q3.get(items.H!.id)).toMatchObject({ status: "DELAYED", light: "RED", progress: 5 });
  });

  it("says what changed since the previous closed quarter and why", async () => {
    const q3 = await snapshotsOf("2026-Q3");
    expect(q3.get(items.A!.id)!.changeSummary).toBe(
      "Sejak 2026-Q2: Sesuai rencana 20 % → Berisiko 50 % (+30 poin). Alasan: Data BPS terlambat. · Survei selesai sebagian.",
    );
    expect(q3.get(items.B!.id)!.changeSummary).toBe("Tidak berubah sejak 2026-Q2: Belum dimulai, 0 %. Tidak ada laporan kemajuan pada triwulan ini.");
    expect(q3.get(items.C!.id)!.changeSummary).toBe("Tidak berubah sejak 2026-Q2: Selesai, 100 %. Tidak ada laporan kemajuan pada triwulan ini.");
    expect(q3.get(items.H!.id)!.changeSummary).toBe("Pertama tercatat: Terlambat, 5 %. Alasan: Anggaran belum cair.");
  });

  it("writes exactly one audit event per close", async () => {
    const closes = await prisma.quarterClose.findMany({ select: { id: true, quarter: true, closedById: true } });
    for (const c of closes) {
      const events = await prisma.auditEvent.findMany({ where: { entityId: c.id } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "quarter.close", entity: "QuarterClose", actorId: reviewer.id, ip: "203.0.113.9" });
      expect(JSON.parse(events[0]!.after!)).toMatchObject({ quarter: c.quarter });
      expect(c.closedById).toBe(reviewer.id);
    }
    expect(await prisma.auditEvent.count({ where: { action: "quarter.close" } })).toBe(closes.length);
  });

  it("refuses to close a quarter twice, the current or a future quarter, and changes nothing", async () => {
    const before = [await prisma.quarterClose.count(), await prisma.statusSnapshot.count(), await prisma.auditEvent.count()];
    expect(await closeQuarter("2026-Q3", TODAY, actor())).toEqual({ ok: false, reason: "quarters.error.closed" });
    expect(await closeQuarter("2026-Q4", TODAY, actor())).toEqual({ ok: false, reason: "quarters.error.notEnded" });
    expect(await closeQuarter("2027-Q1", TODAY, actor())).toEqual({ ok: false, reason: "quarters.error.notEnded" });
    expect(await closeQuarter("2025-Q2", TODAY, actor())).toEqual({ ok: false, reason: "quarters.error.tooEarly" });
    expect([await prisma.quarterClose.count(), await prisma.statusSnapshot.count(), await prisma.auditEvent.count()]).toEqual(before);
  });
});

describe("a closed quarter as it was", () => {
  it("headline and per-campus figures from the snapshots (hand-computed)", async () => {
    const close = await getQuarterClose("2026-Q3");
    const data = await quarterDashboard(close!.id);
    // A 50 AT_RISK, B 0 NOT_STARTED, C 100 COMPLETED, D CANCELLED (out of progress and shares), H 5 DELAYED
    expect(data.headline).toEqual({ items: 5, averageProgress: (50 + 0 + 100 + 5) / 4, onTrack: 1 / 4, atRisk: 1 / 4, delayed: 1 / 4 });
    expect(data.campuses.map((c) => c.slug).sort()).toEqual(["itb", "umt"]);
    const itb = data.campuses.find((c) => c.slug === "itb")!;
    expect(itb).toMatchObject({ items: 2, progress: 25, onTrack: 0 });
    expect(itb.snapshots.map((s) => s.title)).toEqual(["A Stunting", "B Belum mulai"]);
    const umt = data.campuses.find((c) => c.slug === "umt")!;
    expect(umt).toMatchObject({ items: 3, progress: 52.5, onTrack: 1 / 2 });
  });

  it("does not move when updates are reported afterwards, even back-dated into the quarter", async () => {
    const close = await getQuarterClose("2026-Q3");
    const before = await quarterDashboard(close!.id);
    await createUpdate(prisma, { itemId: items.A!.id, authorId, reportedOn: d("2026-09-20"), progress: 90, status: "COMPLETED", narrative: "Laporan susulan." });
    await createUpdate(prisma, { itemId: items.B!.id, authorId, reportedOn: d("2026-11-20"), progress: 30, status: "ON_TRACK" });
    await prisma.roadmapItem.update({ where: { id: items.C!.id }, data: { visibility: "DRAFT" } });
    expect(await quarterDashboard(close!.id)).toEqual(before);
    await prisma.roadmapItem.update({ where: { id: items.C!.id }, data: { visibility: "PUBLISHED" } });
  });

  it("GET /quarters/:quarter serves liaisons and observers; 404 for a quarter not closed", async () => {
    for (const email of ["liaison.umt@quarters.test", "observer@quarters.test"]) {
      const cookie = await cookieFor(email);
      const response = await call(quarterRoute.loader, makeRequest("/quarters/2026-Q3", { cookie }), { quarter: "2026-Q3" });
      expect(response.status).toBe(200);
      const data = await jsonOf(response);
      expect(data).toMatchObject({ quarter: "2026-Q3", closedBy: "Peninjau Triwulan", headline: { items: 5 } });
      const a = data.campuses.flatMap((c: { snapshots: { itemId: string }[] }) => c.snapshots).find((s: { itemId: string }) => s.itemId === items.A!.id);
      expect(a).toMatchObject({ status: "AT_RISK", progress: 50, title: "A Stunting" });
      expect(a.changeSummary).toContain("Sejak 2026-Q2");
    }
    const cookie = await cookieFor("observer@quarters.test");
    for (const quarter of ["2026-Q4", "2025-Q4", "bogus", "2026-Q9"]) {
      const response = await call(quarterRoute.loader, makeRequest(`/quarters/${quarter}`, { cookie }), { quarter });
      expect(response.status, quarter).toBe(404);
    }
    const anonymous = await call(quarterRoute.loader, makeRequest("/quarters/2026-Q3"), { quarter: "2026-Q3" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fquarters%2F2026-Q3");
  });
});

describe("comparing two closed quarters", () => {
  it("per campus side by side with the difference (hand-computed)", async () => {
    const [q2, q3] = await Promise.all([getQuarterClose("2026-Q2"), getQuarterClose("2026-Q3")]);
    const data = await compareQuarters(q2!, q3!);
    const itb = data.rows.find((r) => r.slug === "itb")!;
    // Q2: A 20 ON_TRACK, B 0 NOT_STARTED → Q3: A 50 AT_RISK, B 0
    expect(itb).toMatchObject({ a: { items: 2, progress: 10, onTrack: 0.5 }, b: { items: 2, progress: 25, onTrack: 0 }, diff: { items: 0, progress: 15, onTrack: -0.5 } });
    const umt = data.rows.find((r) => r.slug === "umt")!;
    // Q2: C 100 COMPLETED → Q3: C 100, D CANCELLED, H 5 DELAYED
    expect(umt).toMatchObject({ a: { items: 1, progress: 100, onTrack: 1 }, b: { items: 3, progress: 52.5, onTrack: 0.5 }, diff: { items: 2, progress: -47.5, onTrack: -0.5 } });
    expect(data.rows.find((r) => r.slug === "unma")).toMatchObject({ a: { items: 0, progress: null, onTrack: null }, diff: { items: 0, progress: null } });
    expect(data.rows).toHaveLength(12);
    expect(data.total.a).toEqual({ items: 3, progress: 40, onTrack: 2 / 3 });
    expect(data.total.b).toEqual({ items: 5, progress: 38.75, onTrack: 1 / 4 });
    expect(data.total.diff.items).toBe(2);
    expect(data.total.diff.progress).toBeCloseTo(-1.25);
    expect(data.total.diff.onTrack).toBeCloseTo(1 / 4 - 2 / 3);
  });

  it("GET /quarters/compare: the last two closed by default, chosen ones from the URL, 404 for one not closed", async () => {
    const cookie = await cookieFor("liaison.umt@quarters.test");
    const byDefault = await jsonOf(await call(compareRoute.loader, makeRequest("/quarters/compare", { cookie })));
    expect(byDefault).toMatchObject({ a: "2026-Q2", b: "2026-Q3", quarters: ["2026-Q3", "2026-Q2"] });
    const swapped = await jsonOf(await call(compareRoute.loader, makeRequest("/quarters/compare?a=2026-Q3&b=2026-Q2", { cookie })));
    expect(swapped.comparison.rows.find((r: { slug: string }) => r.slug === "umt").diff.items).toBe(-2);
    const missing = await call(compareRoute.loader, makeRequest("/quarters/compare?a=2026-Q1&b=2026-Q3", { cookie }));
    expect(missing.status).toBe(404);
  });
});

describe("/quarters", () => {
  it("lists closed quarters for every reader; the close form only for the governor's office", async () => {
    const observer = await jsonOf(await call(quartersRoute.loader, makeRequest("/quarters", { cookie: await cookieFor("observer@quarters.test") })));
    expect(observer.canClose).toBe(false);
    expect(observer.closable).toEqual([]);
    expect(observer.closes.map((c: { quarter: string }) => c.quarter)).toEqual(["2026-Q3", "2026-Q2"]);
    expect(observer.closes[0]).toMatchObject({ closedBy: "Peninjau Triwulan", items: 5 });

    const reviewerData = await jsonOf(await call(quartersRoute.loader, makeRequest("/quarters", { cookie: await cookieFor("reviewer@quarters.test") })));
    expect(reviewerData.canClose).toBe(true);
    expect(reviewerData.closable).not.toContain("2026-Q3");
    expect(reviewerData.closable).toContain("2026-Q1");
    expect(reviewerData.closable).not.toContain(quarterOf(todayInBanten()));
  });

  it("refuses the current quarter with the error next to the field, keeping the value", async () => {
    const cookie = await cookieFor("reviewer@quarters.test");
    const current = quarterOf(todayInBanten());
    const response = await call(quartersRoute.action, makeRequest("/quarters", { cookie, form: { intent: "close", quarter: current } }));
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.result.error.quarter).toEqual(["quarters.error.notEnded"]);
    expect(data.result.initialValue.quarter).toBe(current);
    expect(await getQuarterClose(current)).toBeNull();

    const closedTwice = await jsonOf(await call(quartersRoute.action, makeRequest("/quarters", { cookie, form: { intent: "close", quarter: "2026-Q3" } })));
    expect(closedTwice.result.error.quarter).toEqual(["quarters.error.closed"]);
    const malformed = await jsonOf(await call(quartersRoute.action, makeRequest("/quarters", { cookie, form: { intent: "close", quarter: "2026/3" } })));
    expect(malformed.result.error.quarter).toEqual(["quarters.error.format"]);
  });

  it("closes an ended quarter, then redirects to it with a toast", async () => {
    const cookie = await cookieFor("reviewer@quarters.test");
    const response = await call(quartersRoute.action, makeRequest("/quarters", { cookie, form: { intent: "close", quarter: "2026-Q1" } }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/quarters/2026-Q1");
    expect(response.headers.get("Set-Cookie")).toBeTruthy();
    // B (created 1 March, never reported) is the only item that existed by 31 March
    const q1 = await snapshotsOf("2026-Q1");
    expect([...q1.values()]).toMatchObject([{ itemId: items.B!.id, status: "NOT_STARTED", progress: 0 }]);
  });

  it("refuses observers and liaisons", async () => {
    for (const email of ["observer@quarters.test", "liaison.umt@quarters.test"]) {
      const response = await call(quartersRoute.action, makeRequest("/quarters", { cookie: await cookieFor(email), form: { intent: "close", quarter: "2025-Q4" } }));
      expect(response.status).toBe(403);
    }
    expect(await getQuarterClose("2025-Q4")).toBeNull();
  });
});

describe("query count", () => {
  it("closing issues the same bounded number of queries whatever the number of items", async () => {
    const count = async (quarter: string, today: Date) => {
      let n = 0;
      const stop = onQuery(() => n++);
      const result = await closeQuarter(quarter, today, actor());
      stop();
      expect(result.ok).toBe(true);
      return n;
    };
    // both counted closes have a previous closed quarter to compare with
    expect((await closeQuarter("2026-Q4", d("2027-01-05"), actor())).ok).toBe(true);
    const small = await count("2027-Q1", d("2027-04-02"));
    for (let i = 0; i < 30; i++) {
      await item(i % 2 ? "itb" : "ukri", [
        ["2027-04-10", 10, "ON_TRACK", `Laporan ${i}.`],
        ["2027-05-10", 20, "AT_RISK", `Kendala ${i}.`],
        ["2027-06-10", 30, "ON_TRACK", `Pulih ${i}.`],
        ["2027-06-20", 35, "ON_TRACK", `Lanjut ${i}.`],
      ]);
    }
    const large = await count("2027-Q2", d("2027-07-02"));
    expect(await prisma.statusSnapshot.count({ where: { quarterClose: { quarter: "2027-Q2" } } })).toBeGreaterThanOrEqual(35);
    expect(small).toBeGreaterThanOrEqual(5);
    expect(small).toBeLessThanOrEqual(10);
    expect(large).toBe(small);
  });
});
