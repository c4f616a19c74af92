import type { Prisma } from "@prisma/client";
import { draftScope, type Principal, type DraftScope } from "~/domain/policy";
import { currentState } from "~/domain/roadmap";
import type { ItemInput } from "~/domain/schemas/item";
import { CHECK_IN_MAX_ROWS } from "~/domain/schemas/progress";
import { sql, type SqlFragment } from "~/domain/sql";
import { CLOSED_STATUSES, publishedItemSql } from "~/domain/status";
import { parseLinks } from "~/domain/evidence";
import { newId } from "~/utils/ids.server";
import { prisma, readPrepared, type Tx } from "~/utils/db.server";
import { cachedQuery } from "~/utils/data-cache.server";
import { removeStoredFile, storeFile } from "~/utils/uploads.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { itemGovernmentNotes } from "./government-note.server";
import { activeUserIdsWithRoles, campusLiaisonIds, notifyUsers, unitFocalPointIdsAbout } from "./notification.server";
import { activeUnit, notifyObstacleAssigned } from "./obstacle.server";
import type { Author } from "~/domain/audit-actor";

/** Items the actor may see: published ones, plus drafts where the policy allows. */
export function visibleItemsWhere(actor: Principal): Prisma.RoadmapItemWhereInput {
  return itemsWhereForScope(draftScope(actor));
}

/** Items visible with this draft scope (`draftScope`'s answer). */
export function itemsWhereForScope(scope: DraftScope): Prisma.RoadmapItemWhereInput {
  if (scope === "ALL") return {};
  if (scope.length === 0) return { visibility: "PUBLISHED" };
  return { OR: [{ visibility: "PUBLISHED" }, { campusId: { in: [...scope] } }] };
}

/** The same rule as SQL over the item alias `i` (tests/integration/search-index.test.ts checks that both agree). */
export function itemsSqlForScope(scope: DraftScope): SqlFragment {
  if (scope === "ALL") return sql`1 = 1`;
  if (scope.length === 0) return publishedItemSql();
  return sql`(${publishedItemSql()} OR i."campusId" IN (${scope}))`;
}

/**
 * The agreement an item falls under: the PKS/IA it is attached to (from the agreement's page), else
 * the umbrella MOU its campus signed; its dates must lie within that agreement's validity.
 */
export async function agreementForCampus(campusId: string, itemId?: string) {
  const attached = itemId
    ? await prisma.agreement.findFirst({
        where: { roadmapItems: { some: { id: itemId, campusId } } },
        select: { id: true, title: true, kind: true, validFrom: true, validUntil: true },
      })
    : null;
  if (attached) return attached;
  return prisma.agreement.findFirst({
    where: { kind: "MOU", signatories: { some: { campusId } } },
    select: { id: true, title: true, kind: true, validFrom: true, validUntil: true },
  });
}

/** The choices the item form offers for a campus (and the agreement an existing item's dates are checked against). */
export async function itemFormOptions(campusId: string, itemId?: string) {
  const [priorityAreas, teams, governmentUnits, agreement] = await Promise.all([
    prisma.priorityArea.findMany({ orderBy: { position: "asc" }, select: { id: true, nameId: true, nameEn: true } }),
    prisma.jointTeam.findMany({
      where: { OR: [{ campusId }, { campusId: null }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    // a retired unit is offered only to the item that already has it
    prisma.governmentUnit.findMany({
      where: { OR: [{ retiredAt: null }, ...(itemId ? [{ roadmapItems: { some: { id: itemId } } }] : [])] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, abbreviation: true },
    }),
    agreementForCampus(campusId, itemId),
  ]);
  return { priorityAreas, teams, governmentUnits, agreement };
}

const ITEM_EDIT_SELECT = {
  id: true,
  campusId: true,
  visibility: true,
  version: true,
  updatedAt: true,
  title: true,
  description: true,
  priorityAreaId: true,
  triDharma: true,
  teamId: true,
  governmentUnitId: true,
  campusPicName: true,
  campusPicContact: true,
  govPicName: true,
  govPicContact: true,
  plannedStart: true,
  plannedEnd: true,
  targets: true,
  budgetIdr: true,
  industryPartners: true,
  campus: { select: { slug: true, name: true } },
} satisfies Prisma.RoadmapItemSelect;

export function getItemForEdit(itemId: string) {
  return prisma.roadmapItem.findUnique({ where: { id: itemId }, select: ITEM_EDIT_SELECT });
}

const ITEM_ACCESS_SQL = `
  SELECT i."id", i."campusId", i."visibility", i."title", i."governmentUnitId" AS "unitId", c."slug"
  FROM "RoadmapItem" i JOIN "Campus" c ON c."id" = i."campusId" WHERE i."id" = ?`;

/**
 * The item's access facts, enough for the policy to decide (every item action asks: one raw
 * query); `unitId` is its counterpart government unit.
 */
export async function getItemAccess(
  itemId: string,
): Promise<{ id: string; campusId: string; visibility: string; title: string; unitId: string | null; campus: { slug: string } } | null> {
  // the first read of every item page and of every progress update: a prepared statement on the
  // read-only connection (decision 004), where Prisma's own cost would be most of the work
  const [row] = readPrepared<{ id: string; campusId: string; visibility: string; title: string; unitId: string | null; slug: string }>(
    ITEM_ACCESS_SQL,
    itemId,
  );
  if (!row) return null;
  const { slug, ...item } = row;
  return { ...item, campus: { slug } };
}

function toData(input: ItemInput) {
  return {
    title: input.title,
    description: input.description ?? null,
    priorityAreaId: input.priorityAreaId,
    triDharma: input.triDharma,
    teamId: input.teamId ?? null,
    governmentUnitId: input.governmentUnitId ?? null,
    campusPicName: input.campusPicName,
    campusPicContact: input.campusPicContact ?? null,
    govPicName: input.govPicName,
    govPicContact: input.govPicContact ?? null,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    targets: input.targets ?? null,
    budgetIdr: input.budgetIdr ?? null,
    industryPartners: input.industryPartners ?? null,
    visibility: input.visibility,
  };
}

/**
 * References chosen in the form must exist (and a team must be the campus's or shared; a unit
 * active, or retired but already the counterpart of the item being edited, `itemId`).
 */
export async function invalidReferences(campusId: string, input: ItemInput, itemId?: string): Promise<Partial<Record<keyof ItemInput, string[]>>> {
  const [area, team, unit] = await Promise.all([
    prisma.priorityArea.count({ where: { id: input.priorityAreaId } }),
    input.teamId ? prisma.jointTeam.count({ where: { id: input.teamId, OR: [{ campusId }, { campusId: null }] } }) : 1,
    input.governmentUnitId
      ? prisma.governmentUnit.count({
          where: { id: input.governmentUnitId, OR: [{ retiredAt: null }, ...(itemId ? [{ roadmapItems: { some: { id: itemId } } }] : [])] },
        })
      : 1,
  ]);
  const errors: Partial<Record<keyof ItemInput, string[]>> = {};
  if (!area) errors.priorityAreaId = ["form.invalidChoice"];
  if (!team) errors.teamId = ["form.invalidChoice"];
  if (!unit) errors.governmentUnitId = ["form.invalidChoice"];
  return errors;
}

export async function createItem(actor: AuditActor, campusId: string, agreementId: string | null, input: ItemInput) {
  return prisma.$transaction((tx) => insertItem(tx, actor, campusId, agreementId, input));
}

/** Items imported from a spreadsheet: all of them in one transaction, each audited, or none. */
export async function createItems(actor: AuditActor, campusId: string, agreementId: string | null, inputs: readonly ItemInput[]) {
  return prisma.$transaction(async (tx) => {
    const created: { id: string }[] = [];
    for (const input of inputs) created.push(await insertItem(tx, actor, campusId, agreementId, input));
    return created;
  });
}

async function insertItem(tx: Tx, actor: AuditActor, campusId: string, agreementId: string | null, input: ItemInput) {
  const data = toData(input);
  const item = await tx.roadmapItem.create({
    data: {
      ...data,
      campusId,
      agreementId,
      createdById: actor.userId,
      publishedAt: data.visibility === "PUBLISHED" ? new Date() : null,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, { action: "create", entity: "RoadmapItem", entityId: item.id, itemId: item.id, campusId, after: data });
  return item;
}

export type UpdateItemResult =
  | { ok: true }
  | { ok: false; conflict: { current: NonNullable<Awaited<ReturnType<typeof getItemForEdit>>> } };

/**
 * Saves an edit made from `version`. If someone saved in between, nothing is written and the
 * caller gets the current record (changesSince in conflict.server.ts tells what changed).
 */
export async function updateItem(
  actor: AuditActor,
  itemId: string,
  version: number,
  input: ItemInput,
): Promise<UpdateItemResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.roadmapItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_EDIT_SELECT });
    if (before.version !== version) return { ok: false as const, conflict: { current: before } };
    const data = toData(input);
    const { count } = await tx.roadmapItem.updateMany({
      where: { id: itemId, version },
      data: {
        ...data,
        version: { increment: 1 },
        publishedAt: data.visibility === "PUBLISHED" ? before.visibility === "PUBLISHED" ? undefined : new Date() : null,
      },
    });
    if (count !== 1) throw new Error("concurrent item update");
    const { campus: _campus, version: _v, updatedAt: _u, id: _id, campusId, ...old } = before;
    await recordAudit(tx, actor, {
      action: "update",
      entity: "RoadmapItem",
      entityId: itemId,
      itemId,
      campusId,
      before: old,
      after: data,
    });
    return { ok: true as const };
  });
}

// ---------- the item page ----------

export const HISTORY_PAGE = 50;

export async function getItemPage(itemId: string) {
  // the count is its own indexed query: as a nested _count Prisma groups the whole
  // ProgressUpdate table before joining (29 ms at scale 10, growing with the province's history)
  const [item, updateCount, notes] = await Promise.all([itemPageQuery(itemId), countUpdates(itemId), itemGovernmentNotes(itemId)]);
  if (!item) return null;
  item.comments.reverse();
  return { ...item, notes, _count: { updates: updateCount } };
}

async function countUpdates(itemId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "ProgressUpdate" WHERE "itemId" = ${itemId}`;
  return Number(rows[0]?.n ?? 0);
}

function itemPageQuery(itemId: string) {
  return prisma.roadmapItem.findUnique({
    where: { id: itemId },
    select: {
      ...ITEM_EDIT_SELECT,
      status: true,
      progress: true,
      lastUpdateAt: true,
      createdAt: true,
      publishedAt: true,
      priorityArea: { select: { nameId: true, nameEn: true } },
      team: { select: { id: true, name: true } },
      governmentUnit: { select: { name: true, abbreviation: true, code: true } },
      agreement: { select: { id: true, title: true, kind: true, number: true, campusNumber: true, validFrom: true, validUntil: true } },
      updates: {
        orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
        take: HISTORY_PAGE,
        select: {
          id: true,
          reportedOn: true,
          progress: true,
          status: true,
          narrative: true,
          achievements: true,
          obstacles: true,
          nextSteps: true,
          correctsId: true,
          createdAt: true,
          author: { select: { name: true } },
          evidence: { select: { id: true, kind: true, url: true, fileName: true, sizeBytes: true } },
        },
      },
      obstacles: {
        orderBy: [{ status: "asc" }, { createdAt: "desc" }],
        select: {
          id: true,
          description: true,
          ownerName: true,
          dueDate: true,
          status: true,
          resolution: true,
          resolvedAt: true,
          needsGovernorOffice: true,
          createdAt: true,
          ownerSide: true,
          ownerUnitId: true,
          assignedAt: true,
          ownerUnit: { select: { code: true, name: true, abbreviation: true } },
        },
      },
      milestones: {
        orderBy: { dueDate: "asc" },
        select: { id: true, title: true, dueDate: true, state: true, feedback: true, decision: true },
      },
      comments: {
        // the latest 200, shown oldest first
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 200,
        select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
      },
    },
  });
}

export async function itemHistory(itemId: string) {
  return prisma.auditEvent.findMany({
    where: { itemId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      action: true,
      entity: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

// ---------- progress updates, obstacles, comments ----------

export type ProgressInput = {
  reportedOn: Date;
  progress: number;
  status: string;
  narrative: string;
  achievements?: string;
  obstacles?: string;
  nextSteps?: string;
  correctsId?: string;
  links?: string;
  files: File[];
  obstacleDescription?: string;
  obstacleOwner?: string;
  obstacleDueDate?: Date;
  obstacleNeedsGovernorOffice?: boolean;
  /** the new obstacle waits on this government unit */
  obstacleUnitId?: string;
};

/**
 * Sets the item's state from its latest update by (reportedOn, createdAt), as currentState()
 * defines it, and returns the state it had before. One read gives both, the item's row and its
 * latest update: raw SQL, because a progress update is the most frequent write and every
 * statement through Prisma costs more than SQLite's own work for it.
 */
async function refreshCurrentState(tx: Tx, itemId: string) {
  // the update's columns are null for an item without updates (the LEFT JOIN)
  type Row = {
    itemStatus: string;
    itemProgress: number | bigint;
    reportedOn: number | bigint | null;
    createdAt: number | bigint | null;
    progress: number | bigint | null;
    status: string | null;
  };
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT i."status" AS "itemStatus", i."progress" AS "itemProgress", u."reportedOn", u."createdAt", u."progress", u."status"
    FROM "RoadmapItem" i
    LEFT JOIN (SELECT "reportedOn", "createdAt", "progress", "status" FROM "ProgressUpdate"
      WHERE "itemId" = ${itemId} ORDER BY "reportedOn" DESC, "createdAt" DESC LIMIT 1) u ON 1
    WHERE i."id" = ${itemId}`;
  if (!row) throw new Error(`Roadmap item ${itemId} not found`);
  const latest =
    row.reportedOn === null || row.createdAt === null || row.progress === null || row.status === null
      ? []
      : [{ reportedOn: new Date(Number(row.reportedOn)), createdAt: new Date(Number(row.createdAt)), progress: Number(row.progress), status: row.status }];
  const state = currentState(latest);
  await tx.$executeRaw`
    UPDATE "RoadmapItem" SET "status" = ${state.status}, "progress" = ${state.progress},
      "lastUpdateAt" = ${state.lastUpdateAt?.getTime() ?? null}, "updatedAt" = ${Date.now()}
    WHERE "id" = ${itemId}`;
  return { before: { status: row.itemStatus, progress: Number(row.itemProgress) }, after: state };
}

/** Appends a progress update (never edited afterwards), its evidence and any obstacle it raises. */
export async function postProgressUpdate(
  actor: Author,
  item: { id: string; campusId: string },
  input: ProgressInput,
): Promise<{ id: string } | { correctsInvalid: true } | { obstacleUnitInvalid: true }> {
  if (input.correctsId) {
    const corrected = await prisma.progressUpdate.count({ where: { id: input.correctsId, itemId: item.id } });
    if (!corrected) return { correctsInvalid: true };
  }
  if (input.obstacleDescription && input.obstacleUnitId && !(await activeUnit(prisma, input.obstacleUnitId))) return { obstacleUnitInvalid: true };
  // files are written before the transaction and removed again if it does not go through, so an
  // Evidence row only exists for a stored file and a stored file only for an Evidence row
  const stored = await Promise.all(input.files.map((f) => storeFile(f)));
  const { links } = parseLinks(input.links);
  const update = { id: newId() };
  try {
    return await prisma.$transaction(async (tx) => {
      await insertProgressUpdate(tx, actor, item, update.id, input, links, stored);
      return update;
    });
  } catch (error) {
    await Promise.all(stored.map((s) => removeStoredFile(s.storagePath)));
    throw error;
  }
}

type StoredFile = Awaited<ReturnType<typeof storeFile>>;

/** Inside a transaction: one progress update with its evidence, obstacle, new item state and audit event. */
async function insertProgressUpdate(
  tx: Tx,
  actor: Author,
  item: { id: string; campusId: string },
  updateId: string,
  input: Omit<ProgressInput, "files" | "links">,
  links: readonly string[],
  stored: readonly StoredFile[],
) {
  const update = { id: updateId };
  await tx.$executeRaw`
    INSERT INTO "ProgressUpdate" ("id", "itemId", "authorId", "reportedOn", "progress", "status", "narrative",
      "achievements", "obstacles", "nextSteps", "correctsId", "createdAt")
    VALUES (${update.id}, ${item.id}, ${actor.userId}, ${input.reportedOn.getTime()}, ${input.progress}, ${input.status},
      ${input.narrative}, ${input.achievements ?? null}, ${input.obstacles ?? null}, ${input.nextSteps ?? null},
      ${input.correctsId ?? null}, ${Date.now()})`;
  const evidence = [
    ...links.map((url) => ({ kind: "LINK", url, uploadedById: actor.userId, updateId: update.id })),
    ...stored.map((s) => ({ kind: "FILE", ...s, uploadedById: actor.userId, updateId: update.id })),
  ];
  if (evidence.length) await tx.evidence.createMany({ data: evidence });
  let obstacleId: string | null = null;
  if (input.obstacleDescription) {
    const obstacle = await tx.obstacle.create({
      data: {
        itemId: item.id,
        raisedInId: update.id,
        description: input.obstacleDescription,
        ownerName: input.obstacleOwner ?? null,
        dueDate: input.obstacleDueDate ?? null,
        needsGovernorOffice: input.obstacleNeedsGovernorOffice ?? false,
        // waiting on a government unit: handed to it as it is raised
        ...(input.obstacleUnitId ? { ownerSide: "GOVERNMENT", ownerUnitId: input.obstacleUnitId, assignedAt: new Date() } : {}),
      },
      select: { id: true, description: true },
    });
    obstacleId = obstacle.id;
    if (input.obstacleUnitId) {
      const { title } = await tx.roadmapItem.findUniqueOrThrow({ where: { id: item.id }, select: { title: true } });
      await notifyObstacleAssigned(tx, { ...item, title }, obstacle, { id: input.obstacleUnitId });
    }
  }
  const { before, after } = await refreshCurrentState(tx, item.id);
  await recordAudit(tx, actor, {
    action: "create",
    entity: "ProgressUpdate",
    entityId: update.id,
    itemId: item.id,
    campusId: item.campusId,
    before,
    after: {
      status: after.status,
      progress: after.progress,
      reportedOn: input.reportedOn,
      correctsId: input.correctsId ?? null,
      evidence: links.length + stored.length,
      obstacleId,
      ...(input.obstacleUnitId ? { obstacleUnitId: input.obstacleUnitId } : {}),
    },
  });
}

// ---------- the monthly check-in of a campus ----------

/** Open items of a campus (not completed, not cancelled), as the check-in page lists them. */
export function openItemsForCheckIn(campusId: string) {
  return prisma.roadmapItem.findMany({
    where: { campusId, status: { notIn: [...CLOSED_STATUSES] } },
    orderBy: [{ plannedEnd: "asc" }, { title: "asc" }],
    take: CHECK_IN_MAX_ROWS,
    select: {
      id: true,
      title: true,
      status: true,
      progress: true,
      visibility: true,
      plannedEnd: true,
      lastUpdateAt: true,
      createdAt: true,
    },
  });
}

export type CheckInReport =
  | { itemId: string; kind: "no-change"; narrative: string }
  | { itemId: string; kind: "changed"; progress: number; status: string; narrative: string };

/**
 * Posts one progress update per reported row, all in one transaction with their audit events: all
 * or nothing. A row naming an item that is not an open item of this campus refuses the whole check-in.
 */
export async function postCheckIn(
  actor: Author,
  campusId: string,
  reportedOn: Date,
  reports: readonly CheckInReport[],
): Promise<{ ok: true; posted: number } | { ok: false; itemId: string }> {
  return prisma.$transaction(async (tx) => {
    const items = await tx.roadmapItem.findMany({
      where: { id: { in: reports.map((r) => r.itemId) }, campusId, status: { notIn: [...CLOSED_STATUSES] } },
      select: { id: true, campusId: true, progress: true, status: true },
    });
    const byId = new Map(items.map((i) => [i.id, i]));
    const missing = reports.find((r) => !byId.has(r.itemId));
    if (missing) return { ok: false as const, itemId: missing.itemId };
    for (const report of reports) {
      const item = byId.get(report.itemId)!;
      // "no change": the item's current progress and status again, reported on this day
      const input =
        report.kind === "changed"
          ? { reportedOn, progress: report.progress, status: report.status, narrative: report.narrative }
          : { reportedOn, progress: item.progress, status: item.status === "NOT_STARTED" ? "ON_TRACK" : item.status, narrative: report.narrative };
      await insertProgressUpdate(tx, actor, item, newId(), input, [], []);
    }
    return { ok: true as const, posted: reports.length };
  });
}

// resolving and assigning obstacles: app/models/obstacle.server.ts

/**
 * Adds a comment and notifies the other side of the conversation: a campus's liaisons when the
 * governor's office (or a government unit) writes, the governor's office (reviewers) when the
 * campus writes; and always the focal points of the item's counterpart unit.
 */
export async function addComment(
  actor: Author,
  item: { id: string; campusId: string; title: string; unitId?: string | null },
  body: string,
) {
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { itemId: item.id, authorId: actor.userId, body }, select: { id: true } });
    const author = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, role: true } });
    const recipients =
      author.role === "LIAISON" ? await activeUserIdsWithRoles(tx, ["REVIEWER"]) : await campusLiaisonIds(tx, item.campusId);
    if (item.unitId) recipients.push(...(await unitFocalPointIdsAbout(tx, item.unitId, item.id)));
    await notifyUsers(
      tx,
      recipients.filter((id) => id !== actor.userId),
      { kind: "notify.comment", params: { author: author.name, item: item.title }, link: `/items/${item.id}#comments`, campusId: item.campusId },
    );
    await recordAudit(tx, actor, {
      action: "create",
      entity: "Comment",
      entityId: comment.id,
      itemId: item.id,
      campusId: item.campusId,
      after: { body },
    });
    return comment;
  });
}

/** An evidence file and the item it belongs to (through its update or milestone). */
export async function getEvidence(evidenceId: string) {
  const evidence = await prisma.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      kind: true,
      fileName: true,
      storagePath: true,
      mimeType: true,
      update: { select: { item: { select: { id: true, campusId: true, visibility: true, governmentUnitId: true } } } },
      milestone: { select: { item: { select: { id: true, campusId: true, visibility: true, governmentUnitId: true } } } },
    },
  });
  if (!evidence) return null;
  const owner = evidence.update?.item ?? evidence.milestone?.item ?? null;
  // the policy's resource: the item's campus, visibility and counterpart unit
  const item = owner ? { id: owner.id, campusId: owner.campusId, visibility: owner.visibility, unitId: owner.governmentUnitId } : null;
  return { ...evidence, item };
}

// Kept until the data changes (app/utils/data-cache.server.ts): every viewer of an item shares
// them; the loader takes out what a viewer may not read.
export const cachedItemPage = cachedQuery("item-page", (itemId: string) => itemId, getItemPage);
export const cachedItemHistory = cachedQuery("item-history", (itemId: string) => itemId, itemHistory);
