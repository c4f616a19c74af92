import { PassThrough, Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { Prisma } from "@prisma/client";
import ExcelJS from "exceljs";
import type { DashboardFilter } from "~/domain/dashboard";
import {
  AGREEMENT_COLUMNS,
  type AgreementExportRow,
  EXPORT_COLUMNS,
  EXPORT_ENTITIES,
  EXPORT_SHEET_NAMES,
  csvField,
  csvLine,
  csvText,
  type CellType,
  type ExportColumn,
  type ExportContext,
  type ExportEntity,
  type ExportRows,
  type MilestoneExportRow,
  type UpdateExportRow,
  type ObstacleExportRow,
} from "~/domain/export-columns";
import { can, type Principal } from "~/domain/policy";
import { prisma, readPrepared, readPreparedArrays } from "~/utils/db.server";
import { dashboardItemWhere } from "./dashboard.server";

// Exports stream: rows are read from the database a page at a time (keyset cursor) and written
// to the response as they come, so an export never holds a whole table in memory.

export const EXPORT_PAGE_SIZE = 1000;

/**
 * The items a user's export covers, or null when the user may not export what was asked.
 *
 * Only published items are exported, for every role, a liaison's own drafts included: the export
 * is the dashboard's data (same filter, same figures) for the governor's office, and a draft is
 * work in progress that stays in the campus workspace until it is published.
 *
 * A liaison exports their own campus(es) only: without a campus filter the export is limited to
 * them, and asking for another campus is refused.
 */
export async function exportItemWhere(actor: Principal, filter: DashboardFilter): Promise<Prisma.RoadmapItemWhereInput | null> {
  if (filter.campus) {
    const campus = await prisma.campus.findUnique({ where: { slug: filter.campus }, select: { id: true } });
    if (!can(actor, "export.read", { campusId: campus?.id ?? null })) return null;
    return dashboardItemWhere(filter);
  }
  if (can(actor, "export.read")) return dashboardItemWhere(filter);
  const own = actor.campusIds.filter((campusId) => can(actor, "export.read", { campusId }));
  if (own.length === 0) return null;
  return { AND: [await dashboardItemWhere(filter), { campusId: { in: own } }] };
}

// Rows are read with prepared statements on the read-only connection of readPrepared (decision 004:
// Prisma's adapter cost more than SQLite here, mapping every row again), a page at a time, campus by
// campus. Which items an export covers is decided once, by the Prisma where above (one rule, no SQL
// copy of it): their ids, titles, campuses and start dates are read first. Then, per campus, one
// query lists the keys (rowids) of its rows in export order, and each page reads the full rows of
// the next `pageSize` keys: every row is read once and only keys are sorted (paging by keyset
// re-read and re-sorted whole rows).
// Names come from small lookup tables read once per export (campuses, priority areas, government
// units, teams, users). Memory is bounded by the items in scope, one campus's keys and one page of
// rows, not by the number of rows exported.

/** Each name once per export as the `{ name }` a row holds: rows share it (no object per row and column). */
type Name = { name: string };

type Names = {
  campus: Map<string, Name>;
  area: Map<string, { nameId: string; nameEn: string }>;
  unit: Map<string, Name>;
  team: Map<string, Name>;
  user: Map<string, Name>;
};

type ItemRef = { title: string; campus: Name };

/** What an export covers: its items, campus by campus in the campuses' order (each campus's in start order), and the names it shows. */
type Scope = { names: Names; campuses: { id: string; itemIds: string[] }[]; items: Map<string, ItemRef> };

async function exportScope(where: Prisma.RoadmapItemWhereInput): Promise<Scope> {
  const [campuses, areas, units, teams, users, items] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } }),
    prisma.priorityArea.findMany({ select: { id: true, nameId: true, nameEn: true } }),
    prisma.governmentUnit.findMany({ select: { id: true, name: true } }),
    prisma.jointTeam.findMany({ select: { id: true, name: true } }),
    prisma.user.findMany({ select: { id: true, name: true } }),
    // the order of the items export: by planned start, the id breaking ties (as SQL's binary collation)
    prisma.roadmapItem.findMany({ where, orderBy: [{ plannedStart: "asc" }, { id: "asc" }], select: { id: true, title: true, campusId: true } }),
  ]);
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, { name: r.name }]));
  const names: Names = {
    campus: byName(campuses),
    area: new Map(areas.map((a) => [a.id, { nameId: a.nameId, nameEn: a.nameEn }])),
    unit: byName(units),
    team: byName(teams),
    user: byName(users),
  };
  const byCampus = new Map<string, string[]>();
  const refs = new Map<string, ItemRef>();
  for (const item of items) {
    refs.set(item.id, { title: item.title, campus: nameOf(names.campus, item.campusId) });
    const list = byCampus.get(item.campusId);
    if (list) list.push(item.id);
    else byCampus.set(item.campusId, [item.id]);
  }
  return {
    names,
    campuses: campuses.filter((c) => byCampus.has(c.id)).map((c) => ({ id: c.id, itemIds: byCampus.get(c.id)! })),
    items: refs,
  };
}

const UNNAMED: Name = { name: "" };
/** The shared `{ name }` of an id (a name deleted since reads as empty). */
const nameOf = (map: Map<string, Name>, id: string): Name => map.get(id) ?? UNNAMED;
const named = (map: Map<string, Name>, id: string | null): Name | null => (id ? nameOf(map, id) : null);

/**
 * How an entity's rows are read: the keys of a campus's rows in export order (for items, the
 * scope's own ids are the keys), and the rows of a page of keys, in the keys' order. Keys and item
 * ids travel to SQL as one JSON parameter (json_each): no limit on how many.
 * Each query names its table in full (no alias), so the statements stay recognisable in the query log.
 */
type Reader<E extends ExportEntity> = {
  keys: ((itemIds: string) => { k: number }[]) | null;
  rows: (keys: string, scope: Scope) => Promise<ExportRows[E][]>;
};

/** A date as SQLite keeps it: milliseconds since 1970 (the adapter's `unixepoch-ms`; an ISO text is read too). */
const storedDate = (stored: number | string): Date => new Date(stored);
const storedDateOrNull = (stored: number | string | null): Date | null => (stored === null ? null : storedDate(stored));

/**
 * A page's rows in its keys' order. The statement reads them with their position among the keys
 * (json_each's key) and no ORDER BY: SQLite would sort whole rows, which cost about as much as
 * reading them (decision 004); the rows come back nearly in order and are sorted here by position.
 */
function pageRows<Row>(sql: string, keys: string): Row[] {
  return readPrepared<Row & { position: number }>(sql, keys).sort((a, b) => a.position - b.position);
}

/** `pageRows` for rows read as arrays, the position first. */
function pageRowArrays<Row extends [position: number, ...rest: unknown[]]>(sql: string, keys: string): Row[] {
  return readPreparedArrays<Row>(sql, keys).sort((a, b) => a[0] - b[0]);
}

/**
 * The keys (rowids) of the rows of a campus's items in export order: by `order`, the id breaking
 * ties. One fixed statement per entity (the names are constants, never values).
 */
function keysInOrder(table: "ProgressUpdate" | "Milestone" | "Obstacle", order: "reportedOn" | "dueDate" | "createdAt") {
  const sql = `SELECT "${table}".rowid AS k FROM "${table}"
     WHERE "${table}"."itemId" IN (SELECT value FROM json_each(?))
     ORDER BY "${table}"."${order}", "${table}"."id"`;
  return (itemIds: string) => readPrepared<{ k: number }>(sql, itemIds);
}

type Stored<Row, Dates extends keyof Row> = Omit<Row, Dates> & { [K in Dates]: number | string | null };

/** An item's row as the items export reads it: its position among the page's keys, then its columns. */
type StoredItem = [
  position: number,
  id: string,
  title: string,
  triDharma: string,
  campusPicName: string,
  govPicName: string,
  plannedStart: number | string,
  plannedEnd: number | string,
  status: string,
  progress: number,
  lastUpdateAt: number | string | null,
  budgetIdr: number | null,
  industryPartners: string | null,
  targets: string | null,
  visibility: string,
  publishedAt: number | string | null,
  campusId: string,
  priorityAreaId: string,
  governmentUnitId: string | null,
  teamId: string | null,
];

const READERS: { [E in ExportEntity]: Reader<E> } = {
  items: {
    keys: null,
    rows: async (keys, { names }) => {
      // rows as arrays: an export reads thousands of items, and an object per row cost twice as much
      const rows = pageRowArrays<StoredItem>(
        `SELECT k.key, "RoadmapItem"."id", "RoadmapItem"."title", "RoadmapItem"."triDharma", "RoadmapItem"."campusPicName", "RoadmapItem"."govPicName",
               "RoadmapItem"."plannedStart", "RoadmapItem"."plannedEnd", "RoadmapItem"."status", "RoadmapItem"."progress",
               "RoadmapItem"."lastUpdateAt", "RoadmapItem"."budgetIdr", "RoadmapItem"."industryPartners", "RoadmapItem"."targets",
               "RoadmapItem"."visibility", "RoadmapItem"."publishedAt", "RoadmapItem"."campusId", "RoadmapItem"."priorityAreaId",
               "RoadmapItem"."governmentUnitId", "RoadmapItem"."teamId"
          FROM json_each(?) k JOIN "RoadmapItem" ON "RoadmapItem"."id" = k.value`,
        keys,
      );
      return rows.map(
        ([, id, title, triDharma, campusPicName, govPicName, plannedStart, plannedEnd, status, progress, lastUpdateAt, budgetIdr, industryPartners, targets, visibility, publishedAt, campusId, priorityAreaId, governmentUnitId, teamId]) => ({
          id,
          title,
          triDharma,
          campusPicName,
          govPicName,
          plannedStart: storedDate(plannedStart),
          plannedEnd: storedDate(plannedEnd),
          status,
          progress,
          lastUpdateAt: storedDateOrNull(lastUpdateAt),
          budgetIdr,
          industryPartners,
          targets,
          visibility,
          publishedAt: storedDateOrNull(publishedAt),
          campus: nameOf(names.campus, campusId),
          priorityArea: names.area.get(priorityAreaId) ?? { nameId: "", nameEn: "" },
          governmentUnit: named(names.unit, governmentUnitId),
          team: named(names.team, teamId),
        }),
      );
    },
  },
  updates: {
    keys: keysInOrder("ProgressUpdate", "reportedOn"),
    rows: async (keys, { names, items }) => {
      // the corrected report's date by a join (about 3 % of reports are corrections)
      const rows = pageRows<
        Stored<Omit<UpdateExportRow, "corrects" | "author" | "item">, "reportedOn"> & { correctedOn: number | string | null; authorId: string; itemId: string }
      >(
        `SELECT k.key AS "position", "ProgressUpdate"."id", "ProgressUpdate"."reportedOn", "ProgressUpdate"."progress", "ProgressUpdate"."status",
               "ProgressUpdate"."narrative", "ProgressUpdate"."achievements", "ProgressUpdate"."obstacles", "ProgressUpdate"."nextSteps",
               c."reportedOn" AS correctedOn, "ProgressUpdate"."authorId", "ProgressUpdate"."itemId"
          FROM json_each(?) k JOIN "ProgressUpdate" ON "ProgressUpdate".rowid = k.value
          LEFT JOIN "ProgressUpdate" c ON c."id" = "ProgressUpdate"."correctsId"`,
        keys,
      );
      return rows.map((r) => ({
        id: r.id,
        reportedOn: storedDate(r.reportedOn!),
        progress: r.progress,
        status: r.status,
        narrative: r.narrative,
        achievements: r.achievements,
        obstacles: r.obstacles,
        nextSteps: r.nextSteps,
        corrects: r.correctedOn !== null ? { reportedOn: storedDate(r.correctedOn) } : null,
        author: nameOf(names.user, r.authorId),
        item: items.get(r.itemId)!,
      }));
    },
  },
  // milestones of the agreement itself belong to no campus's item and are not exported here
  milestones: {
    keys: keysInOrder("Milestone", "dueDate"),
    rows: async (keys, { names, items }) => {
      const rows = pageRows<
        Stored<Omit<MilestoneExportRow, "reviewer" | "item">, "dueDate" | "submittedAt" | "reviewedAt"> & { reviewerId: string | null; itemId: string }
      >(
        `SELECT k.key AS "position", "Milestone"."id", "Milestone"."title", "Milestone"."dueDate", "Milestone"."state", "Milestone"."submittedAt",
               "Milestone"."selfAssessment", "Milestone"."decision", "Milestone"."relevanceScore", "Milestone"."sustainabilityScore",
               "Milestone"."feedback", "Milestone"."reviewerId", "Milestone"."reviewedAt", "Milestone"."itemId"
          FROM json_each(?) k JOIN "Milestone" ON "Milestone".rowid = k.value`,
        keys,
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        dueDate: storedDate(r.dueDate!),
        state: r.state,
        submittedAt: storedDateOrNull(r.submittedAt),
        selfAssessment: r.selfAssessment,
        decision: r.decision,
        relevanceScore: r.relevanceScore,
        sustainabilityScore: r.sustainabilityScore,
        feedback: r.feedback,
        reviewer: named(names.user, r.reviewerId),
        reviewedAt: storedDateOrNull(r.reviewedAt),
        item: items.get(r.itemId) ?? null,
      }));
    },
  },
  obstacles: {
    keys: keysInOrder("Obstacle", "createdAt"),
    rows: async (keys, { names, items }) => {
      const rows = pageRows<
        Stored<Omit<ObstacleExportRow, "ownerUnit" | "item" | "needsGovernorOffice">, "dueDate" | "resolvedAt"> & {
          needsGovernorOffice: number;
          ownerUnitId: string | null;
          itemId: string;
        }
      >(
        `SELECT k.key AS "position", "Obstacle"."id", "Obstacle"."description", "Obstacle"."ownerName", "Obstacle"."dueDate", "Obstacle"."status",
               "Obstacle"."resolution", "Obstacle"."resolvedAt", "Obstacle"."needsGovernorOffice", "Obstacle"."ownerSide",
               "Obstacle"."ownerUnitId", "Obstacle"."itemId"
          FROM json_each(?) k JOIN "Obstacle" ON "Obstacle".rowid = k.value`,
        keys,
      );
      return rows.map((r) => ({
        id: r.id,
        description: r.description,
        ownerName: r.ownerName,
        dueDate: storedDateOrNull(r.dueDate),
        status: r.status,
        resolution: r.resolution,
        resolvedAt: storedDateOrNull(r.resolvedAt),
        needsGovernorOffice: Boolean(r.needsGovernorOffice),
        ownerSide: r.ownerSide,
        ownerUnit: named(names.unit, r.ownerUnitId),
        item: items.get(r.itemId)!,
      }));
    },
  },
};

/** The keys in export order, campus by campus: for items the scope's ids, for the others each campus's rowids read one campus at a time. */
async function* exportKeys(reader: Reader<ExportEntity>, scope: Scope): AsyncGenerator<(string | number)[]> {
  for (const campus of scope.campuses) {
    yield reader.keys ? reader.keys(JSON.stringify(campus.itemIds)).map((row) => row.k) : campus.itemIds;
  }
}

/** Every row of an entity under the item filter, a page at a time, campus by campus (in the campuses' order). */
export async function* exportPages<E extends ExportEntity>(
  entity: E,
  where: Prisma.RoadmapItemWhereInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRows[E][]> {
  const scope = await exportScope(where);
  const reader = READERS[entity] as Reader<E>;
  // a page may span campuses (items: about 50 a campus), never more than `pageSize` rows
  let pending: (string | number)[] = [];
  for await (const keys of exportKeys(reader as Reader<ExportEntity>, scope)) {
    let start = 0;
    if (pending.length) {
      start = pageSize - pending.length;
      pending = pending.concat(keys.slice(0, start));
      if (pending.length < pageSize) continue;
      yield await reader.rows(JSON.stringify(pending), scope);
    }
    for (; start + pageSize <= keys.length; start += pageSize) yield await reader.rows(JSON.stringify(keys.slice(start, start + pageSize)), scope);
    pending = keys.slice(start);
  }
  if (pending.length) yield await reader.rows(JSON.stringify(pending), scope);
}

/** Every row of an entity under the item filter, campus by campus (in the campuses' order). */
export async function* exportRows<E extends ExportEntity>(
  entity: E,
  where: Prisma.RoadmapItemWhereInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRows[E]> {
  for await (const page of exportPages(entity, where, pageSize)) yield* page;
}

/**
 * How a streamed download keeps pace with its client. Remix's adapter writes each chunk as soon as
 * it is read, without waiting for the socket, and never cancels the body when the client goes
 * away: `ready` (server.mjs, in the load context) resolves once the client has taken what was sent,
 * with false when the client is gone. (The request's abort signal cannot say so: it stops firing
 * once the loader has returned and its Request is collected.)
 */
export type ClientPace = { ready?: () => Promise<boolean> };

/**
 * Between two pages: a turn of the event loop (the database driver answers synchronously: without
 * it a whole export would be written before its first byte reached the socket), then wait until
 * the client took the last page. False once the client is gone: stop reading.
 */
async function betweenPages(pace: ClientPace): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  return pace.ready ? pace.ready() : true;
}

/**
 * A pull-based byte stream over chunks of text: the next chunk is made only when the reader asks
 * for it (one page of rows at a time) and the client has taken the last one; a cancelled download,
 * or a client gone, stops the source.
 *
 * A failure after the first bytes errors the stream instead of ending it: the server then breaks
 * the connection (the chunked response never gets its last chunk), so the browser reports a failed
 * download rather than saving a file that silently stops halfway.
 */
export function textStream(chunks: AsyncIterator<string>, label: string, pace: ClientPace = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!(await betweenPages(pace))) {
            await chunks.return?.(undefined);
            controller.close();
            return;
          }
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error(`${label} failed`, error);
          controller.error(error);
        }
      },
      async cancel() {
        // a download the browser cancels ends the stream early: not a failure
        await chunks.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The CSV of one entity: UTF-8 with a byte order mark (so Excel reads the accents), CRLF lines.
 * The header line goes out at once; then each page of rows is turned into CSV text and sent as one
 * chunk.
 */
export function csvExport(
  entity: ExportEntity,
  where: Prisma.RoadmapItemWhereInput,
  ctx: ExportContext,
  pageSize = EXPORT_PAGE_SIZE,
  pace: ClientPace = {},
): ReadableStream<Uint8Array> {
  const columns = EXPORT_COLUMNS[entity] as ExportColumn<ExportRows[ExportEntity]>[];
  async function* chunks() {
    yield `\uFEFF${csvLine(columns.map((c) => ctx.t(c.header)))}`;
    for await (const page of exportPages(entity, where, pageSize)) {
      // cell by cell into one string: no array or line string per row
      let text = "";
      for (const row of page) {
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i]!;
          const field = csvField(csvText(column.value(row, ctx), column.type));
          text += i > 0 ? `,${field}` : field;
        }
        text += "\r\n";
      }
      yield text;
    }
  }
  return textStream(chunks(), "CSV export", pace);
}

/** Resolves once the stream wants more, or is gone. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

const NUMBER_FORMATS: Record<CellType, string | undefined> = {
  text: undefined,
  integer: "0",
  amount: "#,##0",
  date: "yyyy-mm-dd",
};

/**
 * The workbook: one sheet per entity with a bold, frozen header row, typed numbers and dates, and
 * column widths. Written by exceljs's streaming writer; after each page of rows the writer lets the
 * event loop turn and waits for the response to take what it was given.
 */
export function xlsxExport(
  where: Prisma.RoadmapItemWhereInput,
  ctx: ExportContext,
  pageSize = EXPORT_PAGE_SIZE,
  /** the "Perjanjian" sheet's rows (a few dozen agreements: read at once) */
  agreements: readonly AgreementExportRow[] = [],
  pace: ClientPace = {},
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = ctx.t("app.name");
  workbook.created = new Date();

  /** A sheet with its typed, sized columns and a bold header row frozen at the top. */
  function addSheet<R>(name: Parameters<ExportContext["t"]>[0], columns: readonly ExportColumn<R>[]) {
    const sheet = workbook.addWorksheet(ctx.t(name), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c, index) => ({
      header: ctx.t(c.header),
      key: String(index),
      width: c.width,
      style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    return sheet;
  }

  async function write() {
    for (const entity of EXPORT_ENTITIES) {
      if (output.destroyed) return; // the download was cancelled
      const columns = EXPORT_COLUMNS[entity] as ExportColumn<ExportRows[ExportEntity]>[];
      const sheet = addSheet(EXPORT_SHEET_NAMES[entity], columns);
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      for await (const page of exportPages(entity, where, pageSize)) {
        for (const row of page) sheet.addRow(columns.map((c) => c.value(row, ctx))).commit();
        // the turn of the event loop also lets the zip's compression (on the thread pool) reach the
        // response; without it the whole workbook was built in memory before its first byte left
        if (output.writableNeedDrain) await drained(output);
        if (output.destroyed) return; // the download was cancelled
        if (!(await betweenPages(pace))) {
          output.destroy(); // the client is gone
          return;
        }
      }
      sheet.commit();
    }
    if (output.destroyed) return;
    const sheet = addSheet("export.sheet.agreements", AGREEMENT_COLUMNS);
    for (const row of agreements) sheet.addRow(AGREEMENT_COLUMNS.map((c) => c.value(row, ctx))).commit();
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) => {
    console.error("Excel export failed", error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return createReadableStreamFromReadable(output);
}

/** agreements.csv: the registry's rows as the viewer may see them, under the registry's filters. */
export function agreementsCsv(rows: readonly AgreementExportRow[], ctx: ExportContext): ReadableStream<Uint8Array> {
  const lines = [AGREEMENT_COLUMNS.map((c) => ctx.t(c.header)), ...rows.map((row) => AGREEMENT_COLUMNS.map((c) => csvText(c.value(row, ctx), c.type)))];
  return createReadableStreamFromReadable(Readable.from([`\uFEFF${lines.map(csvLine).join("")}`]));
}
