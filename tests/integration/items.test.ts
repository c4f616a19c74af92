// Roadmap item screens: /items/new, /items/:itemId/edit, /items/:itemId (every intent) and /evidence/:id,
// called with real Requests on a real SQLite file.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, toIsoDate, todayInBanten } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { getCookieSession } from "~/utils/session.server";
import * as newItem from "~/routes/items.new";
import * as editItem from "~/routes/items.$itemId.edit";
import * as itemPage from "~/routes/items.$itemId._index";
import * as evidenceRoute from "~/routes/evidence.$evidenceId";
import { loader as rootLoader } from "~/root";
import { COMMENT_FORM_ID, resolveObstacleFormId } from "~/components/item-sections";
import { PROGRESS_FORM_ID } from "~/components/progress-form";
import { restoredValues } from "~/domain/form-draft";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { createItem, createObstacle, createTeam, createUpdate, createUser } from "../../prisma/factories";
import { ORIGIN, call, cookieFor, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let ownTeam: { id: string };
let otherTeam: { id: string };
let sharedTeam: { id: string };
let unit: { id: string };

beforeAll(async () => {
  w = await buildWorld();
  ownTeam = await createTeam(prisma, { campusId: w.own, name: "Tim Bersama ITB Program" });
  otherTeam = await createTeam(prisma, { campusId: w.other, name: "Tim Bersama UMT Program" });
  sharedTeam = await createTeam(prisma, { campusId: null, name: "Tim Bersama Lintas Kampus" });
  unit = await prisma.governmentUnit.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true } });
});

// ---------- helpers ----------

type Form = Record<string, string | string[] | File> | FormData;

const getNew = (slug: string, who: Who) => call(newItem.loader, makeRequest(`/items/new?campus=${slug}`, { cookie: w.cookies[who] }));
const postNew = (slug: string, who: Who, form: Form) =>
  call(newItem.action, makeRequest(`/items/new?campus=${slug}`, { form, cookie: w.cookies[who] }));
const getEdit = (itemId: string, who: Who) =>
  call(editItem.loader, makeRequest(`/items/${itemId}/edit`, { cookie: w.cookies[who] }), { itemId });
const postEdit = (itemId: string, who: Who | string, form: Form) =>
  call(editItem.action, makeRequest(`/items/${itemId}/edit`, { form, cookie: cookieOf(who) }), { itemId });
const getItem = (itemId: string, who: Who) => call(itemPage.loader, makeRequest(`/items/${itemId}`, { cookie: w.cookies[who] }), { itemId });
const postItem = (itemId: string, who: Who, form: Form) =>
  call(itemPage.action, makeRequest(`/items/${itemId}`, { form, cookie: w.cookies[who] }), { itemId });
const getEvidence = (evidenceId: string, who: Who) =>
  call(evidenceRoute.loader, makeRequest(`/evidence/${evidenceId}`, { cookie: w.cookies[who] }), { evidenceId });

function cookieOf(who: Who | string): string | null {
  return who in w.cookies ? w.cookies[who as Who] : who;
}

async function toastOf(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) return null;
  const session = await getCookieSession(new Request(ORIGIN, { headers: { Cookie: setCookie.split(";")[0]! } }));
  return session.get("toast") ?? null;
}

/** Runs a request and returns its response with the audit events it wrote. */
async function audited(run: () => Promise<Response>) {
  const before = await prisma.auditEvent.count();
  const latest = await prisma.auditEvent.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const response = await run();
  const after = await prisma.auditEvent.count();
  const events = await prisma.auditEvent.findMany({
    where: latest ? { createdAt: { gte: latest.createdAt } } : {},
    orderBy: { createdAt: "desc" },
    take: Math.max(after - before, 0),
  });
  return { response, written: after - before, events };
}

const today = () => todayInBanten();
const iso = (d: Date) => toIsoDate(d);

function validItem(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Kajian kepesertaan BPJS Ketenagakerjaan pekerja informal",
    description: "Survei pekerja informal di empat kabupaten.",
    priorityAreaId: w.area.id,
    triDharma: "RESEARCH",
    teamId: ownTeam.id,
    governmentUnitId: unit.id,
    campusPicName: "Dr. Siti Rahmawati",
    campusPicContact: "siti@itb.test",
    govPicName: "Budi Santoso",
    govPicContact: "+62 254 200 300",
    plannedStart: "2026-02-01",
    plannedEnd: "2026-10-30",
    targets: "Laporan kajian dan rekomendasi kebijakan.",
    budgetIdr: "150000000",
    industryPartners: "PT Krakatau Steel",
    visibility: "PUBLISHED",
    ...overrides,
  };
}

function progressForm(overrides: Record<string, string | File | File[]> = {}): FormData {
  const values: Record<string, string | File | File[]> = {
    intent: "post-update",
    // the hidden field naming the Conform form, as the browser sends it
    __form: PROGRESS_FORM_ID,
    reportedOn: iso(addDays(today(), -3)),
    progress: "25",
    status: "ON_TRACK",
    narrative: "Survei lapangan di Kabupaten Lebak selesai.",
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form;
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const pdf = (name = "daftar-hadir.pdf") => new File([PDF], name, { type: "application/pdf" });

async function freshItem(overrides: Partial<Parameters<typeof createItem>[1]> = {}) {
  return createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", ...overrides });
}

// ---------- /items/new ----------

describe("/items/new loader", () => {
  it("gives the campus's liaison the form options and the agreement's validity", async () => {
    const response = await getNew("itb", "LIAISON_OWN");
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.campus).toEqual({ slug: "itb", name: "Institut Teknologi Bandung" });
    expect(data.options.priorityAreas.map((a: { id: string }) => a.id)).toContain(w.area.id);
    const teams = data.options.teams.map((t: { id: string }) => t.id);
    expect(teams).toEqual(expect.arrayContaining([ownTeam.id, sharedTeam.id]));
    expect(teams).not.toContain(otherTeam.id);
    expect(data.options.agreement).toMatchObject({ kind: "MOU" });
    expect(data.options.agreement.validFrom.slice(0, 10)).toBe("2025-11-26");
    expect(data.options.agreement.validUntil.slice(0, 10)).toBe("2030-11-25");
  });

  it("refuses everyone who may not create items for the campus, and 404s an unknown campus", async () => {
    expect((await getNew("itb", "ADMIN")).status).toBe(200);
    expect((await getNew("itb", "LIAISON_OTHER")).status).toBe(403);
    expect((await getNew("itb", "REVIEWER")).status).toBe(403);
    expect((await getNew("itb", "OBSERVER")).status).toBe(403);
    const anonymous = await getNew("itb", "ANONYMOUS");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fitems%2Fnew%3Fcampus%3Ditb/);
    expect((await getNew("no-such-campus", "LIAISON_OWN")).status).toBe(404);
  });
});

describe("/items/new action", () => {
  it("creates the item with every field, writes one create event and redirects to it with a toast", async () => {
    const { response, written, events } = await audited(() => postNew("itb", "LIAISON_OWN", validItem({ title: "Program baru lengkap" })));
    expect(response.status).toBe(302);
    const item = await prisma.roadmapItem.findFirstOrThrow({ where: { title: "Program baru lengkap" } });
    expect(response.headers.get("Location")).toBe(`/items/${item.id}`);
    expect(await toastOf(response)).toEqual({ type: "success", key: "item.created" });
    expect(item).toMatchObject({
      campusId: w.own,
      priorityAreaId: w.area.id,
      triDharma: "RESEARCH",
      teamId: ownTeam.id,
      governmentUnitId: unit.id,
      campusPicName: "Dr. Siti Rahmawati",
      campusPicContact: "siti@itb.test",
      govPicName: "Budi Santoso",
      govPicContact: "+62 254 200 300",
      targets: "Laporan kajian dan rekomendasi kebijakan.",
      budgetIdr: 150000000,
      industryPartners: "PT Krakatau Steel",
      visibility: "PUBLISHED",
      status: "NOT_STARTED",
      progress: 0,
      version: 1,
      createdById: w.users.LIAISON_OWN.id,
    });
    expect(item.plannedStart.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(item.plannedEnd.toISOString()).toBe("2026-10-30T00:00:00.000Z");
    expect(item.publishedAt).not.toBeNull();
    expect(item.agreementId).not.toBeNull();
    expect(written).toBe(1);
    expect(events[0]).toMatchObject({ action: "create", entity: "RoadmapItem", entityId: item.id, itemId: item.id, campusId: w.own });
    expect(events[0]!.actorId).toBe(w.users.LIAISON_OWN.id);
  });

  it("keeps a draft unpublished and accepts the optional fields left empty", async () => {
    const form = validItem({ title: "Draf minimal", visibility: "DRAFT" });
    for (const key of ["description", "teamId", "governmentUnitId", "campusPicContact", "govPicContact", "targets", "budgetIdr", "industryPartners"]) form[key] = "";
    const response = await postNew("itb", "LIAISON_OWN", form);
    expect(response.status).toBe(302);
    const item = await prisma.roadmapItem.findFirstOrThrow({ where: { title: "Draf minimal" } });
    expect(item).toMatchObject({ visibility: "DRAFT", publishedAt: null, teamId: null, governmentUnitId: null, budgetIdr: null, description: null });
  });

  it("accepts a team shared by several campuses", async () => {
    const response = await postNew("itb", "LIAISON_OWN", validItem({ title: "Program tim bersama", teamId: sharedTeam.id }));
    expect(response.status).toBe(302);
  });

  const invalid: { name: string; change: Record<string, string>; field: string; error: string }[] = [
    { name: "a missing title", change: { title: "" }, field: "title", error: "form.required" },
    { name: "a missing campus PIC", change: { campusPicName: "  " }, field: "campusPicName", error: "form.required" },
    { name: "a missing government PIC", change: { govPicName: "" }, field: "govPicName", error: "form.required" },
    { name: "a date that does not exist", change: { plannedStart: "2026-02-31" }, field: "plannedStart", error: "form.invalidDate" },
    { name: "a date that is not a date", change: { plannedEnd: "besok" }, field: "plannedEnd", error: "form.invalidDate" },
    { name: "an end before the start", change: { plannedStart: "2026-06-01", plannedEnd: "2026-05-31" }, field: "plannedEnd", error: "item.endBeforeStart" },
    { name: "a start before the agreement", change: { plannedStart: "2025-11-25" }, field: "plannedStart", error: "item.beforeAgreement" },
    { name: "an end after the agreement", change: { plannedEnd: "2030-11-26" }, field: "plannedEnd", error: "item.afterAgreement" },
    { name: "an unknown tri dharma field", change: { triDharma: "SPORTS" }, field: "triDharma", error: "form.invalidChoice" },
    { name: "a negative budget", change: { budgetIdr: "-5" }, field: "budgetIdr", error: "form.notNegative" },
    { name: "an unknown priority area", change: { priorityAreaId: "no-such-area" }, field: "priorityAreaId", error: "form.invalidChoice" },
    { name: "another campus's team", change: { teamId: "TEAM_OTHER" }, field: "teamId", error: "form.invalidChoice" },
    { name: "an unknown government unit", change: { governmentUnitId: "no-such-unit" }, field: "governmentUnitId", error: "form.invalidChoice" },
  ];
  for (const c of invalid) {
    it(`answers 400 for ${c.name}, with the error on ${c.field} and every typed value kept`, async () => {
      const change = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, v === "TEAM_OTHER" ? otherTeam.id : v]));
      const form = validItem({ title: c.field === "title" ? "" : `Tidak tersimpan ${c.name}`, ...change });
      const count = await prisma.roadmapItem.count();
      const { response, written } = await audited(() => postNew("itb", "LIAISON_OWN", form));
      expect(response.status).toBe(400);
      const { result } = await jsonOf(response);
      expect(result.error[c.field]).toContain(c.error);
      // nothing else is blamed
      expect(Object.keys(result.error)).toEqual([c.field]);
      for (const [key, value] of Object.entries(form)) {
        if (value.trim()) expect(result.initialValue[key]).toBe(value);
      }
      expect(await prisma.roadmapItem.count()).toBe(count);
      expect(written).toBe(0);
    });
  }

  it("reports every date problem at once: a start before and an end after the agreement", async () => {
    const response = await postNew("itb", "LIAISON_OWN", validItem({ plannedStart: "2024-01-01", plannedEnd: "2031-01-01" }));
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error).toEqual({ plannedStart: ["item.beforeAgreement"], plannedEnd: ["item.afterAgreement"] });
  });

  it("refuses a liaison of another campus and a reviewer", async () => {
    const count = await prisma.roadmapItem.count();
    expect((await postNew("itb", "LIAISON_OTHER", validItem())).status).toBe(403);
    expect((await postNew("itb", "REVIEWER", validItem())).status).toBe(403);
    expect(await prisma.roadmapItem.count()).toBe(count);
  });
});

// ---------- /items/:itemId/edit ----------

describe("/items/:itemId/edit loader", () => {
  it("fills the form with the stored values, the version and when editing started", async () => {
    const item = await freshItem({ title: "Untuk diubah", budgetIdr: 2500000, teamId: ownTeam.id });
    const response = await getEdit(item.id, "LIAISON_OWN");
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.item).toMatchObject({ id: item.id, version: 1, campus: { slug: "itb" } });
    expect(Number.isNaN(new Date(data.item.startedAt).getTime())).toBe(false);
    expect(data.defaultValue).toMatchObject({
      title: "Untuk diubah",
      plannedStart: "2026-01-05",
      plannedEnd: "2026-12-18",
      budgetIdr: "2500000",
      teamId: ownTeam.id,
      campusPicName: "Dr. Penanggung Jawab Kampus",
      govPicName: "Penanggung Jawab Pemprov",
      visibility: "PUBLISHED",
    });
  });

  it("refuses who may not edit: 403 on a published item, 404 on another campus's draft", async () => {
    expect((await getEdit(w.publishedItem.id, "ADMIN")).status).toBe(200);
    expect((await getEdit(w.publishedItem.id, "LIAISON_OTHER")).status).toBe(403);
    expect((await getEdit(w.publishedItem.id, "REVIEWER")).status).toBe(403);
    expect((await getEdit(w.publishedItem.id, "OBSERVER")).status).toBe(403);
    expect((await getEdit(w.draftItem.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getEdit(w.draftItem.id, "OBSERVER")).status).toBe(404);
    expect((await getEdit(w.draftItem.id, "LIAISON_OWN")).status).toBe(200);
    expect((await getEdit("no-such-item", "ADMIN")).status).toBe(404);
  });
});

describe("/items/:itemId/edit action", () => {
  async function startEditing(itemId: string, who: Who = "LIAISON_OWN") {
    const data = await jsonOf(await getEdit(itemId, who));
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(data.defaultValue)) values[key] = value === null ? "" : String(value);
    return { ...values, version: String(data.item.version), startedAt: data.item.startedAt as string };
  }

  it("saves the changes, bumps the version, writes one update event with what changed and redirects with a toast", async () => {
    const item = await freshItem({ title: "Sebelum diubah" });
    const form = await startEditing(item.id);
    const { response, written, events } = await audited(() =>
      postEdit(item.id, "LIAISON_OWN", { ...form, title: "Sesudah diubah", govPicName: "Rina Wulandari", plannedEnd: "2027-03-31" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/items/${item.id}`);
    expect(await toastOf(response)).toEqual({ type: "success", key: "item.saved" });
    const saved = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ title: "Sesudah diubah", govPicName: "Rina Wulandari", version: 2 });
    expect(saved.plannedEnd.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(written).toBe(1);
    expect(events[0]).toMatchObject({ action: "update", entity: "RoadmapItem", entityId: item.id, itemId: item.id, campusId: w.own });
    expect(JSON.parse(events[0]!.before!)).toEqual({ title: "Sebelum diubah", govPicName: "Penanggung Jawab Pemprov", plannedEnd: "2026-12-18T00:00:00.000Z" });
    expect(JSON.parse(events[0]!.after!)).toEqual({ title: "Sesudah diubah", govPicName: "Rina Wulandari", plannedEnd: "2027-03-31T00:00:00.000Z" });
  });

  it("publishing a draft stamps publishedAt", async () => {
    const item = await freshItem({ visibility: "DRAFT" });
    const form = await startEditing(item.id);
    expect((await postEdit(item.id, "LIAISON_OWN", { ...form, visibility: "PUBLISHED" })).status).toBe(302);
    const saved = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved.visibility).toBe("PUBLISHED");
    expect(saved.publishedAt).not.toBeNull();
  });

  const invalid: { name: string; change: Record<string, string>; field: string; error: string }[] = [
    { name: "a missing title", change: { title: "" }, field: "title", error: "form.required" },
    { name: "a bad date", change: { plannedStart: "2026-13-01" }, field: "plannedStart", error: "form.invalidDate" },
    { name: "an end before the start", change: { plannedEnd: "2026-01-04" }, field: "plannedEnd", error: "item.endBeforeStart" },
    { name: "an end after the agreement", change: { plannedEnd: "2031-01-01" }, field: "plannedEnd", error: "item.afterAgreement" },
    { name: "a start before the agreement", change: { plannedStart: "2025-06-01" }, field: "plannedStart", error: "item.beforeAgreement" },
    { name: "an unknown priority area", change: { priorityAreaId: "nope" }, field: "priorityAreaId", error: "form.invalidChoice" },
    { name: "another campus's team", change: { teamId: "TEAM_OTHER" }, field: "teamId", error: "form.invalidChoice" },
  ];
  for (const c of invalid) {
    it(`answers 400 for ${c.name} and changes nothing`, async () => {
      const item = await freshItem({ title: "Tetap" });
      const start = await startEditing(item.id);
      const change = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, v === "TEAM_OTHER" ? otherTeam.id : v]));
      const form = { ...start, description: "Isian yang diketik", ...(c.field === "title" ? {} : { title: "Judul baru diketik" }), ...change };
      const { response, written } = await audited(() => postEdit(item.id, "LIAISON_OWN", form));
      expect(response.status).toBe(400);
      const { result, conflict } = await jsonOf(response);
      expect(conflict).toBeNull();
      expect(result.error[c.field]).toContain(c.error);
      expect(result.initialValue).toMatchObject({ description: "Isian yang diketik", version: "1" });
      if (c.field !== "title") expect(result.initialValue.title).toBe("Judul baru diketik");
      for (const [key, value] of Object.entries(change)) if (value) expect(result.initialValue[key]).toBe(value);
      expect(written).toBe(0);
      expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ title: "Tetap", version: 1 });
    });
  }

  it("refuses a post without the version it was edited from", async () => {
    const item = await freshItem();
    const { version: _v, ...form } = await startEditing(item.id);
    const response = await postEdit(item.id, "LIAISON_OWN", form);
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).result.error[""]).toEqual(["error.400"]);
  });

  it("on a concurrent save answers 409, keeps the input, lists the other person's changes, and overwriting with the new version works", async () => {
    const item = await freshItem({ title: "Program bersama" });
    // a second liaison of the same campus
    const colleague = await createUser(prisma, { email: "rekan.itb@world.test", role: "LIAISON", name: "Rekan ITB", campusIds: [w.own] });
    const colleagueCookie = await cookieFor(colleague.email);
    const mine = await startEditing(item.id);
    const theirs = await startEditing(item.id);

    const first = await postEdit(item.id, colleagueCookie, { ...theirs, title: "Judul dari rekan", govPicName: "Pak Rekan" });
    expect(first.status).toBe(302);

    const myForm = { ...mine, title: "Judul saya", targets: "Target saya" };
    const { response, written } = await audited(() => postEdit(item.id, "LIAISON_OWN", myForm));
    expect(response.status).toBe(409);
    expect(written).toBe(0);
    const data = await jsonOf(response);
    // the user's input is kept
    expect(data.result.initialValue).toMatchObject({ title: "Judul saya", targets: "Target saya" });
    // the conflict lists what the colleague changed, with their name
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes).toHaveLength(1);
    expect(data.conflict.changes[0]).toMatchObject({ by: "Rekan ITB", after: { title: "Judul dari rekan", govPicName: "Pak Rekan" } });
    // nothing was overwritten
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      title: "Judul dari rekan",
      govPicName: "Pak Rekan",
      targets: null,
      version: 2,
    });

    // "keep mine": the form now carries the current version
    const overwrite = await audited(() => postEdit(item.id, "LIAISON_OWN", { ...myForm, version: String(data.conflict.version) }));
    expect(overwrite.response.status).toBe(302);
    expect(overwrite.written).toBe(1);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      title: "Judul saya",
      targets: "Target saya",
      version: 3,
    });
  });

  it("the conflict lists only the changes saved after this user opened the form", async () => {
    const item = await freshItem({ title: "Riwayat" });
    // an earlier edit the user has already seen when opening the form
    const early = await startEditing(item.id, "ADMIN");
    expect((await postEdit(item.id, "ADMIN", { ...early, description: "Perubahan lama" })).status).toBe(302);
    const mine = await startEditing(item.id);
    const theirs = await startEditing(item.id, "ADMIN");
    expect((await postEdit(item.id, "ADMIN", { ...theirs, title: "Perubahan baru" })).status).toBe(302);
    const response = await postEdit(item.id, "LIAISON_OWN", { ...mine, targets: "Target saya" });
    expect(response.status).toBe(409);
    const { conflict } = await jsonOf(response);
    expect(conflict.version).toBe(3);
    expect(conflict.changes.map((c: { after: Record<string, unknown> }) => c.after)).toEqual([{ title: "Perubahan baru" }]);
  });

  it("refuses a liaison of another campus (403 published, 404 draft) and a reviewer", async () => {
    const form = { ...validItem(), version: "1", startedAt: new Date().toISOString() };
    expect((await postEdit(w.publishedItem.id, "LIAISON_OTHER", form)).status).toBe(403);
    expect((await postEdit(w.publishedItem.id, "REVIEWER", form)).status).toBe(403);
    expect((await postEdit(w.draftItem.id, "LIAISON_OTHER", form)).status).toBe(404);
  });
});

// ---------- /items/:itemId loader ----------

describe("/items/:itemId loader", () => {
  it("sends the active units only to a viewer with a form that offers them", async () => {
    const quiet = await freshItem({ title: "Tanpa kendala terbuka" });
    await createObstacle(prisma, { itemId: quiet.id, description: "Sudah selesai", resolved: { resolution: "Beres", resolvedAt: new Date() } });
    const blocked = await freshItem({ title: "Dengan kendala terbuka" });
    await createObstacle(prisma, { itemId: blocked.id, description: "Izin lokasi tertunda" });
    const unitsFor = async (itemId: string, who: Who) => ((await jsonOf(await getItem(itemId, who))).units as unknown[]).length;
    // the governor's office hands an open obstacle to a unit: the list only where one is open
    expect(await unitsFor(quiet.id, "REVIEWER")).toBe(0);
    expect(await unitsFor(blocked.id, "REVIEWER")).toBeGreaterThan(0);
    // the campus's liaison may say in any progress report that a new obstacle waits on a unit
    expect(await unitsFor(quiet.id, "LIAISON_OWN")).toBeGreaterThan(0);
    // an observer has no form that offers them
    expect(await unitsFor(blocked.id, "OBSERVER")).toBe(0);
  });

  it("shows status, progress, updates newest first, obstacles, milestones, comments and the item's history", async () => {
    const item = await freshItem({ title: "Halaman program" });
    await createUpdate(prisma, { itemId: item.id, authorId: w.users.LIAISON_OWN.id, reportedOn: new Date(Date.UTC(2026, 1, 1)), progress: 10, status: "ON_TRACK" });
    await createUpdate(prisma, { itemId: item.id, authorId: w.users.LIAISON_OWN.id, reportedOn: new Date(Date.UTC(2026, 2, 1)), progress: 30, status: "AT_RISK" });
    await createObstacle(prisma, { itemId: item.id, description: "Izin lokasi tertunda" });
    expect((await postItem(item.id, "REVIEWER", { intent: "comment", body: "Mohon percepat izin." })).status).toBe(302);

    const response = await getItem(item.id, "LIAISON_OWN");
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.item).toMatchObject({ title: "Halaman program", status: "AT_RISK", progress: 30, campusPicName: "Dr. Penanggung Jawab Kampus" });
    expect(data.item.updates.map((u: { progress: number }) => u.progress)).toEqual([30, 10]);
    expect(data.item.obstacles.map((o: { description: string }) => o.description)).toEqual(["Izin lokasi tertunda"]);
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(["Mohon percepat izin."]);
    expect(data.history.some((e: { entity: string }) => e.entity === "Comment")).toBe(true);
    expect(data.may).toEqual({ internal: true, edit: true, update: true, assign: true, note: false, comment: true, addMilestone: true });
  });

  it("sends the newest part of a long history, every report's day for the chart, and the whole of it on ?history=all", async () => {
    const item = await freshItem({ title: "Riwayat panjang" });
    for (let month = 0; month < 13; month++) {
      await createUpdate(prisma, { itemId: item.id, authorId: w.users.LIAISON_OWN.id, reportedOn: new Date(Date.UTC(2025, month, 1)), progress: month * 5, status: "ON_TRACK" });
    }
    for (let n = 0; n < 12; n++) expect((await postItem(item.id, "REVIEWER", { intent: "comment", body: `Komentar ${n}` })).status).toBe(302);

    const part = await jsonOf(await getItem(item.id, "LIAISON_OWN"));
    expect(part.item.updates.map((u: { progress: number }) => u.progress)).toEqual([60, 55, 50, 45, 40, 35, 30, 25, 20, 15]);
    expect(part.item.reports).toHaveLength(13);
    expect(part.hidden.entries).toBe(3);
    const changes = await prisma.auditEvent.count({ where: { itemId: item.id } });
    expect(changes).toBeGreaterThanOrEqual(12); // one per comment, at least
    expect(part.history).toHaveLength(10);
    expect(part.hidden.changes).toBe(changes - 10);

    const whole = await jsonOf(await call(itemPage.loader, makeRequest(`/items/${item.id}?history=all`, { cookie: w.cookies.LIAISON_OWN }), { itemId: item.id }));
    expect(whole.item.updates).toHaveLength(13);
    expect(whole.history).toHaveLength(changes);
    expect(whole.hidden).toEqual({ entries: 0, changes: 0 });
  });

  it("hides evidence, discussion, history and contacts from a liaison of another campus, and shows milestones to all", async () => {
    const item = await freshItem();
    await prisma.roadmapItem.update({ where: { id: item.id }, data: { campusPicContact: "pic@itb.test" } });
    expect((await postItem(item.id, "LIAISON_OWN", { intent: "comment", body: "Catatan internal" })).status).toBe(302);
    const data = await jsonOf(await getItem(item.id, "LIAISON_OTHER"));
    expect(data.comments).toEqual([]);
    expect(data.history).toEqual([]);
    expect(data.item.campusPicContact).toBeNull();
    expect(data.may).toEqual({ internal: false, edit: false, update: false, assign: false, note: false, comment: false, addMilestone: false });
    const milestones = await jsonOf(await getItem(w.publishedItem.id, "LIAISON_OTHER"));
    expect(milestones.item.milestones.map((m: { title: string }) => m.title)).toEqual(["Laporan antara"]);
    const observer = await jsonOf(await getItem(item.id, "OBSERVER"));
    expect(observer.may).toMatchObject({ internal: true, edit: false, update: false, comment: false });
    expect(observer.item.campusPicContact).toBe("pic@itb.test");
  });

  it("a draft item is 404 for a liaison of another campus and for observers, visible to its campus and the governor's office", async () => {
    expect((await getItem(w.draftItem.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getItem(w.draftItem.id, "OBSERVER")).status).toBe(404);
    expect((await getItem(w.draftItem.id, "LIAISON_OWN")).status).toBe(200);
    expect((await getItem(w.draftItem.id, "REVIEWER")).status).toBe(200);
    expect((await getItem("no-such-item", "ADMIN")).status).toBe(404);
    expect((await getItem(w.publishedItem.id, "ANONYMOUS")).status).toBe(302);
  });
});

// ---------- post-update ----------

describe("post-update", () => {
  it("appends the update with its links and files, raises an obstacle, sets the item's current state and writes one event", async () => {
    const item = await freshItem();
    const reportedOn = iso(addDays(today(), -2));
    const form = progressForm({
      reportedOn,
      progress: "40",
      status: "AT_RISK",
      achievements: "Kuesioner disusun.",
      obstacles: "Data BPS belum dirilis.",
      nextSteps: "Wawancara lanjutan.",
      links: "https://drive.example.test/laporan\nhttp://banten.example.test/berita",
      files: [pdf(), new File([Buffer.from("PNGDATA")], "foto.png", { type: "image/png" })],
      obstacleDescription: "Data BPS belum dirilis",
      obstacleOwner: "Bappeda",
      obstacleDueDate: iso(addDays(today(), 30)),
      obstacleNeedsGovernorOffice: "on",
    });
    const { response, written, events } = await audited(() => postItem(item.id, "LIAISON_OWN", form));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/items/${item.id}`);
    expect(await toastOf(response)).toEqual({ type: "success", key: "progress.posted" });

    const saved = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ status: "AT_RISK", progress: 40 });
    expect(saved.lastUpdateAt?.toISOString().slice(0, 10)).toBe(reportedOn);

    const update = await prisma.progressUpdate.findFirstOrThrow({ where: { itemId: item.id }, include: { evidence: true, raisedObstacles: true } });
    expect(update).toMatchObject({
      progress: 40,
      status: "AT_RISK",
      narrative: "Survei lapangan di Kabupaten Lebak selesai.",
      achievements: "Kuesioner disusun.",
      nextSteps: "Wawancara lanjutan.",
      authorId: w.users.LIAISON_OWN.id,
      correctsId: null,
    });
    expect(update.evidence.filter((e) => e.kind === "LINK").map((e) => e.url).sort()).toEqual([
      "http://banten.example.test/berita",
      "https://drive.example.test/laporan",
    ]);
    const files = update.evidence.filter((e) => e.kind === "FILE");
    expect(files.map((f) => f.fileName).sort()).toEqual(["daftar-hadir.pdf", "foto.png"]);
    const stored = files.find((f) => f.fileName === "daftar-hadir.pdf")!;
    expect(stored).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF.length, uploadedById: w.users.LIAISON_OWN.id });
    const onDisk = path.join(process.env.DATA_DIR!, "uploads", stored.storagePath!);
    expect(fs.readFileSync(onDisk).equals(PDF)).toBe(true);

    expect(update.raisedObstacles).toHaveLength(1);
    expect(update.raisedObstacles[0]).toMatchObject({ description: "Data BPS belum dirilis", ownerName: "Bappeda", needsGovernorOffice: true, status: "OPEN" });

    expect(written).toBe(1);
    expect(events[0]).toMatchObject({ action: "create", entity: "ProgressUpdate", entityId: update.id, itemId: item.id, campusId: w.own });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ status: "AT_RISK", progress: 40, evidence: 4, obstacleId: update.raisedObstacles[0]!.id });
  });

  it("works as a plain url-encoded post too (no files)", async () => {
    const item = await freshItem();
    const response = await postItem(item.id, "LIAISON_OWN", { intent: "post-update", reportedOn: iso(today()), progress: "5", status: "ON_TRACK", narrative: "Rapat awal." });
    expect(response.status).toBe(302);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ progress: 5, status: "ON_TRACK" });
  });

  it("a back-dated update does not override a newer one", async () => {
    const item = await freshItem();
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -1)), progress: "60" }))).status).toBe(302);
    const response = await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -20)), progress: "35", status: "DELAYED" }));
    expect(response.status).toBe(302);
    const saved = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ progress: 60, status: "ON_TRACK" });
    expect(saved.lastUpdateAt?.toISOString().slice(0, 10)).toBe(iso(addDays(today(), -1)));
    expect(await prisma.progressUpdate.count({ where: { itemId: item.id } })).toBe(2);
    // on the same reporting day the later entry wins
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -1)), progress: "65" }))).status).toBe(302);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ progress: 65 });
  });

  it("a correction is a new update naming the one it corrects; the corrected one is kept", async () => {
    const item = await freshItem();
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -5)), progress: "80", narrative: "Salah ketik" }))).status).toBe(302);
    const wrong = await prisma.progressUpdate.findFirstOrThrow({ where: { itemId: item.id } });
    const { response, events } = await audited(() =>
      postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -5)), progress: "30", narrative: "Koreksi: 30 %", correctsId: wrong.id })),
    );
    expect(response.status).toBe(302);
    const correction = await prisma.progressUpdate.findFirstOrThrow({ where: { itemId: item.id, correctsId: wrong.id } });
    expect(correction.narrative).toBe("Koreksi: 30 %");
    expect(await prisma.progressUpdate.findUniqueOrThrow({ where: { id: wrong.id } })).toMatchObject({ progress: 80, narrative: "Salah ketik" });
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ progress: 30 });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ correctsId: wrong.id });
    const page = await jsonOf(await getItem(item.id, "LIAISON_OWN"));
    expect(page.item.updates.find((u: { id: string }) => u.id === correction.id).correctsId).toBe(wrong.id);
  });

  it("refuses to correct an update of another item", async () => {
    const item = await freshItem();
    const elsewhere = await freshItem();
    const foreign = await createUpdate(prisma, { itemId: elsewhere.id, authorId: w.users.ADMIN.id, reportedOn: new Date(Date.UTC(2026, 0, 10)), progress: 5, status: "ON_TRACK" });
    const { response, written } = await audited(() => postItem(item.id, "LIAISON_OWN", progressForm({ correctsId: foreign.id })));
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.result.error.correctsId).toEqual(["progress.correctsInvalid"]);
    expect(data.result.initialValue.narrative).toBe("Survei lapangan di Kabupaten Lebak selesai.");
    expect(written).toBe(0);
    expect(await prisma.progressUpdate.count({ where: { itemId: item.id } })).toBe(0);
  });

  const big = () => new File([Buffer.alloc(10 * 1024 * 1024 + 1, 1)], "besar.pdf", { type: "application/pdf" });
  const invalid: { name: string; change: () => Record<string, string | File | File[]>; field: string; error: string; filesDropped?: boolean }[] = [
    { name: "progress 101", change: () => ({ progress: "101" }), field: "progress", error: "progress.range" },
    { name: "progress -1", change: () => ({ progress: "-1" }), field: "progress", error: "progress.range" },
    { name: "progress that is not a number", change: () => ({ progress: "banyak" }), field: "progress", error: "form.invalidNumber" },
    { name: "COMPLETED with progress under 100", change: () => ({ status: "COMPLETED", progress: "90" }), field: "progress", error: "progress.completedNeeds100" },
    { name: "a reporting date in the future", change: () => ({ reportedOn: iso(addDays(today(), 1)) }), field: "reportedOn", error: "progress.future" },
    { name: "a bad reporting date", change: () => ({ reportedOn: "2026-02-30" }), field: "reportedOn", error: "form.invalidDate" },
    { name: "an unknown status", change: () => ({ status: "NOT_STARTED" }), field: "status", error: "form.invalidChoice" },
    { name: "a missing narrative", change: () => ({ narrative: " " }), field: "narrative", error: "form.required" },
    { name: "a bad evidence link", change: () => ({ links: "https://ok.example.test\njavascript:alert(1)" }), field: "links", error: "evidence.badLink" },
    { name: "a link that is not a URL", change: () => ({ links: "lihat drive" }), field: "links", error: "evidence.badLink" },
    { name: "too many files", change: () => ({ files: Array.from({ length: 6 }, (_, i) => pdf(`bukti-${i}.pdf`)) }), field: "files", error: "evidence.tooManyFiles", filesDropped: true },
    { name: "a file over 10 MB", change: () => ({ files: [pdf(), big()] }), field: "files", error: "evidence.tooLarge", filesDropped: true },
    { name: "an .exe file", change: () => ({ files: new File([Buffer.from("MZ")], "setup.exe", { type: "application/x-msdownload" }) }), field: "files", error: "evidence.badType", filesDropped: true },
    { name: "a PDF name on an executable type", change: () => ({ files: new File([Buffer.from("MZ")], "laporan.pdf", { type: "application/x-msdownload" }) }), field: "files", error: "evidence.badType", filesDropped: true },
    { name: "an obstacle owner without a description", change: () => ({ obstacleOwner: "Bappeda" }), field: "obstacleDescription", error: "obstacle.describe" },
  ];
  for (const c of invalid) {
    it(`answers 400 for ${c.name}, with the error on ${c.field} and the typed values kept`, async () => {
      const item = await freshItem();
      const change = c.change();
      const form = progressForm({ achievements: "Capaian yang diketik", ...change });
      const { response, written } = await audited(() => postItem(item.id, "LIAISON_OWN", form));
      expect(response.status).toBe(400);
      const data = await jsonOf(response);
      expect(data.intent).toBe("post-update");
      expect(data.result.error[c.field]).toContain(c.error);
      expect(data.filesDropped).toBe(c.filesDropped ?? false);
      expect(data.result.initialValue).toMatchObject({ achievements: "Capaian yang diketik", status: form.get("status") });
      if (c.field !== "narrative") expect(data.result.initialValue.narrative).toBe("Survei lapangan di Kabupaten Lebak selesai.");
      // multipart bodies carry line breaks as CRLF
      for (const [key, value] of Object.entries(change))
        if (typeof value === "string" && value.trim()) expect(data.result.initialValue[key].replace(/\r\n/g, "\n")).toBe(value);
      expect(written).toBe(0);
      expect(await prisma.progressUpdate.count({ where: { itemId: item.id } })).toBe(0);
      expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ progress: 0, status: "NOT_STARTED", lastUpdateAt: null });
    });
  }

  it("accepts COMPLETED at 100 % and five files", async () => {
    const item = await freshItem();
    const files = Array.from({ length: 5 }, (_, i) => pdf(`bukti-${i}.pdf`));
    const response = await postItem(item.id, "LIAISON_OWN", progressForm({ status: "COMPLETED", progress: "100", files }));
    expect(response.status).toBe(302);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "COMPLETED", progress: 100 });
    expect(await prisma.evidence.count({ where: { update: { itemId: item.id }, kind: "FILE" } })).toBe(5);
  });

  it("is refused to those who may not report on the item", async () => {
    const count = await prisma.progressUpdate.count();
    expect((await postItem(w.publishedItem.id, "OBSERVER", progressForm())).status).toBe(403);
    expect((await postItem(w.publishedItem.id, "REVIEWER", progressForm())).status).toBe(403);
    expect((await postItem(w.publishedItem.id, "LIAISON_OTHER", progressForm())).status).toBe(403);
    expect((await postItem(w.draftItem.id, "LIAISON_OTHER", progressForm())).status).toBe(404);
    expect(await prisma.progressUpdate.count()).toBe(count);
  });

  /** The cookie of a liaison's session that has expired since (the browser still sends it). */
  async function endedSessionCookie() {
    const cookie = await cookieFor(w.users.LIAISON_OWN.email);
    const sessionId = (await getCookieSession(new Request(ORIGIN, { headers: { Cookie: cookie } }))).get("sessionId");
    await prisma.$transaction((tx) => tx.session.updateMany({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    return cookie;
  }
  const postWithCookie = (itemId: string, cookie: string | null, form: Form) =>
    call(itemPage.action, makeRequest(`/items/${itemId}`, { form, cookie }), { itemId });

  it("keeps a form posted after the session ended and sends the user to sign in", async () => {
    const item = await freshItem();
    const response = await postWithCookie(item.id, await endedSessionCookie(), progressForm({ narrative: "Uraian yang tidak boleh hilang", files: pdf() }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, ORIGIN);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe(`/items/${item.id}`);
    expect(location.searchParams.get("expired")).toBe("1");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__draft=/);
    const draft = await prisma.formDraft.findFirstOrThrow({ where: { path: `/items/${item.id}` } });
    const { formId, fields } = JSON.parse(draft.data) as { formId: string; fields: [string, string][] };
    expect(formId).toBe(PROGRESS_FORM_ID);
    expect(fields).toContainEqual(["narrative", "Uraian yang tidak boleh hilang"]);
    expect(fields.map(([name]) => name)).not.toContain("intent");
    expect(fields.map(([name]) => name)).not.toContain("files");
    expect(fields.map(([name]) => name)).not.toContain("__form");
  });

  it("requireUser only guards: for an ended session it throws the sign-in redirect and writes nothing", async () => {
    const item = await freshItem();
    const cookie = await endedSessionCookie();
    const before = await prisma.formDraft.count();
    for (const guard of [requireUser, (request: Request) => requirePermission(request, "update.create", item)]) {
      const request = makeRequest(`/items/${item.id}`, { form: progressForm({ narrative: "Tidak disimpan oleh penjaga" }), cookie });
      const thrown = await guard(request).then(
        () => null,
        (e: unknown) => e,
      );
      expect(thrown).toBeInstanceOf(Response);
      const response = thrown as Response;
      expect(new URL(response.headers.get("Location")!, ORIGIN).pathname).toBe("/login");
      expect(response.headers.get("Set-Cookie")).toBeNull();
      // the body is still unread: the action entry may keep it, the guard did not touch it
      expect(request.bodyUsed).toBe(false);
    }
    expect(await prisma.formDraft.count()).toBe(before);
  });

  it("a kept draft comes back into the form it came from, by its Conform id, and into no other", async () => {
    const item = await freshItem();
    const obstacle = await createObstacle(prisma, { itemId: item.id });
    const cookie = await endedSessionCookie();
    const form = { intent: "resolve-obstacle", __form: resolveObstacleFormId(obstacle.id), obstacleId: obstacle.id, resolution: "Koordinasi dengan Bappeda" };
    const refused = await postWithCookie(item.id, cookie, form);
    expect(new URL(refused.headers.get("Location")!, ORIGIN).pathname).toBe("/login");
    const draftCookie = refused.headers.get("Set-Cookie")!.split(";")[0]!;

    // signed in again, the item page gets the draft once, named by its form
    const page = (c: string) => call(rootLoader, makeRequest(`/items/${item.id}`, { cookie: c }));
    const restored = await page(`${w.cookies.LIAISON_OWN}; ${draftCookie}`);
    const { restoredDraft } = await jsonOf(restored);
    expect(restoredDraft.formId).toBe(resolveObstacleFormId(obstacle.id));
    expect(restoredValues(restoredDraft, resolveObstacleFormId(obstacle.id))).toEqual({ obstacleId: obstacle.id, resolution: "Koordinasi dengan Bappeda" });
    // the other forms of the page, another obstacle's included, stay as they were
    for (const other of [PROGRESS_FORM_ID, COMMENT_FORM_ID, resolveObstacleFormId("another-obstacle")]) {
      expect(restoredValues(restoredDraft, other)).toBeNull();
    }
    expect(restored.headers.get("Set-Cookie")).toMatch(/^__draft=;/);
    // and only once
    expect((await jsonOf(await page(`${w.cookies.LIAISON_OWN}; ${restored.headers.get("Set-Cookie")!.split(";")[0]}`))).restoredDraft).toBeNull();
  });

  it("gives a kept draft back only to the user who typed it (a shared computer)", async () => {
    const item = await freshItem();
    const cookie = await endedSessionCookie(); // LIAISON_OWN's ended session
    const refused = await postWithCookie(item.id, cookie, progressForm({ __form: PROGRESS_FORM_ID, narrative: "Catatan pribadi penghubung" }));
    const draftCookie = refused.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(draftCookie).toMatch(/^__draft=/);
    // somebody else signs in on that browser and lands on the page
    const other = await call(rootLoader, makeRequest(`/items/${item.id}`, { cookie: `${w.cookies.REVIEWER}; ${draftCookie}` }));
    const data = await jsonOf(other);
    expect(data.restoredDraft).toBeNull();
    expect(JSON.stringify(data)).not.toContain("Catatan pribadi penghubung");
  });

  it("keeps nothing for a submission that does not name its form (it could not be restored anywhere)", async () => {
    const item = await freshItem();
    const before = await prisma.formDraft.count();
    const form = progressForm({ narrative: "Tanpa nama formulir" });
    form.delete("__form");
    const response = await postWithCookie(item.id, await endedSessionCookie(), form);
    expect(new URL(response.headers.get("Location")!, ORIGIN).pathname).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.formDraft.count()).toBe(before);
  });

  it("stores nothing for an anonymous post (no session was ever issued to it)", async () => {
    const item = await freshItem();
    const before = await prisma.formDraft.count();
    const response = await postItem(item.id, "ANONYMOUS", progressForm({ narrative: "Kiriman tanpa sesi" }));
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("Location")!, ORIGIN).pathname).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.formDraft.count()).toBe(before);
    // a cookie that is not ours (unsigned, or signed with another secret) is no session either
    const forged = await postWithCookie(item.id, "__session=eyJzZXNzaW9uSWQiOiJ4In0%3D", progressForm({ narrative: "Kiriman palsu" }));
    expect(forged.status).toBe(302);
    expect(await prisma.formDraft.count()).toBe(before);
  });

  it("keeps at most five drafts for one ended session, one per page", async () => {
    const cookie = await endedSessionCookie();
    const items = await Promise.all(Array.from({ length: 7 }, () => freshItem()));
    for (const item of items) expect((await postWithCookie(item.id, cookie, progressForm({ narrative: `Draf ${item.id}` }))).status).toBe(302);
    // the same page again replaces its draft
    await postWithCookie(items[6]!.id, cookie, progressForm({ narrative: "Draf terbaru" }));
    const sessionId = (await getCookieSession(new Request(ORIGIN, { headers: { Cookie: cookie } }))).get("sessionId");
    const drafts = await prisma.formDraft.findMany({ where: { sessionId }, select: { path: true, data: true } });
    expect(drafts).toHaveLength(5);
    expect(drafts.filter((d) => d.path === `/items/${items[6]!.id}`).map((d) => d.data)).toEqual([expect.stringContaining("Draf terbaru")]);
    expect(drafts.map((d) => d.path)).not.toContain(`/items/${items[0]!.id}`);
  });
});

// ---------- resolve-obstacle ----------

describe("resolve-obstacle", () => {
  it("an obstacle carries forward across updates until resolved, then one state event is written", async () => {
    const item = await freshItem();
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -10)), obstacleDescription: "Lahan belum dibebaskan" }))).status).toBe(302);
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ reportedOn: iso(addDays(today(), -1)), progress: "45" }))).status).toBe(302);
    let page = await jsonOf(await getItem(item.id, "LIAISON_OWN"));
    const open = page.item.obstacles.filter((o: { status: string }) => o.status === "OPEN");
    expect(open.map((o: { description: string }) => o.description)).toEqual(["Lahan belum dibebaskan"]);

    const { response, written, events } = await audited(() =>
      postItem(item.id, "LIAISON_OWN", { intent: "resolve-obstacle", obstacleId: open[0].id, resolution: "Pembebasan lahan selesai oleh Pemkab." }),
    );
    expect(response.status).toBe(302);
    expect(await toastOf(response)).toEqual({ type: "success", key: "obstacle.resolved" });
    expect(written).toBe(1);
    expect(events[0]).toMatchObject({ action: "state", entity: "Obstacle", entityId: open[0].id, itemId: item.id });
    const obstacle = await prisma.obstacle.findUniqueOrThrow({ where: { id: open[0].id } });
    expect(obstacle).toMatchObject({ status: "RESOLVED", resolution: "Pembebasan lahan selesai oleh Pemkab.", resolvedById: w.users.LIAISON_OWN.id });
    expect(obstacle.resolvedAt).not.toBeNull();
    page = await jsonOf(await getItem(item.id, "LIAISON_OWN"));
    expect(page.item.obstacles.filter((o: { status: string }) => o.status === "OPEN")).toEqual([]);

    // resolving again changes nothing
    const again = await audited(() => postItem(item.id, "LIAISON_OWN", { intent: "resolve-obstacle", obstacleId: open[0].id, resolution: "Lagi" }));
    expect(again.response.status).toBe(302);
    expect(await toastOf(again.response)).toEqual({ type: "info", key: "obstacle.alreadyResolved" });
    expect(again.written).toBe(0);
  });

  it("answers 404 for another item's obstacle and 400 without a resolution", async () => {
    const item = await freshItem();
    const other = await freshItem();
    const foreign = await createObstacle(prisma, { itemId: other.id });
    const { response, written } = await audited(() => postItem(item.id, "LIAISON_OWN", { intent: "resolve-obstacle", obstacleId: foreign.id, resolution: "Tidak boleh" }));
    expect(response.status).toBe(404);
    expect(written).toBe(0);
    expect((await prisma.obstacle.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("OPEN");

    const mine = await createObstacle(prisma, { itemId: item.id });
    const empty = await postItem(item.id, "LIAISON_OWN", { intent: "resolve-obstacle", obstacleId: mine.id, resolution: "  " });
    expect(empty.status).toBe(400);
    const refused = await jsonOf(empty);
    expect(refused).toMatchObject({ intent: "resolve-obstacle", obstacleId: mine.id });
    expect(refused.result.error.resolution).toEqual(["form.required"]);
  });

  it("is refused to the governor's office and other campuses", async () => {
    const obstacle = await createObstacle(prisma, { itemId: w.publishedItem.id });
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) {
      expect((await postItem(w.publishedItem.id, who, { intent: "resolve-obstacle", obstacleId: obstacle.id, resolution: "X" })).status).toBe(403);
    }
    expect((await prisma.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } })).status).toBe("OPEN");
  });
});

// ---------- comment ----------

describe("comment", () => {
  it("adds a comment with one create event; an empty one is 400; observers and other campuses are refused", async () => {
    const item = await freshItem();
    const { response, written, events } = await audited(() => postItem(item.id, "REVIEWER", { intent: "comment", body: "Mohon lampirkan daftar hadir." }));
    expect(response.status).toBe(302);
    expect(await toastOf(response)).toEqual({ type: "success", key: "comment.posted" });
    expect(written).toBe(1);
    const comment = await prisma.comment.findFirstOrThrow({ where: { itemId: item.id } });
    expect(comment).toMatchObject({ body: "Mohon lampirkan daftar hadir.", authorId: w.users.REVIEWER.id });
    expect(events[0]).toMatchObject({ action: "create", entity: "Comment", entityId: comment.id, itemId: item.id });

    const empty = await audited(() => postItem(item.id, "LIAISON_OWN", { intent: "comment", body: "" }));
    expect(empty.response.status).toBe(400);
    const refused = await jsonOf(empty.response);
    expect(refused.intent).toBe("comment");
    expect(refused.result.error.body).toEqual(["form.required"]);
    expect(empty.written).toBe(0);

    expect((await postItem(item.id, "OBSERVER", { intent: "comment", body: "x" })).status).toBe(403);
    expect((await postItem(item.id, "LIAISON_OTHER", { intent: "comment", body: "x" })).status).toBe(403);
    expect(await prisma.comment.count({ where: { itemId: item.id } })).toBe(1);
  });

  it("the item page shows the latest 200 comments, oldest first", async () => {
    const item = await freshItem();
    const start = Date.UTC(2026, 0, 1);
    await prisma.comment.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        itemId: item.id,
        authorId: w.users.REVIEWER.id,
        body: `Komentar ${i + 1}`,
        createdAt: new Date(start + i * 60_000),
      })),
    });
    const { comments } = await jsonOf(await getItem(item.id, "LIAISON_OWN"));
    expect(comments).toHaveLength(200);
    expect(comments[0].body).toBe("Komentar 6");
    expect(comments.at(-1).body).toBe("Komentar 205");
  });

  it("an unknown intent is 400", async () => {
    expect((await postItem(w.publishedItem.id, "LIAISON_OWN", { intent: "delete-everything" })).status).toBe(400);
  });
});

// ---------- /evidence/:id ----------

describe("/evidence/:evidenceId", () => {
  async function uploaded(visibility: "PUBLISHED" | "DRAFT", file: File = pdf("notulen rapat.pdf")) {
    const item = await freshItem({ visibility });
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ files: file }))).status).toBe(302);
    return prisma.evidence.findFirstOrThrow({ where: { update: { itemId: item.id }, kind: "FILE" } });
  }

  it("serves a published item's file to its campus, the governor's office, observers and admins, with safe headers", async () => {
    const evidence = await uploaded("PUBLISHED");
    for (const who of ["LIAISON_OWN", "REVIEWER", "OBSERVER", "ADMIN"] as const) {
      const response = await getEvidence(evidence.id, who);
      expect(response.status, who).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe("inline; filename*=UTF-8''notulen%20rapat.pdf");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Cache-Control")).toContain("no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
  });

  it("sends office documents as attachments", async () => {
    const docx = new File([Buffer.from("PK\u0003\u0004docx")], "laporan.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    const evidence = await uploaded("PUBLISHED", docx);
    const response = await getEvidence(evidence.id, "LIAISON_OWN");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''laporan.docx");
  });

  it("is 404 for a liaison of another campus, for a draft's outsiders, for links and unknown ids; anonymous users sign in", async () => {
    const published = await uploaded("PUBLISHED");
    expect((await getEvidence(published.id, "LIAISON_OTHER")).status).toBe(404);
    const anonymous = await getEvidence(published.id, "ANONYMOUS");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?/);

    const draft = await uploaded("DRAFT");
    expect((await getEvidence(draft.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getEvidence(draft.id, "OBSERVER")).status).toBe(404);
    expect((await getEvidence(draft.id, "LIAISON_OWN")).status).toBe(200);
    expect((await getEvidence(draft.id, "REVIEWER")).status).toBe(200);

    const item = await freshItem();
    expect((await postItem(item.id, "LIAISON_OWN", progressForm({ links: "https://example.test/a" }))).status).toBe(302);
    const link = await prisma.evidence.findFirstOrThrow({ where: { update: { itemId: item.id }, kind: "LINK" } });
    expect((await getEvidence(link.id, "LIAISON_OWN")).status).toBe(404);
    expect((await getEvidence("no-such-evidence", "ADMIN")).status).toBe(404);
  });

  it("the item page lists evidence links only for those who may download them", async () => {
    const evidence = await uploaded("PUBLISHED");
    const itemId = (await prisma.progressUpdate.findUniqueOrThrow({ where: { id: evidence.updateId! } })).itemId;
    const own = await jsonOf(await getItem(itemId, "LIAISON_OWN"));
    expect(own.may.internal).toBe(true);
    expect(own.item.updates[0].evidence.map((e: { id: string }) => e.id)).toContain(evidence.id);
    const other = await jsonOf(await getItem(itemId, "LIAISON_OTHER"));
    expect(other.may.internal).toBe(false);
  });
});

// ---------- drafts of another campus ----------

describe("a draft item of another campus", () => {
  it("is 404 on its page, its edit page and for every intent", async () => {
    expect((await getItem(w.draftItem.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getEdit(w.draftItem.id, "LIAISON_OTHER")).status).toBe(404);
    const forms: Record<string, string>[] = [
      { intent: "comment", body: "x" },
      { intent: "resolve-obstacle", obstacleId: "x", resolution: "x" },
      { intent: "post-update", reportedOn: "2026-03-01", progress: "10", status: "ON_TRACK", narrative: "x" },
    ];
    for (const form of forms) {
      expect((await postItem(w.draftItem.id, "LIAISON_OTHER", form)).status).toBe(404);
    }
  });
});


describe("a progress update whose write fails", () => {
  const storedFiles = (): string[] => {
    const root = path.join(process.env.DATA_DIR!, "uploads");
    if (!fs.existsSync(root)) return [];
    return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  };
  it("leaves no stored file behind and writes nothing", async () => {
    const { postProgressUpdate } = await import("~/models/roadmap-item.server");
    const files = storedFiles();
    const updates = await prisma.progressUpdate.count();
    const audits = await prisma.auditEvent.count();
    // the item vanished between the access check and the write
    const gone = { id: "item-that-is-gone", campusId: w.own };
    await expect(
      postProgressUpdate({ userId: w.users.LIAISON_OWN.id, ip: null }, gone, {
        reportedOn: today(),
        progress: 10,
        status: "ON_TRACK",
        narrative: "Laporan dengan lampiran.",
        files: [pdf()],
      }),
    ).rejects.toThrow();
    expect(storedFiles()).toEqual(files);
    expect(await prisma.progressUpdate.count()).toBe(updates);
    expect(await prisma.auditEvent.count()).toBe(audits);
  });
});
