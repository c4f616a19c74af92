import { PassThrough, Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Prisma } from "@prisma/client";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { DashboardFilter } from "~/domain/dashboard";
import {
  AGREEMENT_COLUMNS,
  type AgreementExportRow,
  EXPORT_COLUMNS,
  EXPORT_ENTITIES,
  EXPORT_SHEET_NAMES,
  csvText,
  type CellType,
  type ExportColumn,
  type ExportContext,
  type ExportEntity,
  type ExportRows,
} from "~/domain/export-columns";
import { can, type Principal } from "~/domain/policy";
import { prisma } from "~/utils/db.server";
import { dashboardItemWhere } from "./dashboard.server";

// Exports stream: rows are read from the database a page at a time (keyset cursor) and written
// to the response as they come, so an export never holds a whole table in memory.

export const EXPORT_PAGE_SIZE = 500;

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

type Page = { take: number; skip?: number; cursor?: { id: string } };

/** Yields every row of a query, fetching `pageSize` rows at a time after the last one seen. */
async function* paged<T extends { id: string }>(fetchPage: (page: Page) => Promise<T[]>, pageSize: number): AsyncGenerator<T> {
  let cursor: string | null = null;
  for (;;) {
    const rows = await fetchPage(cursor ? { take: pageSize, skip: 1, cursor: { id: cursor } } : { take: pageSize });
    yield* rows;
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

// Rows are read without Prisma's relation loading: stitching relations was half the cost of an
// export. Names come from small lookup tables read once per export (campuses, priority areas,
// government units, teams, users); the items a page of rows refers to, and the reports corrected,
// are read once per page.
type Names = {
  campus: Map<string, string>;
  area: Map<string, { nameId: string; nameEn: string }>;
  unit: Map<string, string>;
  team: Map<string, string>;
  user: Map<string, string>;
};

async function loadNames(): Promise<Names> {
  const [campuses, areas, units, teams, users] = await Promise.all([
    prisma.campus.findMany({ select: { id: true, name: true } }),
    prisma.priorityArea.findMany({ select: { id: true, nameId: true, nameEn: true } }),
    prisma.governmentUnit.findMany({ select: { id: true, name: true } }),
    prisma.jointTeam.findMany({ select: { id: true, name: true } }),
    prisma.user.findMany({ select: { id: true, name: true } }),
  ]);
  return {
    campus: new Map(campuses.map((c) => [c.id, c.name])),
    area: new Map(areas.map((a) => [a.id, { nameId: a.nameId, nameEn: a.nameEn }])),
    unit: new Map(units.map((u) => [u.id, u.name])),
    team: new Map(teams.map((t) => [t.id, t.name])),
    user: new Map(users.map((u) => [u.id, u.name])),
  };
}

const named = (map: Map<string, string>, id: string | null) => (id ? { name: map.get(id) ?? "" } : null);

/** The items (title and campus) that a page of rows refers to, by id. */
async function itemRefs(names: Names, itemIds: (string | null)[]) {
  const ids = [...new Set(itemIds.filter((id): id is string => !!id))];
  const items = ids.length ? await prisma.roadmapItem.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, campusId: true } }) : [];
  return new Map(items.map((i) => [i.id, { title: i.title, campus: { name: names.campus.get(i.campusId) ?? "" } }]));
}

type Fetch<E extends ExportEntity> = (where: Prisma.RoadmapItemWhereInput, page: Page, names: Names) => Promise<ExportRows[E][]>;

// Within a campus, rows come in date order; the id breaks ties so the cursor is exact.
const FETCH: { [E in ExportEntity]: Fetch<E> } = {
  items: async (where, page, names) => {
    const rows = await prisma.roadmapItem.findMany({
      where,
      orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        triDharma: true,
        campusPicName: true,
        govPicName: true,
        plannedStart: true,
        plannedEnd: true,
        status: true,
        progress: true,
        lastUpdateAt: true,
        budgetIdr: true,
        industryPartners: true,
        targets: true,
        visibility: true,
        publishedAt: true,
        campusId: true,
        priorityAreaId: true,
        governmentUnitId: true,
        teamId: true,
      },
      ...page,
    });
    return rows.map(({ campusId, priorityAreaId, governmentUnitId, teamId, ...row }) => ({
      ...row,
      campus: { name: names.campus.get(campusId) ?? "" },
      priorityArea: names.area.get(priorityAreaId) ?? { nameId: "", nameEn: "" },
      governmentUnit: named(names.unit, governmentUnitId),
      team: named(names.team, teamId),
    }));
  },
  updates: async (where, page, names) => {
    const rows = await prisma.progressUpdate.findMany({
      where: { item: where },
      orderBy: [{ reportedOn: "asc" }, { id: "asc" }],
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
        authorId: true,
        itemId: true,
      },
      ...page,
    });
    const correctedIds = [...new Set(rows.map((r) => r.correctsId).filter((id): id is string => !!id))];
    const [items, corrected] = await Promise.all([
      itemRefs(names, rows.map((r) => r.itemId)),
      correctedIds.length
        ? prisma.progressUpdate.findMany({ where: { id: { in: correctedIds } }, select: { id: true, reportedOn: true } })
        : [],
    ]);
    const correctedOn = new Map(corrected.map((c) => [c.id, c.reportedOn]));
    return rows.map(({ correctsId, authorId, itemId, ...row }) => {
      const reportedOn = correctsId ? correctedOn.get(correctsId) : undefined;
      return {
        ...row,
        corrects: reportedOn ? { reportedOn } : null,
        author: { name: names.user.get(authorId) ?? "" },
        item: items.get(itemId)!,
      };
    });
  },
  // milestones of the agreement itself belong to no campus's item and are not exported here
  milestones: async (where, page, names) => {
    const rows = await prisma.milestone.findMany({
      where: { item: where },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        dueDate: true,
        state: true,
        submittedAt: true,
        selfAssessment: true,
        decision: true,
        relevanceScore: true,
        sustainabilityScore: true,
        feedback: true,
        reviewerId: true,
        reviewedAt: true,
        itemId: true,
      },
      ...page,
    });
    const items = await itemRefs(names, rows.map((r) => r.itemId));
    return rows.map(({ reviewerId, itemId, ...row }) => ({
      ...row,
      reviewer: named(names.user, reviewerId),
      item: itemId ? (items.get(itemId) ?? null) : null,
    }));
  },
  obstacles: async (where, page, names) => {
    const rows = await prisma.obstacle.findMany({
      where: { item: where },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        description: true,
        ownerName: true,
        dueDate: true,
        status: true,
        resolution: true,
        resolvedAt: true,
        needsGovernorOffice: true,
        ownerSide: true,
        ownerUnitId: true,
        itemId: true,
      },
      ...page,
    });
    const items = await itemRefs(names, rows.map((r) => r.itemId));
    return rows.map(({ itemId, ownerUnitId, ...row }) => ({ ...row, ownerUnit: named(names.unit, ownerUnitId), item: items.get(itemId)! }));
  },
};

/** Every row of an entity under the item filter, campus by campus (in the campuses' order). */
export async function* exportRows<E extends ExportEntity>(
  entity: E,
  where: Prisma.RoadmapItemWhereInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRows[E]> {
  const [campuses, names] = await Promise.all([
    prisma.campus.findMany({
      where: { roadmapItems: { some: where } },
      orderBy: { position: "asc" },
      select: { id: true },
    }),
    loadNames(),
  ]);
  const fetch = FETCH[entity] as Fetch<E>;
  for (const campus of campuses) {
    const campusWhere: Prisma.RoadmapItemWhereInput = { AND: [where, { campusId: campus.id }] };
    yield* paged((page) => fetch(campusWhere, page, names), pageSize);
  }
}

/**
 * The CSV of one entity: UTF-8 with a byte order mark (so Excel reads the accents), CRLF lines.
 * Each page of rows is turned into CSV text at once and sent as one chunk: streaming record by
 * record through csv-stringify cost more than reading the rows.
 */
export function csvExport(entity: ExportEntity, where: Prisma.RoadmapItemWhereInput, ctx: ExportContext): ReadableStream<Uint8Array> {
  const columns = EXPORT_COLUMNS[entity] as ExportColumn<ExportRows[ExportEntity]>[];
  const lines = (records: string[][], bom = false) => stringifyCsv(records, { bom, record_delimiter: "windows" });
  async function* chunks() {
    yield lines([columns.map((c) => ctx.t(c.header))], true);
    let batch: string[][] = [];
    for await (const row of exportRows(entity, where)) {
      batch.push(columns.map((c) => csvText(c.value(row, ctx), c.type)));
      if (batch.length === EXPORT_PAGE_SIZE) {
        yield lines(batch);
        batch = [];
      }
    }
    if (batch.length) yield lines(batch);
  }
  const body = Readable.from(chunks());
  // a download the browser cancels ends the stream early: not a failure
  body.on("error", (error) => console.error("CSV export failed", error));
  return createReadableStreamFromReadable(body);
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
 * column widths. Written by exceljs's streaming writer; after each page of rows the writer waits
 * for the response to take what it was given.
 */
export function xlsxExport(
  where: Prisma.RoadmapItemWhereInput,
  ctx: ExportContext,
  pageSize = EXPORT_PAGE_SIZE,
  /** the "Perjanjian" sheet's rows (a few dozen agreements: read at once) */
  agreements: readonly AgreementExportRow[] = [],
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
      let count = 0;
      for await (const row of exportRows(entity, where, pageSize)) {
        sheet.addRow(columns.map((c) => c.value(row, ctx))).commit();
        if (++count % pageSize === 0 && output.writableNeedDrain) await drained(output);
        if (output.destroyed) return; // the download was cancelled
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
  const records = [AGREEMENT_COLUMNS.map((c) => ctx.t(c.header)), ...rows.map((row) => AGREEMENT_COLUMNS.map((c) => csvText(c.value(row, ctx), c.type)))];
  return createReadableStreamFromReadable(Readable.from([stringifyCsv(records, { bom: true, record_delimiter: "windows" })]));
}
