// The calendar feed parsed with a real iCalendar parser (node-ical): only what the user may see,
// stable UIDs, and a revoked address answers 404.
import ical from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { loader as feedLoader } from "~/routes/calendar.$file";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createItem, createMilestone, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

let ids: Record<string, string>;
const items: Record<string, string> = {};

beforeAll(async () => {
  ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  await createUser(prisma, { email: "liaison.itb@cal.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "liaison.umt@cal.test", role: "LIAISON", campusIds: [ids.umt!] });
  await createUser(prisma, { email: "observer@cal.test", role: "OBSERVER" });
  const make = async (key: string, campus: string, visibility: "PUBLISHED" | "DRAFT") => {
    const item = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: area.id, title: `Program ${key}`, visibility, plannedEnd: new Date("2027-06-30T00:00:00Z") });
    items[key] = item.id;
    await createMilestone(prisma, { itemId: item.id, title: `Tonggak ${key}`, dueDate: new Date("2027-01-15T00:00:00Z") });
  };
  await make("itb-published", "itb", "PUBLISHED");
  await make("itb-draft", "itb", "DRAFT");
  await make("umt-draft", "umt", "DRAFT");
  // an agreement of UMT's own, with a milestone: UMT's liaisons and the governor's office see it, nobody else
  const mou = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" } });
  const pks = await prisma.agreement.create({
    data: { kind: "PKS", title: "PKS UMT", parentId: mou.id, campusId: ids.umt!, validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: new Date("2030-12-31T00:00:00Z") },
  });
  await createMilestone(prisma, { agreementId: pks.id, title: "Tonggak PKS UMT", dueDate: new Date("2027-02-01T00:00:00Z") });
});

async function createFeed(email: string): Promise<string> {
  const response = await call(accountAction, makeRequest("/account", { cookie: await cookieFor(email), form: { intent: "calendar-create" } }));
  expect(response.status).toBe(200);
  const { calendarUrl } = await jsonOf<{ calendarUrl: string }>(response);
  expect(calendarUrl.startsWith(`${env().APP_URL}/calendar/`)).toBe(true);
  return new URL(calendarUrl).pathname;
}

async function fetchFeed(path: string) {
  const file = path.replace("/calendar/", "");
  return call(feedLoader, makeRequest(path), { file });
}

function summaries(text: string) {
  const parsed = ical.sync.parseICS(text);
  return Object.values(parsed)
    .filter((c): c is ical.VEvent => c?.type === "VEVENT")
    .map((e) => ({ uid: e.uid, summary: String(e.summary), start: e.start }));
}

describe("the calendar feed", () => {
  it("gives a liaison their campus's drafts and everyone's published items, never another campus's drafts", async () => {
    const path = await createFeed("liaison.itb@cal.test");
    const response = await fetchFeed(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("X-WR-TIMEZONE:Asia/Jakarta");
    // the due date as the calendar day it names (stored as UTC midnight of that day)
    expect(text).toContain("DTSTART;VALUE=DATE:20270115");
    expect(text).toContain("DTSTART;VALUE=DATE:20270630");
    const events = summaries(text);
    const titles = events.map((e) => e.summary).join("\n");
    expect(titles).toContain("Tonggak jatuh tempo: Tonggak itb-published (ITB)");
    expect(titles).toContain("Tonggak jatuh tempo: Tonggak itb-draft (ITB)");
    expect(titles).toContain("Akhir program: Program itb-published (ITB)");
    expect(titles).not.toContain("umt-draft");
    expect(titles).not.toContain("Tonggak PKS UMT");
    // stable UIDs: the same event keeps its UID from one fetch to the next
    const again = summaries(await (await fetchFeed(path)).text());
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
    expect(events.find((e) => e.summary.includes("Program itb-published") && e.summary.startsWith("Akhir"))!.uid).toBe(
      `item-end-${items["itb-published"]}@kolaborasi-banten`,
    );
    // an all-day event on the due date
    const due = events.find((e) => e.summary.includes("Tonggak itb-published"))!;
    expect((due.start as Date & { dateOnly?: boolean }).dateOnly).toBe(true);
  });

  it("gives an observer published things only", async () => {
    const titles = summaries(await (await fetchFeed(await createFeed("observer@cal.test"))).text()).map((e) => e.summary).join("\n");
    expect(titles).toContain("Tonggak itb-published");
    expect(titles).not.toContain("itb-draft");
    expect(titles).not.toContain("umt-draft");
    expect(titles).not.toContain("Tonggak PKS UMT");
  });

  it("stores only a hash of the secret; a new address replaces the old; a revoked one answers 404", async () => {
    const first = await createFeed("liaison.umt@cal.test");
    const token = first.replace("/calendar/", "").replace(".ics", "");
    const stored = await prisma.calendarFeed.findFirstOrThrow({ where: { user: { email: "liaison.umt@cal.test" } } });
    expect(stored.tokenHash).not.toContain(token);
    const second = await createFeed("liaison.umt@cal.test");
    expect((await fetchFeed(first)).status).toBe(404);
    const own = await fetchFeed(second);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Tonggak PKS UMT");
    const cookie = await cookieFor("liaison.umt@cal.test");
    const page = await jsonOf(await call(accountLoader, makeRequest("/account", { cookie })));
    expect(page.calendarSince).not.toBeNull();
    expect(JSON.stringify(page)).not.toContain(second.replace("/calendar/", "").replace(".ics", ""));
    const revoked = await call(accountAction, makeRequest("/account", { cookie, form: { intent: "calendar-revoke" } }));
    expect(revoked.status).toBe(302);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed("/calendar/not-a-real-secret-at-all-000000.ics")).status).toBe(404);
    expect((await fetchFeed("/calendar/x.txt")).status).toBe(404);
  });

  it("a deactivated user's address answers 404", async () => {
    const path = await createFeed("observer@cal.test");
    await prisma.$transaction((tx) => tx.user.update({ where: { email: "observer@cal.test" }, data: { active: false } }));
    expect((await fetchFeed(path)).status).toBe(404);
  });
});

describe("e-mail preferences on /account", () => {
  it("saves the choices, which the outbox then follows", async () => {
    const cookie = await cookieFor("liaison.itb@cal.test");
    const response = await call(accountAction, makeRequest("/account", { cookie, form: { intent: "mail-preferences", emailDigest: "OFF", locale: "en" } }));
    expect(response.status).toBe(302);
    const saved = await prisma.user.findUniqueOrThrow({ where: { email: "liaison.itb@cal.test" } });
    expect(saved).toMatchObject({ emailImmediate: false, emailDigest: "OFF", locale: "en" });
    const page = await jsonOf(await call(accountLoader, makeRequest("/account", { cookie })));
    expect(page.mail).toEqual({ emailImmediate: false, emailDigest: "OFF", locale: "en" });
    const on = await call(accountAction, makeRequest("/account", { cookie, form: { intent: "mail-preferences", emailImmediate: "on", emailDigest: "WEEKLY", locale: "id" } }));
    expect(on.status).toBe(302);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "liaison.itb@cal.test" } })).toMatchObject({ emailImmediate: true, emailDigest: "WEEKLY", locale: "id" });
    const bad = await call(accountAction, makeRequest("/account", { cookie, form: { intent: "mail-preferences", emailDigest: "DAILY", locale: "fr" } }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await jsonOf(bad)).result.error).sort()).toEqual(["emailDigest", "locale"]);
  });
});
