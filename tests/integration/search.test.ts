// Search (/search?q=): what each role finds by name, on a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as searchRoute from "~/routes/search";
import { createMilestone } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
  await prisma.roadmapItem.update({ where: { id: w.publishedItem.id }, data: { title: "Pemetaan nelayan Pandeglang" } });
  await prisma.roadmapItem.update({ where: { id: w.draftItem.id }, data: { title: "Pemetaan nelayan rahasia (draf)" } });
  await createMilestone(prisma, { itemId: w.draftItem.id, title: "Tonggak pemetaan draf", dueDate: new Date(Date.UTC(2026, 8, 30)) });
});

type Results = {
  campuses: { slug: string }[];
  items: { id: string; title: string }[];
  teams: { id: string }[];
  members: Record<string, unknown>[];
  milestones: { title: string; dueDate: string }[];
  indicators: { code: string }[];
};

async function find(who: Who, q: string) {
  const response = await call(searchRoute.loader, makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie: w.cookies[who] }));
  expect(response.status).toBe(200);
  return (await jsonOf<{ q: string; results: Results | null }>(response)).results;
}

describe("search", () => {
  it("finds an item by a word of its title, whatever its case, and a campus by its name", async () => {
    const found = (await find("OBSERVER", "NELAYAN"))!;
    expect(found.items.map((i) => i.id)).toEqual([w.publishedItem.id]);
    expect((await find("OBSERVER", "bandung"))!.campuses.map((c) => c.slug)).toContain("itb");
  });

  it("shows drafts only to those who may read them", async () => {
    const own = (await find("LIAISON_OWN", "pemetaan"))!;
    expect(own.items.map((i) => i.id).sort()).toEqual([w.publishedItem.id, w.draftItem.id].sort());
    expect(own.milestones.map((m) => m.title)).toEqual(["Tonggak pemetaan draf"]);
    // the due date comes back as the day it is
    expect(own.milestones[0]!.dueDate).toBe("2026-09-30T00:00:00.000Z");
    expect((await find("REVIEWER", "pemetaan"))!.items).toHaveLength(2);
    for (const who of ["OBSERVER", "LIAISON_OTHER"] as const) {
      const other = (await find(who, "pemetaan"))!;
      expect(other.items.map((i) => i.id)).toEqual([w.publishedItem.id]);
      expect(other.milestones).toEqual([]);
    }
  });

  it("finds team members by name only, never by or with their contacts", async () => {
    const byName = (await find("OBSERVER", "Anggota ITB"))!;
    expect(byName.members).toHaveLength(1);
    expect(Object.keys(byName.members[0]!).sort()).toEqual(["id", "name", "role", "team"]);
    expect((await find("ADMIN", "anggota@itb.test"))!.members).toEqual([]);
    expect(JSON.stringify(await find("ADMIN", "ITB"))).not.toContain("anggota@itb.test");
  });

  it("finds teams and indicators by name, in Indonesian and English", async () => {
    expect((await find("OBSERVER", "Tim Bersama ITB"))!.teams.map((t) => t.id)).toContain(w.team.id);
    const indicator = await prisma.indicator.findFirstOrThrow({ select: { code: true, nameId: true, nameEn: true } });
    const word = (text: string) => text.split(/\s+/).find((x) => x.length >= 5)!;
    expect((await find("OBSERVER", word(indicator.nameId)))!.indicators.map((i) => i.code)).toContain(indicator.code);
    expect((await find("OBSERVER", word(indicator.nameEn)))!.indicators.map((i) => i.code)).toContain(indicator.code);
  });

  it("answers nothing for a query under two letters, and asks to sign in first", async () => {
    expect(await find("OBSERVER", "a")).toBeNull();
    expect(await find("OBSERVER", "")).toBeNull();
    const anonymous = await call(searchRoute.loader, makeRequest("/search?q=itb"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});
