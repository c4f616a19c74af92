import { draftScope, type Principal } from "~/domain/policy";
import { sql, sqlText, type SqlFragment } from "~/domain/sql";
import { prisma, sqlOf } from "~/utils/db.server";
import { itemsSqlForScope } from "./roadmap-item.server";

// One search over what people name: campuses, roadmap items, joint teams and their members,
// milestones and indicators. Only what the searcher may read: no draft of a campus whose drafts the
// policy hides, and members by name only (their email and phone are neither searched nor returned).
//
// A name matches when it contains the query, ignoring the case of ASCII letters (SQLite's LIKE), and
// the query's own % and _ are plain characters. Item and milestone titles, the lists that grow with
// the province, are read one of two ways (`titleSearch`), which find the same rows in the same order:
// the matches narrowed first by their trigram indexes (migration `search_index`), checked with the same
// LIKE, and sorted; or, when many titles match, the index holding the rows in the order shown walked
// until the tenth visible match. The indexes only speed the search up, they never change what is found.
// Raw SQL on the reader: six ORM queries cost more in Prisma's query compilation than in SQLite.

/** Results per kind: enough to find a thing by name, never a list to page through. */
export const SEARCH_LIMIT = 10;
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
/** The trigram index answers queries of three characters or more; shorter ones read every title. */
const TRIGRAM = 3;

export type SearchResults = Awaited<ReturnType<typeof search>>;

/** The LIKE pattern "contains q", with q's wildcards and the escape character taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase of the whole query (its double quotes doubled): with the trigram tokenizer, "contains q". */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

const rows = <T>(fragment: SqlFragment) => prisma.$queryRaw<T[]>(sqlOf(fragment));

/**
 * A list searched by title. Sorting the matches costs about the same per match; walking `ordered`, the
 * index that holds the rows in the order shown (its key, then the rowid), costs per row passed, and
 * stops at the tenth visible match. Up to `sortAtMost` matches, sorting is cheaper; beyond, walking.
 * Measured at benchmark scale 10 (6,000 items, 30,000 milestones; decision 004): 772 item titles
 * contain "kajian", sorted in 1.1 ms, walked in 0.4 ms; 18,000 milestone titles contain "laporan",
 * sorted in 48 ms, walked in 0.06 ms; a word no title holds walks every row (item titles 0.9 ms, from
 * the index alone; milestones, whose walk reads each row for its title, 36 ms) and is sorted in 0.1 ms.
 * The two limits are about where the two costs meet for lists of that size.
 */
type TitleList = {
  alias: "i" | "m";
  table: "RoadmapItem" | "Milestone";
  trigrams: "RoadmapItemSearch" | "MilestoneSearch";
  ordered: "RoadmapItem_title_idx" | "Milestone_dueDate_idx";
  orderBy: string;
  sortAtMost: number;
};

export const ITEM_TITLES: TitleList = {
  alias: "i",
  table: "RoadmapItem",
  trigrams: "RoadmapItemSearch",
  ordered: "RoadmapItem_title_idx",
  orderBy: `i."title" ASC, i."rowid" ASC`,
  sortAtMost: 100,
};

export const MILESTONE_TITLES: TitleList = {
  alias: "m",
  table: "Milestone",
  trigrams: "MilestoneSearch",
  ordered: "Milestone_dueDate_idx",
  orderBy: `m."dueDate" ASC, m."rowid" ASC`,
  sortAtMost: 400,
};

/** The two ways of reading a list's titles containing q. */
export type TitleWay = "sort" | "walk";

/**
 * How the titles containing q are read: `from` names the list's table (walking its ordering index, or
 * using no index of it, so that SQLite sorts the matches), `where` the condition. The first matches are
 * counted, stopped past the list's limit, to choose (through the trigram index, or for a short query
 * with LIKE); `way` forces one, for the tests that check both ways find the same.
 */
export async function titleSearch(list: TitleList, q: string, way?: TitleWay): Promise<{ from: SqlFragment; where: SqlFragment; way: TitleWay }> {
  const like: SqlFragment = { strings: [`${list.alias}."title" LIKE `, ` ESCAPE '\\'`], values: [containsPattern(q)] };
  const trigram = [...q].length >= TRIGRAM ? sql`${sqlText(`SELECT "rowid" FROM "${list.trigrams}" WHERE "${list.trigrams}" MATCH `)}${ftsPhrase(q)}` : null;
  if (!way) {
    const first = trigram ?? sql`${sqlText(`SELECT 1 FROM "${list.table}" ${list.alias} WHERE `)}${like}`;
    const [counted] = await rows<{ n: number | bigint }>(sql`SELECT count(*) AS "n" FROM (${first} LIMIT ${list.sortAtMost + 1})`);
    way = Number(counted?.n ?? 0) > list.sortAtMost ? "walk" : "sort";
  }
  if (way === "walk") return { from: sqlText(`"${list.table}" ${list.alias} INDEXED BY "${list.ordered}"`), where: like, way };
  return {
    from: sqlText(`"${list.table}" ${list.alias} NOT INDEXED`),
    where: trigram ? sql`${like} AND ${sqlText(`${list.alias}."rowid" IN (`)}${trigram})` : like,
    way,
  };
}

/** `(c1 LIKE pattern OR c2 LIKE pattern …)`, each with the escape character of `containsPattern`. */
function likeAny(columns: readonly string[], pattern: string): SqlFragment {
  const strings = columns.map((column, i) => `${i === 0 ? "(" : " ESCAPE '\\' OR "}${column} LIKE `);
  return { strings: [...strings, " ESCAPE '\\')"], values: columns.map(() => pattern) };
}

export async function search(actor: Principal, query: string) {
  const q = query.trim().slice(0, SEARCH_MAX_LENGTH);
  const pattern = containsPattern(q);
  const visible = itemsSqlForScope(draftScope(actor));
  const [itemTitles, milestoneTitles] = await Promise.all([titleSearch(ITEM_TITLES, q), titleSearch(MILESTONE_TITLES, q)]);
  const [campuses, items, teams, members, milestones, indicators] = await Promise.all([
    rows<{ slug: string; name: string; abbreviation: string | null }>(sql`
      SELECT "slug", "name", "abbreviation" FROM "Campus"
      WHERE ${likeAny(['"name"', '"abbreviation"', '"slug"'], pattern)}
      ORDER BY "position" ASC LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; title: string; visibility: string; status: string; campusName: string; campusAbbreviation: string | null }>(sql`
      SELECT i."id", i."title", i."visibility", i."status", c."name" AS "campusName", c."abbreviation" AS "campusAbbreviation"
      FROM ${itemTitles.from} JOIN "Campus" c ON c."id" = i."campusId"
      WHERE ${visible} AND ${itemTitles.where}
      ORDER BY ${sqlText(ITEM_TITLES.orderBy)} LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; name: string; campusName: string | null; campusAbbreviation: string | null }>(sql`
      SELECT t."id", t."name", c."name" AS "campusName", c."abbreviation" AS "campusAbbreviation"
      FROM "JointTeam" t LEFT JOIN "Campus" c ON c."id" = t."campusId"
      WHERE ${likeAny(['t."name"'], pattern)}
      ORDER BY t."name" ASC LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; name: string; role: string; teamId: string; teamName: string }>(sql`
      SELECT m."id", m."name", m."role", t."id" AS "teamId", t."name" AS "teamName"
      FROM "TeamMember" m JOIN "JointTeam" t ON t."id" = m."teamId"
      WHERE ${likeAny(['m."name"'], pattern)}
      ORDER BY m."name" ASC LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; title: string; state: string; dueDate: Date; itemTitle: string }>(sql`
      SELECT m."id", m."title", m."state", m."dueDate", i."title" AS "itemTitle"
      FROM ${milestoneTitles.from} JOIN "RoadmapItem" i ON i."id" = m."itemId"
      WHERE ${visible} AND ${milestoneTitles.where}
      ORDER BY ${sqlText(MILESTONE_TITLES.orderBy)} LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; code: string; nameId: string; nameEn: string }>(sql`
      SELECT "id", "code", "nameId", "nameEn" FROM "Indicator"
      WHERE ${likeAny(['"nameId"', '"nameEn"', '"code"'], pattern)}
      ORDER BY "code" ASC LIMIT ${SEARCH_LIMIT}`),
  ]);
  return {
    campuses,
    items: items.map(({ campusName, campusAbbreviation, ...item }) => ({ ...item, campus: { name: campusName, abbreviation: campusAbbreviation } })),
    teams: teams.map(({ campusName, campusAbbreviation, ...team }) => ({
      ...team,
      campus: campusName === null ? null : { name: campusName, abbreviation: campusAbbreviation },
    })),
    members: members.map(({ teamId, teamName, ...member }) => ({ ...member, team: { id: teamId, name: teamName } })),
    milestones: milestones.map(({ itemTitle, ...milestone }) => ({ ...milestone, item: { title: itemTitle } })),
    indicators,
  };
}
