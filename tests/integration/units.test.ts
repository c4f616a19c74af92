// The government units' pages (/units, /units/:code), a unit focal point's landing, and the
// counterpart-unit filter of the roadmap.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInBanten } from "~/domain/dates";
import { isObstaclePastDue, pastDueObstacleWhere } from "~/domain/status";
import { loader as homeLoader } from "~/routes/_index";
import { loader as loginLoader } from "~/routes/login";
import { loader as roadmapLoader } from "~/routes/roadmap";
import { loader as unitLoader } from "~/routes/units.$slug";
import { loader as unitsLoader } from "~/routes/units._index";
import { prisma } from "~/utils/db.server";
import { createItem, createMember, createObstacle, createUser } from "../../prisma/factories";
import { call, cookieFor, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let world: World;
const today = todayInBanten();
const CONTACT = { email: "pic.bappeda@banten.test", phone: "+62 254 200 123" };
const DRAFT = { title: "Draf ITB bersama Bappeda", obstacle: "KENDALA-DRAF-BAPPEDA" };
let pastDue: string;
let later: string;

type UnitPage = {
  unit: { code: string; name: string; retiredAt: string | null };
  obstacles: { id: string; description: string; pastDue: boolean; dueDate: string | null; ownerName: string | null; item: { id: string; title: string } }[];
  items: { id: string; title: string; draft: boolean }[];
  members: { name: string; team: { id: string; name: string }; role: string; contacts: { email: string | null; phone: string | null } | null }[];
};

async function unitPage(who: Who, code = "bappeda") {
  const response = await call(unitLoader, makeRequest(`/units/${code}`, { cookie: world.cookies[who] }), { slug: code });
  return { response, data: response.status === 200 ? await jsonOf<UnitPage>(response.clone()) : null };
}

beforeAll(async () => {
  world = await buildWorld();
  const bappeda = world.ownUnit.id;
  // Bappeda's open obstacles: one past due, one due later, the world's undated one; one resolved,
  // one of Dinkes and one of the campus, none of which Bappeda's page lists
  pastDue = (await createObstacle(prisma, { itemId: world.publishedItem.id, description: "Izin lokasi belum terbit", ownerName: "Kabid Perencanaan", ownerUnitId: bappeda, dueDate: addDays(today, -5) })).id;
  later = (await createObstacle(prisma, { itemId: world.publishedItem.id, description: "Data dasar belum lengkap", ownerUnitId: bappeda, dueDate: addDays(today, 20) })).id;
  await createObstacle(prisma, { itemId: world.publishedItem.id, description: "Sudah selesai", ownerUnitId: bappeda, dueDate: addDays(today, -30), resolved: { resolution: "Beres", resolvedAt: addDays(today, -2) } });
  await createObstacle(prisma, { itemId: world.publishedItem.id, description: "Urusan Dinkes", ownerUnitId: world.otherUnit.id, dueDate: addDays(today, -3) });
  // a draft whose counterpart is Bappeda, with an obstacle Bappeda owns
  const draft = await createItem(prisma, { campusId: world.own, priorityAreaId: world.area.id, visibility: "DRAFT", title: DRAFT.title, governmentUnitId: bappeda });
  await createObstacle(prisma, { itemId: draft.id, description: DRAFT.obstacle, ownerUnitId: bappeda, dueDate: addDays(today, -10) });
  // Bappeda's people in ITB's joint team, with contacts
  await createMember(prisma, { teamId: world.team.id, name: "Ibu Perencana", side: "GOVERNMENT", role: "SEKRETARIS", governmentUnitId: bappeda, ...CONTACT });
  // a retired unit
  await prisma.governmentUnit.create({ data: { code: "aa-lama", name: "Aa Badan Lama", kind: "BADAN", retiredAt: addDays(today, -100) } });
});

describe("/units", () => {
  it("sends anonymous visitors to sign in", async () => {
    const response = await call(unitsLoader, makeRequest("/units"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Funits");
  });

  it("lists every unit, active first and retired ones last, with kind, parent, published items, open and past due obstacles, members", async () => {
    for (const who of ["OBSERVER", "UNIT_OWN", "LIAISON_OTHER"] as const) {
      const response = await call(unitsLoader, makeRequest("/units", { cookie: world.cookies[who] }));
      expect(response.status, who).toBe(200);
      const { units } = await jsonOf<{ units: { code: string; kind: string; parentOrganization: string | null; retiredAt: string | null; items: number; openObstacles: number; pastDueObstacles: number; members: number }[] }>(response);
      // by name within each group: "Aa Badan Lama" would come first if it were active
      expect(units.map((u) => u.code)).toEqual(["bappeda", "biro-adpim", "dinkes", "dindik", "disnakertrans", "aa-lama"]);
      expect(units.at(-1)!.retiredAt).not.toBeNull();
      const bappeda = units.find((u) => u.code === "bappeda")!;
      // the draft is neither counted as an item nor, for these readers, by its obstacle
      expect(bappeda).toMatchObject({ kind: "BADAN", parentOrganization: "Pemerintah Provinsi Banten", items: 1, openObstacles: 3, pastDueObstacles: 1, members: 1 });
      expect(units.find((u) => u.code === "dinkes")).toMatchObject({ openObstacles: 1, pastDueObstacles: 1 });
    }
    // the reviewer may see the draft: its obstacle counts
    const reviewer = await jsonOf<{ units: { code: string; openObstacles: number; pastDueObstacles: number }[] }>(
      await call(unitsLoader, makeRequest("/units", { cookie: world.cookies.REVIEWER })),
    );
    expect(reviewer.units.find((u) => u.code === "bappeda")).toMatchObject({ openObstacles: 4, pastDueObstacles: 2 });
  });
});

describe("/units/:code", () => {
  it("answers 404 for an unknown code", async () => {
    const { response } = await unitPage("OBSERVER", "tidak-ada");
    expect(response.status).toBe(404);
  });

  it("lists the open obstacles the unit owns, past due first, then by due date, undated last", async () => {
    const { data } = await unitPage("UNIT_OWN");
    expect(data!.unit).toMatchObject({ code: "bappeda", retiredAt: null });
    expect(data!.obstacles.map((o) => o.id)).toEqual([pastDue, later, world.unitObstacle.id]);
    expect(data!.obstacles.map((o) => o.pastDue)).toEqual([true, false, false]);
    expect(data!.obstacles[0]).toMatchObject({ ownerName: "Kabid Perencanaan", item: { id: world.publishedItem.id, title: "Published ITB item" } });
  });

  it("uses the one rule of a past-due obstacle: the flag agrees with the query", async () => {
    const rows = await prisma.obstacle.findMany({ select: { id: true, status: true, dueDate: true } });
    const byRule = rows.filter((o) => isObstaclePastDue(o, today)).map((o) => o.id).sort();
    const byQuery = (await prisma.obstacle.findMany({ where: pastDueObstacleWhere(today), select: { id: true } })).map((o) => o.id).sort();
    expect(byRule.length).toBeGreaterThan(0);
    expect(byQuery).toEqual(byRule);
  });

  it("hides a draft whose counterpart is the unit from the unit, observers and other liaisons; its campus's liaison and the reviewer see it", async () => {
    for (const who of ["UNIT_OWN", "UNIT_OTHER", "OBSERVER", "LIAISON_OTHER"] as const) {
      const { response, data } = await unitPage(who);
      expect(data!.items.map((i) => i.title), who).toEqual(["Published ITB item"]);
      const body = await response.text();
      expect(body, who).not.toContain(DRAFT.title);
      expect(body, who).not.toContain(DRAFT.obstacle);
    }
    for (const who of ["LIAISON_OWN", "REVIEWER"] as const) {
      const { data } = await unitPage(who);
      expect(data!.items.map((i) => [i.title, i.draft]).sort(), who).toEqual([
        [DRAFT.title, true],
        ["Published ITB item", false],
      ]);
      // the draft's obstacle is the most past due
      expect(data!.obstacles[0]!.description, who).toBe(DRAFT.obstacle);
    }
  });

  it("lists the unit's members in joint teams; contacts only for who may read that team's", async () => {
    for (const who of ["UNIT_OWN", "OBSERVER", "LIAISON_OTHER"] as const) {
      const { response, data } = await unitPage(who);
      expect(data!.members, who).toEqual([{ id: expect.any(String), name: "Ibu Perencana", position: null, role: "SEKRETARIS", team: { id: world.team.id, name: "Tim Bersama ITB" }, contacts: null }]);
      const body = await response.text();
      expect(body, who).not.toContain(CONTACT.email);
      expect(body, who).not.toContain(CONTACT.phone);
    }
    for (const who of ["LIAISON_OWN", "REVIEWER", "ADMIN"] as const) {
      const { data } = await unitPage(who);
      expect(data!.members[0]!.contacts, who).toEqual(CONTACT);
    }
  });

  it("marks a retired unit", async () => {
    const { data } = await unitPage("OBSERVER", "aa-lama");
    expect(data!.unit.retiredAt).not.toBeNull();
    expect(data!.obstacles).toEqual([]);
  });
});

describe("a unit focal point's home", () => {
  it("sends a UNIT user from / and from the sign-in page to their unit's page; with several units to /units", async () => {
    const home = await call(homeLoader, makeRequest("/", { cookie: world.cookies.UNIT_OWN }));
    expect(home.headers.get("Location")).toBe("/units/bappeda");
    expect((await call(homeLoader, makeRequest("/", { cookie: world.cookies.UNIT_OTHER }))).headers.get("Location")).toBe("/units/dinkes");
    const signedIn = await call(loginLoader, makeRequest("/login", { cookie: world.cookies.UNIT_OWN }));
    expect(signedIn.headers.get("Location")).toBe("/units/bappeda");
    const both = await createUser(prisma, { email: "unit.dua@units.test", role: "UNIT", unitIds: [world.ownUnit.id, world.otherUnit.id] });
    expect((await call(homeLoader, makeRequest("/", { cookie: await cookieFor(both.email) }))).headers.get("Location")).toBe("/units");
    // everyone else lands where they did
    expect((await call(homeLoader, makeRequest("/", { cookie: world.cookies.LIAISON_OWN }))).headers.get("Location")).toBe("/campuses/itb");
    expect((await call(homeLoader, makeRequest("/", { cookie: world.cookies.REVIEWER }))).headers.get("Location")).toBe("/dashboard");
  });
});

describe("the roadmap's unit filter", () => {
  it("keeps the items whose counterpart is the unit, as the reader may see them", async () => {
    const titles = async (who: Who, query: string) => {
      const response = await call(roadmapLoader, makeRequest(`/roadmap?${query}`, { cookie: world.cookies[who] }));
      expect(response.status).toBe(200);
      return (await jsonOf<{ items: { title: string }[] }>(response)).items.map((i) => i.title).sort();
    };
    expect(await titles("UNIT_OWN", "unit=bappeda&from=2026-Q1&to=2027-Q4")).toEqual(["Published ITB item"]);
    expect(await titles("LIAISON_OWN", "unit=bappeda&from=2026-Q1&to=2027-Q4")).toEqual(["Draf ITB bersama Bappeda", "Published ITB item"]);
    expect(await titles("UNIT_OWN", "unit=dinkes&from=2026-Q1&to=2027-Q4")).toEqual([]);
    expect(await titles("REVIEWER", "unit=nowhere")).toEqual([]);
  });
});
