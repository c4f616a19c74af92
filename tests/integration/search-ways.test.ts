// The two ways the search reads item and milestone titles (app/models/search.server.ts): the matches
// the trigram index finds, sorted, or the ordering index walked when many titles match. Both must find
// the same rows in the same order, for every role, and the search must pick the walk only when many
// titles match.
import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { draftScope, type Principal } from "~/domain/policy";
import { sql, sqlText } from "~/domain/sql";
import { itemsSqlForScope } from "~/models/roadmap-item.server";
import { ITEM_TITLES, MILESTONE_TITLES, SEARCH_LIMIT, search, titleSearch, type TitleWay } from "~/models/search.server";
import { prisma, sqlOf } from "~/utils/db.server";
import { createItem } from "../../prisma/factories";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;

/** More item titles holding "rencana aksi" than the items' limit, spread over the alphabet, some drafts of each campus. */
const MANY_ITEMS = ITEM_TITLES.sortAtMost + 20;
/** More milestone titles holding "laporan" than the milestones' limit, several due the same day. */
const MANY_MILESTONES = MILESTONE_TITLES.sortAtMost + 30;
const LETTERS = "zyxwvutsrqponmlkjihgfedcba";

beforeAll(async () => {
  w = await buildWorld();
  for (let n = 0; n < MANY_ITEMS; n++) {
    await createItem(prisma, {
      campusId: n % 2 === 0 ? w.own : w.other,
      priorityAreaId: w.area.id,
      visibility: n % 3 === 0 ? "DRAFT" : "PUBLISHED",
      // the shared words in the middle, so neither way finds them at the start of the index
      title: `${LETTERS[n % LETTERS.length]!.toUpperCase()}${n % 7} Rencana Aksi ${n % 2 === 0 ? "kampus" : "mitra"} ${n}`,
    });
  }
  // a few titles holding a rarer word, among them two equal titles (their order is their rowid's)
  for (const title of ["Peta mangrove Sawarna", "Peta mangrove Sawarna", "Kajian mangrove Ujung Kulon"]) {
    await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", title });
  }
  const items = await prisma.roadmapItem.findMany({ where: { title: { contains: "Rencana Aksi" } }, select: { id: true }, orderBy: { id: "asc" } });
  await prisma.milestone.createMany({
    data: Array.from({ length: MANY_MILESTONES }, (_, n) => ({
      itemId: items[n % items.length]!.id,
      title: `Tonggak ${n}: ${n % 2 === 0 ? "Laporan antara" : "Laporan akhir"}`,
      // every due date shared by several milestones: the rowid breaks the tie
      dueDate: new Date(Date.UTC(2026, n % 12, 1 + (n % 5))),
    })),
  });
});

type Role = Exclude<Who, "ANONYMOUS">;

/** A user as the policy sees them, from the database (their campuses and units). */
async function principal(who: Role): Promise<Principal> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: w.users[who].id },
    select: { id: true, role: true, campuses: { select: { campusId: true } }, units: { select: { unitId: true } } },
  });
  return { id: user.id, role: user.role as Principal["role"], campusIds: user.campuses.map((c) => c.campusId), unitIds: user.units.map((u) => u.unitId) };
}

/** A title as SQLite's LIKE compares it: ASCII letters in lower case, every other character as it is. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** What a role may find, computed here in JavaScript from every row. */
async function expectedItems(who: Role, q: string) {
  const scope = draftScope(await principal(who));
  const visible = await prisma.$queryRaw<{ id: string; title: string; rowid: bigint }[]>(
    Prisma.sql`SELECT i."id", i."title", i."rowid" FROM "RoadmapItem" i WHERE ${sqlOf(itemsSqlForScope(scope))}`,
  );
  return visible
    .filter((i) => fold(i.title).includes(fold(q)))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : Number(a.rowid - b.rowid)))
    .slice(0, SEARCH_LIMIT)
    .map((i) => i.id);
}

async function expectedMilestones(who: Role, q: string) {
  const scope = draftScope(await principal(who));
  const visible = await prisma.$queryRaw<{ id: string; title: string; dueDate: Date; rowid: bigint }[]>(
    Prisma.sql`SELECT m."id", m."title", m."dueDate", m."rowid" FROM "Milestone" m JOIN "RoadmapItem" i ON i."id" = m."itemId" WHERE ${sqlOf(itemsSqlForScope(scope))}`,
  );
  return visible
    .filter((m) => fold(m.title).includes(fold(q)))
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || Number(a.rowid - b.rowid))
    .slice(0, SEARCH_LIMIT)
    .map((m) => m.id);
}

/** The ids one way reads, with the search's own visibility, order and limit. */
async function idsReadBy(list: typeof ITEM_TITLES, q: string, way: TitleWay, who: Role) {
  const titles = await titleSearch(list, q, way);
  const visible = itemsSqlForScope(draftScope(await principal(who)));
  const join = list === ITEM_TITLES ? "" : ` JOIN "RoadmapItem" i ON i."id" = m."itemId"`;
  const query = sql`SELECT ${sqlText(`${list.alias}."id" FROM `)}${titles.from}${sqlText(join)} WHERE ${visible} AND ${titles.where} ORDER BY ${sqlText(list.orderBy)} LIMIT ${SEARCH_LIMIT}`;
  return (await prisma.$queryRaw<{ id: string }[]>(sqlOf(query))).map((r) => r.id);
}

const ROLES: Role[] = ["ADMIN", "REVIEWER", "OBSERVER", "LIAISON_OWN", "LIAISON_OTHER", "UNIT_OWN"];

describe("the search's two ways of reading titles", () => {
  it("walks the ordering index when many titles match, sorts the matches when few do", async () => {
    expect((await titleSearch(ITEM_TITLES, "rencana aksi")).way).toBe("walk");
    expect((await titleSearch(ITEM_TITLES, "mangrove")).way).toBe("sort");
    expect((await titleSearch(MILESTONE_TITLES, "laporan")).way).toBe("walk");
    expect((await titleSearch(MILESTONE_TITLES, "laporan akhir")).way).toBe("sort");
    expect((await titleSearch(MILESTONE_TITLES, "mangrove")).way).toBe("sort");
    // under three letters there is no trigram: the first matches are counted with LIKE
    expect((await titleSearch(ITEM_TITLES, "ks")).way).toBe("walk");
    expect((await titleSearch(ITEM_TITLES, "zq")).way).toBe("sort");
  });

  it("find the same items, in the same order, for every role", async () => {
    for (const q of ["rencana aksi", "RENCANA", "mangrove", "aksi kampus", "ks", "a", "zq"]) {
      for (const who of ROLES) {
        const sorted = await idsReadBy(ITEM_TITLES, q, "sort", who);
        expect(await idsReadBy(ITEM_TITLES, q, "walk", who), `"${q}" as ${who}`).toEqual(sorted);
        expect(sorted, `"${q}" as ${who}`).toEqual(await expectedItems(who, q));
      }
    }
  });

  it("find the same milestones, in the same order (due date, then the order they were made), for every role", async () => {
    for (const q of ["laporan", "LAPORAN AKHIR", "tonggak 1", "an", "mangrove"]) {
      for (const who of ROLES) {
        const sorted = await idsReadBy(MILESTONE_TITLES, q, "sort", who);
        expect(await idsReadBy(MILESTONE_TITLES, q, "walk", who), `"${q}" as ${who}`).toEqual(sorted);
        expect(sorted, `"${q}" as ${who}`).toEqual(await expectedMilestones(who, q));
      }
    }
  });

  it("the search answers with them: a liaison never finds another campus's drafts, whichever way is taken", async () => {
    for (const q of ["rencana aksi", "mangrove"]) {
      for (const who of ROLES) {
        const found = await search(await principal(who), q);
        expect(found.items.map((i) => i.id), `"${q}" as ${who}`).toEqual(await expectedItems(who, q));
      }
    }
    const own = await search(await principal("LIAISON_OWN"), "rencana aksi");
    const drafts = await prisma.roadmapItem.findMany({ where: { id: { in: own.items.map((i) => i.id) }, visibility: "DRAFT" }, select: { campusId: true } });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((d) => d.campusId === w.own)).toBe(true);
    const found = await search(await principal("REVIEWER"), "laporan");
    expect(found.milestones.map((m) => m.id)).toEqual(await expectedMilestones("REVIEWER", "laporan"));
  });

  it("the walk reads the ordering index without sorting, and the sort narrows by the trigram index", async () => {
    const plan = async (list: typeof ITEM_TITLES, q: string, way: TitleWay) => {
      const titles = await titleSearch(list, q, way);
      const query = sql`EXPLAIN QUERY PLAN SELECT ${sqlText(`${list.alias}."id" FROM `)}${titles.from} WHERE ${titles.where} ORDER BY ${sqlText(list.orderBy)} LIMIT 10`;
      return (await prisma.$queryRaw<{ detail: string }[]>(sqlOf(query))).map((r) => r.detail).join(" | ");
    };
    for (const list of [ITEM_TITLES, MILESTONE_TITLES]) {
      const walk = await plan(list, "laporan", "walk");
      expect(walk).toContain(`USING INDEX ${list.ordered}`);
      expect(walk).not.toContain("TEMP B-TREE");
      const sort = await plan(list, "laporan", "sort");
      expect(sort).toContain(`VIRTUAL TABLE INDEX`);
      expect(sort).not.toContain(list.ordered);
    }
  });
});
