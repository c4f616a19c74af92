// The dashboard's first screen: campuses ordered by need, each with its reasons and its most
// pressing obstacle in words; the government unit filter and the per-unit obstacle block.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInBanten } from "~/domain/dates";
import { translator } from "~/domain/i18n";
import { cachedDashboardData, cachedDashboardView } from "~/models/dashboard.server";
import { prisma } from "~/utils/db.server";
import * as dashboard from "~/routes/dashboard";
import { createItem, createObstacle, createUpdate } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type World } from "../support/world";

let w: World;

type Reason = { key: string; values: Record<string, string | number> };
type NeedRow = { slug: string; reasons: Reason[] };
type UnitRow = { code: string; open: number; pastDue: number };

const load = async (query = "") => {
  cachedDashboardData.forget();
  cachedDashboardView.forget();
  return jsonOf(await call(dashboard.loader, makeRequest(`/dashboard${query}`, { cookie: w.cookies.REVIEWER })));
};
const words = (reasons: Reason[]) => {
  const t = translator("id");
  return reasons.map((r) => t(r.key as never, r.values)).join(" · ");
};

beforeAll(async () => {
  w = await buildWorld();
  // UMT: one published item reported delayed today (no overdue milestone), its counterpart Dinkes
  const delayed = await createItem(prisma, { campusId: w.other, priorityAreaId: w.area.id, title: "Program UMT terlambat", governmentUnitId: w.otherUnit.id });
  await createUpdate(prisma, { itemId: delayed.id, authorId: w.users.LIAISON_OTHER.id, reportedOn: todayInBanten(), progress: 10, status: "DELAYED" });
  // an obstacle Dinkes owns on a draft: never counted (drafts are outside the dashboard)
  await createObstacle(prisma, { itemId: w.draftItem.id, description: "Draf", ownerUnitId: w.otherUnit.id, dueDate: addDays(todayInBanten(), -3) });
});

describe("campuses needing attention", () => {
  it("orders campuses by need and says why, overdue milestones before delayed items", async () => {
    const data = await load();
    const slugs = data.need.map((c: NeedRow) => c.slug);
    // ITB: the world's milestone was due on 30 June 2026 and waits for the campus
    expect(slugs.indexOf("itb")).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf("itb")).toBeLessThan(slugs.indexOf("umt"));
    const itb = data.need.find((c: NeedRow) => c.slug === "itb");
    expect(itb.reasons[0]).toEqual({ key: "dash.need.overdue", values: { count: 1 } });
    const umt = data.need.find((c: NeedRow) => c.slug === "umt");
    expect(umt.reasons[0]).toEqual({ key: "dash.need.delayed", values: { count: 1 } });
  });

  it("names the most pressing open obstacle: the oldest when none is past due, else the past-due one, saying which unit it waits on", async () => {
    // neither of ITB's two obstacles has a due date: the oldest, the campus's own, comes first
    let itb = (await load()).need.find((c: NeedRow) => c.slug === "itb");
    expect(words(itb.reasons)).toBe("1 tonggak lewat jatuh tempo · 1 program tanpa laporan · kendala: Data belum dibuka · 1 kendala lain");

    // Bappeda's one falls past due: it comes first, and says whom it waits on
    await prisma.obstacle.update({ where: { id: w.unitObstacle.id }, data: { dueDate: addDays(todayInBanten(), -2) } });
    itb = (await load()).need.find((c: NeedRow) => c.slug === "itb");
    expect(words(itb.reasons)).toBe(
      "1 tonggak lewat jatuh tempo · 1 program tanpa laporan · kendala: Data BPS belum diterima (menunggu Bappeda) · 1 kendala lain",
    );
  });
});

describe("the government unit view", () => {
  it("restricts the figures to the items whose counterpart is the unit; an unknown unit matches nothing", async () => {
    const all = await load();
    expect(all.headline.items).toBe(2);
    const bappeda = await load("?unit=bappeda");
    expect(bappeda.filter.unit).toBe("bappeda");
    expect(bappeda.headline.items).toBe(1);
    expect(bappeda.rows.find((r: { slug: string }) => r.slug === "itb").items).toBe(1);
    expect(bappeda.rows.find((r: { slug: string }) => r.slug === "umt").items).toBe(0);
    expect(bappeda.need.map((c: NeedRow) => c.slug)).toEqual(["itb"]);
    const dinkes = await load("?unit=dinkes");
    expect(dinkes.headline.items).toBe(1);
    expect(dinkes.need.map((c: NeedRow) => c.slug)).toEqual(["umt"]);
    expect((await load("?unit=nowhere")).headline.items).toBe(0);
    // the filter form offers the units by their code
    expect(all.units.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(["bappeda", "dinkes"]));
  });

  it("counts per active unit its open obstacles on published items and how many are past due, most past due first", async () => {
    await prisma.obstacle.update({ where: { id: w.unitObstacle.id }, data: { dueDate: addDays(todayInBanten(), -2) } });
    // a second Bappeda obstacle, due later: open, not past due; and a resolved one, not counted
    await createObstacle(prisma, { itemId: w.publishedItem.id, description: "Izin lokasi", ownerUnitId: w.ownUnit.id, dueDate: addDays(todayInBanten(), 10) });
    await createObstacle(prisma, {
      itemId: w.publishedItem.id,
      ownerUnitId: w.ownUnit.id,
      dueDate: addDays(todayInBanten(), -10),
      resolved: { resolution: "Selesai", resolvedAt: todayInBanten() },
    });
    const data = await load();
    const units: UnitRow[] = data.unitObstacles;
    expect(units[0]).toMatchObject({ code: "bappeda", open: 2, pastDue: 1 });
    // Dinkes's only obstacle is on a draft; the other active units own none but are listed
    expect(units.find((u) => u.code === "dinkes")).toMatchObject({ open: 0, pastDue: 0 });
    expect(units.map((u) => u.code)).toEqual(expect.arrayContaining(["biro-adpim", "dindik", "disnakertrans"]));

    // a retired unit without open obstacles leaves the block
    await prisma.governmentUnit.update({ where: { code: "dindik" }, data: { retiredAt: new Date() } });
    expect((await load()).unitObstacles.map((u: UnitRow) => u.code)).not.toContain("dindik");
    await prisma.governmentUnit.update({ where: { code: "dindik" }, data: { retiredAt: null } });
  });

  it("lists the ten units with the most past-due obstacles and counts the others, which /units lists", async () => {
    const extra = [];
    for (let n = 0; n < 8; n++) extra.push(await prisma.governmentUnit.create({ data: { code: `dinas-uji-${n}`, name: `Dinas Uji ${n}`, kind: "DINAS" } }));
    try {
      const total = await prisma.governmentUnit.count({ where: { retiredAt: null } });
      expect(total).toBeGreaterThan(10);
      const data = await load();
      expect(data.unitObstacles).toHaveLength(10);
      expect(data.unitsHidden).toBe(total - 10);
      // the most past due first: Bappeda's past-due obstacle keeps it on the list
      expect(data.unitObstacles[0]).toMatchObject({ code: "bappeda" });
    } finally {
      await prisma.governmentUnit.deleteMany({ where: { id: { in: extra.map((u) => u.id) } } });
    }
  });
});
