// The trigram indexes behind search (migration search_index): kept in step with the tables by
// triggers, only ever narrowing what SQLite's LIKE finds, and the SQL form of item visibility the
// search uses picks the same items as the Prisma where the rest of the app uses.
import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { draftScope } from "~/domain/policy";
import { containsPattern, ftsPhrase } from "~/models/search.server";
import { itemsSqlForScope, itemsWhereForScope } from "~/models/roadmap-item.server";
import * as searchRoute from "~/routes/search";
import { prisma, sqlOf } from "~/utils/db.server";
import { createItem, createMilestone } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type World } from "../support/world";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});

const INDEXES = [
  { index: "RoadmapItemSearch", table: "RoadmapItem" },
  { index: "MilestoneSearch", table: "Milestone" },
] as const;

/** FTS5's own check, comparing the index with the rows of its content table: throws when they disagree. */
async function checkIndexes() {
  for (const { index } of INDEXES) await prisma.$executeRawUnsafe(`INSERT INTO "${index}"("${index}", "rank") VALUES ('integrity-check', 1)`);
}

async function titlesFound(q: string) {
  const response = await call(searchRoute.loader, makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie: w.cookies.ADMIN }));
  const { results } = await jsonOf<{ results: { items: { title: string }[]; milestones: { title: string }[] } }>(response);
  return { items: results.items.map((i) => i.title), milestones: results.milestones.map((m) => m.title) };
}

describe("the search indexes", () => {
  it("have their six triggers after every migration", async () => {
    const triggers = await prisma.$queryRaw<{ name: string }[]>`SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "name"`;
    expect(triggers.map((t) => t.name)).toEqual(
      expect.arrayContaining(
        ["RoadmapItem", "Milestone"].flatMap((table) => ["insert", "update", "delete"].map((event) => `${table}_search_${event}`)),
      ),
    );
    await checkIndexes();
  });

  it("follow new, renamed and deleted items and milestones", async () => {
    const item = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", title: "Kajian mangrove Sawarna" });
    const milestone = await createMilestone(prisma, { itemId: item.id, title: "Survei mangrove tahap awal", dueDate: new Date(Date.UTC(2026, 10, 1)) });
    await checkIndexes();
    expect(await titlesFound("mangrove")).toEqual({ items: ["Kajian mangrove Sawarna"], milestones: ["Survei mangrove tahap awal"] });

    await prisma.$transaction([
      prisma.roadmapItem.update({ where: { id: item.id }, data: { title: "Kajian terumbu Sawarna" } }),
      prisma.milestone.update({ where: { id: milestone.id }, data: { title: "Survei terumbu tahap awal" } }),
    ]);
    await checkIndexes();
    expect(await titlesFound("mangrove")).toEqual({ items: [], milestones: [] });
    expect(await titlesFound("terumbu")).toEqual({ items: ["Kajian terumbu Sawarna"], milestones: ["Survei terumbu tahap awal"] });

    await prisma.$transaction([prisma.milestone.delete({ where: { id: milestone.id } })]);
    await checkIndexes();
    expect(await titlesFound("terumbu")).toEqual({ items: ["Kajian terumbu Sawarna"], milestones: [] });
  });

  it("take the query's % and _ literally, and find two-letter queries without the index", async () => {
    const titles = ["Capaian 100% tahap_2", "Capaian 1000 tahap 2", "Capaian tahapan"];
    for (const title of titles) await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", title });
    expect((await titlesFound("100%")).items).toEqual(["Capaian 100% tahap_2"]);
    expect((await titlesFound("tahap_")).items).toEqual(["Capaian 100% tahap_2"]);
    expect((await titlesFound("p_")).items).toEqual(["Capaian 100% tahap_2"]);
    expect((await titlesFound("CAPAIAN")).items).toEqual([...titles].sort());
  });

  it("never find less than LIKE does: every title LIKE matches is among those the index returns", async () => {
    const titles = ["Pelatihan UMKM Serang", "pelatihan umkm cilegon", "PELATIHAN Guru", "Évaluasi café", "Riset \"kutip\" ganda"];
    for (const title of titles) await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", title });
    for (const q of ["pelatihan", "UMKM", "latih", "afé", "ÉVAL", "\"kutip\"", "ganda\""]) {
      const like = await prisma.$queryRaw<{ rowid: bigint }[]>(
        Prisma.sql`SELECT "rowid" FROM "RoadmapItem" WHERE "title" LIKE ${containsPattern(q)} ESCAPE '\\'`,
      );
      const indexed = await prisma.$queryRaw<{ rowid: bigint }[]>(Prisma.sql`SELECT "rowid" FROM "RoadmapItemSearch" WHERE "RoadmapItemSearch" MATCH ${ftsPhrase(q)}`);
      const found = new Set(indexed.map((r) => Number(r.rowid)));
      for (const row of like) expect(found.has(Number(row.rowid)), `"${q}"`).toBe(true);
    }
  });
});

describe("item visibility as SQL", () => {
  it("picks the same items as the Prisma where, for every draft scope", async () => {
    const scopes = [draftScope({ id: w.users.ADMIN.id, role: "ADMIN", campusIds: [], unitIds: [] }), [] as string[], [w.own], [w.own, w.other]];
    for (const scope of scopes) {
      const viaPrisma = await prisma.roadmapItem.findMany({ where: itemsWhereForScope(scope), select: { id: true } });
      const viaSql = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT i."id" FROM "RoadmapItem" i WHERE ${sqlOf(itemsSqlForScope(scope))}`);
      expect(viaSql.map((r) => r.id).sort(), JSON.stringify(scope)).toEqual(viaPrisma.map((r) => r.id).sort());
      expect(viaSql.length).toBeGreaterThan(0);
    }
    expect(scopes[0]).toBe("ALL");
  });
});
