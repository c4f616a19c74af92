// The monthly check-in (/campuses/:slug/check-in), called with real Requests on a real SQLite file:
// who may open and post it, the order of the rows, one report per changed row in one transaction
// with its audit events, and a refused row that keeps every row's input.
import { beforeAll, describe, expect, it } from "vitest";
import { toIsoDate, todayInBanten } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { getCookieSession } from "~/utils/session.server";
import * as checkIn from "~/routes/campuses.$slug_.check-in";
import { createItem, createUpdate } from "../../prisma/factories";
import { ORIGIN, call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let overdue: { id: string };
let recent: { id: string };
let closed: { id: string };

beforeAll(async () => {
  w = await buildWorld();
  // planned to end long ago and still open: overdue, listed first
  overdue = await createItem(prisma, {
    campusId: w.own,
    priorityAreaId: w.area.id,
    title: "Pelatihan vokasi nelayan",
    plannedStart: new Date(Date.UTC(2025, 11, 1)),
    plannedEnd: new Date(Date.UTC(2026, 0, 31)),
  });
  recent = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Kajian air bersih" });
  await createUpdate(prisma, { itemId: recent.id, authorId: w.users.LIAISON_OWN.id, reportedOn: todayInBanten(), progress: 40, status: "ON_TRACK" });
  closed = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program selesai" });
  await createUpdate(prisma, { itemId: closed.id, authorId: w.users.LIAISON_OWN.id, reportedOn: todayInBanten(), progress: 100, status: "COMPLETED" });
});

const get = (who: Who, slug = "itb") => call(checkIn.loader, makeRequest(`/campuses/${slug}/check-in`, { cookie: w.cookies[who] }), { slug });
const post = (who: Who, form: Record<string, string>, slug = "itb") =>
  call(checkIn.action, makeRequest(`/campuses/${slug}/check-in`, { form, cookie: w.cookies[who] }), { slug });

type Row = { id: string; title: string; progress: number; status: string; overdue: boolean; stale: boolean };

/** The form as the page sends it: every listed row as it was shown, with `changes` applied by item id. */
async function formFor(changes: Record<string, Record<string, string>>, who: Who = "LIAISON_OWN") {
  const { items } = await jsonOf<{ items: Row[] }>(await get(who));
  const form: Record<string, string> = { reportedOn: toIsoDate(todayInBanten()) };
  items.forEach((item, i) => {
    const shown = item.status === "NOT_STARTED" ? "ON_TRACK" : item.status;
    const row = { itemId: item.id, initialProgress: String(item.progress), initialStatus: shown, progress: String(item.progress), status: shown, narrative: "" };
    for (const [field, value] of Object.entries({ ...row, ...changes[item.id] })) form[`rows[${i}].${field}`] = value;
  });
  return { form, items };
}

async function toastOf(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) return null;
  const session = await getCookieSession(new Request(ORIGIN, { headers: { Cookie: setCookie.split(";")[0]! } }));
  return session.get("toast") ?? null;
}

describe("who may", () => {
  it("opens for the campus's liaison and an administrator only", async () => {
    expect((await get("LIAISON_OWN")).status).toBe(200);
    expect((await get("ADMIN")).status).toBe(200);
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) expect((await get(who)).status).toBe(403);
    expect((await get("ANONYMOUS")).status).toBe(302);
    expect((await get("LIAISON_OWN", "no-such-campus")).status).toBe(404);
  });
});

describe("the page", () => {
  it("lists the open items only, overdue and stale ones first", async () => {
    const { items } = await jsonOf<{ items: Row[] }>(await get("LIAISON_OWN"));
    const ids = items.map((i) => i.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).toContain(w.draftItem.id);
    expect(ids[0]).toBe(overdue.id);
    expect(items[0]!.overdue).toBe(true);
    // the world's published item has had no update since January: stale, before the recent one
    expect(ids.indexOf(w.publishedItem.id)).toBeLessThan(ids.indexOf(recent.id));
    expect(items.find((i) => i.id === w.publishedItem.id)!.stale).toBe(true);
    expect(items.find((i) => i.id === recent.id)!.stale).toBe(false);
  });
});

describe("posting", () => {
  it("refuses a form with no changed row, writing nothing", async () => {
    const { form } = await formFor({});
    const before = await prisma.progressUpdate.count();
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error[""]).toEqual(["checkIn.nothingToSend"]);
    expect(await prisma.progressUpdate.count()).toBe(before);
  });

  it("an invalid row refuses the whole check-in, keeps every row's input and names the row's field", async () => {
    const { form, items } = await formFor({
      [overdue.id]: { progress: "150", narrative: "Pelatihan tahap dua berjalan." },
      [recent.id]: { progress: "55", narrative: "Survei sumber air selesai." },
    });
    const before = await prisma.progressUpdate.count();
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    const overdueRow = items.findIndex((i) => i.id === overdue.id);
    const recentRow = items.findIndex((i) => i.id === recent.id);
    expect(result.error[`rows[${overdueRow}].progress`]).toEqual(["progress.range"]);
    expect(result.error[`rows[${recentRow}].progress`]).toBeUndefined();
    expect(result.initialValue.rows[recentRow].narrative).toBe("Survei sumber air selesai.");
    expect(result.initialValue.rows[overdueRow].progress).toBe("150");
    expect(await prisma.progressUpdate.count()).toBe(before);
  });

  it("a changed row needs its sentence, and Selesai needs 100 % (the item page's rules)", async () => {
    const { form, items } = await formFor({ [recent.id]: { progress: "60" }, [overdue.id]: { status: "COMPLETED", progress: "90", narrative: "Selesai." } });
    const { result } = await jsonOf(await post("LIAISON_OWN", form));
    expect(result.error[`rows[${items.findIndex((i) => i.id === recent.id)}].narrative`]).toEqual(["form.required"]);
    expect(result.error[`rows[${items.findIndex((i) => i.id === overdue.id)}].progress`]).toEqual(["progress.completedNeeds100"]);
  });

  it("posts one update per changed or 'no change' row in one go, each audited, and leaves the others alone", async () => {
    const { form } = await formFor({
      [overdue.id]: { progress: "70", status: "DELAYED", narrative: "Pelatihan tahap dua tertunda cuaca." },
      [recent.id]: { noChange: "on" },
    });
    const audits = await prisma.auditEvent.count({ where: { entity: "ProgressUpdate" } });
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/campuses/itb");
    expect(await toastOf(response)).toMatchObject({ key: "checkIn.posted", params: { count: 2 } });
    const overdueNow = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: overdue.id } });
    expect([overdueNow.progress, overdueNow.status]).toEqual([70, "DELAYED"]);
    const latestRecent = await prisma.progressUpdate.findFirstOrThrow({ where: { itemId: recent.id }, orderBy: { createdAt: "desc" } });
    expect([latestRecent.progress, latestRecent.status, latestRecent.narrative]).toEqual([40, "ON_TRACK", "Tidak ada perubahan sejak laporan sebelumnya."]);
    expect(await prisma.progressUpdate.count({ where: { itemId: w.draftItem.id } })).toBe(0);
    const events = await prisma.auditEvent.findMany({ where: { entity: "ProgressUpdate" }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(await prisma.auditEvent.count({ where: { entity: "ProgressUpdate" } })).toBe(audits + 2);
    expect(new Set(events.map((e) => e.itemId))).toEqual(new Set([overdue.id, recent.id]));
    expect(events.every((e) => e.actorId === w.users.LIAISON_OWN.id)).toBe(true);
  });

  it("all or nothing: a row naming another campus's item refuses every row", async () => {
    const foreign = await createItem(prisma, { campusId: w.other, priorityAreaId: w.area.id, title: "Program UMT" });
    const { form } = await formFor({ [recent.id]: { progress: "65", narrative: "Tahap tiga." } });
    form["rows[0].itemId"] = foreign.id;
    form["rows[0].noChange"] = "on";
    const before = await prisma.progressUpdate.count();
    const response = await post("LIAISON_OWN", form);
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).result.error[""]).toEqual(["checkIn.itemGone"]);
    expect(await prisma.progressUpdate.count()).toBe(before);
  });

  it("refuses the governor's office and another campus's liaison before reading the form", async () => {
    const { form } = await formFor({ [recent.id]: { noChange: "on" } });
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) expect((await post(who, form)).status).toBe(403);
  });

  it("answers 400 at once, writing nothing, for a row index no page sends (a sparse list would cost seconds to check)", async () => {
    const before = await prisma.progressUpdate.count();
    const response = await post("LIAISON_OWN", { reportedOn: toIsoDate(todayInBanten()), "rows[1000000].itemId": recent.id });
    expect(response.status).toBe(400);
    expect(await prisma.progressUpdate.count()).toBe(before);
  });
});
