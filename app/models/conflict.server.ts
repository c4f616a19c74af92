import type { Prisma } from "@prisma/client";
import type { RecordChange } from "~/domain/conflict";
import { prisma } from "~/utils/db.server";

// What others saved to a record after a form was opened, read from the audit trail: the list a
// lost-update conflict shows (see ~/domain/conflict). Every version-checked change writes exactly
// one audit event in its transaction, so the trail is complete.

export type ChangeSource = { entity: string; entityIds: readonly string[]; actions?: readonly string[] };

/** The most changes a conflict lists (the newest ones). */
const SHOWN = 20;

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    // an unreadable event still says who changed the record and when
    return {};
  }
}

/** Changes to the given records saved after `since`, oldest first. */
export async function changesSince(sources: readonly ChangeSource[], since: Date): Promise<RecordChange[]> {
  const wanted = sources.filter((s) => s.entityIds.length > 0);
  if (wanted.length === 0) return [];
  const where: Prisma.AuditEventWhereInput = {
    createdAt: { gt: since },
    OR: wanted.map((s) => ({
      entity: s.entity,
      entityId: { in: [...s.entityIds] },
      ...(s.actions ? { action: { in: [...s.actions] } } : {}),
    })),
  };
  const events = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SHOWN,
    select: { createdAt: true, action: true, entity: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return events.reverse().map((e) => ({
    at: e.createdAt.toISOString(),
    by: e.actor?.name ?? null,
    action: e.action,
    entity: e.entity,
    before: parse(e.before),
    after: parse(e.after) ?? {},
  }));
}
