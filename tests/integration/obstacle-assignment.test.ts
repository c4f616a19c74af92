// Obstacles handed to a government unit, resolved by its focal point, the unit's notes on an item,
// what a unit focal point reads on an item page, and the weekly digest of a unit focal point.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInBanten, toIsoDate } from "~/domain/dates";
import { weeklyDigest } from "~/models/nudge.server";
import { resolveObstacle } from "~/models/obstacle.server";
import * as itemPage from "~/routes/items.$itemId._index";
import { prisma } from "~/utils/db.server";
import { createObstacle, createUpdate } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let retiredUnitId: string;

beforeAll(async () => {
  w = await buildWorld();
  retiredUnitId = (await prisma.governmentUnit.create({ data: { code: "dinas-lama", name: "Dinas Lama", retiredAt: new Date() } })).id;
});

type Form = Record<string, string>;
const getItem = (itemId: string, who: Who) => call(itemPage.loader, makeRequest(`/items/${itemId}`, { cookie: w.cookies[who] }), { itemId });
const postItem = (itemId: string, who: Who, form: Form) =>
  call(itemPage.action, makeRequest(`/items/${itemId}`, { form, cookie: w.cookies[who] }), { itemId });

/** Who received notifications of this kind (their e-mail addresses), and forgets them. */
async function notified(kind: string): Promise<string[]> {
  const rows = await prisma.notification.findMany({ where: { kind }, select: { user: { select: { email: true } } } });
  await prisma.notification.deleteMany({ where: { kind } });
  return rows.map((r) => r.user.email).sort();
}

const assign = (who: Who, form: Form) => postItem(w.publishedItem.id, who, { intent: "assign-obstacle", obstacleId: w.obstacle.id, ...form });

describe("handing an obstacle to a government unit", () => {
  it("assigns it to Bappeda with owner and due date, audited, and notifies Bappeda's focal points only", async () => {
    const response = await assign("REVIEWER", { ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id, ownerName: "Kabid Statistik", dueDate: "2026-12-31" });
    expect(response.status).toBe(302);
    const obstacle = await prisma.obstacle.findUniqueOrThrow({ where: { id: w.obstacle.id } });
    expect(obstacle).toMatchObject({ ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id, ownerName: "Kabid Statistik", status: "OPEN" });
    expect(toIsoDate(obstacle.dueDate!)).toBe("2026-12-31");
    expect(obstacle.assignedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { entity: "Obstacle", entityId: w.obstacle.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit!.after!)).toMatchObject({ ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id });
    expect(await notified("notify.obstacleAssigned")).toEqual([w.users.UNIT_OWN.email]);
    // the item page names the owning unit, linked to its page
    const data = await jsonOf(await getItem(w.publishedItem.id, "OBSERVER"));
    const shown = data.item.obstacles.find((o: { id: string }) => o.id === w.obstacle.id);
    expect(shown.ownerUnit).toMatchObject({ code: "bappeda" });
  });

  it("tells the unit once: a new due date on an obstacle it already owns notifies no one again", async () => {
    expect((await assign("REVIEWER", { ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id, ownerName: "Kabid Statistik", dueDate: "2027-01-15" })).status).toBe(302);
    expect(toIsoDate((await prisma.obstacle.findUniqueOrThrow({ where: { id: w.obstacle.id } })).dueDate!)).toBe("2027-01-15");
    expect(await notified("notify.obstacleAssigned")).toEqual([]);
  });

  it("hands it back to the campus without notifying any unit", async () => {
    expect((await assign("LIAISON_OWN", { ownerSide: "CAMPUS", ownerUnitId: w.ownUnit.id })).status).toBe(302);
    expect(await prisma.obstacle.findUniqueOrThrow({ where: { id: w.obstacle.id } })).toMatchObject({ ownerSide: "CAMPUS", ownerUnitId: null });
    expect(await notified("notify.obstacleAssigned")).toEqual([]);
  });

  it("refuses a retired unit, an unknown unit and no unit with the error next to the unit field, changing nothing", async () => {
    for (const ownerUnitId of [retiredUnitId, "no-such-unit", ""]) {
      const response = await assign("REVIEWER", { ownerSide: "GOVERNMENT", ownerUnitId, ownerName: "Siapa saja" });
      expect(response.status).toBe(400);
      const body = await jsonOf(response);
      expect(body.intent).toBe("assign-obstacle");
      expect(body.result.error.ownerUnitId).toEqual([ownerUnitId ? "obstacle.unitInvalid" : "obstacle.unitRequired"]);
      expect(body.result.initialValue.ownerName).toBe("Siapa saja");
    }
    expect(await prisma.obstacle.findUniqueOrThrow({ where: { id: w.obstacle.id } })).toMatchObject({ ownerSide: "CAMPUS", ownerUnitId: null });
  });

  it("lets a liaison raise a new obstacle waiting on a unit with a progress update, and refuses a retired one", async () => {
    const form = { intent: "post-update", reportedOn: toIsoDate(todayInBanten()), progress: "5", status: "ON_TRACK", narrative: "Menunggu data." };
    const refused = await postItem(w.publishedItem.id, "LIAISON_OWN", { ...form, obstacleDescription: "Izin akses data", obstacleUnitId: retiredUnitId });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).result.error.obstacleUnitId).toEqual(["obstacle.unitInvalid"]);
    const posted = await postItem(w.publishedItem.id, "LIAISON_OWN", { ...form, obstacleDescription: "Izin akses data", obstacleUnitId: w.ownUnit.id });
    expect(posted.status).toBe(302);
    const raised = await prisma.obstacle.findFirstOrThrow({ where: { itemId: w.publishedItem.id, description: "Izin akses data" } });
    expect(raised).toMatchObject({ ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id });
    expect(await notified("notify.obstacleAssigned")).toEqual([w.users.UNIT_OWN.email]);
  });
});

describe("resolving an obstacle owned by a unit", () => {
  const resolve = (who: Who, obstacleId: string) => postItem(w.publishedItem.id, who, { intent: "resolve-obstacle", obstacleId, resolution: "Data sudah dikirim." });

  it("is refused to another unit's focal point and to the unit's focal point on a campus-owned obstacle", async () => {
    expect((await resolve("UNIT_OTHER", w.unitObstacle.id)).status).toBe(403);
    expect((await resolve("UNIT_OWN", w.obstacle.id)).status).toBe(403);
    expect((await prisma.obstacle.findUniqueOrThrow({ where: { id: w.unitObstacle.id } })).status).toBe("OPEN");
  });

  it("refuses another unit's focal point before reading the body (it owns no obstacle of the item)", async () => {
    // a body the action could not even parse: a 403, not a 400, shows it was never read
    const unparsable = (who: Who) =>
      call(
        itemPage.action,
        new Request(`http://localhost/items/${w.publishedItem.id}`, {
          method: "POST",
          headers: { Cookie: w.cookies[who]!, Origin: "http://localhost", "Content-Type": "multipart/form-data", "Content-Length": "7" },
          body: "garbage",
        }),
        { itemId: w.publishedItem.id },
      );
    expect((await unparsable("UNIT_OTHER")).status).toBe(403);
    expect((await unparsable("OBSERVER")).status).toBe(403);
    // the owning unit's focal point gets as far as reading it
    expect((await unparsable("UNIT_OWN")).status).toBe(400);
  });

  it("is decided again inside the transaction: an obstacle handed away from the unit meanwhile is not its to resolve", async () => {
    // the route checked the unit's right; the obstacle is the campus's by the time it is written
    const principal = { id: w.users.UNIT_OWN.id, role: "UNIT" as const, campusIds: [], unitIds: [w.ownUnit.id] };
    const item = { id: w.publishedItem.id, campusId: w.own, title: "Published ITB item" };
    expect(await resolveObstacle({ userId: principal.id, ip: null }, principal, item, w.obstacle.id, "Selesai.")).toBe("forbidden");
    expect((await prisma.obstacle.findUniqueOrThrow({ where: { id: w.obstacle.id } })).status).toBe("OPEN");
  });

  it("is done by the owning unit's focal point, and the campus's liaisons are told", async () => {
    const response = await resolve("UNIT_OWN", w.unitObstacle.id);
    expect(response.status).toBe(302);
    expect(await prisma.obstacle.findUniqueOrThrow({ where: { id: w.unitObstacle.id } })).toMatchObject({ status: "RESOLVED", resolvedById: w.users.UNIT_OWN.id });
    const recipients = await notified("notify.obstacleResolvedByUnit");
    expect(recipients).toContain(w.users.LIAISON_OWN.email);
    const roles = await prisma.user.findMany({ where: { email: { in: recipients } }, select: { role: true } });
    expect(roles.every((u) => u.role === "LIAISON")).toBe(true);
  });
});

describe("a government unit's note", () => {
  it("appears in the item's history as the unit's, changes neither progress nor status, and tells the liaisons", async () => {
    const before = await prisma.roadmapItem.findUniqueOrThrow({ where: { id: w.publishedItem.id }, select: { progress: true, status: true, lastUpdateAt: true } });
    const response = await postItem(w.publishedItem.id, "UNIT_OWN", { intent: "government-note", body: "Data kependudukan 2025 sudah kami serahkan." });
    expect(response.status).toBe(302);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: w.publishedItem.id }, select: { progress: true, status: true, lastUpdateAt: true } })).toEqual(before);
    const data = await jsonOf(await getItem(w.publishedItem.id, "LIAISON_OWN"));
    expect(data.item.notes[0]).toMatchObject({ body: "Data kependudukan 2025 sudah kami serahkan.", unit: { code: "bappeda" }, author: { name: "PIC Bappeda" } });
    expect(data.item.updates.some((u: { narrative: string }) => u.narrative.includes("Data kependudukan"))).toBe(false);
    expect(await prisma.auditEvent.count({ where: { entity: "GovernmentNote", itemId: w.publishedItem.id } })).toBe(1);
    expect(await notified("notify.governmentNote")).toContain(w.users.LIAISON_OWN.email);
  });

  it("refuses an empty or too long note with the error on the field, and another unit's focal point", async () => {
    for (const body of ["  ", "x".repeat(2001)]) {
      const response = await postItem(w.publishedItem.id, "UNIT_OWN", { intent: "government-note", body });
      expect(response.status).toBe(400);
      expect((await jsonOf(response)).result.error.body).toEqual([body.trim() ? "form.tooLong" : "form.required"]);
    }
    expect((await postItem(w.publishedItem.id, "UNIT_OTHER", { intent: "government-note", body: "Bukan mitra kami." })).status).toBe(403);
    expect(await prisma.governmentNote.count({ where: { itemId: w.publishedItem.id } })).toBe(1);
  });
});

describe("what a unit focal point reads on an item page", () => {
  it("the counterpart unit reads the internals of the published item, comments, and resolves its obstacles", async () => {
    const data = await jsonOf(await getItem(w.publishedItem.id, "UNIT_OWN"));
    expect(data.may).toMatchObject({ internal: true, comment: true, note: true, update: false, edit: false, assign: false });
    expect(data.history.length).toBeGreaterThan(0);
  });

  it("a draft stays invisible to the counterpart unit", async () => {
    await prisma.roadmapItem.update({ where: { id: w.draftItem.id }, data: { governmentUnitId: w.ownUnit.id } });
    expect((await getItem(w.draftItem.id, "UNIT_OWN")).status).toBe(404);
  });

  it("a draft naming the unit tells the unit nothing: no comment, no handed obstacle reaches its focal points", async () => {
    await prisma.roadmapItem.update({ where: { id: w.draftItem.id }, data: { governmentUnitId: w.ownUnit.id } });
    await prisma.notification.deleteMany({ where: { kind: { in: ["notify.comment", "notify.obstacleAssigned"] } } });
    expect((await postItem(w.draftItem.id, "LIAISON_OWN", { intent: "comment", body: "Catatan internal draf." })).status).toBe(302);
    expect(await notified("notify.comment")).not.toContain(w.users.UNIT_OWN.email);
    const draftObstacle = await createObstacle(prisma, { itemId: w.draftItem.id, description: "Kendala draf rahasia" });
    const handed = await postItem(w.draftItem.id, "REVIEWER", { intent: "assign-obstacle", obstacleId: draftObstacle.id, ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id });
    expect(handed.status).toBe(302);
    expect(await notified("notify.obstacleAssigned")).toEqual([]);
    expect(await prisma.outboundMessage.count({ where: { toAddress: w.users.UNIT_OWN.email, subject: { contains: "draf" } } })).toBe(0);
  });

  it("another unit reads only the published item, like an observer without internals", async () => {
    const data = await jsonOf(await getItem(w.publishedItem.id, "UNIT_OTHER"));
    expect(data.may).toMatchObject({ internal: false, comment: false, note: false });
    expect(data.comments).toEqual([]);
    expect(data.history).toEqual([]);
    expect(data.item.campusPicContact).toBeNull();
    expect(data.item.obstacles.every((o: { resolvable: boolean }) => !o.resolvable)).toBe(true);
  });

  it("a comment on the item reaches the counterpart unit's focal points, never the commenter", async () => {
    await prisma.notification.deleteMany({ where: { kind: "notify.comment" } });
    expect((await postItem(w.publishedItem.id, "REVIEWER", { intent: "comment", body: "Mohon Bappeda melengkapi data." })).status).toBe(302);
    const recipients = await notified("notify.comment");
    expect(recipients).toContain(w.users.UNIT_OWN.email);
    expect(recipients).not.toContain(w.users.UNIT_OTHER.email);
    expect((await postItem(w.publishedItem.id, "UNIT_OWN", { intent: "comment", body: "Sudah kami lengkapi." })).status).toBe(302);
    const second = await notified("notify.comment");
    expect(second).toContain(w.users.LIAISON_OWN.email);
    expect(second).not.toContain(w.users.UNIT_OWN.email);
  });
});

describe("the weekly digest of a unit focal point", () => {
  it("lists the open obstacles its unit owns, past due first, and the week's updates on its unit's items", async () => {
    const now = new Date();
    const today = todayInBanten(now);
    await createObstacle(prisma, { itemId: w.publishedItem.id, description: "Rekomendasi teknis belum terbit", dueDate: addDays(today, 20), ownerUnitId: w.ownUnit.id });
    await createObstacle(prisma, { itemId: w.publishedItem.id, description: "Data BPS tahunan tertunda", dueDate: addDays(today, -3), ownerUnitId: w.ownUnit.id });
    // a draft's obstacle is never shown to a unit
    await createObstacle(prisma, { itemId: w.draftItem.id, description: "HAMBATAN-DRAF", dueDate: addDays(today, -1), ownerUnitId: w.ownUnit.id });
    await createUpdate(prisma, { itemId: w.publishedItem.id, authorId: w.users.LIAISON_OWN.id, reportedOn: today, progress: 45, status: "ON_TRACK" });
    await prisma.outboundMessage.deleteMany({});
    await prisma.$transaction((tx) => weeklyDigest(tx, now, { staleAfterDays: 30 }));
    const mails = await prisma.outboundMessage.findMany({ where: { kind: "mail.digest.unit" } });
    expect(mails.map((m) => m.toAddress)).toEqual([w.users.UNIT_OWN.email]);
    const text = mails[0]!.text;
    expect(mails[0]!.subject).toContain("Bappeda");
    expect(text.indexOf("Data BPS tahunan tertunda")).toBeGreaterThan(-1);
    expect(text.indexOf("Data BPS tahunan tertunda")).toBeLessThan(text.indexOf("Rekomendasi teknis belum terbit"));
    expect(text).toContain("LEWAT TARGET");
    expect(text).not.toContain("HAMBATAN-DRAF");
    expect(text).toContain("45%");
  });
});
