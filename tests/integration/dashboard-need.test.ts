// The dashboard's first screen: campuses ordered by need, each with its reasons, on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { todayInBanten } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import * as dashboard from "~/routes/dashboard";
import { createItem, createUpdate } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type World } from "../support/world";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
  // UMT: one published item reported delayed today (no overdue milestone)
  const delayed = await createItem(prisma, { campusId: w.other, priorityAreaId: w.area.id, title: "Program UMT terlambat" });
  await createUpdate(prisma, { itemId: delayed.id, authorId: w.users.LIAISON_OTHER.id, reportedOn: todayInBanten(), progress: 10, status: "DELAYED" });
});

describe("campuses needing attention", () => {
  it("orders campuses by need and says why, overdue milestones before delayed items", async () => {
    const data = await jsonOf(await call(dashboard.loader, makeRequest("/dashboard", { cookie: w.cookies.REVIEWER })));
    const slugs = data.need.map((c: { slug: string }) => c.slug);
    // ITB: the world's milestone was due on 30 June 2026 and waits for the campus
    expect(slugs.indexOf("itb")).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf("itb")).toBeLessThan(slugs.indexOf("umt"));
    const itb = data.need.find((c: { slug: string }) => c.slug === "itb");
    expect(itb.reasons[0]).toEqual({ key: "dash.need.overdue", count: 1 });
    const umt = data.need.find((c: { slug: string }) => c.slug === "umt");
    expect(umt.reasons[0]).toEqual({ key: "dash.need.delayed", count: 1 });
  });
});
