// "Kirim lewat WhatsApp": the governor's office's links to wa.me with a prefilled Indonesian message
// and the absolute link to where the campus acts; nobody else gets them.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as itemLoader } from "~/routes/items.$itemId._index";
import { loader as milestoneLoader } from "~/routes/milestones.$milestoneId";
import { loader as remindersLoader } from "~/routes/reminders";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createItem, createMilestone, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

let itemId: string;
let milestoneId: string;
let reviewer: string;
let liaison: string;

const textOf = (href: string) => {
  const url = new URL(href);
  expect(`${url.origin}${url.pathname}`).toBe("https://wa.me/");
  return url.searchParams.get("text") ?? "";
};

beforeAll(async () => {
  const ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  await createUser(prisma, { email: "reviewer@wa.test", role: "REVIEWER" });
  await createUser(prisma, { email: "liaison.itb@wa.test", role: "LIAISON", campusIds: [ids.itb!] });
  const item = await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, title: "Kajian air & sanitasi" });
  await prisma.$transaction((tx) => tx.roadmapItem.update({ where: { id: item.id }, data: { createdAt: new Date("2026-01-05T00:00:00Z") } }));
  itemId = item.id;
  milestoneId = (await createMilestone(prisma, { itemId, title: "Laporan antara", dueDate: new Date("2026-02-01T00:00:00Z") })).id;
  reviewer = await cookieFor("reviewer@wa.test");
  liaison = await cookieFor("liaison.itb@wa.test");
});

describe("WhatsApp links", () => {
  it("on /reminders: each campus with stale items, linking to its attention list", async () => {
    const data = await jsonOf(await call(remindersLoader, makeRequest("/reminders", { cookie: reviewer })));
    const itb = data.campuses.find((c: { slug: string }) => c.slug === "itb");
    const text = textOf(itb.whatsapp);
    expect(text).toContain("Yth. penghubung ITB: 1 program di Kolaborasi Banten belum dilaporkan lebih dari 30 hari.");
    expect(text.endsWith(`${env().APP_URL}/campuses/itb/check-in`)).toBe(true);
    expect(data.campuses.find((c: { slug: string }) => c.slug === "umt").whatsapp).toBeNull();
  });

  it("on an item page and an overdue milestone, for the governor's office only", async () => {
    const item = await jsonOf(await call(itemLoader, makeRequest(`/items/${itemId}`, { cookie: reviewer }), { itemId }));
    expect(textOf(item.whatsapp)).toContain(`"Kajian air & sanitasi" di Kolaborasi Banten: ${env().APP_URL}/items/${itemId}#new-update`);
    const milestone = await jsonOf(await call(milestoneLoader, makeRequest(`/milestones/${milestoneId}`, { cookie: reviewer }), { milestoneId }));
    expect(textOf(milestone.whatsapp)).toContain(`"Laporan antara" lewat jatuh tempo sejak 2026-02-01`);
    expect(textOf(milestone.whatsapp)).toContain(`${env().APP_URL}/milestones/${milestoneId}#submit-form`);
    const forLiaison = await jsonOf(await call(itemLoader, makeRequest(`/items/${itemId}`, { cookie: liaison }), { itemId }));
    expect(forLiaison.whatsapp).toBeNull();
    const milestoneForLiaison = await jsonOf(await call(milestoneLoader, makeRequest(`/milestones/${milestoneId}`, { cookie: liaison }), { milestoneId }));
    expect(milestoneForLiaison.whatsapp).toBeNull();
  });
});
