// A small, known world for permission tests: one user per role, a liaison of "itb" (own campus)
// and one of "umt" (another campus), each with a live session cookie.
import { prisma } from "~/utils/db.server";
import { createItem, createMember, createTeam, createUser } from "../../prisma/factories";
import { campusIds, cookieFor } from "./http";

export const WHO = ["ANONYMOUS", "ADMIN", "REVIEWER", "OBSERVER", "LIAISON_OWN", "LIAISON_OTHER"] as const;
export type Who = (typeof WHO)[number];

export async function buildWorld() {
  const campuses = await campusIds();
  const own = campuses.itb!;
  const other = campuses.umt!;
  const area = await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } });
  const users = {
    ADMIN: await createUser(prisma, { email: "admin@world.test", role: "ADMIN", name: "Admin" }),
    REVIEWER: await createUser(prisma, { email: "reviewer@world.test", role: "REVIEWER", name: "Reviewer" }),
    OBSERVER: await createUser(prisma, { email: "observer@world.test", role: "OBSERVER", name: "Observer" }),
    LIAISON_OWN: await createUser(prisma, { email: "liaison.itb@world.test", role: "LIAISON", name: "Liaison ITB", campusIds: [own] }),
    LIAISON_OTHER: await createUser(prisma, { email: "liaison.umt@world.test", role: "LIAISON", name: "Liaison UMT", campusIds: [other] }),
  };
  // someone for administrators to manage
  const target = await createUser(prisma, { email: "target@world.test", role: "LIAISON", name: "Target", campusIds: [own] });
  const publishedItem = await createItem(prisma, { campusId: own, priorityAreaId: area.id, visibility: "PUBLISHED", title: "Published ITB item" });
  const draftItem = await createItem(prisma, { campusId: own, priorityAreaId: area.id, visibility: "DRAFT", title: "Draft ITB item" });
  const team = await createTeam(prisma, { campusId: own, name: "Tim Bersama ITB" });
  const teamMember = await createMember(prisma, { teamId: team.id, name: "Anggota ITB", email: "anggota@itb.test", phone: "+62 22 250 0000" });
  const cookies: Record<Who, string | null> = {
    ANONYMOUS: null,
    ADMIN: await cookieFor(users.ADMIN.email),
    REVIEWER: await cookieFor(users.REVIEWER.email),
    OBSERVER: await cookieFor(users.OBSERVER.email),
    LIAISON_OWN: await cookieFor(users.LIAISON_OWN.email),
    LIAISON_OTHER: await cookieFor(users.LIAISON_OTHER.email),
  };
  return { campuses, own, other, area, users, target, publishedItem, draftItem, team, teamMember, cookies };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
