import type { Prisma } from "@prisma/client";
import type { RecordChange } from "~/domain/conflict";
import type { LinkItemInput, RecordValueInput } from "~/domain/schemas/indicator";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { changesSince } from "./conflict.server";

/** Enough actual values for any trajectory (one or a few a year). */
const VALUES_LIMIT = 200;
/** Items shown on an indicator page and offered for linking. */
export const INDICATOR_ITEMS_LIMIT = 500;

/** All indicators with their targets and actual values; linked items counted among `itemsWhere`. */
export function listIndicators(itemsWhere: Prisma.RoadmapItemWhereInput) {
  return prisma.indicator.findMany({
    orderBy: [{ createdAt: "asc" }, { code: "asc" }],
    take: 200,
    select: {
      id: true,
      code: true,
      nameId: true,
      nameEn: true,
      unit: true,
      direction: true,
      baselineYear: true,
      baselineValue: true,
      targets: { orderBy: { year: "asc" }, select: { year: true, value: true } },
      values: {
        orderBy: [{ year: "desc" }, { observedOn: "desc" }, { createdAt: "desc" }],
        take: VALUES_LIMIT,
        select: { year: true, value: true, observedOn: true },
      },
      _count: { select: { roadmapItems: { where: itemsWhere } } },
    },
  });
}

/** An indicator by id, or by its code (readable, stable URLs such as /indicators/bpjs-tk-coverage). */
export function getIndicatorRef(idOrCode: string) {
  return prisma.indicator.findFirst({
    where: { OR: [{ id: idOrCode }, { code: idOrCode }] },
    select: { id: true, code: true, nameId: true, nameEn: true },
  });
}

/** Everything the indicator page shows; roadmap items limited to `itemsWhere` and grouped by campus. */
export async function getIndicatorPage(indicatorId: string, itemsWhere: Prisma.RoadmapItemWhereInput) {
  const indicator = await prisma.indicator.findUnique({
    where: { id: indicatorId },
    select: {
      id: true,
      code: true,
      nameId: true,
      nameEn: true,
      unit: true,
      description: true,
      baselineYear: true,
      baselineValue: true,
      direction: true,
      source: true,
      version: true,
      priorityAreas: { orderBy: { position: "asc" }, select: { id: true, nameId: true, nameEn: true } },
      targets: { orderBy: { year: "asc" }, select: { id: true, year: true, value: true, note: true } },
      values: {
        orderBy: [{ year: "desc" }, { observedOn: "desc" }, { createdAt: "desc" }],
        take: VALUES_LIMIT,
        select: { id: true, year: true, observedOn: true, value: true, numerator: true, denominator: true, source: true },
      },
      roadmapItems: {
        where: itemsWhere,
        orderBy: [{ campus: { position: "asc" } }, { title: "asc" }],
        take: INDICATOR_ITEMS_LIMIT,
        select: {
          id: true,
          title: true,
          status: true,
          progress: true,
          visibility: true,
          campus: { select: { id: true, slug: true, name: true } },
        },
      },
    },
  });
  if (!indicator) return null;
  const { roadmapItems, ...rest } = indicator;
  return { ...rest, contributions: groupByCampus(roadmapItems) };
}

function groupByCampus<T extends { campus: { id: string; slug: string; name: string } }>(items: T[]) {
  const groups: { campus: T["campus"]; items: Omit<T, "campus">[] }[] = [];
  for (const { campus, ...item } of items) {
    let group = groups.find((g) => g.campus.id === campus.id);
    if (!group) groups.push((group = { campus, items: [] }));
    group.items.push(item);
  }
  return groups;
}

/** Items the user may see that are not linked to the indicator yet (choices of the link form). */
/** Items the picker offers: found by a word of their title (the picker searches, it never lists every item). */
export const LINKABLE_SEARCH_LIMIT = 20;

export function linkableItems(indicatorId: string, itemsWhere: Prisma.RoadmapItemWhereInput, query: string) {
  return prisma.roadmapItem.findMany({
    where: { AND: [itemsWhere, { indicators: { none: { id: indicatorId } } }, { title: { contains: query } }] },
    orderBy: [{ campus: { position: "asc" } }, { title: "asc" }],
    take: LINKABLE_SEARCH_LIMIT,
    select: { id: true, title: true, visibility: true, campus: { select: { name: true } } },
  });
}

/**
 * A change refused because the indicator changed after the page was opened (a value recorded, an
 * item linked or unlinked): nothing was written; `version` is the current one.
 */
export type IndicatorStale = { ok: false; version: number };

/**
 * Raises the indicator's version if it is still `version`; otherwise answers the current one.
 * Every change to an indicator goes through here first, in its transaction.
 */
async function raiseVersion(tx: Tx, indicatorId: string, version: number): Promise<IndicatorStale | null> {
  const { count } = await tx.indicator.updateMany({ where: { id: indicatorId, version }, data: { version: { increment: 1 } } });
  if (count === 1) return null;
  const current = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { version: true } });
  return { ok: false, version: current.version };
}

/** Records an actual value seen at `input.version`; refused (nothing written) if the indicator changed since. */
export async function recordIndicatorValue(
  actor: AuditActor,
  indicatorId: string,
  input: RecordValueInput,
): Promise<{ ok: true; id: string } | IndicatorStale> {
  return prisma.$transaction(async (tx) => {
    const stale = await raiseVersion(tx, indicatorId, input.version);
    if (stale) return stale;
    const data = {
      indicatorId,
      year: input.year,
      observedOn: input.observedOn,
      value: input.value,
      numerator: input.numerator ?? null,
      denominator: input.denominator ?? null,
      source: input.source,
    };
    const value = await tx.indicatorValue.create({ data: { ...data, recordedById: actor.userId }, select: { id: true } });
    await recordAudit(tx, actor, { action: "create", entity: "IndicatorValue", entityId: value.id, after: data });
    return { ok: true as const, id: value.id };
  });
}

/** Values recorded and items linked or unlinked after `since` (listed when a change is refused). */
export async function indicatorChangesSince(indicatorId: string, since: Date): Promise<RecordChange[]> {
  const values = await prisma.indicatorValue.findMany({
    where: { indicatorId, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true },
  });
  return changesSince(
    [
      { entity: "Indicator", entityIds: [indicatorId] },
      { entity: "IndicatorValue", entityIds: values.map((v) => v.id), actions: ["create"] },
    ],
    since,
  );
}

type ItemRef = { id: string; campusId: string; title: string };

function isLinked(tx: Tx, indicatorId: string, itemId: string) {
  return tx.indicator.count({ where: { id: indicatorId, roadmapItems: { some: { id: itemId } } } });
}

/**
 * Links (`link`) or unlinks an item as seen at `version`, audited: refused if the indicator changed
 * since; "unchanged", writing nothing, if the item already was so.
 */
async function changeLink(
  actor: AuditActor,
  indicatorId: string,
  item: ItemRef,
  link: boolean,
  version: number,
): Promise<"changed" | "unchanged" | IndicatorStale> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { version: true } });
    if (current.version !== version) return { ok: false as const, version: current.version };
    if ((await isLinked(tx, indicatorId, item.id)) > 0 === link) return "unchanged";
    const stale = await raiseVersion(tx, indicatorId, version);
    if (stale) return stale;
    const ref = { id: item.id };
    await tx.indicator.update({ where: { id: indicatorId }, data: { roadmapItems: link ? { connect: ref } : { disconnect: ref } } });
    const state = { roadmapItemId: item.id, title: item.title };
    await recordAudit(tx, actor, {
      action: link ? "link" : "unlink",
      entity: "Indicator",
      entityId: indicatorId,
      itemId: item.id,
      campusId: item.campusId,
      ...(link ? { after: state } : { before: state }),
    });
    return "changed";
  });
}

/** Links an item; "already" (and no audit event) if it was linked; refused if the indicator changed since. */
export async function linkItem(
  actor: AuditActor,
  indicatorId: string,
  item: ItemRef,
  input: Pick<LinkItemInput, "version">,
): Promise<"linked" | "already" | IndicatorStale> {
  const outcome = await changeLink(actor, indicatorId, item, true, input.version);
  return outcome === "changed" ? "linked" : outcome === "unchanged" ? "already" : outcome;
}

/** Unlinks an item; "not-linked" (and no audit event) if it was not linked; refused if the indicator changed since. */
export async function unlinkItem(
  actor: AuditActor,
  indicatorId: string,
  item: ItemRef,
  input: Pick<LinkItemInput, "version">,
): Promise<"unlinked" | "not-linked" | IndicatorStale> {
  const outcome = await changeLink(actor, indicatorId, item, false, input.version);
  return outcome === "changed" ? "unlinked" : outcome === "unchanged" ? "not-linked" : outcome;
}
