import type { MemberRole, MemberSide } from "~/domain/enums";
import { MEMBER_SIDES } from "~/domain/enums";
import type { RecordChange } from "~/domain/conflict";
import type { MemberInput, MemberUpdateInput, TeamInput, TeamUpdateInput } from "~/domain/schemas/team";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { changesSince } from "./conflict.server";

// Joint teams (tim bersama) and their members. Every mutation writes one audit event in its transaction.

export type TeamScope = { id: string; campusId: string | null; name: string };

/** A refused member change: which field is at fault and the dictionary key saying why. */
export type MemberError = { ok: false; field: "role" | "governmentUnitId"; message: string };

/** A change refused because the record changed after the form was opened: nothing was written. */
export type Stale = { ok: false; reason: "conflict"; version: number };
/** A member change refused because the member was removed from the team meanwhile. */
export type Gone = { ok: false; reason: "removed" };

const TEAM_SELECT = { id: true, campusId: true, name: true, decreeRef: true, decreeDate: true, mandate: true, version: true } as const;

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
          version: true,
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

/**
 * What a member id names for this team: one of its members, a member removed from it (the
 * audit trail remembers), or nothing it knows of (another team's member is treated as unknown).
 */
export async function memberState(teamId: string, memberId: string): Promise<"member" | "removed" | "unknown"> {
  const member = await prisma.teamMember.findUnique({ where: { id: memberId }, select: { teamId: true } });
  if (member) return member.teamId === teamId ? "member" : "unknown";
  return (await removalOf(teamId, memberId)) ? "removed" : "unknown";
}

/** The audit event that removed this member from this team, if any. */
async function removalOf(teamId: string, memberId: string) {
  const events = await prisma.auditEvent.findMany({
    where: { entity: "TeamMember", entityId: memberId, action: "delete" },
    select: { before: true },
  });
  for (const event of events) {
    try {
      const before = JSON.parse(event.before ?? "{}") as { teamId?: unknown; name?: unknown };
      if (before.teamId === teamId) return { name: typeof before.name === "string" ? before.name : null };
    } catch {
      // not readable: not evidence of a removal from this team
    }
  }
  return null;
}

/** The name a removed member had (for "no longer on this team"); null if not known. */
export async function removedMemberName(teamId: string, memberId: string): Promise<string | null> {
  return (await removalOf(teamId, memberId))?.name ?? null;
}

/** Edits of the team's details saved after `since` (listed on a conflict). */
export function teamChangesSince(teamId: string, since: Date): Promise<RecordChange[]> {
  return changesSince([{ entity: "JointTeam", entityIds: [teamId], actions: ["update"] }], since);
}

/** Edits and the removal of a member saved after `since` (listed on a conflict). */
export function memberChangesSince(memberId: string, since: Date): Promise<RecordChange[]> {
  return changesSince([{ entity: "TeamMember", entityIds: [memberId], actions: ["update", "delete"] }], since);
}

export type GovernmentUnit = { id: string; name: string; abbreviation: string | null; retired: boolean };

/**
 * The units a picker offers: active ones, and retired ones a member of `inUse.teamId` or the
 * agreement `inUse.agreementId` already points to (so that record can be saved unchanged).
 */
export async function listGovernmentUnits(inUse: { teamId?: string; agreementId?: string } = {}): Promise<GovernmentUnit[]> {
  const rows = await prisma.governmentUnit.findMany({
    where: {
      OR: [
        { retiredAt: null },
        ...(inUse.teamId ? [{ members: { some: { teamId: inUse.teamId } } }] : []),
        ...(inUse.agreementId ? [{ agreements: { some: { agreementId: inUse.agreementId } } }] : []),
      ],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, abbreviation: true, retiredAt: true },
  });
  return rows.map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null }));
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

/**
 * Saves the team's details edited from `input.version`. If someone saved in between, nothing is
 * written and the caller gets the current version (see teamChangesSince for what changed).
 */
export async function updateTeam(
  team: TeamScope,
  input: Omit<TeamUpdateInput, "intent">,
  actor: AuditActor,
): Promise<{ ok: true } | Stale> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.jointTeam.findUniqueOrThrow({
      where: { id: team.id },
      select: { version: true, name: true, decreeRef: true, decreeDate: true, mandate: true },
    });
    const { version, ...old } = before;
    if (version !== input.version) return { ok: false as const, reason: "conflict" as const, version };
    const data = teamData(input);
    const { count } = await tx.jointTeam.updateMany({
      where: { id: team.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw new Error("concurrent team update");
    await recordAudit(tx, actor, {
      action: "update",
      entity: "JointTeam",
      entityId: team.id,
      campusId: team.campusId,
      before: old,
      after: data,
    });
    return { ok: true as const };
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
    const unit = await tx.governmentUnit.findUnique({ where: { id: data.governmentUnitId }, select: { retiredAt: true } });
    // a retired unit takes no new members; one already in it may stay
    const kept = unit?.retiredAt && exceptMemberId
      ? await tx.teamMember.count({ where: { id: exceptMemberId, governmentUnitId: data.governmentUnitId } })
      : 0;
    if (!unit || (unit.retiredAt && !kept)) return { ok: false, field: "governmentUnitId", message: "form.invalidChoice" };
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

/**
 * Updates a member of this team edited from `input.version`: `removed` when the member is no
 * longer on the team, a conflict (nothing written) when someone saved it in between.
 */
export async function updateMember(
  team: TeamScope,
  memberId: string,
  input: Omit<MemberUpdateInput, "intent">,
  actor: AuditActor,
): Promise<{ ok: true; member: { id: string; name: string } } | Gone | Stale | MemberError> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.teamMember.findFirst({ where: { id: memberId, teamId: team.id }, select: { ...MEMBER_FIELDS, version: true } });
    if (!current) return { ok: false as const, reason: "removed" as const };
    const { version, ...before } = current;
    if (version !== input.version) return { ok: false as const, reason: "conflict" as const, version };
    const data = memberData(input);
    const error = await checkMember(tx, team.id, data, memberId);
    if (error) return error;
    const { count } = await tx.teamMember.updateMany({
      where: { id: memberId, teamId: team.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw new Error("concurrent member update");
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

/**
 * Removes a member of this team as seen at `version`: `removed` when someone removed them
 * already, a conflict (nothing removed) when someone edited them after the page was opened.
 */
export async function removeMember(
  team: TeamScope,
  memberId: string,
  version: number,
  actor: AuditActor,
): Promise<{ ok: true; name: string } | Gone | Stale> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.teamMember.findFirst({ where: { id: memberId, teamId: team.id }, select: { ...MEMBER_FIELDS, version: true } });
    if (!current) return { ok: false as const, reason: "removed" as const };
    const { version: now, ...before } = current;
    if (now !== version) return { ok: false as const, reason: "conflict" as const, version: now };
    const { count } = await tx.teamMember.deleteMany({ where: { id: memberId, teamId: team.id, version } });
    if (count !== 1) throw new Error("concurrent member removal");
    await recordAudit(tx, actor, {
      action: "delete",
      entity: "TeamMember",
      entityId: memberId,
      campusId: team.campusId,
      before: { teamId: team.id, ...before },
    });
    return { ok: true as const, name: before.name };
  });
}

/**
 * Of a team and its members, the ids whose latest saved change was made by `userId`. Their edit
 * forms may reopen on the saved values; a change by somebody else must instead meet the version
 * check when the viewer saves (their typing is never replaced underneath them).
 */
export async function lastSavedBy(userId: string, team: { id: string; members: readonly { id: string }[] }): Promise<string[]> {
  const latest = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entity: "JointTeam", entityId: team.id },
        { entity: "TeamMember", entityId: { in: team.members.map((m) => m.id) } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["entity", "entityId"],
    select: { entityId: true, actorId: true },
  });
  return latest.filter((e) => e.actorId === userId).map((e) => e.entityId);
}
