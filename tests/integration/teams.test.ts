// Joint teams screens: loaders and every intent of /campuses/:slug/teams and /teams/:teamId.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as campusTeams from "~/routes/campuses.$slug_.teams";
import * as teamPage from "~/routes/teams.$teamId";
import { createMember, createTeam } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let sharedTeam: { id: string };
let otherTeam: { id: string };
let otherMember: { id: string };
let unit: { id: string; name: string };

beforeAll(async () => {
  w = await buildWorld();
  unit = await prisma.governmentUnit.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true, name: true } });
  sharedTeam = await createTeam(prisma, { campusId: null, name: "Tim Bersama Lintas Kampus", decreeRef: "SK 1/2026" });
  await createMember(prisma, { teamId: sharedTeam.id, name: "Anggota Bersama", side: "GOVERNMENT", governmentUnitId: unit.id, email: "bersama@banten.test" });
  otherTeam = await createTeam(prisma, { campusId: w.other, name: "Tim Bersama UMT" });
  otherMember = await createMember(prisma, { teamId: otherTeam.id, name: "Anggota UMT", email: "umt@umt.test" });
});

const auditCount = () => prisma.auditEvent.count({ where: { entity: { in: ["JointTeam", "TeamMember"] } } });

function getTeams(slug: string, who: Who) {
  return call(campusTeams.loader, makeRequest(`/campuses/${slug}/teams`, { cookie: w.cookies[who] }), { slug });
}
function postTeams(slug: string, who: Who, form: Record<string, string>) {
  return call(campusTeams.action, makeRequest(`/campuses/${slug}/teams`, { form, cookie: w.cookies[who] }), { slug });
}
function getTeam(teamId: string, who: Who) {
  return call(teamPage.loader, makeRequest(`/teams/${teamId}`, { cookie: w.cookies[who] }), { teamId });
}
function postTeam(teamId: string, who: Who, form: Record<string, string>) {
  return call(teamPage.action, makeRequest(`/teams/${teamId}`, { form, cookie: w.cookies[who] }), { teamId });
}

/** A fresh team of campus itb, so each test starts from a known roster. */
async function freshTeam(name = "Tim Uji") {
  return createTeam(prisma, { campusId: w.own, name });
}

const validMember = {
  name: "Drs. Budi Santoso",
  side: "GOVERNMENT",
  role: "ANGGOTA",
  position: "Kepala Bidang",
  organization: "Pemprov Banten",
  email: "budi@banten.test",
  phone: "+62 254 267 000",
};

describe("/campuses/:slug/teams loader", () => {
  it("lists the campus's teams and the shared ones with member counts by side, not other campuses' teams", async () => {
    const response = await getTeams("itb", "OBSERVER");
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    const names = data.teams.map((t: { name: string }) => t.name);
    expect(names).toContain("Tim Bersama ITB");
    expect(names).toContain("Tim Bersama Lintas Kampus");
    expect(names).not.toContain("Tim Bersama UMT");
    const own = data.teams.find((t: { name: string }) => t.name === "Tim Bersama ITB");
    expect(own.memberCount).toBeGreaterThanOrEqual(1);
    const shared = data.teams.find((t: { name: string }) => t.name === "Tim Bersama Lintas Kampus");
    expect(shared).toMatchObject({ campusId: null, decreeRef: "SK 1/2026", membersBySide: { CAMPUS: 0, GOVERNMENT: 1, INDUSTRY: 0 }, memberCount: 1 });
    // the shared team comes after the campus's own teams
    expect(names.indexOf("Tim Bersama Lintas Kampus")).toBe(names.length - 1);
    expect(data.canCreate).toBe(false);
  });

  it("offers the create form to the campus's liaison and to administrators only", async () => {
    expect((await jsonOf(await getTeams("itb", "LIAISON_OWN"))).canCreate).toBe(true);
    expect((await jsonOf(await getTeams("itb", "ADMIN"))).canCreate).toBe(true);
    expect((await jsonOf(await getTeams("itb", "LIAISON_OTHER"))).canCreate).toBe(false);
    expect((await jsonOf(await getTeams("itb", "REVIEWER"))).canCreate).toBe(false);
  });

  it("sends anonymous visitors to sign in and answers 404 for an unknown campus", async () => {
    const anonymous = await getTeams("itb", "ANONYMOUS");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fcampuses%2Fitb%2Fteams/);
    expect((await getTeams("no-such-campus", "ADMIN")).status).toBe(404);
  });
});

describe("create-team", () => {
  it("creates a team of the campus with its decree date, writes one audit event and redirects with a toast", async () => {
    const before = await auditCount();
    const response = await postTeams("itb", "LIAISON_OWN", {
      intent: "create-team",
      name: "Tim Bersama Pariwisata",
      decreeRef: "SK Gubernur 45/2026",
      decreeDate: "2026-03-02",
      mandate: "Merancang program pariwisata.",
    });
    expect(response.status).toBe(302);
    const team = await prisma.jointTeam.findFirstOrThrow({ where: { name: "Tim Bersama Pariwisata" } });
    expect(response.headers.get("Location")).toBe(`/teams/${team.id}`);
    expect(response.headers.get("Set-Cookie")).toContain("__session=");
    expect(team).toMatchObject({ campusId: w.own, decreeRef: "SK Gubernur 45/2026", mandate: "Merancang program pariwisata." });
    expect(team.decreeDate?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "JointTeam", entityId: team.id } });
    expect(event).toMatchObject({ action: "create", campusId: w.own, actorId: w.users.LIAISON_OWN.id });
  });

  it.each([
    ["name", { name: "" }, "form.required"],
    ["decreeDate", { decreeDate: "2026-02-31" }, "teams.invalidDate"],
    ["decreeDate", { decreeDate: "kemarin" }, "teams.invalidDate"],
    ["decreeDate", { decreeDate: "1900-01-01" }, "form.dateOutOfRange"],
  ])("refuses an invalid %s with 400, its error and every typed value", async (field, change, error) => {
    const form = { intent: "create-team", name: "Tim Gagal", decreeRef: "SK 9/2026", decreeDate: "2026-01-05", mandate: "Mandat", ...change };
    const before = await auditCount();
    const teamsBefore = await prisma.jointTeam.count();
    const response = await postTeams("itb", "LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error[field]).toEqual([error]);
    expect(result.initialValue).toMatchObject({ decreeRef: "SK 9/2026", mandate: "Mandat", decreeDate: form.decreeDate });
    expect(await prisma.jointTeam.count()).toBe(teamsBefore);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a liaison of another campus", async () => {
    const response = await postTeams("itb", "LIAISON_OTHER", { intent: "create-team", name: "Tim Asing" });
    expect(response.status).toBe(403);
    expect(await prisma.jointTeam.count({ where: { name: "Tim Asing" } })).toBe(0);
  });
});

describe("/teams/:teamId loader", () => {
  it("shows the managing liaison the roster with contacts, government unit names and the unit list", async () => {
    const team = await freshTeam("Tim Roster");
    await createMember(prisma, { teamId: team.id, name: "Pak Pemerintah", side: "GOVERNMENT", governmentUnitId: unit.id, role: "SEKRETARIS", phone: "+62 254 1" });
    await createMember(prisma, { teamId: team.id, name: "Bu Kampus", side: "CAMPUS", role: "KETUA", email: "ketua@itb.test" });
    const data = await jsonOf(await getTeam(team.id, "LIAISON_OWN"));
    expect(data.canManage).toBe(true);
    expect(data.showContacts).toBe(true);
    expect(data.units.length).toBeGreaterThan(0);
    expect(data.team.campus.slug).toBe("itb");
    const gov = data.team.members.find((m: { name: string }) => m.name === "Pak Pemerintah");
    expect(gov).toMatchObject({ side: "GOVERNMENT", role: "SEKRETARIS", phone: "+62 254 1", governmentUnit: { name: unit.name } });
    // the chair is listed first
    expect(data.team.members[0]).toMatchObject({ name: "Bu Kampus", role: "KETUA", email: "ketua@itb.test" });
  });

  it.each(["OBSERVER", "LIAISON_OTHER"] as const)("hides contacts from %s (they are not even sent)", async (who) => {
    const response = await getTeam(w.team.id, who);
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    expect(text).not.toContain("anggota@itb.test");
    expect(text).not.toContain("250 0000");
    const data = await jsonOf(response);
    expect(data.showContacts).toBe(false);
    expect(data.canManage).toBe(false);
    expect(data.units).toEqual([]);
    expect(data.team.members[0]).toMatchObject({ name: "Anggota ITB", email: null, phone: null });
  });

  it("shows contacts to reviewers, who may not manage the team", async () => {
    const data = await jsonOf(await getTeam(w.team.id, "REVIEWER"));
    expect(data).toMatchObject({ showContacts: true, canManage: false });
    expect(data.team.members[0]).toMatchObject({ email: "anggota@itb.test", phone: "+62 22 250 0000" });
  });

  it("lets only administrators manage a shared team", async () => {
    const liaison = await jsonOf(await getTeam(sharedTeam.id, "LIAISON_OWN"));
    expect(liaison).toMatchObject({ canManage: false, showContacts: false });
    expect(liaison.team.members[0].email).toBeNull();
    const admin = await jsonOf(await getTeam(sharedTeam.id, "ADMIN"));
    expect(admin).toMatchObject({ canManage: true, showContacts: true });
    expect(admin.team.members[0].email).toBe("bersama@banten.test");

    const before = await auditCount();
    const refused = await postTeam(sharedTeam.id, "LIAISON_OWN", { intent: "add-member", ...validMember, governmentUnitId: unit.id });
    expect(refused.status).toBe(403);
    expect(await auditCount()).toBe(before);
    const allowed = await postTeam(sharedTeam.id, "ADMIN", { intent: "add-member", ...validMember, governmentUnitId: unit.id });
    expect(allowed.status).toBe(302);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "TeamMember" }, orderBy: { createdAt: "desc" } });
    expect(event.campusId).toBeNull();
  });

  it("answers 404 for an unknown team", async () => {
    expect((await getTeam("no-such-team", "ADMIN")).status).toBe(404);
    expect((await postTeam("no-such-team", "ADMIN", { intent: "update-team", name: "x" })).status).toBe(404);
  });
});

describe("update-team", () => {
  it("saves the team's details with one audit event", async () => {
    const team = await freshTeam("Tim Lama");
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", {
      intent: "update-team",
      version: "1",
      name: "Tim Baru",
      decreeRef: "SK 3/2026",
      decreeDate: "2026-04-30",
      mandate: "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${team.id}`);
    const saved = await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } });
    expect(saved).toMatchObject({ name: "Tim Baru", decreeRef: "SK 3/2026", mandate: null });
    expect(saved.decreeDate?.toISOString()).toBe("2026-04-30T00:00:00.000Z");
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "JointTeam", entityId: team.id, action: "update" } });
    expect(event.campusId).toBe(w.own);
    expect(JSON.parse(event.after!)).toMatchObject({ name: "Tim Baru" });
    expect(JSON.parse(event.before!)).toMatchObject({ name: "Tim Lama" });
  });

  it.each([
    ["name", { name: "  " }, "form.required"],
    ["decreeDate", { decreeDate: "2026-13-01" }, "teams.invalidDate"],
  ])("refuses an invalid %s with 400 and keeps the typed values", async (field, change, error) => {
    const team = await freshTeam("Tim Tetap");
    const before = await auditCount();
    const form = { intent: "update-team", version: "1", name: "Tim Ganti", decreeRef: "SK 5/2026", decreeDate: "2026-01-01", mandate: "M", ...change };
    const response = await postTeam(team.id, "LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.intent).toBe("update-team");
    expect(data.result.error[field]).toEqual([error]);
    expect(data.result.initialValue).toMatchObject({ decreeRef: "SK 5/2026", mandate: "M" });
    expect((await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Tim Tetap");
    expect(await auditCount()).toBe(before);
  });
});

describe("add-member", () => {
  it("adds a government member with their unit, writes one audit event and shows them in the roster", async () => {
    const team = await freshTeam();
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", { intent: "add-member", ...validMember, governmentUnitId: unit.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${team.id}`);
    const member = await prisma.teamMember.findFirstOrThrow({ where: { teamId: team.id } });
    expect(member).toMatchObject({ name: "Drs. Budi Santoso", side: "GOVERNMENT", role: "ANGGOTA", governmentUnitId: unit.id, email: "budi@banten.test", phone: "+62 254 267 000" });
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "TeamMember", entityId: member.id } });
    expect(event).toMatchObject({ action: "create", campusId: w.own });
    const roster = await jsonOf(await getTeam(team.id, "LIAISON_OWN"));
    expect(roster.team.members[0]).toMatchObject({ name: "Drs. Budi Santoso", governmentUnit: { name: unit.name } });
  });

  it("drops a unit given for a member who is not from the government", async () => {
    const team = await freshTeam();
    await postTeam(team.id, "LIAISON_OWN", { intent: "add-member", ...validMember, side: "INDUSTRY", governmentUnitId: unit.id });
    const member = await prisma.teamMember.findFirstOrThrow({ where: { teamId: team.id } });
    expect(member).toMatchObject({ side: "INDUSTRY", governmentUnitId: null });
  });

  it.each([
    ["name", { name: "" }, "form.required"],
    ["email", { email: "bukan-email" }, "form.invalidEmail"],
    ["phone", { phone: "0812-345 (rumah)" }, "teams.invalidPhone"],
    ["side", { side: "ALIEN" }, "form.invalidChoice"],
    ["role", { role: "BOS" }, "form.invalidChoice"],
    ["governmentUnitId", { governmentUnitId: "" }, "teams.unitRequired"],
    ["governmentUnitId", { governmentUnitId: "no-such-unit" }, "form.invalidChoice"],
  ])("refuses an invalid %s with 400, its field error and every typed value", async (field, change, error) => {
    const team = await freshTeam();
    const before = await auditCount();
    const form: Record<string, string> = { intent: "add-member", ...validMember, governmentUnitId: unit.id, ...change };
    const response = await postTeam(team.id, "LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.intent).toBe("add-member");
    expect(data.result.error[field]).toEqual([error]);
    for (const key of ["name", "side", "role", "position", "organization", "email", "phone"]) {
      if (form[key]) expect(data.result.initialValue[key]).toBe(form[key]);
    }
    expect(await prisma.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a second KETUA with an error on the role field", async () => {
    const team = await freshTeam();
    const first = await postTeam(team.id, "LIAISON_OWN", { intent: "add-member", ...validMember, side: "CAMPUS", role: "KETUA", name: "Ketua Pertama" });
    expect(first.status).toBe(302);
    const before = await auditCount();
    const second = await postTeam(team.id, "LIAISON_OWN", { intent: "add-member", ...validMember, side: "CAMPUS", role: "KETUA", name: "Ketua Kedua" });
    expect(second.status).toBe(400);
    const data = await jsonOf(second);
    expect(data.result.error.role).toEqual(["teams.ketuaTaken"]);
    expect(data.result.initialValue).toMatchObject({ name: "Ketua Kedua", role: "KETUA" });
    expect(await prisma.teamMember.count({ where: { teamId: team.id, role: "KETUA" } })).toBe(1);
    expect(await auditCount()).toBe(before);
  });
});

describe("update-member", () => {
  it("saves the member with one audit event", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Nama Lama", side: "CAMPUS" });
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", {
      intent: "update-member",
      memberId: member.id,
      version: "1",
      ...validMember,
      governmentUnitId: unit.id,
      role: "SEKRETARIS",
    });
    expect(response.status).toBe(302);
    const saved = await prisma.teamMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved).toMatchObject({ name: "Drs. Budi Santoso", side: "GOVERNMENT", role: "SEKRETARIS", governmentUnitId: unit.id });
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "TeamMember", entityId: member.id } });
    expect(event).toMatchObject({ action: "update", campusId: w.own });
    expect(JSON.parse(event.before!)).toMatchObject({ name: "Nama Lama", role: "ANGGOTA" });
  });

  it.each([
    ["name", { name: "" }, "form.required"],
    ["email", { email: "a@b" }, "form.invalidEmail"],
    ["phone", { phone: "abc" }, "teams.invalidPhone"],
    ["role", { role: "" }, "form.invalidChoice"],
  ])("refuses an invalid %s with 400 and keeps every typed value", async (field, change, error) => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Tetap" });
    const before = await auditCount();
    const form: Record<string, string> = { intent: "update-member", memberId: member.id, version: "1", ...validMember, governmentUnitId: unit.id, ...change };
    const response = await postTeam(team.id, "LIAISON_OWN", form);
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data).toMatchObject({ intent: "update-member", memberId: member.id });
    expect(data.result.error[field]).toEqual([error]);
    expect(data.result.initialValue).toMatchObject({ position: "Kepala Bidang", organization: "Pemprov Banten" });
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: member.id } })).name).toBe("Tetap");
    expect(await auditCount()).toBe(before);
  });

  it("refuses to make a second member KETUA, but lets the KETUA keep the role", async () => {
    const team = await freshTeam();
    const chair = await createMember(prisma, { teamId: team.id, name: "Ketua", role: "KETUA" });
    const other = await createMember(prisma, { teamId: team.id, name: "Anggota" });
    const refused = await postTeam(team.id, "LIAISON_OWN", { intent: "update-member", memberId: other.id, version: "1", name: "Anggota", side: "CAMPUS", role: "KETUA" });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).result.error.role).toEqual(["teams.ketuaTaken"]);
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("ANGGOTA");
    const kept = await postTeam(team.id, "LIAISON_OWN", { intent: "update-member", memberId: chair.id, version: "1", name: "Ketua Baru", side: "CAMPUS", role: "KETUA" });
    expect(kept.status).toBe(302);
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: chair.id } })).name).toBe("Ketua Baru");
  });

  it("answers 404 for a member of another team and changes nothing", async () => {
    const before = await auditCount();
    const original = await prisma.teamMember.findUniqueOrThrow({ where: { id: otherMember.id } });
    // a valid form, and an invalid one: the forged id is refused before anything else
    for (const name of ["Dibajak", ""]) {
      const response = await postTeam(w.team.id, "LIAISON_OWN", { intent: "update-member", memberId: otherMember.id, version: "1", ...validMember, governmentUnitId: unit.id, name });
      expect(response.status).toBe(404);
    }
    expect(await prisma.teamMember.findUniqueOrThrow({ where: { id: otherMember.id } })).toEqual(original);
    expect(await auditCount()).toBe(before);
  });
});

describe("remove-member", () => {
  it("removes the member with one audit event", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Akan Pergi", email: "pergi@itb.test" });
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", { intent: "remove-member", memberId: member.id, version: "1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${team.id}`);
    expect(await prisma.teamMember.findUnique({ where: { id: member.id } })).toBeNull();
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "TeamMember", entityId: member.id } });
    expect(event).toMatchObject({ action: "delete", campusId: w.own, after: null });
    expect(JSON.parse(event.before!)).toMatchObject({ name: "Akan Pergi", teamId: team.id });
  });

  it("answers 404 for a member of another team and removes nothing", async () => {
    const before = await auditCount();
    const response = await postTeam(w.team.id, "LIAISON_OWN", { intent: "remove-member", memberId: otherMember.id, version: "1" });
    expect(response.status).toBe(404);
    expect(await prisma.teamMember.findUnique({ where: { id: otherMember.id } })).not.toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("answers 404 without a member id and 400 for an unknown intent", async () => {
    expect((await postTeam(w.team.id, "LIAISON_OWN", { intent: "remove-member" })).status).toBe(404);
    expect((await postTeam(w.team.id, "LIAISON_OWN", { intent: "dissolve-team" })).status).toBe(400);
  });
});

// ---------- lost updates: every edit carries the version it was opened at ----------

/** What the team page gives a form: the team's and each member's version, and when it was opened. */
async function openTeamPage(teamId: string, who: Who = "LIAISON_OWN") {
  const data = await jsonOf(await getTeam(teamId, who));
  return data as {
    startedAt: string;
    team: { version: number; name: string; decreeRef: string | null; decreeDate: string | null; mandate: string | null; members: { id: string; version: number }[] };
  };
}

function teamForm(page: Awaited<ReturnType<typeof openTeamPage>>, change: Record<string, string>) {
  const { team } = page;
  return {
    intent: "update-team",
    version: String(team.version),
    startedAt: page.startedAt,
    name: team.name,
    decreeRef: team.decreeRef ?? "",
    decreeDate: team.decreeDate ? team.decreeDate.slice(0, 10) : "",
    mandate: team.mandate ?? "",
    ...change,
  };
}

function memberForm(page: Awaited<ReturnType<typeof openTeamPage>>, memberId: string, change: Record<string, string>) {
  const member = page.team.members.find((m) => m.id === memberId)!;
  return { intent: "update-member", memberId, version: String(member.version), startedAt: page.startedAt, ...validMember, side: "CAMPUS", ...change };
}

const memberEvents = (memberId: string) => prisma.auditEvent.count({ where: { entity: "TeamMember", entityId: memberId } });

describe("lost updates", () => {
  it("the team page gives the team's and every member's version, and when it was opened", async () => {
    const team = await freshTeam("Tim Versi");
    const member = await createMember(prisma, { teamId: team.id, name: "Anggota Versi" });
    const page = await openTeamPage(team.id);
    expect(page.team.version).toBe(1);
    expect(page.team.members.find((m) => m.id === member.id)?.version).toBe(1);
    expect(Number.isNaN(new Date(page.startedAt).getTime())).toBe(false);
  });

  it("update-team: the second save from the same version gets 409, writes nothing, keeps its input and shows the first's change", async () => {
    const team = await freshTeam("Tim Mandat");
    const mine = await openTeamPage(team.id, "LIAISON_OWN");
    const theirs = await openTeamPage(team.id, "ADMIN");

    const first = await postTeam(team.id, "ADMIN", teamForm(theirs, { mandate: "Mandat dari admin" }));
    expect(first.status).toBe(302);
    expect((await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } })).version).toBe(2);

    const before = await auditCount();
    const myForm = teamForm(mine, { mandate: "Mandat saya", decreeRef: "SK 99/2026" });
    const response = await postTeam(team.id, "LIAISON_OWN", myForm);
    expect(response.status).toBe(409);
    // nothing of the second save is written; the first's change survives
    expect(await auditCount()).toBe(before);
    expect(await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      mandate: "Mandat dari admin",
      decreeRef: null,
      version: 2,
    });
    const data = await jsonOf(response);
    expect(data.intent).toBe("update-team");
    // the user's input is kept
    expect(data.result.initialValue).toMatchObject({ mandate: "Mandat saya", decreeRef: "SK 99/2026", version: "1" });
    // and the conflict says who changed what
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes).toHaveLength(1);
    expect(data.conflict.changes[0]).toMatchObject({ by: "Admin", action: "update", after: { mandate: "Mandat dari admin" } });

    // "keep mine": the form now carries the current version, and the save goes through on purpose
    const overwrite = await postTeam(team.id, "LIAISON_OWN", { ...myForm, version: String(data.conflict.version) });
    expect(overwrite.status).toBe(302);
    expect(await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ mandate: "Mandat saya", version: 3 });
  });

  it("update-team: the conflict lists only what was saved after the form was opened", async () => {
    const team = await freshTeam("Tim Riwayat");
    const early = await openTeamPage(team.id, "ADMIN");
    expect((await postTeam(team.id, "ADMIN", teamForm(early, { decreeRef: "SK lama" }))).status).toBe(302);
    const mine = await openTeamPage(team.id);
    const theirs = await openTeamPage(team.id, "ADMIN");
    expect((await postTeam(team.id, "ADMIN", teamForm(theirs, { name: "Tim Riwayat Baru" }))).status).toBe(302);
    const response = await postTeam(team.id, "LIAISON_OWN", teamForm(mine, { mandate: "Mandat saya" }));
    expect(response.status).toBe(409);
    const { conflict } = await jsonOf(response);
    expect(conflict.version).toBe(3);
    expect(conflict.changes.map((c: { after: unknown }) => c.after)).toEqual([{ name: "Tim Riwayat Baru" }]);
  });

  it("update-team: refuses a save without the version it was opened at (400), changing nothing", async () => {
    const team = await freshTeam("Tim Tanpa Versi");
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", { intent: "update-team", name: "Tim Diganti", mandate: "Isian" });
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error.version).toEqual(["conflict.versionMissing"]);
    expect(result.initialValue).toMatchObject({ name: "Tim Diganti", mandate: "Isian" });
    expect((await prisma.jointTeam.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Tim Tanpa Versi");
    expect(await auditCount()).toBe(before);
  });

  it("update-member: a save from an older version gets 409, writes nothing and keeps the input", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Bu Anggota", position: "Dosen" });
    const mine = await openTeamPage(team.id);
    const theirs = await openTeamPage(team.id, "ADMIN");
    expect((await postTeam(team.id, "ADMIN", memberForm(theirs, member.id, { name: "Bu Anggota", position: "Wakil Dekan" }))).status).toBe(302);

    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", memberForm(mine, member.id, { name: "Bu Anggota", phone: "+62 21 7", position: "Dosen Tetap" }));
    expect(response.status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect(await prisma.teamMember.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ position: "Wakil Dekan", version: 2 });
    const data = await jsonOf(response);
    expect(data).toMatchObject({ intent: "update-member", memberId: member.id, gone: null });
    expect(data.result.initialValue).toMatchObject({ position: "Dosen Tetap", phone: "+62 21 7" });
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes[0]).toMatchObject({ by: "Admin", after: { position: "Wakil Dekan" } });
  });

  it("update-member: editing a member removed meanwhile answers 409 'no longer on the team', keeps the input, re-creates nobody", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Pak Pindah" });
    const mine = await openTeamPage(team.id);
    expect((await postTeam(team.id, "ADMIN", { intent: "remove-member", memberId: member.id, version: "1" })).status).toBe(302);

    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", memberForm(mine, member.id, { name: "Pak Pindah", position: "Kaprodi" }));
    expect(response.status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect(await prisma.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    const data = await jsonOf(response);
    expect(data).toMatchObject({ intent: "update-member", memberId: member.id, gone: { name: "Pak Pindah" } });
    expect(data.result.initialValue).toMatchObject({ name: "Pak Pindah", position: "Kaprodi" });
    expect(data.conflict.version).toBeNull();
    expect(data.conflict.changes).toEqual([expect.objectContaining({ by: "Admin", action: "delete" })]);
  });

  it("remove-member: removing a member edited meanwhile gets 409 and removes nothing; with the current version it goes", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Bu Tetap" });
    const mine = await openTeamPage(team.id);
    const theirs = await openTeamPage(team.id, "ADMIN");
    expect((await postTeam(team.id, "ADMIN", memberForm(theirs, member.id, { name: "Bu Tetap", role: "SEKRETARIS" }))).status).toBe(302);

    const before = await memberEvents(member.id);
    const response = await postTeam(team.id, "LIAISON_OWN", { intent: "remove-member", memberId: member.id, version: "1", startedAt: mine.startedAt });
    expect(response.status).toBe(409);
    expect(await prisma.teamMember.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ role: "SEKRETARIS", version: 2 });
    expect(await memberEvents(member.id)).toBe(before);
    const data = await jsonOf(response);
    expect(data).toMatchObject({ intent: "remove-member", memberId: member.id, gone: null });
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes[0]).toMatchObject({ by: "Admin", after: { role: "SEKRETARIS" } });

    const again = await postTeam(team.id, "LIAISON_OWN", { intent: "remove-member", memberId: member.id, version: String(data.conflict.version) });
    expect(again.status).toBe(302);
    expect(await prisma.teamMember.findUnique({ where: { id: member.id } })).toBeNull();
  });

  it("remove-member: removing a member someone removed already answers 409 'no longer on the team' and writes nothing", async () => {
    const team = await freshTeam();
    const member = await createMember(prisma, { teamId: team.id, name: "Pak Sudah Pergi" });
    const mine = await openTeamPage(team.id);
    expect((await postTeam(team.id, "ADMIN", { intent: "remove-member", memberId: member.id, version: "1" })).status).toBe(302);
    const before = await auditCount();
    const response = await postTeam(team.id, "LIAISON_OWN", { intent: "remove-member", memberId: member.id, version: "1", startedAt: mine.startedAt });
    expect(response.status).toBe(409);
    expect(await auditCount()).toBe(before);
    const data = await jsonOf(response);
    expect(data).toMatchObject({ intent: "remove-member", memberId: member.id, result: null, gone: { name: "Pak Sudah Pergi" } });
    expect(data.conflict.changes).toEqual([expect.objectContaining({ action: "delete" })]);
  });

  it("a member removed from another team is still unknown here (404)", async () => {
    const elsewhere = await createTeam(prisma, { campusId: w.other, name: "Tim UMT Lain" });
    const member = await createMember(prisma, { teamId: elsewhere.id, name: "Anggota UMT Lain" });
    expect((await postTeam(elsewhere.id, "ADMIN", { intent: "remove-member", memberId: member.id, version: "1" })).status).toBe(302);
    expect((await postTeam(w.team.id, "LIAISON_OWN", { intent: "remove-member", memberId: member.id, version: "1" })).status).toBe(404);
    expect((await postTeam(w.team.id, "LIAISON_OWN", { intent: "update-member", memberId: member.id, version: "1", ...validMember, side: "CAMPUS" })).status).toBe(404);
  });
});
