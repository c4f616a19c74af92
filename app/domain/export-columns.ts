import { toIsoDate, todayInBanten } from "./dates";
import type { Locale } from "./enums";
import { labelKey, type LabelFamily, type MessageKey, type Translate } from "./i18n";
import { isMilestoneOverdue } from "./status";

// What the CSV files and the Excel workbook hold: one column list per entity, shared by both
// formats, so a header, a label or a type is defined once.

export const EXPORT_ENTITIES = ["items", "updates", "milestones", "obstacles"] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

/** How a value is written: text as is, numbers as numbers, dates as calendar dates (yyyy-mm-dd). */
export type CellType = "text" | "integer" | "amount" | "date";
export type CellValue = string | number | Date | null;
export type ExportContext = { t: Translate; locale: Locale; today: Date };

export type ExportColumn<Row> = {
  header: MessageKey;
  type: CellType;
  /** width in characters in the workbook */
  width: number;
  value: (row: Row, ctx: ExportContext) => CellValue;
};

type ItemRef = { title: string; campus: { name: string } };

export type ItemExportRow = {
  id: string;
  title: string;
  triDharma: string;
  campusPicName: string;
  govPicName: string;
  plannedStart: Date;
  plannedEnd: Date;
  status: string;
  progress: number;
  lastUpdateAt: Date | null;
  budgetIdr: number | null;
  industryPartners: string | null;
  targets: string | null;
  visibility: string;
  publishedAt: Date | null;
  campus: { name: string };
  priorityArea: { nameId: string; nameEn: string };
  governmentUnit: { name: string } | null;
  team: { name: string } | null;
};

export type UpdateExportRow = {
  id: string;
  reportedOn: Date;
  progress: number;
  status: string;
  narrative: string;
  achievements: string | null;
  obstacles: string | null;
  nextSteps: string | null;
  corrects: { reportedOn: Date } | null;
  author: { name: string };
  item: ItemRef;
};

export type MilestoneExportRow = {
  id: string;
  title: string;
  dueDate: Date;
  state: string;
  submittedAt: Date | null;
  selfAssessment: string | null;
  decision: string | null;
  relevanceScore: number | null;
  sustainabilityScore: number | null;
  feedback: string | null;
  reviewer: { name: string } | null;
  reviewedAt: Date | null;
  item: ItemRef | null;
};

export type ObstacleExportRow = {
  id: string;
  description: string;
  ownerName: string | null;
  dueDate: Date | null;
  status: string;
  resolution: string | null;
  resolvedAt: Date | null;
  needsGovernorOffice: boolean;
  /** CAMPUS | GOVERNMENT */
  ownerSide: string;
  ownerUnit: { name: string } | null;
  item: ItemRef;
};

export type ExportRows = {
  items: ItemExportRow;
  updates: UpdateExportRow;
  milestones: MilestoneExportRow;
  obstacles: ObstacleExportRow;
};

/** A moment (submission, evaluation, …) as the calendar day it was in Banten. */
const dayOf = (moment: Date | null) => (moment ? todayInBanten(moment) : null);
const yesNo = (value: boolean, ctx: ExportContext) => ctx.t(value ? "export.yes" : "export.no");
/** Labels are looked up once per export, family and value (an export repeats a handful of them on every row). */
const labels = new WeakMap<ExportContext, Map<LabelFamily, Map<string, string>>>();
function label(family: LabelFamily, value: string | null, ctx: ExportContext): string | null {
  if (!value) return null;
  let families = labels.get(ctx);
  if (!families) labels.set(ctx, (families = new Map()));
  let known = families.get(family);
  if (!known) families.set(family, (known = new Map()));
  let text = known.get(value);
  if (text === undefined) known.set(value, (text = ctx.t(labelKey(family, value))));
  return text;
}

function itemColumns<Row>(item: (row: Row) => ItemRef | null): ExportColumn<Row>[] {
  return [
    { header: "export.col.item", type: "text", width: 40, value: (r) => item(r)?.title ?? null },
    { header: "export.col.campus", type: "text", width: 30, value: (r) => item(r)?.campus.name ?? null },
  ];
}

const ITEM_COLUMNS: ExportColumn<ItemExportRow>[] = [
  { header: "export.col.campus", type: "text", width: 30, value: (r) => r.campus.name },
  { header: "export.col.item", type: "text", width: 40, value: (r) => r.title },
  {
    header: "export.col.priorityArea",
    type: "text",
    width: 28,
    value: (r, ctx) => (ctx.locale === "en" ? r.priorityArea.nameEn : r.priorityArea.nameId),
  },
  { header: "export.col.triDharma", type: "text", width: 18, value: (r, ctx) => label("triDharma", r.triDharma, ctx) },
  { header: "export.col.governmentUnit", type: "text", width: 30, value: (r) => r.governmentUnit?.name ?? null },
  { header: "export.col.team", type: "text", width: 30, value: (r) => r.team?.name ?? null },
  { header: "export.col.campusPic", type: "text", width: 26, value: (r) => r.campusPicName },
  { header: "export.col.govPic", type: "text", width: 26, value: (r) => r.govPicName },
  { header: "export.col.plannedStart", type: "date", width: 12, value: (r) => r.plannedStart },
  { header: "export.col.plannedEnd", type: "date", width: 12, value: (r) => r.plannedEnd },
  { header: "export.col.status", type: "text", width: 16, value: (r, ctx) => label("status", r.status, ctx) },
  { header: "export.col.progress", type: "integer", width: 10, value: (r) => r.progress },
  { header: "export.col.lastUpdate", type: "date", width: 12, value: (r) => r.lastUpdateAt },
  { header: "export.col.budget", type: "amount", width: 18, value: (r) => r.budgetIdr },
  { header: "export.col.industryPartners", type: "text", width: 30, value: (r) => r.industryPartners },
  { header: "export.col.targets", type: "text", width: 40, value: (r) => r.targets },
  { header: "export.col.visibility", type: "text", width: 10, value: (r, ctx) => label("export.visibility", r.visibility, ctx) },
  { header: "export.col.publishedAt", type: "date", width: 12, value: (r) => dayOf(r.publishedAt) },
];

const UPDATE_COLUMNS: ExportColumn<UpdateExportRow>[] = [
  ...itemColumns<UpdateExportRow>((r) => r.item),
  { header: "export.col.reportedOn", type: "date", width: 12, value: (r) => r.reportedOn },
  { header: "export.col.progress", type: "integer", width: 10, value: (r) => r.progress },
  { header: "export.col.status", type: "text", width: 16, value: (r, ctx) => label("status", r.status, ctx) },
  { header: "export.col.narrative", type: "text", width: 50, value: (r) => r.narrative },
  { header: "export.col.achievements", type: "text", width: 40, value: (r) => r.achievements },
  { header: "export.col.obstacles", type: "text", width: 40, value: (r) => r.obstacles },
  { header: "export.col.nextSteps", type: "text", width: 40, value: (r) => r.nextSteps },
  { header: "export.col.corrects", type: "date", width: 12, value: (r) => r.corrects?.reportedOn ?? null },
  { header: "export.col.author", type: "text", width: 24, value: (r) => r.author.name },
];

const MILESTONE_COLUMNS: ExportColumn<MilestoneExportRow>[] = [
  ...itemColumns<MilestoneExportRow>((r) => r.item),
  { header: "export.col.milestone", type: "text", width: 36, value: (r) => r.title },
  { header: "export.col.dueDate", type: "date", width: 12, value: (r) => r.dueDate },
  { header: "export.col.status", type: "text", width: 20, value: (r, ctx) => label("milestone.state", r.state, ctx) },
  { header: "export.col.submittedAt", type: "date", width: 12, value: (r) => dayOf(r.submittedAt) },
  { header: "export.col.selfAssessment", type: "text", width: 40, value: (r) => r.selfAssessment },
  // a decision takes the name of the state it leads to
  { header: "export.col.decision", type: "text", width: 20, value: (r, ctx) => label("milestone.state", r.decision, ctx) },
  { header: "export.col.relevanceScore", type: "integer", width: 10, value: (r) => r.relevanceScore },
  { header: "export.col.sustainabilityScore", type: "integer", width: 10, value: (r) => r.sustainabilityScore },
  { header: "export.col.feedback", type: "text", width: 40, value: (r) => r.feedback },
  { header: "export.col.reviewer", type: "text", width: 24, value: (r) => r.reviewer?.name ?? null },
  { header: "export.col.reviewedAt", type: "date", width: 12, value: (r) => dayOf(r.reviewedAt) },
  { header: "export.col.overdue", type: "text", width: 10, value: (r, ctx) => yesNo(isMilestoneOverdue(r, ctx.today), ctx) },
];

const OBSTACLE_COLUMNS: ExportColumn<ObstacleExportRow>[] = [
  ...itemColumns<ObstacleExportRow>((r) => r.item),
  { header: "export.col.obstacle", type: "text", width: 50, value: (r) => r.description },
  { header: "export.col.ownerSide", type: "text", width: 16, value: (r, ctx) => label("obstacle.ownerSide", r.ownerSide, ctx) },
  { header: "export.col.ownerUnit", type: "text", width: 30, value: (r) => r.ownerUnit?.name ?? null },
  { header: "export.col.owner", type: "text", width: 26, value: (r) => r.ownerName },
  { header: "export.col.obstacleDue", type: "date", width: 12, value: (r) => r.dueDate },
  { header: "export.col.status", type: "text", width: 12, value: (r, ctx) => label("export.obstacleStatus", r.status, ctx) },
  { header: "export.col.resolution", type: "text", width: 40, value: (r) => r.resolution },
  { header: "export.col.resolvedAt", type: "date", width: 12, value: (r) => dayOf(r.resolvedAt) },
  { header: "export.col.needsGovernorOffice", type: "text", width: 12, value: (r, ctx) => yesNo(r.needsGovernorOffice, ctx) },
];

export const EXPORT_COLUMNS: { [E in ExportEntity]: ExportColumn<ExportRows[E]>[] } = {
  items: ITEM_COLUMNS,
  updates: UPDATE_COLUMNS,
  milestones: MILESTONE_COLUMNS,
  obstacles: OBSTACLE_COLUMNS,
};

/** The agreement chain's sheet ("Perjanjian") and agreements.csv: agreements are no items, so they have their own rows and filters. */
export type AgreementExportRow = {
  kind: string;
  number: string | null;
  campusNumber: string | null;
  title: string;
  status: string;
  parent: { kind: string; title: string } | null;
  campus: { name: string } | null;
  units: { name: string }[];
  signedOn: Date | null;
  place: string | null;
  validFrom: Date;
  validUntil: Date;
  scopeResearch: boolean;
  scopeDevelopment: boolean;
  scopeCommunityService: boolean;
  scopeEducation: boolean;
  documents: number;
  documentPublic: boolean;
  amendments: number;
  items: number;
};

export const AGREEMENT_COLUMNS: ExportColumn<AgreementExportRow>[] = [
  { header: "agreements.field.kind", type: "text", width: 10, value: (r, ctx) => label("agreement.kind", r.kind, ctx) },
  { header: "agreements.field.number", type: "text", width: 26, value: (r) => r.number },
  { header: "agreements.field.campusNumber", type: "text", width: 26, value: (r) => r.campusNumber },
  { header: "agreements.field.title", type: "text", width: 40, value: (r) => r.title },
  { header: "agreements.col.status", type: "text", width: 16, value: (r, ctx) => label("agreement.status", r.status, ctx) },
  { header: "agreements.parent", type: "text", width: 30, value: (r) => (r.parent ? `${r.parent.kind} — ${r.parent.title}` : null) },
  { header: "agreements.field.campusId", type: "text", width: 30, value: (r) => r.campus?.name ?? null },
  { header: "agreements.field.unitIds", type: "text", width: 30, value: (r) => r.units.map((u) => u.name).join("; ") || null },
  { header: "agreements.field.signedOn", type: "date", width: 12, value: (r) => r.signedOn },
  { header: "agreements.field.place", type: "text", width: 24, value: (r) => r.place },
  { header: "agreements.field.validFrom", type: "date", width: 12, value: (r) => r.validFrom },
  { header: "agreements.field.validUntil", type: "date", width: 12, value: (r) => r.validUntil },
  {
    header: "agreements.field.scope",
    type: "text",
    width: 30,
    value: (r, ctx) =>
      (
        [
          [r.scopeResearch, "agreements.scope.RESEARCH"],
          [r.scopeDevelopment, "agreements.scope.DEVELOPMENT"],
          [r.scopeCommunityService, "agreements.scope.COMMUNITY_SERVICE"],
          [r.scopeEducation, "agreements.scope.EDUCATION"],
        ] as const
      )
        .filter(([on]) => on)
        .map(([, key]) => ctx.t(key))
        .join("; ") || null,
  },
  { header: "agreements.export.documents", type: "integer", width: 10, value: (r) => r.documents },
  { header: "agreements.field.documentPublic", type: "text", width: 10, value: (r, ctx) => yesNo(r.documentPublic, ctx) },
  { header: "agreements.amendments", type: "integer", width: 10, value: (r) => r.amendments },
  { header: "agreements.export.items", type: "integer", width: 10, value: (r) => r.items },
];

export const EXPORT_SHEET_NAMES: Record<ExportEntity, MessageKey> = {
  items: "export.sheet.items",
  updates: "export.sheet.updates",
  milestones: "export.sheet.milestones",
  obstacles: "export.sheet.obstacles",
};

/**
 * A cell as CSV text: dates as yyyy-mm-dd, numbers unformatted, nothing as an empty field. Text
 * that a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvText(value: CellValue, type: CellType = "text"): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDay(value);
  const text = String(value);
  return type === "text" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** toIsoDate, remembered: an export writes the same few thousand days hundreds of thousands of times. */
const days = new Map<number, string>();
function isoDay(date: Date): string {
  const time = date.getTime();
  let day = days.get(time);
  if (day === undefined) {
    if (days.size >= 20_000) days.clear();
    days.set(time, (day = toIsoDate(date)));
  }
  return day;
}

/**
 * One CSV record with its CRLF: a field holding a quote, a comma or a line break is quoted, its
 * quotes doubled (RFC 4180). The same output as csv-stringify's, which it replaces on the hot path,
 * except that csv-stringify left a lone \n or \r unquoted when records end in CRLF, splitting the
 * record in a spreadsheet.
 */
export function csvLine(fields: readonly string[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) line += i > 0 ? `,${csvField(fields[i]!)}` : csvField(fields[i]!);
  return `${line}\r\n`;
}

/** One CSV field as csvLine writes it. */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
const NEEDS_QUOTES = /[",\r\n]/;

/** The files offered under /exports/: one CSV per entity and one workbook with a sheet each. */
export type ExportFile = { format: "csv"; entity: ExportEntity } | { format: "xlsx" } | { format: "agreements-csv" };

export function parseExportFile(name: string | undefined): ExportFile | null {
  if (name === "tracker.xlsx") return { format: "xlsx" };
  if (name === "agreements.csv") return { format: "agreements-csv" };
  const match = /^([a-z]+)\.csv$/.exec(name ?? "");
  const entity = EXPORT_ENTITIES.find((e) => e === match?.[1]);
  return entity ? { format: "csv", entity } : null;
}

/** The dated name a download is saved under, e.g. kolaborasi-banten-items-2026-11-25.csv. */
export function exportFileName(file: ExportFile, today: Date): string {
  const day = toIsoDate(today);
  if (file.format === "agreements-csv") return `kolaborasi-banten-agreements-${day}.csv`;
  return file.format === "xlsx" ? `kolaborasi-banten-tracker-${day}.xlsx` : `kolaborasi-banten-${file.entity}-${day}.csv`;
}

/** The dashboard filters an export carries over from the page it is linked from. */
export const EXPORT_FILTER_PARAMS = ["campus", "area", "unit", "status", "period"] as const;

/**
 * The link to an export with the current filters. `keepCampus` is false for a liaison: the export
 * is always of their own campus, whatever campus the page shows.
 */
export function exportHref(file: string, search: URLSearchParams, keepCampus = true): string {
  const params = new URLSearchParams();
  for (const name of EXPORT_FILTER_PARAMS) {
    const value = search.get(name);
    if (value && (keepCampus || name !== "campus")) params.set(name, value);
  }
  const query = params.toString();
  return `/exports/${file}${query ? `?${query}` : ""}`;
}
