import { Prisma } from "@prisma/client";
import { parseIsoDate } from "~/domain/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { newId } from "~/utils/ids.server";
import type { AuditActor } from "~/domain/audit-actor";

/** Who did something, and from where: passed to every mutation so it can be audited (defined in the domain). */
export type { AuditActor };

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

/**
 * Writes one audit event; call it inside the transaction that makes the change. Raw SQL: every
 * change writes one, and Prisma's query compiler costs more than the insert itself.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput) {
  const diff = changedFields(input.before, input.after);
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "actorId", "ip", "action", "entity", "entityId", "itemId", "campusId", "before", "after", "createdAt")
    VALUES (${newId()}, ${actor.userId}, ${actor.ip}, ${input.action}, ${input.entity}, ${input.entityId}, ${input.itemId ?? null},
      ${input.campusId ?? null}, ${diff.before ? JSON.stringify(diff.before) : null}, ${diff.after ? JSON.stringify(diff.after) : null}, ${Date.now()})`;
  // the insert raises the data version cached pages are keyed by (app/utils/data-cache.server.ts),
  // but for sign-ins and sign-outs, which change nothing those pages show: a trigger does it
  // (migration 20261202020000_data_version_trigger), one statement less in every write
}

/** The audit entity of sign-ins and sign-outs. */
export const SESSION_ENTITY = "Session";

export const AUDIT_PAGE_SIZE = 50;

/** The actor filter value meaning "done by the system" (no signed-in user). */
export const SYSTEM_ACTOR = "system";

export type AuditFilter = {
  entity?: string;
  action?: string;
  /** a user id, or SYSTEM_ACTOR for events without an actor */
  actorId?: string;
  itemId?: string;
  /** events at or after this instant */
  from?: Date;
  /** events strictly before this instant */
  to?: Date;
  /** cursor: events strictly older than this id's event */
  before?: string;
};

// Calendar days of the filter are days in Banten (WIB, UTC+7, no daylight saving).
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

function wibDayStart(value: string | null): Date | undefined {
  const day = value ? parseIsoDate(value) : null;
  return day ? new Date(day.getTime() - WIB_OFFSET_MS) : undefined;
}

function text(value: string | null, max = 200): string | undefined {
  const v = value?.trim();
  return v && v.length <= max ? v : undefined;
}

/**
 * The filter of the audit screen from its URL (entity, action, actor, from, to, cursor). Invalid
 * values are ignored rather than refused: a hand-edited URL still shows a list. `to` is inclusive.
 */
export function auditFilterFromSearch(params: URLSearchParams): AuditFilter {
  const toDay = wibDayStart(params.get("to"));
  return {
    entity: text(params.get("entity")),
    action: text(params.get("action")),
    actorId: text(params.get("actor")),
    itemId: text(params.get("item")),
    from: wibDayStart(params.get("from")),
    to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
    before: text(params.get("cursor")),
  };
}

export async function listAuditEvents(filter: AuditFilter, take = AUDIT_PAGE_SIZE) {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.before) {
    // keyset pagination on (createdAt, id), the order of the list; an unknown cursor gives no rows
    const cursor = await prisma.auditEvent.findUnique({ where: { id: filter.before }, select: { id: true, createdAt: true } });
    if (!cursor) return { events: [], nextCursor: null };
    and.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  }
  const where: Prisma.AuditEventWhereInput = {
    entity: filter.entity || undefined,
    action: filter.action || undefined,
    actorId: filter.actorId === SYSTEM_ACTOR ? null : filter.actorId || undefined,
    itemId: filter.itemId || undefined,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
    AND: and,
  };
  const events = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
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
    before: parseRecord(e.before),
    after: parseRecord(e.after),
  }));
  return { events: page, nextCursor: hasMore ? page[page.length - 1]?.id ?? null : null };
}

function parseRecord(value: string | null): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { value };
  }
}

/**
 * The distinct values of an indexed column, one index seek per value (a GROUP BY would read the
 * whole log, which grows for ever: 286,000 events at benchmark scale 10).
 */
async function distinctValues(column: "entity" | "action"): Promise<string[]> {
  const col = Prisma.raw(`"${column}"`);
  const rows = await prisma.$queryRaw<{ v: string }[]>`
    WITH RECURSIVE d(v) AS (
      SELECT MIN(${col}) FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT MIN(${col}) FROM "AuditEvent" WHERE ${col} > d.v) FROM d WHERE d.v IS NOT NULL
    )
    SELECT v FROM d WHERE v IS NOT NULL`;
  return rows.map((r) => r.v);
}

/** The choices of the audit screen's filters: what occurs in the trail, and who acted. */
export async function auditFacets() {
  const [entities, actions, actors, system] = await Promise.all([
    distinctValues("entity"),
    distinctValues("action"),
    prisma.user.findMany({
      where: { auditEvents: { some: {} } },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true },
    }),
    prisma.auditEvent.findFirst({ where: { actorId: null }, select: { id: true } }),
  ]);
  return {
    entities,
    actions,
    actors,
    hasSystemEvents: !!system,
  };
}
