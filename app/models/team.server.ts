import type { MemberRole, MemberSide } from "~/domain/enums";
import { MEMBER_SIDES } from "~/domain/enums";
import type { MemberInput, TeamInput } from "~/domain/schemas/team";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";

// Joint teams (tim bersama) and their members. Every mutation writes one audit event in its transaction.

export type TeamScope = { id: string; campusId: string | null; name: string };

/** A refused member change: which field is at fault and the dictionary key saying why. */
export type MemberError = { ok: false; field: "role" | "governmentUnitId"; message: string };

const TEAM_SELECT = { id: true, campusId: true, name: true, decreeRef: true, decreeDate: true, mandate: true } as const;

/** The campus's own teams and the shared ones (campusId null), each with its member count by side. */
export async function listTeamsForCampus(campusId: string) {
  const teams = await prisma.jointTeam.findMany({
    where: { OR: [{ campusId }, { campusId: null }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: TEAM_SELECT,
  });
  // the campus's own teams first, shared teams after them
  teams.sort((a, b) => Number(a.campusId === null) - Number(b.campusId === null));
  const counts = await prisma.teamMember.groupBy({
    by: ["teamId", "side"],
    where: { teamId: { in: teams.map((t) => t.id) } },
    _count: { _all: true },
  });
  return teams.map((team) => {
    const bySide = Object.fromEntries(MEMBER_SIDES.map((side) => [side, 0])) as Record<MemberSide, number>;
    for (const c of counts) if (c.teamId === team.id && c.side in bySide) bySide[c.side as MemberSide] = c._count._all;
    return { ...team, membersBySide: bySide, memberCount: MEMBER_SIDES.reduce((n, s) => n + bySide[s], 0) };
  });
}

/** Just enough of a team to decide who may see or change it. */
export function getTeamScope(teamId: string): Promise<TeamScope | null> {
  return prisma.jointTeam.findUnique({ where: { id: teamId }, select: { id: true, campusId: true, name: true } });
}

/** A team with its roster; members' email and phone only when the reader may see contacts. */
export async function getTeamWithRoster(teamId: string, { withContacts }: { withContacts: boolean }) {
  const team = await prisma.jointTeam.findUnique({
    where: { id: teamId },
    select: {
      ...TEAM_SELECT,
      campus: { select: { slug: true, name: true, abbreviation: true } },
      members: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          side: true,
          role: true,
          position: true,
          organization: true,
          governmentUnitId: true,
          governmentUnit: { select: { name: true, abbreviation: true } },
          email: withContacts,
          phone: withContacts,
        },
      },
    },
  });
  if (!team) return null;
  const roleOrder: Record<string, number> = { KETUA: 0, SEKRETARIS: 1, ANGGOTA: 2 };
  const members = [...team.members]
    .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9))
    .map((m) => ({
      ...m,
      side: m.side as MemberSide,
      role: m.role as MemberRole,
      email: withContacts ? (m.email ?? null) : null,
      phone: withContacts ? (m.phone ?? null) : null,
    }));
  return { ...team, members };
}

/** Whether the member belongs to this team (a member id of another team is treated as unknown). */
export async function isMemberOfTeam(teamId: string, memberId: string): Promise<boolean> {
  const member = await prisma.teamMember.findFirst({ where: { id: memberId, teamId }, select: { id: true } });
  return !!member;
}

export type GovernmentUnit = { id: string; name: string; abbreviation: string | null };

export function listGovernmentUnits(): Promise<GovernmentUnit[]> {
  return prisma.governmentUnit.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, abbreviation: true },
  });
}

function teamData(input: Omit<TeamInput, "intent">) {
  return {
    name: input.name,
    decreeRef: input.decreeRef ?? null,
    decreeDate: input.decreeDate ?? null,
    mandate: input.mandate ?? null,
  };
}

export async function createTeam(campusId: string | null, input: Omit<TeamInput, "intent">, actor: AuditActor) {
  return prisma.$transaction(async (tx) => {
    const data = teamData(input);
    const team = await tx.jointTeam.create({ data: { campusId, ...data }, select: { id: true, name: true } });
    await recordAudit(tx, actor, {
      action: "create",
      entity: "JointTeam",
      entityId: team.id,
      campusId,
      after: { campusId, ...data },
    });
    return team;
  });
}

export async function updateTeam(team: TeamScope, input: Omit<TeamInput, "intent">, actor: AuditActor) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.jointTeam.findUniqueOrThrow({
      where: { id: team.id },
      select: { name: true, decreeRef: true, decreeDate: true, mandate: true },
    });
    const data = teamData(input);
    await tx.jointTeam.update({ where: { id: team.id }, data });
    await recordAudit(tx, actor, {
      action: "update",
      entity: "JointTeam",
      entityId: team.id,
      campusId: team.campusId,
      before,
      after: data,
    });
  });
}

const MEMBER_FIELDS = {
  name: true,
  side: true,
  role: true,
  position: true,
  organization: true,
  governmentUnitId: true,
  email: true,
  phone: true,
} as const;

function memberData(input: Omit<MemberInput, "intent">) {
  return {
    name: input.name,
    side: input.side,
    role: input.role,
    position: input.position ?? null,
    organization: input.organization ?? null,
    // only government members belong to a government unit
    governmentUnitId: input.side === "GOVERNMENT" ? (input.governmentUnitId ?? null) : null,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
}

/** The rules a member must meet within its team: at most one KETUA, a real government unit. */
async function checkMember(
  tx: Tx,
  teamId: string,
  data: ReturnType<typeof memberData>,
  exceptMemberId: string | null,
): Promise<MemberError | null> {
  if (data.role === "KETUA") {
    const chair = await tx.teamMember.findFirst({
      where: { teamId, role: "KETUA", ...(exceptMemberId ? { id: { not: exceptMemberId } } : {}) },
      select: { id: true },
    });
    if (chair) return { ok: false, field: "role", message: "teams.ketuaTaken" };
  }
  if (data.governmentUnitId) {
    const unit = await tx.governmentUnit.findUnique({ where: { id: data.governmentUnitId }, select: { id: true } });
    if (!unit) return { ok: false, field: "governmentUnitId", message: "form.invalidChoice" };
  }
  return null;
}

export async function addMember(
  team: TeamScope,
  input: Omit<MemberInput, "intent">,
  actor: AuditActor,
): Promise<{ ok: true; member: { id: string; name: string } } | MemberError> {
  return prisma.$transaction(async (tx) => {
    const data = memberData(input);
    const error = await checkMember(tx, team.id, data, null);
    if (error) return error;
    const member = await tx.teamMember.create({ data: { teamId: team.id, ...data }, select: { id: true, name: true } });
    await recordAudit(tx, actor, {
      action: "create",
      entity: "TeamMember",
      entityId: member.id,
      campusId: team.campusId,
      after: { teamId: team.id, ...data },
    });
    return { ok: true as const, member };
  });
}

/** Updates a member of this team; `not-found` when the id names no member of this team. */
export async function updateMember(
  team: TeamScope,
  memberId: string,
  input: Omit<MemberInput, "intent">,
  actor: AuditActor,
): Promise<{ ok: true; member: { id: string; name: string } } | { ok: false; reason: "not-found" } | MemberError> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.teamMember.findFirst({ where: { id: memberId, teamId: team.id }, select: MEMBER_FIELDS });
    if (!before) return { ok: false as const, reason: "not-found" as const };
    const data = memberData(input);
    const error = await checkMember(tx, team.id, data, memberId);
    if (error) return error;
    await tx.teamMember.update({ where: { id: memberId }, data });
    await recordAudit(tx, actor, {
      action: "update",
      entity: "TeamMember",
      entityId: memberId,
      campusId: team.campusId,
      before,
      after: data,
    });
    return { ok: true as const, member: { id: memberId, name: data.name } };
  });
}

/** Removes a member of this team; null when the id names no member of this team. */
export async function removeMember(team: TeamScope, memberId: string, actor: AuditActor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.teamMember.findFirst({ where: { id: memberId, teamId: team.id }, select: MEMBER_FIELDS });
    if (!before) return null;
    await tx.teamMember.delete({ where: { id: memberId } });
    await recordAudit(tx, actor, {
      action: "delete",
      entity: "TeamMember",
      entityId: memberId,
      campusId: team.campusId,
      before: { teamId: team.id, ...before },
    });
    return { name: before.name };
  });
}
