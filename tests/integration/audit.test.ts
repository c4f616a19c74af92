import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/models/audit.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader } from "~/routes/audit";
import { createUser } from "../../prisma/factories";
import { call, campusIds, CONTEXT, cookieFor, jsonOf, makeRequest } from "../support/http";

type Event = {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
};
type Page = {
  events: Event[];
  nextCursor: string | null;
  facets: { entities: string[]; actions: string[]; actors: { id: string }[]; hasSystemEvents: boolean };
  query: Record<string, string>;
};

let cookies: Record<"ADMIN" | "REVIEWER" | "OBSERVER" | "LIAISON", string>;
let editor: { id: string };
let silent: { id: string };

async function page(search: string, cookie = cookies.REVIEWER): Promise<Page> {
  const response = await call(loader, makeRequest(`/audit${search}`, { cookie }));
  expect(response.status).toBe(200);
  return jsonOf<Page>(response);
}

beforeAll(async () => {
  const campuses = await campusIds();
  await createUser(prisma, { email: "admin@audit.test", role: "ADMIN", name: "Admin" });
  await createUser(prisma, { email: "reviewer@audit.test", role: "REVIEWER", name: "Reviewer" });
  await createUser(prisma, { email: "observer@audit.test", role: "OBSERVER", name: "Observer" });
  await createUser(prisma, { email: "liaison@audit.test", role: "LIAISON", name: "Liaison", campusIds: [campuses.itb!] });
  editor = await createUser(prisma, { email: "editor@audit.test", role: "LIAISON", name: "Editor", campusIds: [campuses.itb!] });
  silent = await createUser(prisma, { email: "silent@audit.test", role: "OBSERVER", name: "Silent" });
  cookies = {
    ADMIN: await cookieFor("admin@audit.test"),
    REVIEWER: await cookieFor("reviewer@audit.test"),
    OBSERVER: await cookieFor("observer@audit.test"),
    LIAISON: await cookieFor("liaison@audit.test"),
  };
  // a few known events, at known times (WIB is UTC+7)
  const at = (iso: string) => new Date(iso);
  await prisma.auditEvent.createMany({
    data: [
      { actorId: editor.id, action: "update", entity: "RoadmapItem", entityId: "item-1", itemId: "item-1", createdAt: at("2025-03-01T16:59:00Z"), before: '{"title":"Lama"}', after: '{"title":"Baru"}' },
      { actorId: editor.id, action: "create", entity: "Milestone", entityId: "ms-1", itemId: "item-1", createdAt: at("2025-03-01T17:00:00Z") },
      { actorId: null, action: "state", entity: "Milestone", entityId: "ms-2", createdAt: at("2025-03-03T02:00:00Z") },
      { actorId: editor.id, action: "delete", entity: "Obstacle", entityId: "ob-1", createdAt: at("2025-03-05T10:00:00Z") },
    ],
  });
  // and one written the way the app writes them
  await prisma.$transaction((tx) =>
    recordAudit(tx, { userId: editor.id, ip: "192.0.2.5" }, {
      action: "update",
      entity: "JointTeam",
      entityId: "team-1",
      before: { name: "Tim A", decreeRef: null },
      after: { name: "Tim B", decreeRef: null },
    }),
  );
});

describe("GET /audit", () => {
  it("is open to administrators and reviewers", async () => {
    for (const cookie of [cookies.ADMIN, cookies.REVIEWER]) {
      const response = await call(loader, makeRequest("/audit", { cookie }));
      expect(response.status).toBe(200);
    }
  });

  it("refuses observers and liaisons with 403, and sends anonymous visitors to sign in", async () => {
    for (const cookie of [cookies.OBSERVER, cookies.LIAISON]) {
      const response = await call(loader, makeRequest("/audit", { cookie }));
      expect(response.status).toBe(403);
    }
    const anonymous = await call(loader, makeRequest("/audit"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Faudit");
  });

  it("lists events newest first, with only the changed fields", async () => {
    const { events } = await page("");
    const times = events.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const team = events.find((e) => e.entityId === "team-1")!;
    expect(team).toMatchObject({ before: { name: "Tim A" }, after: { name: "Tim B" }, ip: "192.0.2.5", actor: { id: editor.id, name: "Editor" } });
  });

  it("filters by entity", async () => {
    const { events } = await page("?entity=Milestone");
    expect(events.map((e) => e.entityId).sort()).toEqual(["ms-1", "ms-2"]);
  });

  it("filters by action", async () => {
    const { events } = await page("?action=delete");
    expect(events.map((e) => e.entityId)).toEqual(["ob-1"]);
    const logins = await page("?action=login");
    expect(logins.events.length).toBeGreaterThanOrEqual(4);
    expect(logins.events.every((e) => e.action === "login" && e.entity === "Session")).toBe(true);
  });

  it("filters by actor, including events done by the system", async () => {
    const { events } = await page(`?actor=${editor.id}&entity=Milestone`);
    expect(events.map((e) => e.entityId)).toEqual(["ms-1"]);
    const system = await page("?actor=system");
    expect(system.events.map((e) => e.entityId)).toEqual(["ms-2"]);
    expect(system.events[0]!.actor).toBeNull();
  });

  it("filters by a date range of Banten calendar days, both ends included", async () => {
    // 2025-03-01T16:59Z is still 1 March in WIB; 17:00Z is already 2 March
    const second = await page("?from=2025-03-02&to=2025-03-02");
    expect(second.events.map((e) => e.entityId)).toEqual(["ms-1"]);
    const first = await page("?to=2025-03-01");
    expect(first.events.map((e) => e.entityId)).toEqual(["item-1"]);
    const range = await page("?from=2025-03-01&to=2025-03-05");
    expect(range.events.map((e) => e.entityId)).toEqual(["ob-1", "ms-2", "ms-1", "item-1"]);
    expect(range.query).toMatchObject({ from: "2025-03-01", to: "2025-03-05" });
  });

  it("ignores filter values that are not valid", async () => {
    const all = await page("");
    const odd = await page("?from=kemarin&to=2025-02-30");
    expect(odd.events.map((e) => e.id)).toEqual(all.events.map((e) => e.id));
    expect(odd.query).toMatchObject({ from: "", to: "" });
  });

  it("offers as actors only the users who have events", async () => {
    const { facets } = await page("");
    const ids = facets.actors.map((a) => a.id);
    expect(ids).toContain(editor.id);
    expect(ids).not.toContain(silent.id);
    expect(facets.hasSystemEvents).toBe(true);
    expect(facets.entities).toEqual(expect.arrayContaining(["JointTeam", "Milestone", "Obstacle", "RoadmapItem", "Session"]));
    expect(facets.actions).toEqual(expect.arrayContaining(["create", "delete", "login", "state", "update"]));
  });

  it("pages through older events with a cursor, keeping the filter", async () => {
    // 120 events, many sharing the same instant, so the order must be broken by id
    const base = Date.UTC(2024, 0, 1);
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        actorId: editor.id,
        action: "update",
        entity: "Paging",
        entityId: `p-${i}`,
        createdAt: new Date(base + Math.floor(i / 7) * 60_000),
      })),
    });
    const seen: string[] = [];
    let search = "?entity=Paging";
    const sizes: number[] = [];
    for (let guard = 0; guard < 5; guard++) {
      const result = await page(search);
      sizes.push(result.events.length);
      expect(result.events.every((e) => e.entity === "Paging")).toBe(true);
      seen.push(...result.events.map((e) => e.entityId));
      if (!result.nextCursor) break;
      search = `?entity=Paging&cursor=${result.nextCursor}`;
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    // newest first across pages
    const minuteOf = (id: string) => Math.floor(Number(id.slice(2)) / 7);
    const minutes = seen.map(minuteOf);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });
});

describe("sign-in and sign-out are audited", () => {
  it("a login writes exactly one login event", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "observer@audit.test" } });
    const count = () => prisma.auditEvent.count({ where: { actorId: user.id, action: "login" } });
    const before = await count();
    const response = await call(loginAction, makeRequest("/login", { form: { email: "observer@audit.test", password: "kolaborasi2025" } }));
    expect(response.status).toBe(302);
    expect(await count()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "login" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ entity: "Session", entityId: user.id, ip: CONTEXT.clientIp });
    // a failed sign-in is not an audit event
    await call(loginAction, makeRequest("/login", { form: { email: "observer@audit.test", password: "salah-sandi-nya" } }));
    expect(await count()).toBe(before + 1);
  });

  it("a logout writes one logout event", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "liaison@audit.test" } });
    const cookie = await cookieFor("liaison@audit.test");
    const count = () => prisma.auditEvent.count({ where: { actorId: user.id, action: "logout" } });
    expect(await count()).toBe(0);
    const response = await call(logoutAction, makeRequest("/logout", { cookie, form: {} }));
    expect(response.status).toBe(302);
    expect(await count()).toBe(1);
    // signing out again with the dead session records nothing more
    await call(logoutAction, makeRequest("/logout", { cookie, form: {} }));
    expect(await count()).toBe(1);
  });
});
