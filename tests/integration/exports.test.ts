import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { toIsoDate, todayInBanten } from "~/domain/dates";
import { EXPORT_COLUMNS, EXPORT_ENTITIES, csvText, exportHref, type ExportEntity } from "~/domain/export-columns";
import { translator } from "~/domain/i18n";
import { parseDashboardFilter } from "~/domain/dashboard";
import { dashboardData } from "~/models/dashboard.server";
import { EXPORT_PAGE_SIZE, exportRows } from "~/models/export.server";
import { loader } from "~/routes/exports.$file";
import { onQuery, prisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/session.server";
import { createItem, createMilestone, createObstacle, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, makeRequest } from "../support/http";
import { parseCsv } from "../support/csv";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const id = translator("id");
const BIG = 1200;


const cookies: Record<string, string> = {};
let ids: Record<string, string>;
let draftTitle: string;

async function get(path: string, who: string | null, extraCookie?: string) {
  const cookie = [who ? cookies[who] : null, extraCookie].filter(Boolean).join("; ") || null;
  const file = new URL(path, "http://localhost").pathname.replace("/exports/", "");
  return call(loader, makeRequest(path, { cookie }), { file });
}

async function csv(path: string, who = "reviewer", extraCookie?: string) {
  const response = await get(path, who, extraCookie);
  expect(response.status, await response.clone().text()).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)], "UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
  return { header: header!, rows, response };
}

/** The rows of a CSV as objects keyed by their Indonesian header. */
function records(header: string[], rows: string[][]) {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function workbook(path: string, who = "reviewer") {
  const response = await get(path, who);
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return { book, response };
}

beforeAll(async () => {
  ids = await campusIds();
  const health = await prisma.priorityArea.findFirstOrThrow({ where: { code: "health" } });
  const employment = await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } });
  const dinkes = await prisma.governmentUnit.findFirstOrThrow({ where: { code: "dinkes" } });
  const users = {
    admin: await createUser(prisma, { email: "admin@export.test", role: "ADMIN" }),
    reviewer: await createUser(prisma, { email: "reviewer@export.test", role: "REVIEWER", name: "Ibu Peninjau" }),
    observer: await createUser(prisma, { email: "observer@export.test", role: "OBSERVER" }),
    liaisonItb: await createUser(prisma, { email: "liaison.itb@export.test", role: "LIAISON", name: "Penghubung ITB", campusIds: [ids.itb!] }),
    liaisonUmt: await createUser(prisma, { email: "liaison.umt@export.test", role: "LIAISON", campusIds: [ids.umt!] }),
    liaisonNone: await createUser(prisma, { email: "liaison.none@export.test", role: "LIAISON" }),
  };
  for (const [who, user] of Object.entries(users)) cookies[who] = await cookieFor(user.email);

  // ITB: a health item with everything filled in, an employment item in 2027, a draft
  const a = await createItem(prisma, {
    campusId: ids.itb!,
    priorityAreaId: health.id,
    title: 'Klinik "Desa Sehat", tahap 1',
    triDharma: "COMMUNITY_SERVICE",
    governmentUnitId: dinkes.id,
    plannedStart: d("2026-01-05"),
    plannedEnd: d("2026-12-18"),
    budgetIdr: 1_500_000_000,
    industryPartners: "PT Krakatau Steel",
  });
  const first = await createUpdate(prisma, { itemId: a.id, authorId: users.liaisonItb.id, reportedOn: d("2026-03-02"), progress: 20, status: "ON_TRACK", narrative: "=HYPERLINK(\"x\")" });
  const correction = await createUpdate(prisma, {
    itemId: a.id,
    authorId: users.liaisonItb.id,
    reportedOn: d("2026-03-03"),
    progress: 25,
    status: "AT_RISK",
    narrative: "Koreksi: kemajuan 25 %,\nbaris kedua",
    achievements: "Posyandu dibuka",
    nextSteps: "Pelatihan kader",
  });
  await prisma.progressUpdate.update({ where: { id: correction.id }, data: { correctsId: first.id } });
  await createItem(prisma, { campusId: ids.itb!, priorityAreaId: employment.id, title: "Bursa kerja 2027", plannedStart: d("2027-01-04"), plannedEnd: d("2027-06-30") });
  draftTitle = "Draf rahasia ITB";
  const draft = await createItem(prisma, { campusId: ids.itb!, priorityAreaId: health.id, title: draftTitle, visibility: "DRAFT" });
  await createUpdate(prisma, { itemId: draft.id, authorId: users.liaisonItb.id, reportedOn: d("2026-03-01"), progress: 50, status: "ON_TRACK" });
  await createMilestone(prisma, { itemId: draft.id, title: "Tonggak draf", dueDate: d("2020-01-01") });
  await createObstacle(prisma, { itemId: draft.id, description: "Kendala draf" });

  await createMilestone(prisma, { itemId: a.id, title: "Laporan awal", dueDate: d("2020-01-31") }); // overdue
  await createMilestone(prisma, {
    itemId: a.id,
    title: "Evaluasi tengah",
    dueDate: d("2026-06-30"),
    state: "MET",
    submittedAt: new Date("2026-06-20T20:00:00Z"), // 21 June in Banten
    selfAssessment: "Tercapai",
    decision: "MET",
    relevanceScore: 4,
    sustainabilityScore: 3,
    feedback: "Bagus",
    reviewerId: users.reviewer.id,
    reviewedAt: new Date("2026-07-01T03:00:00Z"),
  });
  await createMilestone(prisma, { itemId: a.id, title: "Laporan akhir", dueDate: d("2099-12-31") }); // not overdue
  await createObstacle(prisma, { itemId: a.id, description: "Lahan belum tersedia", ownerName: "Dinkes", dueDate: d("2026-05-01"), needsGovernorOffice: true, ownerUnitId: dinkes.id });
  await createObstacle(prisma, { itemId: a.id, description: "Alat terlambat", resolved: { resolution: "Dikirim", resolvedAt: new Date("2026-04-10T18:30:00Z") } });

  // UMT: one at risk
  const u = await createItem(prisma, { campusId: ids.umt!, priorityAreaId: employment.id, title: "Pelatihan vokasi UMT" });
  await createUpdate(prisma, { itemId: u.id, authorId: users.liaisonUmt.id, reportedOn: d("2026-04-01"), progress: 40, status: "AT_RISK" });
  await createObstacle(prisma, { itemId: u.id, description: "Peserta kurang" });
  await createMilestone(prisma, { itemId: u.id, title: "Tonggak UMT", dueDate: d("2026-09-30") });

  // IKNUS: more updates than fit in a page, to see the export page through them
  const big = await createItem(prisma, { campusId: ids.iknus!, priorityAreaId: employment.id, title: "Program besar" });
  await prisma.progressUpdate.createMany({
    data: Array.from({ length: BIG }, (_, i) => ({
      itemId: big.id,
      authorId: users.admin.id,
      reportedOn: d("2026-01-01"),
      progress: i % 101,
      status: "ON_TRACK",
      narrative: `Laporan nomor ${i + 1}: kegiatan berjalan sesuai rencana dan dicatat dengan lengkap untuk keperluan uji.`,
    })),
  });
});

describe("access", () => {
  it("sends an anonymous visitor to sign in and back", async () => {
    const response = await get("/exports/items.csv?campus=itb", null);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/exports/items.csv?campus=itb" })}`);
  });

  it("answers 404 for a file that is not offered", async () => {
    expect((await get("/exports/users.csv", "admin")).status).toBe(404);
    expect((await get("/exports/tracker.xls", "admin")).status).toBe(404);
  });

  it("lets an observer and an administrator export everything published", async () => {
    for (const who of ["observer", "admin"]) {
      const { rows } = await csv("/exports/items.csv", who);
      expect(rows).toHaveLength(4); // A, the 2027 item, UMT, IKNUS
    }
  });

  it("limits a liaison to their own campus and refuses another one", async () => {
    const own = await csv("/exports/items.csv", "liaisonItb");
    expect(new Set(own.rows.map((r) => r[0]))).toEqual(new Set(["Institut Teknologi Bandung"]));
    expect(own.rows).toHaveLength(2);
    expect((await csv("/exports/updates.csv?campus=itb", "liaisonItb")).rows).toHaveLength(2);
    expect((await get("/exports/items.csv?campus=umt", "liaisonItb")).status).toBe(403);
    expect((await get("/exports/tracker.xlsx?campus=umt", "liaisonItb")).status).toBe(403);
    expect((await get("/exports/items.csv?campus=nowhere", "liaisonItb")).status).toBe(403);
    expect((await get("/exports/items.csv", "liaisonNone")).status).toBe(403);
    const other = await csv("/exports/obstacles.csv", "liaisonUmt");
    expect(other.rows.map((r) => r[0])).toEqual(["Pelatihan vokasi UMT"]);
  });

  it("never exports drafts, not even to the liaison of their campus", async () => {
    for (const who of ["liaisonItb", "admin"]) {
      for (const entity of EXPORT_ENTITIES) {
        const { rows } = await csv(`/exports/${entity}.csv`, who);
        const text = rows.flat().join("|");
        expect(text, `${entity} as ${who}`).not.toContain(draftTitle);
        expect(text).not.toContain("Tonggak draf");
        expect(text).not.toContain("Kendala draf");
      }
    }
  });
});

describe("CSV", () => {
  it("items: Indonesian headers, labels, yyyy-mm-dd dates, plain numbers, quoting; a dated attachment", async () => {
    const { header, rows, response } = await csv("/exports/items.csv?campus=itb&area=health");
    expect(header).toEqual(EXPORT_COLUMNS.items.map((c) => id(c.header)));
    expect(header.slice(0, 3)).toEqual(["Kampus", "Program", "Prioritas pembangunan"]);
    const [row] = records(header, rows);
    expect(rows).toHaveLength(1);
    expect(row).toMatchObject({
      Kampus: "Institut Teknologi Bandung",
      Program: 'Klinik "Desa Sehat", tahap 1',
      "Prioritas pembangunan": "Kesehatan",
      "Bidang Tri Dharma": "Pengabdian kepada masyarakat",
      "Perangkat daerah": "Dinas Kesehatan",
      "Rencana mulai": "2026-01-05",
      "Rencana selesai": "2026-12-18",
      Status: "Berisiko",
      "Kemajuan (%)": "25",
      "Tanggal laporan terakhir": "2026-03-03",
      "Anggaran (Rp)": "1500000000",
      "Mitra industri": "PT Krakatau Steel",
      Publikasi: "Terbit",
    });
    const today = toIsoDate(todayInBanten());
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="kolaborasi-banten-items-${today}.csv"`);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("follows the user's language", async () => {
    const lang = (await localeCookie.serialize("en")).split(";")[0]!;
    const { header, rows } = await csv("/exports/items.csv?campus=itb&area=health", "reviewer", lang);
    expect(header.slice(0, 4)).toEqual(["Campus", "Item", "Development priority", "Tri Dharma field"]);
    expect(rows[0]!.slice(2, 4)).toEqual(["Health", "Community service"]);
  });

  it("updates: narrative with line breaks, the corrected report's date, the author; formulas defused", async () => {
    const { header, rows } = await csv("/exports/updates.csv?campus=itb");
    expect(header).toEqual(["Program", "Kampus", "Tanggal laporan", "Kemajuan (%)", "Status", "Uraian kemajuan", "Capaian", "Kendala", "Langkah berikutnya", "Koreksi atas laporan tanggal", "Pelapor"]);
    expect(records(header, rows)).toEqual([
      expect.objectContaining({ "Tanggal laporan": "2026-03-02", "Kemajuan (%)": "20", Status: "Sesuai rencana", "Uraian kemajuan": "'=HYPERLINK(\"x\")", "Koreksi atas laporan tanggal": "" }),
      expect.objectContaining({
        "Tanggal laporan": "2026-03-03",
        "Uraian kemajuan": "Koreksi: kemajuan 25 %,\nbaris kedua",
        Capaian: "Posyandu dibuka",
        "Langkah berikutnya": "Pelatihan kader",
        "Koreksi atas laporan tanggal": "2026-03-02",
        Pelapor: "Penghubung ITB",
      }),
    ]);
  });

  it("milestones: evaluation, scores, reviewer, Banten calendar days, overdue yes/no", async () => {
    const { header, rows } = await csv("/exports/milestones.csv?campus=itb");
    const byTitle = Object.fromEntries(records(header, rows).map((r) => [r["Tonggak evaluasi"], r]));
    expect(Object.keys(byTitle)).toEqual(["Laporan awal", "Evaluasi tengah", "Laporan akhir"]);
    expect(byTitle["Laporan awal"]).toMatchObject({ "Jatuh tempo": "2020-01-31", Status: "Menunggu", "Lewat jatuh tempo": "Ya", Keputusan: "" });
    expect(byTitle["Laporan akhir"]).toMatchObject({ "Lewat jatuh tempo": "Tidak" });
    expect(byTitle["Evaluasi tengah"]).toMatchObject({
      Program: 'Klinik "Desa Sehat", tahap 1',
      Kampus: "Institut Teknologi Bandung",
      Status: "Tercapai",
      "Tanggal pengajuan": "2026-06-21",
      "Penilaian mandiri": "Tercapai",
      Keputusan: "Tercapai",
      "Skor relevansi (1–5)": "4",
      "Skor keberlanjutan (1–5)": "3",
      "Umpan balik": "Bagus",
      Peninjau: "Ibu Peninjau",
      "Tanggal evaluasi": "2026-07-01",
      "Lewat jatuh tempo": "Tidak",
    });
  });

  it("obstacles: owner side and owning unit, owner, due date, status, resolution, the governor's office flag", async () => {
    const { header, rows } = await csv("/exports/obstacles.csv?campus=itb");
    expect(header).toEqual(EXPORT_COLUMNS.obstacles.map((c) => id(c.header)));
    expect(records(header, rows)).toEqual([
      expect.objectContaining({
        "Uraian kendala": "Lahan belum tersedia",
        "Pihak penanggung jawab": "Perangkat daerah",
        "Perangkat daerah penanggung jawab": "Dinas Kesehatan",
        "Penanggung jawab penyelesaian": "Dinkes",
        "Target selesai": "2026-05-01",
        Status: "Terbuka",
        "Perlu tindakan Pemprov": "Ya",
      }),
      expect.objectContaining({
        "Uraian kendala": "Alat terlambat",
        "Pihak penanggung jawab": "Kampus",
        "Perangkat daerah penanggung jawab": "",
        Status: "Selesai",
        "Cara penyelesaian": "Dikirim",
        "Tanggal selesai": "2026-04-11",
        "Perlu tindakan Pemprov": "Tidak",
      }),
    ]);
    const english = await csv("/exports/obstacles.csv?campus=itb", "reviewer", (await localeCookie.serialize("en")).split(";")[0]!);
    expect(records(english.header, english.rows)[0]).toMatchObject({ "Owner side": "Government unit", "Owning government unit": "Dinas Kesehatan" });
  });

  it("flags as overdue, and lists as open, exactly what the dashboard counts (published items only, the same rules)", async () => {
    const figures = (await dashboardData(parseDashboardFilter(new URLSearchParams()), todayInBanten(), 30)).headline;
    const milestones = await csv("/exports/milestones.csv");
    const overdue = records(milestones.header, milestones.rows).filter((r) => r["Lewat jatuh tempo"] === "Ya");
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(figures.overdue);
    const obstacles = await csv("/exports/obstacles.csv");
    expect(records(obstacles.header, obstacles.rows).filter((r) => r.Status === "Terbuka")).toHaveLength(figures.obstacles);
  });

  it("applies the dashboard's filters: campus, area, status, period; an unknown campus matches nothing", async () => {
    const titles = async (query: string) => (await csv(`/exports/items.csv?${query}`)).rows.map((r) => r[1]).sort();
    expect(await titles("campus=umt")).toEqual(["Pelatihan vokasi UMT"]);
    expect(await titles("area=health")).toEqual(['Klinik "Desa Sehat", tahap 1']);
    expect(await titles("status=AT_RISK")).toEqual(['Klinik "Desa Sehat", tahap 1', "Pelatihan vokasi UMT"]);
    expect(await titles("period=2027-Q1")).toEqual(["Bursa kerja 2027"]);
    expect(await titles("campus=nowhere")).toEqual([]);
    expect((await csv("/exports/obstacles.csv?status=AT_RISK")).rows).toHaveLength(3);
  });

  it("keeps the items whose counterpart is a unit (?unit=<code>) in every entity; an unknown unit matches nothing", async () => {
    const klinik = 'Klinik "Desa Sehat", tahap 1';
    expect((await csv("/exports/items.csv?unit=dinkes")).rows.map((r) => r[1])).toEqual([klinik]);
    const obstacles = await csv("/exports/obstacles.csv?unit=dinkes");
    expect(records(obstacles.header, obstacles.rows).map((r) => r["Uraian kendala"])).toEqual(["Lahan belum tersedia", "Alat terlambat"]);
    expect((await csv("/exports/updates.csv?unit=dinkes")).rows.map((r) => r[0])).toEqual([klinik, klinik]);
    expect(new Set((await csv("/exports/milestones.csv?unit=dinkes")).rows.map((r) => r[0]))).toEqual(new Set([klinik]));
    for (const entity of EXPORT_ENTITIES) {
      expect((await csv(`/exports/${entity}.csv?unit=bappeda`)).rows, entity).toEqual([]);
      expect((await csv(`/exports/${entity}.csv?unit=nowhere`)).rows, entity).toEqual([]);
    }
    // with the other filters, and within a liaison's own campus
    expect((await csv("/exports/items.csv?unit=dinkes&campus=umt")).rows).toEqual([]);
    expect((await csv("/exports/items.csv?unit=dinkes", "liaisonUmt")).rows).toEqual([]);
    expect((await csv("/exports/items.csv?unit=dinkes", "liaisonItb")).rows.map((r) => r[1])).toEqual([klinik]);
    // the links to the exports carry the unit
    expect(exportHref("obstacles.csv", new URLSearchParams("unit=dinkes&sort=name"))).toBe("/exports/obstacles.csv?unit=dinkes");
  });

  it("streams more rows than a page, reading the database a page at a time", async () => {
    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    try {
      const response = await get("/exports/updates.csv?campus=iknus", "reviewer");
      expect(response.body).toBeInstanceOf(ReadableStream);
      const reader = response.body!.getReader();
      // the paged query (the one selecting the narrative; relations are loaded by id)
      const pages = () => queries.filter((q) => /ProgressUpdate[`"]?\.[`"]?narrative/.test(q)).length;
      const firstChunk = await reader.read();
      expect(firstChunk.done).toBe(false);
      // the first bytes go out before the last page is read
      expect(pages()).toBeLessThan(Math.ceil(BIG / EXPORT_PAGE_SIZE));
      const chunks: Uint8Array[] = [firstChunk.value!];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      const text = new TextDecoder().decode(Buffer.concat(chunks));
      const [, ...rows] = parseCsv(text);
      expect(rows).toHaveLength(BIG);
      expect(new Set(rows.map((r) => r[5])).size).toBe(BIG);
      expect(pages()).toBe(Math.ceil(BIG / EXPORT_PAGE_SIZE));
    } finally {
      stop();
    }
  });

  it("stops reading the database when the download is cancelled", async () => {
    for (const file of ["updates.csv", "tracker.xlsx"]) {
      const queries: string[] = [];
      const stop = onQuery((q) => queries.push(q));
      try {
        const response = await get(`/exports/${file}?campus=iknus`, "reviewer");
        const reader = response.body!.getReader();
        expect((await reader.read()).done).toBe(false);
        const pages = () => queries.filter((q) => /ProgressUpdate[`"]?\.[`"]?narrative/.test(q)).length;
        await reader.cancel();
        const seen = pages();
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(pages() - seen, file).toBeLessThanOrEqual(1); // at most the page being read
        expect(pages(), file).toBeLessThan(Math.ceil(BIG / EXPORT_PAGE_SIZE));
      } finally {
        stop();
      }
    }
  });

  it("pages with an exact cursor: every row once, in order, whatever the page size", async () => {
    const where = { visibility: "PUBLISHED" };
    for (const entity of EXPORT_ENTITIES) {
      const all: string[] = [];
      for await (const row of exportRows(entity, where)) all.push(row.id);
      const small: string[] = [];
      for await (const row of exportRows(entity as ExportEntity, where, entity === "updates" ? 97 : 1)) small.push(row.id);
      expect(small, entity).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe("Excel workbook", () => {
  it("one sheet per entity, a bold frozen header row, widths, typed numbers and dates", async () => {
    const { book, response } = await workbook("/exports/tracker.xlsx");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="kolaborasi-banten-tracker-${toIsoDate(todayInBanten())}.xlsx"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(book.worksheets.map((s) => s.name)).toEqual(["Program", "Laporan Kemajuan", "Tonggak Evaluasi", "Kendala", "Perjanjian"]);

    const counts = { items: 4, updates: 2 + 1 + BIG, milestones: 4, obstacles: 3 };
    EXPORT_ENTITIES.forEach((entity, index) => {
      const sheet = book.worksheets[index]!;
      const header = sheet.getRow(1);
      expect(EXPORT_COLUMNS[entity].map((_, i) => header.getCell(i + 1).value), entity).toEqual(EXPORT_COLUMNS[entity].map((c) => id(c.header)));
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getColumn(1).width).toBe(EXPORT_COLUMNS[entity][0]!.width);
      expect(sheet.actualRowCount - 1, entity).toBe(counts[entity]);
    });

    const items = book.getWorksheet("Program")!;
    const col = (name: string) => EXPORT_COLUMNS.items.findIndex((c) => id(c.header) === name) + 1;
    const row = items.getRows(2, items.actualRowCount - 1)!.find((r) => r.getCell(2).value === 'Klinik "Desa Sehat", tahap 1')!;
    expect(row.getCell(col("Kemajuan (%)")).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col("Kemajuan (%)")).value).toBe(25);
    expect(row.getCell(col("Anggaran (Rp)")).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col("Anggaran (Rp)")).value).toBe(1_500_000_000);
    expect(row.getCell(col("Rencana mulai")).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(col("Rencana mulai")).value as Date).toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(row.getCell(col("Rencana mulai")).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(col("Status")).value).toBe("Berisiko");
    // text that looks like a formula stays text in a workbook
    const updates = book.getWorksheet("Laporan Kemajuan")!;
    const narratives = updates.getColumn(6).values;
    expect(narratives).toContain('=HYPERLINK("x")');

    const milestones = book.getWorksheet("Tonggak Evaluasi")!;
    const evaluated = milestones.getRows(2, milestones.actualRowCount - 1)!.find((r) => r.getCell(3).value === "Evaluasi tengah")!;
    const mcol = (name: string) => EXPORT_COLUMNS.milestones.findIndex((c) => id(c.header) === name) + 1;
    expect(evaluated.getCell(mcol("Skor relevansi (1–5)")).type).toBe(ExcelJS.ValueType.Number);
    expect(evaluated.getCell(mcol("Skor relevansi (1–5)")).value).toBe(4);
    expect(evaluated.getCell(mcol("Tanggal evaluasi")).type).toBe(ExcelJS.ValueType.Date);
    expect((evaluated.getCell(mcol("Tanggal evaluasi")).value as Date).toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });

  it("respects the filters and a liaison's campus", async () => {
    const { book } = await workbook("/exports/tracker.xlsx?campus=umt", "observer");
    // the items' four sheets, then the agreements of UMT (none in this world)
    expect(book.worksheets.map((s) => s.actualRowCount - 1)).toEqual([1, 1, 1, 1, 0]);
    const own = await workbook("/exports/tracker.xlsx", "liaisonItb");
    const items = own.book.getWorksheet("Program")!;
    expect(items.actualRowCount - 1).toBe(2);
    expect(items.getRow(2).getCell(1).value).toBe("Institut Teknologi Bandung");
  });
});

describe("export columns and links (pure)", () => {
  it("writes CSV cells", () => {
    expect(csvText(null)).toBe("");
    expect(csvText(d("2026-02-03"), "date")).toBe("2026-02-03");
    expect(csvText(-5, "integer")).toBe("-5");
    expect(csvText("-5 unit")).toBe("'-5 unit");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("Biasa")).toBe("Biasa");
  });

  it("carries the dashboard filters, dropping the campus for a liaison", () => {
    const search = new URLSearchParams("campus=umt&area=health&status=AT_RISK&period=2026-Q3&sort=progress&dir=desc");
    expect(exportHref("items.csv", search)).toBe("/exports/items.csv?campus=umt&area=health&status=AT_RISK&period=2026-Q3");
    expect(exportHref("tracker.xlsx", search, false)).toBe("/exports/tracker.xlsx?area=health&status=AT_RISK&period=2026-Q3");
    expect(exportHref("tracker.xlsx", new URLSearchParams())).toBe("/exports/tracker.xlsx");
  });
});
