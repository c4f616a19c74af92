import { ITEM_VISIBILITIES, TRI_DHARMA_FIELDS } from "./enums";
import { translator, type MessageKey } from "./i18n";

// The spreadsheet import of roadmap items: its columns (Indonesian headers, in this order), and how
// a row's cells become the item form's fields. The form's own schema then judges every row.

/** The most rows one import takes: a campus's programmes, not a database dump. */
export const MAX_IMPORT_ROWS = 200;
/** What an uploaded workbook may inflate to: 200 rows take well under 1 MB; a zip bomb takes gigabytes. */
export const MAX_IMPORT_EXPANDED_MB = 20;
export const MAX_IMPORT_EXPANDED_BYTES = MAX_IMPORT_EXPANDED_MB * 1024 * 1024;

export type ImportField =
  | "title"
  | "description"
  | "priorityArea"
  | "triDharma"
  | "governmentUnit"
  | "campusPicName"
  | "govPicName"
  | "plannedStart"
  | "plannedEnd"
  | "targets"
  | "budgetIdr"
  | "industryPartners"
  | "visibility";

/** The columns of the template, each headed by the item form's Indonesian label. */
export const IMPORT_COLUMNS: readonly { field: ImportField; label: MessageKey; required: boolean }[] = [
  { field: "title", label: "item.title", required: true },
  { field: "description", label: "item.description", required: false },
  { field: "priorityArea", label: "item.priorityArea", required: true },
  { field: "triDharma", label: "item.triDharma", required: true },
  { field: "governmentUnit", label: "item.governmentUnit", required: false },
  { field: "campusPicName", label: "item.campusPic", required: true },
  { field: "govPicName", label: "item.govPic", required: true },
  { field: "plannedStart", label: "item.plannedStart", required: true },
  { field: "plannedEnd", label: "item.plannedEnd", required: true },
  { field: "targets", label: "item.targets", required: false },
  { field: "budgetIdr", label: "item.budget", required: false },
  { field: "industryPartners", label: "item.industryPartners", required: false },
  { field: "visibility", label: "item.visibility", required: false },
];

const ID = translator("id");
const EN = translator("en");

/** The header row every template has and every upload must have (the Indonesian labels). */
export const IMPORT_HEADERS: readonly string[] = IMPORT_COLUMNS.map((c) => ID(c.label));

export type ImportRow = Record<ImportField, string>;

export type Choices = {
  priorityAreas: readonly { id: string; code: string; nameId: string; nameEn: string }[];
  governmentUnits: readonly { id: string; name: string; abbreviation: string | null }[];
};

const same = (a: string, b: string | null | undefined) => !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The words a list cell may hold for each choice: the Indonesian label (as the template lists it), the English one, or the code. */
export function triDharmaFromCell(cell: string): string {
  const found = TRI_DHARMA_FIELDS.find((f) => same(cell, f) || same(cell, ID(`triDharma.${f}`)) || same(cell, EN(`triDharma.${f}`)));
  return found ?? cell;
}
export function visibilityFromCell(cell: string): string {
  if (cell.trim() === "") return "DRAFT";
  const found = ITEM_VISIBILITIES.find((v) => same(cell, v) || same(cell, ID(`export.visibility.${v}`)) || same(cell, EN(`export.visibility.${v}`)));
  return found ?? cell;
}

/**
 * A row's cells as the item form's fields: chosen names become ids; a name nothing matches is
 * passed on as written, and the form's checks refuse it ("choose one of the options offered").
 */
export function rowToFormFields(row: ImportRow, choices: Choices): Record<string, string> {
  const area = choices.priorityAreas.find((a) => same(row.priorityArea, a.nameId) || same(row.priorityArea, a.nameEn) || same(row.priorityArea, a.code));
  const unit = row.governmentUnit.trim()
    ? choices.governmentUnits.find((u) => same(row.governmentUnit, u.name) || same(row.governmentUnit, u.abbreviation))
    : undefined;
  const fields: Record<string, string> = {
    title: row.title,
    description: row.description,
    priorityAreaId: area?.id ?? (row.priorityArea.trim() ? `unknown:${row.priorityArea}`.slice(0, 40) : ""),
    triDharma: triDharmaFromCell(row.triDharma),
    governmentUnitId: unit?.id ?? (row.governmentUnit.trim() ? `unknown:${row.governmentUnit}`.slice(0, 40) : ""),
    campusPicName: row.campusPicName,
    govPicName: row.govPicName,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    targets: row.targets,
    budgetIdr: row.budgetIdr.replace(/[.\s]/g, ""),
    industryPartners: row.industryPartners,
    visibility: visibilityFromCell(row.visibility),
  };
  return fields;
}

/** The template column that shows a form field (for errors named by field). */
export function columnOfFormField(field: string): (typeof IMPORT_COLUMNS)[number] | undefined {
  const byForm: Record<string, ImportField> = { priorityAreaId: "priorityArea", governmentUnitId: "governmentUnit" };
  const name = (byForm[field] ?? field) as ImportField;
  return IMPORT_COLUMNS.find((c) => c.field === name);
}
