import type { Prisma } from "@prisma/client";
import { prisma, type Tx } from "~/utils/db.server";

/** Who did something, and from where: passed to every mutation so it can be audited. */
export type AuditActor = { userId: string | null; ip: string | null };

export type AuditInput = {
  action: string;
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  itemId?: string | null;
  campusId?: string | null;
};

const SECRET_FIELDS = new Set(["passwordHash", "tokenHash", "password"]);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Keeps only the fields whose value differs between before and after (secrets masked). */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) {
    const mask = (r: Record<string, unknown> | null | undefined) =>
      r
        ? Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? "***" : normalise(v)]),
          )
        : null;
    return { before: mask(before), after: mask(after) };
  }
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = normalise(before[key]);
    const now = normalise(after[key]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    b[key] = SECRET_FIELDS.has(key) ? "***" : was;
    a[key] = SECRET_FIELDS.has(key) ? "***" : now;
  }
  return { before: b, after: a };
}

/** Writes one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput) {
  const diff = changedFields(input.before, input.after);
  await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      ip: actor.ip,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      itemId: input.itemId ?? null,
      campusId: input.campusId ?? null,
      before: diff.before ? JSON.stringify(diff.before) : null,
      after: diff.after ? JSON.stringify(diff.after) : null,
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  entity?: string;
  action?: string;
  actorId?: string;
  itemId?: string;
  /** cursor: events strictly older than this id's event */
  before?: string;
};

export async function listAuditEvents(filter: AuditFilter, take = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditEventWhereInput = {
    entity: filter.entity || undefined,
    action: filter.action || undefined,
    actorId: filter.actorId || undefined,
    itemId: filter.itemId || undefined,
  };
  const events = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(filter.before ? { cursor: { id: filter.before }, skip: 1 } : {}),
    select: {
      id: true,
      action: true,
      entity: true,
      entityId: true,
      itemId: true,
      before: true,
      after: true,
      ip: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const hasMore = events.length > take;
  const page = events.slice(0, take).map((e) => ({
    ...e,
    before: e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null,
    after: e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null,
  }));
  return { events: page, nextCursor: hasMore ? page[page.length - 1]?.id ?? null : null };
}

export async function auditFacets() {
  const [entities, actions] = await Promise.all([
    prisma.auditEvent.groupBy({ by: ["entity"], orderBy: { entity: "asc" } }),
    prisma.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
