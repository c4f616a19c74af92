import ExcelJS from "exceljs";
import { checkZipExpansion } from "~/utils/zip-limit.server";
import { toIsoDate } from "~/domain/dates";
import { translator } from "~/domain/i18n";
import { IMPORT_COLUMNS, IMPORT_HEADERS, MAX_IMPORT_EXPANDED_BYTES, MAX_IMPORT_ROWS, type Choices, type ImportField, type ImportRow } from "~/domain/item-import";
import { ITEM_VISIBILITIES, TRI_DHARMA_FIELDS } from "~/domain/enums";
import { prisma } from "~/utils/db.server";

// Spreadsheet import of roadmap items: the template (XLSX, Indonesian headers, an example row and
// lists to choose from) and the reading of an uploaded file into rows. Checking the rows is the
// item form's schema's work; writing them is createItems' (one transaction).

const ID = translator("id");

/** What the choice columns may hold: the priority areas and government units. */
export async function importChoices(): Promise<Choices> {
  const [priorityAreas, governmentUnits] = await Promise.all([
    prisma.priorityArea.findMany({ orderBy: { position: "asc" }, select: { id: true, code: true, nameId: true, nameEn: true } }),
    // an import creates items: a retired unit is not among the choices
    prisma.governmentUnit.findMany({ where: { retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, abbreviation: true } }),
  ]);
  return { priorityAreas, governmentUnits };
}

/** The template: sheet "Program" (headers, one example row, list choices) and sheet "Daftar" (the lists). */
export async function importTemplate(choices: Choices): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Program");
  const lists = workbook.addWorksheet("Daftar");
  sheet.addRow([...IMPORT_HEADERS]);
  sheet.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.field === "title" || c.field === "description" || c.field === "targets" ? 40 : 22;
  });
  const example: Record<ImportField, string | number | Date> = {
    title: "Contoh: Pelatihan vokasi nelayan Pandeglang",
    description: "Contoh baris: hapus atau timpa sebelum mengunggah.",
    priorityArea: choices.priorityAreas[0]?.nameId ?? "",
    triDharma: ID("triDharma.COMMUNITY_SERVICE"),
    governmentUnit: choices.governmentUnits[0]?.name ?? "",
    campusPicName: "Dr. Siti Rahmawati",
    govPicName: "Budi Santoso",
    plannedStart: new Date(Date.UTC(2026, 1, 1)),
    plannedEnd: new Date(Date.UTC(2026, 9, 30)),
    targets: "120 nelayan terlatih",
    budgetIdr: 150000000,
    industryPartners: "",
    visibility: ID("export.visibility.DRAFT"),
  };
  sheet.addRow(IMPORT_COLUMNS.map((c) => example[c.field]));
  for (const field of ["plannedStart", "plannedEnd"] as const) sheet.getColumn(columnIndex(field)).numFmt = "yyyy-mm-dd";

  const listColumns: [string, string[]][] = [
    [ID("item.priorityArea"), choices.priorityAreas.map((a) => a.nameId)],
    [ID("item.triDharma"), TRI_DHARMA_FIELDS.map((f) => ID(`triDharma.${f}`))],
    [ID("item.governmentUnit"), choices.governmentUnits.map((u) => u.name)],
    [ID("item.visibility"), ITEM_VISIBILITIES.map((v) => ID(`export.visibility.${v}`))],
  ];
  listColumns.forEach(([header, values], i) => {
    const column = lists.getColumn(i + 1);
    column.width = 40;
    lists.getCell(1, i + 1).value = header;
    lists.getCell(1, i + 1).font = { bold: true };
    values.forEach((v, r) => (lists.getCell(r + 2, i + 1).value = v));
  });
  const listFields: ImportField[] = ["priorityArea", "triDharma", "governmentUnit", "visibility"];
  listFields.forEach((field, i) => {
    const letter = String.fromCharCode(65 + i);
    const count = listColumns[i]![1].length;
    for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row++) {
      sheet.getCell(row, columnIndex(field)).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`Daftar!$${letter}$2:$${letter}$${count + 1}`],
      };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnIndex(field: ImportField): number {
  return IMPORT_COLUMNS.findIndex((c) => c.field === field) + 1;
}

export type ReadProblem = "import.notXlsx" | "import.unreadable" | "import.badHeaders" | "import.empty" | "import.tooManyRows" | "import.expandsTooLarge";
export type ReadResult = { ok: true; rows: { line: number; cells: ImportRow }[] } | { ok: false; problem: ReadProblem };

/** An uploaded workbook's first sheet as rows of text, or why it cannot be read. */
export async function readImportFile(file: File): Promise<ReadResult> {
  const bytes = Buffer.from(await file.arrayBuffer());
  // an XLSX file is a ZIP archive: "PK\x03\x04" (a CSV or an old .xls is not)
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return { ok: false, problem: "import.notXlsx" };
  // inflated under a ceiling before the workbook library opens it (which would inflate it whole)
  const expansion = checkZipExpansion(bytes, MAX_IMPORT_EXPANDED_BYTES);
  if (!expansion.ok) return { ok: false, problem: expansion.reason === "too-large" ? "import.expandsTooLarge" : "import.unreadable" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: "import.unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: "import.unreadable" };
  const header = IMPORT_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1)).trim().toLowerCase());
  if (header.some((h, i) => h !== IMPORT_HEADERS[i]!.toLowerCase())) return { ok: false, problem: "import.badHeaders" };
  const rows: { line: number; cells: ImportRow }[] = [];
  for (let line = 2; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.field, cellText(row.getCell(i + 1)).trim()])) as ImportRow;
    if (Object.values(cells).every((v) => v === "")) continue;
    if (rows.length === MAX_IMPORT_ROWS) return { ok: false, problem: "import.tooManyRows" };
    rows.push({ line, cells });
  }
  if (rows.length === 0) return { ok: false, problem: "import.empty" };
  return { ok: true, rows };
}

/** A cell as text: a date as yyyy-mm-dd, a number in digits, a formula by its result. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : toIsoDate(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object" && "result" in value) {
    const result = value.result;
    if (result instanceof Date) return toIsoDate(result);
    return result === undefined || result === null || typeof result === "object" ? "" : String(result);
  }
  return cell.text ?? "";
}
