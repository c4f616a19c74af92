// The streamed exports at the level of their rows: who sees which rows (in which order), paging,
// and what a failure halfway through a download does. tests/integration/exports.test.ts covers
// the columns, labels, filters and the workbook.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { todayInBanten } from "~/domain/dates";
import { EXPORT_COLUMNS, EXPORT_ENTITIES, csvLine, type ExportEntity } from "~/domain/export-columns";
import { translator } from "~/domain/i18n";
import { csvExport, exportPages } from "~/models/export.server";
import { loader } from "~/routes/exports.$file";
import { onQuery, prisma } from "~/utils/db.server";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { createItem, createMilestone, createObstacle, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, makeRequest } from "../support/http";
import { parseCsv } from "../support/csv";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ctx = { t: translator("id"), locale: "id" as const, today: todayInBanten() };
const CAMPUSES = ["itb", "umt", "unma"] as const;
/** Every text of a draft carries this marker: it must appear in no export. */
const DRAFT = "DRAF-RAHASIA";


const cookies: Record<string, string> = {};
let ids: Record<string, string>;
let unitId: string;

async function download(path: string, who: string) {
  const file = path.split("?")[0]!;
  const response = await call(loader, makeRequest(`/exports/${path}`, { cookie: cookies[who]! }), { file });
  return { status: response.status, text: response.status === 200 ? (await response.text()).replace(/^\uFEFF/, "") : "" };
}

/** The column of a CSV's rows holding `header` (Indonesian). */
function column(text: string, entity: ExportEntity, header: string, second?: string) {
  const [head, ...rows] = parseCsv(text);
  const at = head!.indexOf(header);
  const at2 = second ? head!.indexOf(second) : -1;
  expect(at, header).toBeGreaterThanOrEqual(0);
  if (second) expect(at2, second).toBeGreaterThanOrEqual(0);
  expect(head).toEqual(EXPORT_COLUMNS[entity].map((c) => ctx.t(c.header)));
  return rows.map((r) => (second ? `${r[at]} | ${r[at2]}` : r[at]!));
}

/**
 * What an export must hold, read independently through Prisma's relations: the published items of
 * the given campuses, campus by campus in the campuses' order, then by date and id.
 */
async function expected(entity: ExportEntity, campusSlugs: readonly string[]) {
  const campuses = await prisma.campus.findMany({ where: { slug: { in: [...campusSlugs] } }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  const out: string[] = [];
  for (const campus of campuses) {
    const item = { visibility: "PUBLISHED", campusId: campus.id };
    if (entity === "items") {
      const rows = await prisma.roadmapItem.findMany({ where: item, orderBy: [{ plannedStart: "asc" }, { id: "asc" }] });
      out.push(...rows.map((r) => `${campus.name} | ${r.title}`));
    } else if (entity === "updates") {
      const rows = await prisma.progressUpdate.findMany({ where: { item }, orderBy: [{ reportedOn: "asc" }, { id: "asc" }] });
      out.push(...rows.map((r) => `${campus.name} | ${r.narrative}`));
    } else if (entity === "milestones") {
      const rows = await prisma.milestone.findMany({ where: { item }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] });
      out.push(...rows.map((r) => `${campus.name} | ${r.title}`));
    } else {
      const rows = await prisma.obstacle.findMany({ where: { item }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      out.push(...rows.map((r) => `${campus.name} | ${r.description}`));
    }
  }
  return out;
}

/** The campus and the entity's own text column of each exported row. */
const TEXT_HEADER: Record<ExportEntity, [string, string]> = {
  items: [ctx.t("export.col.campus"), ctx.t("export.col.item")],
  updates: [ctx.t("export.col.campus"), ctx.t("export.col.narrative")],
  milestones: [ctx.t("export.col.campus"), ctx.t("export.col.milestone")],
  obstacles: [ctx.t("export.col.campus"), ctx.t("export.col.obstacle")],
};

beforeAll(async () => {
  ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow({ select: { id: true } });
  unitId = (await prisma.governmentUnit.findFirstOrThrow({ where: { code: "dinkes" }, select: { id: true } })).id;
  const users = {
    admin: await createUser(prisma, { email: "admin@stream.test", role: "ADMIN" }),
    reviewer: await createUser(prisma, { email: "reviewer@stream.test", role: "REVIEWER" }),
    observer: await createUser(prisma, { email: "observer@stream.test", role: "OBSERVER" }),
    unit: await createUser(prisma, { email: "unit@stream.test", role: "UNIT", unitIds: [unitId] }),
    liaisonItb: await createUser(prisma, { email: "liaison.itb@stream.test", role: "LIAISON", campusIds: [ids.itb!] }),
    liaisonBoth: await createUser(prisma, { email: "liaison.both@stream.test", role: "LIAISON", campusIds: [ids.umt!, ids.unma!] }),
  };
  for (const [who, user] of Object.entries(users)) cookies[who] = await cookieFor(user.email);

  // per campus: two published items (one whose counterpart is the unit) and a draft; updates with
  // ties on the same day, milestones and obstacles on each
  for (const slug of CAMPUSES) {
    for (const [n, visibility] of [[1, "PUBLISHED"], [2, "PUBLISHED"], [3, "DRAFT"]] as const) {
      const marker = visibility === "DRAFT" ? ` ${DRAFT}` : "";
      const item = await createItem(prisma, {
        campusId: ids[slug]!,
        priorityAreaId: area.id,
        title: `Program ${slug} ${n}${marker}`,
        visibility,
        governmentUnitId: n === 1 ? unitId : null,
        plannedStart: d(`2026-0${4 - n}-01`),
      });
      for (let u = 1; u <= 5; u++) {
        await createUpdate(prisma, {
          itemId: item.id,
          authorId: users.admin.id,
          reportedOn: d(`2026-05-0${Math.ceil(u / 2)}`), // two reports a day: ties broken by id
          progress: u * 10,
          status: "ON_TRACK",
          narrative: `Laporan ${slug} ${n}.${u}${marker}, "dikutip"`,
        });
      }
      await createMilestone(prisma, { itemId: item.id, title: `Tonggak ${slug} ${n}${marker}`, dueDate: d(`2026-0${n + 5}-30`) });
      await createObstacle(prisma, { itemId: item.id, description: `Kendala ${slug} ${n}${marker}` });
    }
  }
});

describe("who sees which rows", () => {
  const everyone = ["admin", "reviewer", "observer", "unit"] as const;

  it("the governor's office, an observer and a unit's focal point: every published row of every campus, in order, no draft", async () => {
    for (const who of everyone) {
      for (const entity of EXPORT_ENTITIES) {
        const { status, text } = await download(`${entity}.csv`, who);
        expect(status, `${who} ${entity}`).toBe(200);
        expect(text, `${who} ${entity}`).not.toContain(DRAFT);
        expect(column(text, entity, ...TEXT_HEADER[entity]), `${who} ${entity}`).toEqual(await expected(entity, CAMPUSES));
      }
    }
  });

  it("a liaison: their own campus(es) only, published rows only; another campus is refused", async () => {
    for (const [who, own] of [["liaisonItb", ["itb"]], ["liaisonBoth", ["umt", "unma"]]] as const) {
      for (const entity of EXPORT_ENTITIES) {
        const { text } = await download(`${entity}.csv`, who);
        expect(text, `${who} ${entity}`).not.toContain(DRAFT);
        expect(column(text, entity, ...TEXT_HEADER[entity]), `${who} ${entity}`).toEqual(await expected(entity, own));
      }
    }
    expect((await download("updates.csv?campus=umt", "liaisonItb")).status).toBe(403);
    expect(column((await download("updates.csv?campus=unma", "liaisonBoth")).text, "updates", ...TEXT_HEADER.updates)).toEqual(
      await expected("updates", ["unma"]),
    );
  });
});

describe("paging", () => {
  const where = { visibility: "PUBLISHED" };
  const rowQueries = (queries: string[]) => queries.filter((q) => /ProgressUpdate[`"]?\.[`"]?narrative/.test(q)).length;

  it("reads the rows a page at a time: pages never larger than asked, spanning campuses, the same file whatever the page size", async () => {
    const total = (await expected("updates", CAMPUSES)).length; // 30
    const sizes: number[] = [];
    for await (const page of exportPages("updates", where, 4)) sizes.push(page.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...sizes)).toBe(4);
    // 10 rows a campus: pages of 4 run over from one campus into the next
    expect(sizes).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);

    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    try {
      const small = await new Response(csvExport("updates", where, ctx, 4)).text();
      expect(rowQueries(queries)).toBe(Math.ceil(total / 4));
      const whole = await new Response(csvExport("updates", where, ctx)).text();
      expect(rowQueries(queries)).toBe(Math.ceil(total / 4) + 1);
      expect(small).toBe(whole);
    } finally {
      stop();
    }
  });

  it("only reads the next page when the reader asks for it", async () => {
    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    try {
      const reader = csvExport("updates", where, ctx, 4).getReader();
      expect(new TextDecoder().decode((await reader.read()).value).replace(/^\uFEFF/, "")).toBe(
        csvLine(EXPORT_COLUMNS.updates.map((c) => ctx.t(c.header))),
      );
      expect(rowQueries(queries)).toBe(0); // the header line needs no row
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rowQueries(queries)).toBe(1); // nothing is read ahead of the reader
      await reader.cancel();
    } finally {
      stop();
    }
  });

  it("reads no further page until the client has taken the last one (the server's readiness)", async () => {
    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    let open: () => void = () => undefined;
    let gate = new Promise<boolean>((resolve) => (open = () => resolve(true)));
    let waits = 0;
    const ready = () => {
      waits++;
      return gate;
    };
    try {
      const reader = csvExport("updates", where, ctx, 4, { ready }).getReader();
      const header = reader.read();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(waits).toBe(1);
      expect(rowQueries(queries)).toBe(0);
      open();
      await header;
      gate = new Promise<boolean>((resolve) => (open = () => resolve(true)));
      const page = reader.read();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // the client has not taken the header yet: no row is read
      expect(rowQueries(queries)).toBe(0);
      open();
      expect((await page).value?.byteLength).toBeGreaterThan(0);
      expect(rowQueries(queries)).toBe(1);
      await reader.cancel();
    } finally {
      stop();
    }
  });

  it("reads no further page once the client is gone, and closes quietly", async () => {
    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    let connected = true;
    try {
      const reader = csvExport("updates", where, ctx, 4, { ready: async () => connected }).getReader();
      await reader.read(); // header
      await reader.read(); // first page
      expect(rowQueries(queries)).toBe(1);
      connected = false;
      expect((await reader.read()).done).toBe(true);
      expect(rowQueries(queries)).toBe(1);
    } finally {
      stop();
    }
  });

  it("answers HEAD with the headers only, reading no row", async () => {
    const queries: string[] = [];
    const stop = onQuery((q) => queries.push(q));
    try {
      for (const file of ["updates.csv", "tracker.xlsx"]) {
        const response = await call(loader, makeRequest(`/exports/${file}`, { cookie: cookies.reviewer!, method: "HEAD" }), { file });
        expect(response.status).toBe(200);
        expect(response.headers.get("Content-Disposition")).toContain("attachment");
        expect(await response.text()).toBe("");
      }
      expect(rowQueries(queries)).toBe(0);
    } finally {
      stop();
    }
  });

  it("writes CSV lines as csv-stringify did, except that a lone line break is quoted too", () => {
    const fields = ["plain", 'a "quoted" word', "a, b", "crlf\r\ninside", "", " spaced ", "'=1", "ünïcödé"];
    expect(csvLine(fields)).toBe(stringifyCsv([fields], { record_delimiter: "windows" }));
    // csv-stringify with CRLF records left a bare \n or \r unquoted, which split the record in two
    expect(stringifyCsv([["two\nlines", "x"]], { record_delimiter: "windows" })).toBe("two\nlines,x\r\n");
    expect(csvLine(["two\nlines", "x"])).toBe('"two\nlines",x\r\n');
    expect(csvLine(["cr\rhere"])).toBe('"cr\rhere"\r\n');
    expect(parseCsv(csvLine(["two\nlines", "x"]))).toEqual([["two\nlines", "x"]]);
  });
});

describe("a failure halfway through a download", () => {
  afterEach(() => vi.restoreAllMocks());

  it("errors the stream instead of ending it, so the download fails rather than saving half a file", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await call(loader, makeRequest("/exports/updates.csv", { cookie: cookies.reviewer! }), { file: "updates.csv" });
    expect(response.status).toBe(200);
    // a stream with small pages, from the same model the route uses
    const reader = csvExport("updates", { visibility: "PUBLISHED" }, ctx, 4).getReader();
    const received: string[] = [];
    received.push(new TextDecoder().decode((await reader.read()).value)); // header
    received.push(new TextDecoder().decode((await reader.read()).value)); // first page
    expect(parseCsv(received.join("").replace(/^\uFEFF/, ""))).toHaveLength(1 + 4);
    // the database fails under the running export (a column it reads disappears)
    await prisma.$executeRawUnsafe(`ALTER TABLE "ProgressUpdate" RENAME COLUMN "narrative" TO "narrativeGone"`);
    try {
      await expect(reader.read()).rejects.toThrow(/narrative/);
      // the stream stays errored: no clean end that would let a client keep a truncated file
      await expect(reader.read()).rejects.toThrow();
      expect(logged).toHaveBeenCalledWith("CSV export failed", expect.anything());
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "ProgressUpdate" RENAME COLUMN "narrativeGone" TO "narrative"`);
    }
    // and the route's own download still works afterwards
    expect(parseCsv((await response.text()).replace(/^\uFEFF/, "")).length).toBe(1 + (await expected("updates", CAMPUSES)).length);
  });
});
