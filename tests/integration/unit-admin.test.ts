// Government units administered (/admin/units, /admin/units/:unitId), retired units kept out of
// the pickers for new data, and unit focal points (role UNIT) in the user administration: through
// loaders and actions with real Requests against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { newAgreementOptions } from "~/models/agreement.server";
import { importChoices } from "~/models/item-import.server";
import { listGovernmentUnits } from "~/models/team.server";
import { unitOptionsForUser } from "~/models/unit-admin.server";
import * as unitsRoute from "~/routes/admin.units._index";
import * as unitRoute from "~/routes/admin.units.$unitId";
import * as usersRoute from "~/routes/admin.users._index";
import * as userRoute from "~/routes/admin.users.$userId";
import * as editItem from "~/routes/items.$itemId.edit";
import * as newItem from "~/routes/items.new";
import * as teamRoute from "~/routes/teams.$teamId";
import { prisma } from "~/utils/db.server";
import { createItem, createMember, createUser } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});

type Form = Record<string, string | string[]>;

const getUnits = (who: Who = "ADMIN") => call(unitsRoute.loader, makeRequest("/admin/units", { cookie: w.cookies[who] }));
const postUnits = (form: Form, who: Who = "ADMIN") =>
  call(unitsRoute.action, makeRequest("/admin/units", { form: { intent: "create", ...form }, cookie: w.cookies[who] }));
const getUnit = (unitId: string, who: Who = "ADMIN") =>
  call(unitRoute.loader, makeRequest(`/admin/units/${unitId}`, { cookie: w.cookies[who] }), { unitId });
const postUnit = (unitId: string, form: Form, who: Who = "ADMIN") =>
  call(unitRoute.action, makeRequest(`/admin/units/${unitId}`, { form, cookie: w.cookies[who] }), { unitId });

/** Everything the audit trail recorded for a unit, oldest first. */
const unitEvents = (unitId: string) =>
  prisma.auditEvent.findMany({ where: { entity: "GovernmentUnit", entityId: unitId }, orderBy: { createdAt: "asc" } });
const parse = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

let made = 0;
/** A fresh unit made through the page, as an administrator would. */
async function newUnit(name = `Dinas Uji ${++made}`, abbreviation = `DU${made}`) {
  const response = await postUnits({ name, abbreviation, kind: "DINAS", parentOrganization: "Pemerintah Provinsi Banten" });
  expect(response.status).toBe(302);
  return prisma.governmentUnit.findUniqueOrThrow({ where: { id: response.headers.get("Location")!.split("/").pop()! } });
}

async function retire(unitId: string) {
  const { version } = await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unitId } });
  const response = await postUnit(unitId, { intent: "retire", confirm: "on", version: String(version) });
  expect(response.status).toBe(302);
}

describe("/admin/units", () => {
  it("lists every unit with its kind, parent, counterpart items and focal points, for administrators only", async () => {
    const response = await getUnits();
    expect(response.status).toBe(200);
    const { units } = await jsonOf(response);
    const bappeda = units.find((u: { code: string }) => u.code === "bappeda");
    expect(bappeda).toMatchObject({ name: "Badan Perencanaan Pembangunan Daerah", abbreviation: "Bappeda", kind: "BADAN", retiredAt: null });
    // the world's published item has Bappeda as its counterpart, and UNIT_OWN is its focal point
    expect(bappeda.items).toBe(await prisma.roadmapItem.count({ where: { governmentUnitId: w.ownUnit.id } }));
    expect(bappeda.users).toBe(await prisma.userUnit.count({ where: { unitId: w.ownUnit.id } }));
    expect(bappeda.items).toBeGreaterThan(0);
    expect(bappeda.users).toBeGreaterThan(0);
    for (const who of ["REVIEWER", "LIAISON_OWN", "UNIT_OWN", "OBSERVER"] as const) expect((await getUnits(who)).status).toBe(403);
  });

  it("adds a unit with a code made from its abbreviation, audited", async () => {
    const response = await postUnits({
      name: "Dinas Kelautan dan Perikanan",
      abbreviation: "DKP Banten",
      kind: "DINAS",
      parentOrganization: "Pemerintah Provinsi Banten",
    });
    expect(response.status).toBe(302);
    const unit = await prisma.governmentUnit.findUniqueOrThrow({ where: { code: "dkp-banten" } });
    expect(response.headers.get("Location")).toBe(`/admin/units/${unit.id}`);
    expect(unit).toMatchObject({ name: "Dinas Kelautan dan Perikanan", abbreviation: "DKP Banten", kind: "DINAS", retiredAt: null, version: 1 });
    const events = await unitEvents(unit.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "create", actorId: w.users.ADMIN.id });
    expect(parse(events[0]!.after)).toMatchObject({ code: "dkp-banten", name: "Dinas Kelautan dan Perikanan", kind: "DINAS" });
  });

  it("refuses a code already taken with an error next to the field it came from, keeping the input", async () => {
    const before = await prisma.governmentUnit.count();
    const clash = await postUnits({ name: "Badan Perencanaan Lain", abbreviation: "BAPPEDA", kind: "BADAN", parentOrganization: "" });
    expect(clash.status).toBe(400);
    const { result } = await jsonOf(clash);
    expect(result.error.abbreviation).toEqual(["unitAdmin.codeTaken?code=bappeda"]);
    expect(result.initialValue).toMatchObject({ name: "Badan Perencanaan Lain", abbreviation: "BAPPEDA" });

    // without an abbreviation the code comes from the name, and so does the error
    expect((await postUnits({ name: "Biro Umum", kind: "BIRO" })).status).toBe(302);
    const again = await postUnits({ name: "Biro  Umum!", kind: "BIRO" });
    expect(again.status).toBe(400);
    expect((await jsonOf(again)).result.error.name).toEqual(["unitAdmin.codeTaken?code=biro-umum"]);
    expect(await prisma.governmentUnit.count()).toBe(before + 1);

    const invalid = await postUnits({ name: "", kind: "KANTOR" });
    expect(invalid.status).toBe(400);
    expect((await jsonOf(invalid)).result.error).toMatchObject({ name: ["form.required"], kind: ["form.invalidChoice"] });
  });

  it("renames a unit from the version it was opened at; a save from an older version is a 409 with the change", async () => {
    const unit = await newUnit("Dinas Perhubungan", "Dishub");
    const page = await jsonOf(await getUnit(unit.id));
    expect(page.unit).toMatchObject({ code: "dishub", version: 1 });
    const form = { intent: "update", name: "Dinas Perhubungan Provinsi Banten", abbreviation: "Dishub", kind: "DINAS", parentOrganization: "", version: "1", startedAt: page.startedAt };

    const first = await postUnit(unit.id, form);
    expect(first.status).toBe(302);
    expect(await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      name: "Dinas Perhubungan Provinsi Banten",
      code: "dishub",
      parentOrganization: null,
      version: 2,
    });

    const second = await postUnit(unit.id, { ...form, name: "Dishub lama", kind: "BADAN" });
    expect(second.status).toBe(409);
    const data = await jsonOf(second);
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes.map((c: { after: Record<string, unknown> }) => c.after)).toContainEqual(
      expect.objectContaining({ name: "Dinas Perhubungan Provinsi Banten" }),
    );
    expect(data.result.initialValue).toMatchObject({ name: "Dishub lama", kind: "BADAN" });
    expect(await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: "Dinas Perhubungan Provinsi Banten", version: 2 });
    expect((await unitEvents(unit.id)).map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("retires a unit only with the confirmation ticked, and reinstates it; both audited", async () => {
    const unit = await newUnit();
    const unconfirmed = await postUnit(unit.id, { intent: "retire", version: "1" });
    expect(unconfirmed.status).toBe(400);
    expect((await jsonOf(unconfirmed)).result.error.confirm).toEqual(["unitAdmin.retireConfirmRequired"]);
    expect((await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unit.id } })).retiredAt).toBeNull();

    const stale = await postUnit(unit.id, { intent: "retire", confirm: "on", version: "7" });
    expect(stale.status).toBe(409);

    const retired = await postUnit(unit.id, { intent: "retire", confirm: "on", version: "1" });
    expect(retired.status).toBe(302);
    expect((await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unit.id } })).retiredAt).toBeInstanceOf(Date);
    const listed = (await jsonOf(await getUnits())).units;
    // retired units come last, still listed
    expect(listed.at(-1)).toMatchObject({ id: unit.id });

    const reinstated = await postUnit(unit.id, { intent: "reinstate", version: "2" });
    expect(reinstated.status).toBe(302);
    expect(await prisma.governmentUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ retiredAt: null, version: 3 });
    expect((await unitEvents(unit.id)).map((e) => e.action)).toEqual(["create", "retire", "reinstate"]);
  });

  it("answers 404 for an unknown unit and 403 to everyone but administrators", async () => {
    expect((await getUnit("no-such-unit")).status).toBe(404);
    expect((await getUnit(w.ownUnit.id, "UNIT_OWN")).status).toBe(403);
    expect((await postUnit(w.ownUnit.id, { intent: "retire", confirm: "on", version: "1" }, "REVIEWER")).status).toBe(403);
    expect((await prisma.governmentUnit.findUniqueOrThrow({ where: { id: w.ownUnit.id } })).retiredAt).toBeNull();
  });
});

describe("a retired unit in the pickers", () => {
  it("is not offered for new data: item form, import lists, agreements, team members, focal points", async () => {
    const unit = await newUnit("Dinas Lama", "Dislam");
    await retire(unit.id);
    const ids = (list: readonly { id: string }[]) => list.map((u) => u.id);

    const newForm = await jsonOf(await call(newItem.loader, makeRequest("/items/new?campus=itb", { cookie: w.cookies.LIAISON_OWN })));
    expect(ids(newForm.options.governmentUnits)).not.toContain(unit.id);
    expect(ids(newForm.options.governmentUnits)).toContain(w.ownUnit.id);
    expect(ids((await importChoices()).governmentUnits)).not.toContain(unit.id);
    expect(ids((await newAgreementOptions({ id: w.users.ADMIN.id, role: "ADMIN", campusIds: [], unitIds: [] })).units)).not.toContain(unit.id);
    expect(ids(await listGovernmentUnits({ teamId: w.team.id }))).not.toContain(unit.id);
    expect((await unitOptionsForUser()).map((u) => u.code)).not.toContain("dislam");
    // still listed, and marked, on its administration page
    expect((await jsonOf(await getUnit(unit.id))).unit.retiredAt).not.toBeNull();
  });

  it("stays on an item that already has it, which saves unchanged; a new item cannot take it", async () => {
    const unit = await newUnit("Dinas Pensiun", "Dispen");
    const item = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program dengan mitra lama", governmentUnitId: unit.id, visibility: "DRAFT" });
    await retire(unit.id);

    const edit = await jsonOf(await call(editItem.loader, makeRequest(`/items/${item.id}/edit`, { cookie: w.cookies.LIAISON_OWN }), { itemId: item.id }));
    expect(edit.options.governmentUnits.map((u: { id: string }) => u.id)).toContain(unit.id);
    const form: Form = {};
    for (const [key, value] of Object.entries(edit.defaultValue)) form[key] = value === null ? "" : String(value);
    const saved = await call(
      editItem.action,
      makeRequest(`/items/${item.id}/edit`, { form: { ...form, title: "Program dengan mitra lama (diubah)", version: String(edit.item.version), startedAt: edit.item.startedAt }, cookie: w.cookies.LIAISON_OWN }),
      { itemId: item.id },
    );
    expect(saved.status, await saved.clone().text()).toBe(302);
    expect(await prisma.roadmapItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ governmentUnitId: unit.id, title: "Program dengan mitra lama (diubah)" });

    const fresh = await call(
      newItem.action,
      makeRequest("/items/new?campus=itb", { form: { ...form, title: "Program baru dengan mitra lama", version: "" }, cookie: w.cookies.LIAISON_OWN }),
    );
    expect(fresh.status).toBe(400);
    expect((await jsonOf(fresh)).result.error.governmentUnitId).toEqual(["form.invalidChoice"]);
  });

  it("stays on a team member already in it; a new member cannot join it", async () => {
    const unit = await newUnit("Biro Lama", "Birlam");
    const member = await createMember(prisma, { teamId: w.team.id, name: "Pak Lama", side: "GOVERNMENT", governmentUnitId: unit.id });
    await retire(unit.id);
    const page = await jsonOf(await call(teamRoute.loader, makeRequest(`/teams/${w.team.id}`, { cookie: w.cookies.LIAISON_OWN }), { teamId: w.team.id }));
    expect(page.units).toContainEqual(expect.objectContaining({ id: unit.id, retired: true }));

    const postTeam = (form: Form) => call(teamRoute.action, makeRequest(`/teams/${w.team.id}`, { form, cookie: w.cookies.LIAISON_OWN }), { teamId: w.team.id });
    const kept = await postTeam({ intent: "update-member", memberId: member.id, name: "Pak Lama", side: "GOVERNMENT", role: "ANGGOTA", governmentUnitId: unit.id, version: "1" });
    expect(kept.status, await kept.clone().text()).toBe(302);
    const added = await postTeam({ intent: "add-member", name: "Bu Baru", side: "GOVERNMENT", role: "ANGGOTA", governmentUnitId: unit.id });
    expect(added.status).toBe(400);
    expect((await jsonOf(added)).result.error.governmentUnitId).toEqual(["form.invalidChoice"]);
    expect(await prisma.teamMember.count({ where: { governmentUnitId: unit.id } })).toBe(1);
  });
});

describe("unit focal points in the user administration", () => {
  const postUsers = (form: Form) => call(usersRoute.action, makeRequest("/admin/users", { form: { intent: "create", ...form }, cookie: w.cookies.ADMIN }));
  const postUser = (userId: string, form: Form) =>
    call(userRoute.action, makeRequest(`/admin/users/${userId}`, { form, cookie: w.cookies.ADMIN }), { userId });
  const unitsOf = async (userId: string) =>
    (await prisma.userUnit.findMany({ where: { userId }, select: { unit: { select: { code: true } } } })).map((u) => u.unit.code).sort();

  it("a UNIT user needs at least one active unit", async () => {
    const base = { email: "pic.baru@units.test", name: "PIC Baru", role: "UNIT", password: "sandi-awal-2025" };
    const none = await postUsers(base);
    expect(none.status).toBe(400);
    const refused = await jsonOf(none);
    expect(refused.result.error.units).toEqual(["users.unitRequired"]);
    expect(refused.result.initialValue).toMatchObject({ email: "pic.baru@units.test", role: "UNIT" });

    const unit = await newUnit("Dinas Tutup", "Distup");
    await retire(unit.id);
    const retired = await postUsers({ ...base, units: ["distup"] });
    expect(retired.status).toBe(400);
    expect((await jsonOf(retired)).result.error.units).toEqual(["users.unknownUnit"]);
    expect(await prisma.user.count({ where: { email: "pic.baru@units.test" } })).toBe(0);

    const created = await postUsers({ ...base, units: ["dinkes", "bappeda"], campuses: ["itb"] });
    expect(created.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "pic.baru@units.test" }, include: { campuses: true } });
    expect(await unitsOf(user.id)).toEqual(["bappeda", "dinkes"]);
    // campuses are a liaison's: a focal point keeps none
    expect(user.campuses).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "User", entityId: user.id, action: "create" } });
    expect(parse(event.after)).toMatchObject({ role: "UNIT", units: ["bappeda", "dinkes"], campuses: [] });

    // the list shows the units
    const list = await jsonOf(await call(usersRoute.loader, makeRequest("/admin/users", { cookie: w.cookies.ADMIN })));
    expect(list.users.find((u: { id: string }) => u.id === user.id).units.map((u: { code: string }) => u.code)).toEqual(["bappeda", "dinkes"]);
    expect(list.units.map((u: { code: string }) => u.code)).not.toContain("distup");
  });

  it("clears the units when the role changes, as a permission change that records them", async () => {
    const user = await createUser(prisma, { email: "pic.pindah@units.test", name: "PIC Pindah", role: "UNIT", unitIds: [w.otherUnit.id] });
    const missing = await postUser(user.id, { intent: "update", name: "PIC Pindah", role: "UNIT" });
    expect(missing.status).toBe(400);
    expect((await jsonOf(missing)).result.error.units).toEqual(["users.unitRequired"]);

    const changed = await postUser(user.id, { intent: "update", name: "PIC Pindah", role: "OBSERVER", units: ["dinkes"] });
    expect(changed.status).toBe(302);
    expect(await unitsOf(user.id)).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "User", entityId: user.id, action: "permission" } });
    expect(parse(event.before)).toMatchObject({ role: "UNIT", units: ["dinkes"] });
    expect(parse(event.after)).toMatchObject({ role: "OBSERVER", units: [] });
  });

  it("lets a focal point keep a unit retired since, but not take a new retired one", async () => {
    const unit = await newUnit("Dinas Sisa", "Dissa");
    const user = await createUser(prisma, { email: "pic.sisa@units.test", name: "PIC Sisa", role: "UNIT", unitIds: [unit.id] });
    await retire(unit.id);
    const page = await jsonOf(await call(userRoute.loader, makeRequest(`/admin/users/${user.id}`, { cookie: w.cookies.ADMIN }), { userId: user.id }));
    expect(page.units).toContainEqual(expect.objectContaining({ code: "dissa", retired: true }));
    expect((await postUser(user.id, { intent: "update", name: "PIC Sisa (ganti nama)", role: "UNIT", units: ["dissa"] })).status).toBe(302);
    expect(await unitsOf(user.id)).toEqual(["dissa"]);

    const other = await createUser(prisma, { email: "pic.lain@units.test", name: "PIC Lain", role: "UNIT", unitIds: [w.otherUnit.id] });
    const refused = await postUser(other.id, { intent: "update", name: "PIC Lain", role: "UNIT", units: ["dinkes", "dissa"] });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).result.error.units).toEqual(["users.unknownUnit"]);
    expect(await unitsOf(other.id)).toEqual(["dinkes"]);
  });
});
