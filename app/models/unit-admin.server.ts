import type { RecordChange } from "~/domain/conflict";
import type { UnitKind } from "~/domain/enums";
import { unitCodeFrom, type CreateUnitInput, type UpdateUnitInput } from "~/domain/schemas/unit";
import { prisma } from "~/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { changesSince } from "./conflict.server";
import { UNIT_SELECT } from "./unit.server";

// Administration of government units (ADMIN only: /admin/units). A unit is never deleted (items,
// obstacles, notes and members point to it); one that no longer exists is retired: kept, shown
// where it is used, never offered for new data.

const ENTITY = "GovernmentUnit";

/** Every unit with the number of items it is the counterpart of and of its focal points (counted in SQL). */
export async function listUnitsForAdmin() {
  const rows = await prisma.governmentUnit.findMany({
    orderBy: [{ name: "asc" }],
    select: {
      ...UNIT_SELECT,
      _count: { select: { roadmapItems: true, users: true } },
    },
  });
  // active first, each group by name
  return rows
    .map(({ _count, kind, ...row }) => ({ ...row, kind: kind as UnitKind, items: _count.roadmapItems, users: _count.users }))
    .sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt));
}

export async function getUnitForAdmin(id: string) {
  const row = await prisma.governmentUnit.findUnique({
    where: { id },
    select: {
      ...UNIT_SELECT,
      version: true,
      _count: { select: { roadmapItems: true, users: true } },
    },
  });
  if (!row) return null;
  const { _count, kind, ...rest } = row;
  return { ...rest, kind: kind as UnitKind, items: _count.roadmapItems, users: _count.users };
}

function unitData(input: Omit<CreateUnitInput, "intent">) {
  return {
    name: input.name,
    abbreviation: input.abbreviation || null,
    kind: input.kind,
    parentOrganization: input.parentOrganization || null,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export type CreateUnitResult = { ok: true; unit: { id: string; name: string } } | { ok: false; reason: "code-taken" | "code-empty"; code: string };

export async function createUnit(input: Omit<CreateUnitInput, "intent">, actor: AuditActor): Promise<CreateUnitResult> {
  const code = unitCodeFrom(input);
  if (!code) return { ok: false, reason: "code-empty", code };
  const data = unitData(input);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.governmentUnit.findUnique({ where: { code }, select: { id: true } })) return { ok: false as const, reason: "code-taken" as const, code };
      const unit = await tx.governmentUnit.create({ data: { code, ...data }, select: { id: true, name: true } });
      await recordAudit(tx, actor, { action: "create", entity: ENTITY, entityId: unit.id, after: { code, ...data } });
      return { ok: true as const, unit };
    });
  } catch (error) {
    // two administrators adding the same code at once: the unique index decides
    if (isUniqueViolation(error)) return { ok: false, reason: "code-taken", code };
    throw error;
  }
}

export type Stale = { ok: false; reason: "conflict"; version: number };

/** Renames a unit, changes its kind or parent, from `version`; its code stays (addresses keep working). */
export async function updateUnit(id: string, input: Omit<UpdateUnitInput, "intent" | "startedAt">, actor: AuditActor): Promise<{ ok: true } | Stale> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.governmentUnit.findUniqueOrThrow({
      where: { id },
      select: { version: true, name: true, abbreviation: true, kind: true, parentOrganization: true },
    });
    const { version, ...old } = before;
    if (version !== input.version) return { ok: false as const, reason: "conflict" as const, version };
    const data = unitData(input);
    const { count } = await tx.governmentUnit.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new Error("concurrent unit update");
    await recordAudit(tx, actor, { action: "update", entity: ENTITY, entityId: id, before: old, after: data });
    return { ok: true as const };
  });
}

export type RetireResult = { ok: true; name: string } | Stale;

/**
 * Retires (or reinstates) a unit saved at `version`; nothing else changes: what points to it keeps
 * pointing to it. Asking for the state it is already in writes nothing.
 */
export async function setUnitRetired(id: string, retired: boolean, version: number, actor: AuditActor): Promise<RetireResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.governmentUnit.findUniqueOrThrow({ where: { id }, select: { version: true, retiredAt: true, name: true } });
    if (before.version !== version) return { ok: false as const, reason: "conflict" as const, version: before.version };
    if (!!before.retiredAt === retired) return { ok: true as const, name: before.name };
    const retiredAt = retired ? new Date() : null;
    const { count } = await tx.governmentUnit.updateMany({ where: { id, version }, data: { retiredAt, version: { increment: 1 } } });
    if (count !== 1) throw new Error("concurrent unit update");
    await recordAudit(tx, actor, {
      action: retired ? "retire" : "reinstate",
      entity: ENTITY,
      entityId: id,
      before: { retiredAt: before.retiredAt },
      after: { retiredAt },
    });
    return { ok: true as const, name: before.name };
  });
}

/** Changes to the unit saved after `since` (listed on a conflict). */
export function unitChangesSince(id: string, since: Date): Promise<RecordChange[]> {
  return changesSince([{ entity: ENTITY, entityIds: [id] }], since);
}

/** Whether the viewer made the unit's latest change (the edit form then follows the new version). */
export async function unitLastSavedBy(userId: string, id: string): Promise<boolean> {
  const latest = await prisma.auditEvent.findFirst({
    where: { entity: ENTITY, entityId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorId: true },
  });
  return latest?.actorId === userId;
}

/** The units the user administration offers a focal point: active ones, and those the account (`userId`) already serves. */
export async function unitOptionsForUser(userId?: string) {
  const rows = await prisma.governmentUnit.findMany({
    where: { OR: [{ retiredAt: null }, ...(userId ? [{ users: { some: { userId } } }] : [])] },
    orderBy: { name: "asc" },
    select: { code: true, name: true, abbreviation: true, retiredAt: true },
  });
  return rows.map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null }));
}
