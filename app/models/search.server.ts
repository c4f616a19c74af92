import type { Principal } from "~/domain/policy";
import { prisma } from "~/utils/db.server";
import { visibleItemsWhere } from "./roadmap-item.server";

// One search over what people name: campuses, roadmap items, joint teams and their members,
// milestones and indicators. Only what the searcher may read: no draft of a campus whose drafts the
// policy hides, and members by name only (their email and phone are neither searched nor returned).

/** Results per kind: enough to find a thing by name, never a list to page through. */
export const SEARCH_LIMIT = 10;
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;

export type SearchResults = Awaited<ReturnType<typeof search>>;

export async function search(actor: Principal, query: string) {
  const q = query.trim().slice(0, SEARCH_MAX_LENGTH);
  const items = visibleItemsWhere(actor);
  // SQLite's LIKE (Prisma's contains) ignores the case of ASCII letters, as people type names
  const [campuses, roadmapItems, teams, members, milestones, indicators] = await Promise.all([
    prisma.campus.findMany({
      where: { OR: [{ name: { contains: q } }, { abbreviation: { contains: q } }, { slug: { contains: q } }] },
      orderBy: { position: "asc" },
      take: SEARCH_LIMIT,
      select: { slug: true, name: true, abbreviation: true },
    }),
    prisma.roadmapItem.findMany({
      where: { AND: [items, { title: { contains: q } }] },
      orderBy: { title: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true, title: true, visibility: true, status: true, campus: { select: { name: true, abbreviation: true } } },
    }),
    prisma.jointTeam.findMany({
      where: { name: { contains: q } },
      orderBy: { name: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true, name: true, campus: { select: { name: true, abbreviation: true } } },
    }),
    prisma.teamMember.findMany({
      where: { name: { contains: q } },
      orderBy: { name: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true, name: true, role: true, team: { select: { id: true, name: true } } },
    }),
    prisma.milestone.findMany({
      where: { title: { contains: q }, item: { is: items } },
      orderBy: { dueDate: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true, title: true, state: true, dueDate: true, item: { select: { title: true } } },
    }),
    prisma.indicator.findMany({
      where: { OR: [{ nameId: { contains: q } }, { nameEn: { contains: q } }, { code: { contains: q } }] },
      orderBy: { code: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true, code: true, nameId: true, nameEn: true },
    }),
  ]);
  return { campuses, items: roadmapItems, teams, members, milestones, indicators };
}
