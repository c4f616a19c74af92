import type { Author } from "~/domain/audit-actor";
import type { AssignObstacleInput } from "~/domain/schemas/obstacle";
import { cachedQuery } from "~/utils/data-cache.server";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { shortText } from "~/domain/campus-need";
import { can, type Principal } from "~/domain/policy";
import { openObstacleWhere, unitOwnedObstacleWhere } from "~/domain/status";
import { campusLiaisonIds, notifyUsers, unitFocalPointIdsAbout } from "./notification.server";

// Obstacles handed to their owner (the campus or a government unit) and cleared by that owner.

type ItemRef = { id: string; campusId: string; title: string };

/** The obstacle's access facts: the policy decides on `obstacle.resolve` with its owning unit. */
export function getObstacleAccess(itemId: string, obstacleId: string) {
  return prisma.obstacle.findFirst({ where: { id: obstacleId, itemId }, select: { id: true, status: true, ownerUnitId: true } });
}

/**
 * Which of `unitIds` own an open obstacle of the item: on an item that is not its unit's, a focal
 * point may act only to resolve those (the action refuses anyone else before reading the body).
 */
export async function unitsOwningOpenObstacles(itemId: string, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await prisma.obstacle.findMany({
    where: { AND: [{ itemId }, openObstacleWhere(), unitOwnedObstacleWhere(unitIds)] },
    distinct: ["ownerUnitId"],
    select: { ownerUnitId: true },
  });
  return rows.flatMap((r) => (r.ownerUnitId ? [r.ownerUnitId] : []));
}

/** Government units that may be given new work: every unit not retired, by name (kept until the data changes: the item page offers them on every view). */
export const activeUnits = cachedQuery("active-units", () => "", listActiveUnits);

function listActiveUnits() {
  return prisma.governmentUnit.findMany({
    where: { retiredAt: null },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, abbreviation: true },
  });
}

/** An active (not retired) unit, or null: a unit picked in a form must be one. */
export async function activeUnit(tx: Tx, unitId: string) {
  return tx.governmentUnit.findFirst({ where: { id: unitId, retiredAt: null }, select: { id: true, code: true, name: true, abbreviation: true } });
}

/** Inside a transaction: tells the focal points of the unit an obstacle was handed to (once the item is published). */
export async function notifyObstacleAssigned(tx: Tx, item: ItemRef, obstacle: { id: string; description: string }, unit: { id: string }) {
  await notifyUsers(tx, await unitFocalPointIdsAbout(tx, unit.id, item.id), {
    kind: "notify.obstacleAssigned",
    params: { obstacle: shortText(obstacle.description, 120), item: item.title },
    link: `/items/${item.id}#obstacle-${obstacle.id}`,
    campusId: item.campusId,
  });
}


export type AssignOutcome = "ok" | "not-found" | "already-resolved" | "unit-invalid";

/**
 * Hands an open obstacle to the campus or to an active government unit, with owner name and due
 * date; audited, and the unit's focal points are told.
 */
export async function assignObstacle(actor: Author, item: ItemRef, input: AssignObstacleInput): Promise<AssignOutcome> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.obstacle.findFirst({
      where: { id: input.obstacleId, itemId: item.id },
      select: { id: true, description: true, status: true, ownerSide: true, ownerUnitId: true, ownerName: true, dueDate: true },
    });
    if (!before) return "not-found";
    if (before.status !== "OPEN") return "already-resolved";
    const unit = input.ownerUnitId ? await activeUnit(tx, input.ownerUnitId) : null;
    if (input.ownerSide === "GOVERNMENT" && !unit) return "unit-invalid";
    const after = {
      ownerSide: input.ownerSide,
      ownerUnitId: unit?.id ?? null,
      ownerName: input.ownerName ?? null,
      dueDate: input.dueDate ?? null,
    };
    await tx.obstacle.update({ where: { id: before.id }, data: { ...after, assignedAt: new Date() } });
    const { id: _id, description: _d, status: _s, ...old } = before;
    await recordAudit(tx, actor, {
      action: "update",
      entity: "Obstacle",
      entityId: before.id,
      itemId: item.id,
      campusId: item.campusId,
      before: old,
      after,
    });
    // the unit hears once, when the obstacle becomes its own (not at every change of due date)
    if (unit && unit.id !== before.ownerUnitId) await notifyObstacleAssigned(tx, item, before, unit);
    return "ok";
  });
}

/**
 * Marks an open obstacle resolved. When the one resolving it is a focal point of the unit that
 * owns it, the campus's liaisons are told.
 */
export async function resolveObstacle(
  actor: Author,
  principal: Principal,
  item: ItemRef,
  obstacleId: string,
  resolution: string,
): Promise<"ok" | "not-found" | "already-resolved" | "forbidden"> {
  return prisma.$transaction(async (tx) => {
    const obstacle = await tx.obstacle.findFirst({
      where: { id: obstacleId, itemId: item.id },
      select: {
        status: true,
        description: true,
        ownerUnitId: true,
        ownerUnit: { select: { name: true, abbreviation: true } },
        item: { select: { campusId: true, visibility: true } },
      },
    });
    if (!obstacle) return "not-found";
    // decided again on the obstacle as it is now: one handed away from a unit since the request was
    // checked is no longer that unit's to resolve
    if (!can(principal, "obstacle.resolve", { ...obstacle.item, unitId: obstacle.ownerUnitId })) return "forbidden";
    if (obstacle.status === "RESOLVED") return "already-resolved";
    await tx.obstacle.update({
      where: { id: obstacleId },
      data: { status: "RESOLVED", resolution, resolvedAt: new Date(), resolvedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "state",
      entity: "Obstacle",
      entityId: obstacleId,
      itemId: item.id,
      campusId: item.campusId,
      before: { status: "OPEN" },
      after: { status: "RESOLVED", resolution },
    });
    const byOwningUnit =
      !!obstacle.ownerUnitId && (await tx.userUnit.count({ where: { userId: actor.userId, unitId: obstacle.ownerUnitId } })) > 0;
    if (byOwningUnit && obstacle.ownerUnit) {
      await notifyUsers(tx, await campusLiaisonIds(tx, item.campusId), {
        kind: "notify.obstacleResolvedByUnit",
        params: { unit: obstacle.ownerUnit.abbreviation ?? obstacle.ownerUnit.name, obstacle: shortText(obstacle.description, 120), item: item.title },
        link: `/items/${item.id}#obstacle-${obstacleId}`,
        campusId: item.campusId,
      });
    }
    return "ok";
  });
}
