// Spreadsheet import (/campuses/:slug/import and its template): real XLSX files made with exceljs,
// posted as multipart forms on a real SQLite file.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { IMPORT_HEADERS, MAX_IMPORT_ROWS, MAX_IMPORT_EXPANDED_MB } from "~/domain/item-import";
import { prisma } from "~/utils/db.server";
import * as importPage from "~/routes/campuses.$slug_.import";
import * as template from "~/routes/campuses.$slug_.import[.xlsx]";
import { call, jsonOf, makeRequest } from "../support/http";
import { zipOf } from "../support/zip";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let templateBytes: Buffer;

beforeAll(async () => {
  w = await buildWorld();
  const response = await call(template.loader, makeRequest("/campuses/itb/import.xlsx", { cookie: w.cookies.LIAISON_OWN }), { slug: "itb" });
  templateBytes = Buffer.from(await response.arrayBuffer());
});

/** The template with its example row replaced by these rows (cells by column, in template order). */
async function workbookWith(rows: (string | number | Date)[][], headers: readonly string[] = IMPORT_HEADERS): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(templateBytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Program")!;
  sheet.spliceRows(2, 1);
  headers.forEach((h, i) => (sheet.getCell(1, i + 1).value = h));
  rows.forEach((row, r) => row.forEach((v, c) => (sheet.getCell(r + 2, c + 1).value = v)));
  const buffer = await workbook.xlsx.writeBuffer();
  return new File([buffer], "program.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const areaName = async () => (await prisma.priorityArea.findFirstOrThrow({ where: { id: w.area.id } })).nameId;
const row = async (title: string, overrides: Partial<Record<number, string | number | Date>> = {}) => {
  const cells: (string | number | Date)[] = [
    title, "", await areaName(), "Penelitian", "", "Dr. Siti", "Budi Santoso",
    new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 9, 30)), "", 150000000, "", "Terbit",
  ];
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v!;
  return cells;
};

const post = (who: Who, form: FormData) => call(importPage.action, makeRequest("/campuses/itb/import", { form, cookie: w.cookies[who] }), { slug: "itb" });
function previewForm(file: File) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("files", file);
  return form;
}

describe("the template", () => {
  it("is an XLSX with the Indonesian headers, an example row and the lists, for those who may create items", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(templateBytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Program")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...IMPORT_HEADERS]);
    expect(sheet.getCell(2, 1).value).toMatch(/^Contoh/);
    expect(sheet.getCell(2, 3).dataValidation?.type).toBe("list");
    const lists = workbook.getWorksheet("Daftar")!;
    expect(lists.getCell(2, 2).value).toBe("Pendidikan");
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) {
      const refused = await call(template.loader, makeRequest("/campuses/itb/import.xlsx", { cookie: w.cookies[who] }), { slug: "itb" });
      expect(refused.status).toBe(403);
    }
  });
});

describe("import", () => {
  it("previews every row with its errors and imports nothing while one is wrong", async () => {
    const before = await prisma.roadmapItem.count();
    const response = await post("LIAISON_OWN", previewForm(await workbookWith([await row("Impor satu"), await row("Impor dua", { 3: "Bukan bidang", 8: "bukan tanggal" })])));
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.payload).toBeNull();
    expect(data.rows).toHaveLength(2);
    expect(data.rows[0]).toMatchObject({ line: 2, title: "Impor satu", errors: [] });
    expect(data.rows[1].line).toBe(3);
    expect(data.rows[1].errors).toEqual(
      expect.arrayContaining([
        { column: "Bidang", message: "Pilih salah satu pilihan yang tersedia." },
        { column: "Rencana selesai", message: "Masukkan tanggal yang benar." },
      ]),
    );
    expect(await prisma.roadmapItem.count()).toBe(before);
  });

  it("imports all rows of a fixed file in one go, each audited", async () => {
    const preview = await post("LIAISON_OWN", previewForm(await workbookWith([await row("Impor tiga"), await row("Impor empat", { 12: "" })])));
    expect(preview.status).toBe(200);
    const { payload, rows } = await jsonOf(preview);
    expect(rows.every((r: { errors: unknown[] }) => r.errors.length === 0)).toBe(true);
    const form = new FormData();
    form.append("intent", "commit");
    form.append("payload", payload);
    const audits = await prisma.auditEvent.count({ where: { entity: "RoadmapItem", action: "create" } });
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/campuses/itb");
    const created = await prisma.roadmapItem.findMany({ where: { title: { in: ["Impor tiga", "Impor empat"] } }, orderBy: { title: "asc" } });
    expect(created.map((i) => [i.title, i.campusId, i.visibility, i.budgetIdr])).toEqual([
      ["Impor empat", w.own, "DRAFT", 150000000],
      ["Impor tiga", w.own, "PUBLISHED", 150000000],
    ]);
    expect(await prisma.auditEvent.count({ where: { entity: "RoadmapItem", action: "create" } })).toBe(audits + 2);
  });

  it("checks a committed payload again: a tampered row refuses the whole import", async () => {
    const cells = Object.fromEntries(["title", "description", "priorityArea", "triDharma", "governmentUnit", "campusPicName", "govPicName", "plannedStart", "plannedEnd", "targets", "budgetIdr", "industryPartners", "visibility"].map((f) => [f, ""]));
    const form = new FormData();
    form.append("intent", "commit");
    form.append("payload", JSON.stringify([{ line: 2, cells: { ...cells, title: "Tanpa isi" } }]));
    const before = await prisma.roadmapItem.count();
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).rows[0].errors.length).toBeGreaterThan(0);
    form.set("payload", "not json");
    expect((await jsonOf(await post("LIAISON_OWN", form))).problem.key).toBe("import.stale");
    // as many cells as the template, but under other names: refused as stale, not a 500
    const renamed = Object.fromEntries(Object.keys(cells).map((_, i) => [`x${i}`, ""]));
    form.set("payload", JSON.stringify([{ line: 2, cells: renamed }]));
    const tampered = await post("LIAISON_OWN", form);
    expect(tampered.status).toBe(400);
    expect((await jsonOf(tampered)).problem.key).toBe("import.stale");
    expect(await prisma.roadmapItem.count()).toBe(before);
  });

  it("answers a bad file with a clear message, never a 500", async () => {
    const csv = new File(["Judul program;Bidang\nA;B\n"], "program.csv", { type: "text/csv" });
    const problem = async (file: File) => {
      const response = await post("LIAISON_OWN", previewForm(file));
      expect(response.status).toBe(400);
      return (await jsonOf(response)).problem;
    };
    expect((await problem(csv)).key).toBe("import.notXlsx");
    expect((await problem(new File([Buffer.from("PK\u0003\u0004 broken zip")], "x.xlsx"))).key).toBe("import.unreadable");
    const wrongHeaders = await problem(await workbookWith([await row("X")], ["Nama", ...IMPORT_HEADERS.slice(1)]));
    expect(wrongHeaders.key).toBe("import.badHeaders");
    expect(wrongHeaders.params.headers).toContain("Judul program");
    const many = await Promise.all(Array.from({ length: 5000 }, (_, i) => row(`Baris ${i}`)));
    expect(await problem(await workbookWith(many))).toEqual({ key: "import.tooManyRows", params: { max: MAX_IMPORT_ROWS } });
    expect((await problem(await workbookWith([])))).toMatchObject({ key: "import.empty" });
    // a few kilobytes that would inflate to more than the ceiling: refused before the workbook is opened
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc((MAX_IMPORT_EXPANDED_MB + 1) * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await problem(new File([new Uint8Array(bomb)], "bom.xlsx"))).toEqual({ key: "import.expandsTooLarge", params: { max: MAX_IMPORT_EXPANDED_MB } });
    const noFile = new FormData();
    noFile.append("intent", "preview");
    expect((await jsonOf(await post("LIAISON_OWN", noFile))).problem.key).toBe("import.noFile");
  });

  it("is refused to the governor's office, observers and other campuses' liaisons", async () => {
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) {
      expect((await post(who, previewForm(await workbookWith([await row("Ditolak")])))).status).toBe(403);
    }
  });
});
