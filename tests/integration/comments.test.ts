import { beforeAll, describe, expect, it } from "vitest";
import { action } from "~/routes/items.$itemId._index";
import { prisma } from "~/utils/db.server";
import { createItem, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, makeRequest } from "../support/http";

let itemId: string;

beforeAll(async () => {
  const ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  await createUser(prisma, { email: "reviewer@c.test", role: "REVIEWER", name: "Rina Reviewer" });
  await createUser(prisma, { email: "admin@c.test", role: "ADMIN" });
  await createUser(prisma, { email: "liaison.itb@c.test", role: "LIAISON", campusIds: [ids.itb!], name: "Lia ITB" });
  await createUser(prisma, { email: "liaison.umt@c.test", role: "LIAISON", campusIds: [ids.umt!] });
  itemId = (await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, title: "Kajian air bersih" })).id;
});

async function comment(email: string, body: string) {
  const cookie = await cookieFor(email);
  return call(action, makeRequest(`/items/${itemId}`, { cookie, form: { intent: "comment", body } }), { itemId });
}

async function recipients() {
  const rows = await prisma.notification.findMany({ where: { kind: "notify.comment" }, include: { user: true } });
  await prisma.notification.deleteMany({ where: { kind: "notify.comment" } });
  return rows.map((r) => r.user.email).sort();
}

describe("comments notify the other side", () => {
  it("a reviewer's comment notifies the campus's liaisons only", async () => {
    expect((await comment("reviewer@c.test", "Mohon data dukung.")).status).toBe(302);
    expect(await recipients()).toEqual(["liaison.itb@c.test"]);
  });
  it("a liaison's comment notifies the reviewers, with the author and item named", async () => {
    expect((await comment("liaison.itb@c.test", "Sudah kami unggah.")).status).toBe(302);
    const rows = await prisma.notification.findMany({ where: { kind: "notify.comment" } });
    expect(JSON.parse(rows[0]!.params)).toEqual({ author: "Lia ITB", item: "Kajian air bersih" });
    expect(await recipients()).toEqual(["reviewer@c.test"]);
  });
  it("an empty comment is refused with the error and nothing is written", async () => {
    const before = await prisma.comment.count();
    const response = await comment("reviewer@c.test", "   ");
    expect(response.status).toBe(400);
    expect(await prisma.comment.count()).toBe(before);
  });
});
