import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/reminders";
import { loader as campusLoader } from "~/routes/campuses.$slug";
import { prisma } from "~/utils/db.server";
import { createItem, createMilestone, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

let ids: Record<string, string>;
let reviewer: string;
let liaisonItb: string;
let staleItemId: string;

beforeAll(async () => {
  ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  await createUser(prisma, { email: "reviewer@rem.test", role: "REVIEWER" });
  const liaison = await createUser(prisma, { email: "liaison.itb@rem.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "second.itb@rem.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "inactive.itb@rem.test", role: "LIAISON", campusIds: [ids.itb!], active: false });
  await createUser(prisma, { email: "liaison.umt@rem.test", role: "LIAISON", campusIds: [ids.umt!] });
  const stale = await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, title: "Stale ITB item" });
  await createUpdate(prisma, { itemId: stale.id, authorId: liaison.id, reportedOn: new Date("2026-01-10T00:00:00Z"), progress: 10, status: "ON_TRACK" });
  staleItemId = stale.id;
  const fresh = await createItem(prisma, { campusId: ids.umt!, priorityAreaId: area.id, title: "Fresh UMT item" });
  await createUpdate(prisma, { itemId: fresh.id, authorId: liaison.id, reportedOn: new Date(), progress: 10, status: "ON_TRACK" });
  // a stale draft is not flagged (drafts are the campus's own business)
  await createItem(prisma, { campusId: ids.umt!, priorityAreaId: area.id, visibility: "DRAFT" });
  reviewer = await cookieFor("reviewer@rem.test");
  liaisonItb = await cookieFor("liaison.itb@rem.test");
});

describe("reminders", () => {
  it("lists stale published items per campus", async () => {
    const data = await jsonOf(await call(loader, makeRequest("/reminders", { cookie: reviewer })));
    const itb = data.campuses.find((c: { slug: string }) => c.slug === "itb");
    const umt = data.campuses.find((c: { slug: string }) => c.slug === "umt");
    expect(itb.stale).toBe(1);
    expect(umt.stale).toBe(0);
    expect(itb.lastReminder).toBeNull();
  });

  it("notifies each active liaison of the campus once, records the reminder and audits it", async () => {
    const auditsBefore = await prisma.auditEvent.count({ where: { action: "reminder.send" } });
    const response = await call(action, makeRequest("/reminders", { cookie: reviewer, form: { intent: "send", campusId: ids.itb! } }));
    expect(response.status).toBe(302);
    const notified = await prisma.notification.findMany({ where: { kind: "notify.reminder" }, include: { user: true } });
    expect(notified.map((n) => n.user.email).sort()).toEqual(["liaison.itb@rem.test", "second.itb@rem.test"]);
    expect(JSON.parse(notified[0]!.params)).toMatchObject({ count: 1, days: 30 });
    expect(notified.map((n) => n.link)).toEqual(["/campuses/itb/check-in", "/campuses/itb/check-in"]);
    expect(await prisma.reminder.count({ where: { itemId: staleItemId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "reminder.send" } })).toBe(auditsBefore + 1);
  });

  it("does not nag a campus twice in a day", async () => {
    const before = await prisma.notification.count();
    const response = await call(action, makeRequest("/reminders", { cookie: reviewer, form: { intent: "send", campusId: ids.itb! } }));
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).reason).toBe("already-today");
    expect(await prisma.notification.count()).toBe(before);
  });

  it("refuses a campus with nothing stale", async () => {
    const response = await call(action, makeRequest("/reminders", { cookie: reviewer, form: { intent: "send", campusId: ids.umt! } }));
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).reason).toBe("nothing-stale");
  });

  it("shows the campus's liaisons their stale items first, and nobody else", async () => {
    const own = await jsonOf(await call(campusLoader, makeRequest("/campuses/itb", { cookie: liaisonItb }), { slug: "itb" }));
    expect(own.attention.stale.map((i: { title: string }) => i.title)).toEqual(["Stale ITB item"]);
    const other = await jsonOf(await call(campusLoader, makeRequest("/campuses/itb", { cookie: reviewer }), { slug: "itb" }));
    expect(other.attention).toBeNull();
  });

  it("the workspace's attention lists the items the reminder counts (published only); milestones of drafts are listed and marked", async () => {
    const area = await prisma.priorityArea.findFirstOrThrow();
    const draft = await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, visibility: "DRAFT", title: "Old ITB draft" });
    await prisma.roadmapItem.update({ where: { id: draft.id }, data: { createdAt: new Date("2026-01-02T00:00:00Z") } });
    const late = await createMilestone(prisma, { itemId: draft.id, dueDate: new Date("2026-01-31T00:00:00Z") });
    // written behind the app's back: raise the data version as an audited change would (cached workspace)
    await prisma.$executeRaw`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`;
    const reminders = await jsonOf(await call(loader, makeRequest("/reminders", { cookie: reviewer })));
    const own = await jsonOf(await call(campusLoader, makeRequest("/campuses/itb", { cookie: liaisonItb }), { slug: "itb" }));
    expect(own.attention.stale).toHaveLength(reminders.campuses.find((c: { slug: string }) => c.slug === "itb").stale);
    expect(own.attention.stale.map((i: { title: string }) => i.title)).not.toContain("Old ITB draft");
    expect(own.milestones.find((m: { id: string }) => m.id === late.id)).toMatchObject({ overdue: true, item: { draft: true } });
  });

  it("lists the ten nearest upcoming milestones, says how many more there are, and all of them on ?milestones=all; the attention panel counts every overdue one", async () => {
    const area = await prisma.priorityArea.findFirstOrThrow();
    const item = await createItem(prisma, { campusId: ids.itb!, priorityAreaId: area.id, visibility: "PUBLISHED", title: "Many milestones" });
    for (let n = 0; n < 12; n++) await createMilestone(prisma, { itemId: item.id, title: `Tonggak lewat ${n}`, dueDate: new Date(Date.UTC(2026, 1, 1 + n)) });
    await prisma.$executeRaw`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`;
    const part = await jsonOf(await call(campusLoader, makeRequest("/campuses/itb", { cookie: liaisonItb }), { slug: "itb" }));
    expect(part.milestones).toHaveLength(10);
    const overdue = part.attention.overdue.map((m: { title: string }) => m.title);
    expect(overdue).toEqual(expect.arrayContaining(Array.from({ length: 12 }, (_, n) => `Tonggak lewat ${n}`)));
    const all = await jsonOf(await call(campusLoader, makeRequest("/campuses/itb?milestones=all", { cookie: liaisonItb }), { slug: "itb" }));
    // the ten shown are the ten due first; the link's number is what the whole list adds
    expect(part.milestones.map((m: { id: string }) => m.id)).toEqual(all.milestones.slice(0, 10).map((m: { id: string }) => m.id));
    const dues = all.milestones.map((m: { dueDate: string }) => m.dueDate);
    expect(dues).toEqual([...dues].sort());
    expect(all.milestones.map((m: { title: string }) => m.title)).toEqual(expect.arrayContaining(overdue));
    expect(part.milestonesHidden).toBe(all.milestones.length - 10);
    expect(all.milestonesHidden).toBe(0);
  });
});
