import { draftScope, type Principal } from "~/domain/policy";
import { sql, type SqlFragment } from "~/domain/sql";
import { prisma, sqlOf } from "~/utils/db.server";
import { itemsSqlForScope } from "./roadmap-item.server";

// One search over what people name: campuses, roadmap items, joint teams and their members,
// milestones and indicators. Only what the searcher may read: no draft of a campus whose drafts the
// policy hides, and members by name only (their email and phone are neither searched nor returned).
//
// A name matches when it contains the query, ignoring the case of ASCII letters (SQLite's LIKE), and
// the query's own % and _ are plain characters. Item and milestone titles, the lists that grow with
// the province, are narrowed first by their trigram indexes (migration `search_index`), then
// checked with the same LIKE: the index only speeds the search up, it never changes what is found.
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

/** `column LIKE '%q%'`, narrowed by the trigram index over `table`'s rows when the query is long enough. */
function titleContains(alias: string, index: "RoadmapItemSearch" | "MilestoneSearch", q: string): SqlFragment {
  const column = { strings: [`${alias}."title" LIKE `, ` ESCAPE '\\'`], values: [containsPattern(q)] };
  if ([...q].length < TRIGRAM) return column;
  return sql`${column} AND ${{ strings: [`${alias}."rowid" IN (SELECT "rowid" FROM "${index}" WHERE "${index}" MATCH `, ")"], values: [ftsPhrase(q)] }}`;
}

/** `(c1 LIKE pattern OR c2 LIKE pattern …)`, each with the escape character of `containsPattern`. */
function likeAny(columns: readonly string[], pattern: string): SqlFragment {
  const strings = columns.map((column, i) => `${i === 0 ? "(" : " ESCAPE '\\' OR "}${column} LIKE `);
  return { strings: [...strings, " ESCAPE '\\')"], values: columns.map(() => pattern) };
}

const rows = <T>(fragment: SqlFragment) => prisma.$queryRaw<T[]>(sqlOf(fragment));

export async function search(actor: Principal, query: string) {
  const q = query.trim().slice(0, SEARCH_MAX_LENGTH);
  const pattern = containsPattern(q);
  const visible = itemsSqlForScope(draftScope(actor));
  const [campuses, items, teams, members, milestones, indicators] = await Promise.all([
    rows<{ slug: string; name: string; abbreviation: string | null }>(sql`
      SELECT "slug", "name", "abbreviation" FROM "Campus"
      WHERE ${likeAny(['"name"', '"abbreviation"', '"slug"'], pattern)}
      ORDER BY "position" ASC LIMIT ${SEARCH_LIMIT}`),
    rows<{ id: string; title: string; visibility: string; status: string; campusName: string; campusAbbreviation: string | null }>(sql`
      SELECT i."id", i."title", i."visibility", i."status", c."name" AS "campusName", c."abbreviation" AS "campusAbbreviation"
      FROM "RoadmapItem" i JOIN "Campus" c ON c."id" = i."campusId"
      WHERE ${visible} AND ${titleContains("i", "RoadmapItemSearch", q)}
      ORDER BY i."title" ASC LIMIT ${SEARCH_LIMIT}`),
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
    // ordered by a sort, not by walking the due-date index (which reads every milestone through it)
    rows<{ id: string; title: string; state: string; dueDate: Date; itemTitle: string }>(sql`
      SELECT m."id", m."title", m."state", m."dueDate", i."title" AS "itemTitle"
      FROM "Milestone" m JOIN "RoadmapItem" i ON i."id" = m."itemId"
      WHERE ${visible} AND ${titleContains("m", "MilestoneSearch", q)}
      ORDER BY +m."dueDate" ASC LIMIT ${SEARCH_LIMIT}`),
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
