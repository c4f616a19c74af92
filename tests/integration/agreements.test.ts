// The agreement chain: /agreements, /agreements/new and /agreements/:id — loaders and every intent,
// with real requests on a real database (valid input, each kind of invalid input, a PKS under
// another campus's chain, a liaison on another campus's agreement, version conflicts).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as registry from "~/routes/agreements._index";
import * as newAgreement from "~/routes/agreements.new";
import * as agreementPage from "~/routes/agreements.$agreementId";
import * as evidence from "~/routes/evidence.$evidenceId";
import { createItem } from "../../prisma/factories";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let unit: { id: string; code: string };

beforeAll(async () => {
  w = await buildWorld();
  unit = await prisma.governmentUnit.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true, code: true } });
});

const getRegistry = (who: Who, query = "") => call(registry.loader, makeRequest(`/agreements${query}`, { cookie: w.cookies[who] }));
const getNew = (who: Who, query = "") => call(newAgreement.loader, makeRequest(`/agreements/new${query}`, { cookie: w.cookies[who] }));
const postNew = (who: Who, form: Record<string, string | string[] | File>) => call(newAgreement.action, makeRequest("/agreements/new", { form, cookie: w.cookies[who] }));
const getPage = (id: string, who: Who) => call(agreementPage.loader, makeRequest(`/agreements/${id}`, { cookie: w.cookies[who] }), { agreementId: id });
const postPage = (id: string, who: Who, form: Record<string, string | string[] | File>) =>
  call(agreementPage.action, makeRequest(`/agreements/${id}`, { form, cookie: w.cookies[who] }), { agreementId: id });

const pdf = (name = "pks-ditandatangani.pdf") => new File([Buffer.from("%PDF-1.4\n% uji\n")], name, { type: "application/pdf" });

function pksForm(over: Record<string, string | string[] | File> = {}) {
  return {
    kind: "PKS",
    parentId: w.mou.id,
    campusId: w.campuses.unma!,
    number: "050/PKS/BIRO-ADPIM/2026",
    campusNumber: "07/UNMA/PKS/2026",
    title: "PKS Pemprov Banten – UNMA",
    signedOn: "2026-02-02",
    place: "Kota Serang",
    validFrom: "2026-02-02",
    validUntil: "2029-02-01",
    scopeResearch: "on",
    scopeCommunityService: "on",
    unitIds: [unit.id],
    ...over,
  };
}

const errorsOf = async (response: Response) => (await jsonOf(response)).result.error as Record<string, string[]>;
const version = async (id: string) => (await prisma.agreement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const audits = (entityId: string) => prisma.auditEvent.count({ where: { entity: "Agreement", entityId } });

describe("/agreements registry", () => {
  it("draws the chain MOU → PKS as a tree with both numbers, for everyone signed in", async () => {
    const data = await jsonOf(await getRegistry("OBSERVER"));
    const mou = data.tree.find((n: { kind: string }) => n.kind === "MOU");
    expect(mou.title).toMatch(/Kesepakatan Bersama/);
    const pks = mou.children.find((n: { id: string }) => n.id === w.pks.id);
    expect(pks).toMatchObject({ number: "045/PKS/BIRO-ADPIM/2026", campusNumber: "12/ITB/PKS/2026", status: "ACTIVE", hasDocument: true });
  });

  it("shows a campus's proposal to its liaisons and the office only", async () => {
    const titles = async (who: Who) => JSON.stringify(await jsonOf(await getRegistry(who)));
    expect(await titles("LIAISON_OWN")).toContain("USULAN IA RAHASIA ITB");
    expect(await titles("REVIEWER")).toContain("USULAN IA RAHASIA ITB");
    expect(await titles("LIAISON_OTHER")).not.toContain("USULAN IA RAHASIA ITB");
    expect(await titles("OBSERVER")).not.toContain("USULAN IA RAHASIA ITB");
  });

  it("filters by campus, kind and status, keeping the chain above as context", async () => {
    const data = await jsonOf(await getRegistry("REVIEWER", "?campus=itb&kind=PKS&status=ACTIVE"));
    expect(data.matching).toBe(1);
    const [mou] = data.tree;
    expect(mou).toMatchObject({ kind: "MOU", matches: false });
    expect(mou.children.map((c: { id: string; matches: boolean }) => [c.id, c.matches])).toEqual([[w.pks.id, true]]);
    const none = await jsonOf(await getRegistry("REVIEWER", "?campus=itb&status=EXPIRED"));
    expect(none.matching).toBe(0);
    const drafts = await jsonOf(await getRegistry("REVIEWER", "?status=DRAFT"));
    expect(drafts.matching).toBe(1);
  });

  it("ignores unknown filter values and sends anonymous visitors to sign in", async () => {
    const data = await jsonOf(await getRegistry("REVIEWER", "?kind=XYZ&status=nope"));
    expect(data.filter).toMatchObject({ kind: null, status: null });
    const anonymous = await getRegistry("ANONYMOUS");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("/agreements/new", () => {
  it("offers the reviewer registration and a liaison a proposal for their own campus only", async () => {
    const reviewer = await jsonOf(await getNew("REVIEWER"));
    expect(reviewer.mode).toBe("register");
    expect(reviewer.campuses).toHaveLength(12);
    const liaison = await jsonOf(await getNew("LIAISON_OWN"));
    expect(liaison.mode).toBe("propose");
    expect(liaison.campuses.map((c: { id: string }) => c.id)).toEqual([w.own]);
    expect(liaison.parents.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([w.mou.id, w.pks.id]));
    expect((await jsonOf(await getNew("LIAISON_OTHER"))).parents.map((p: { id: string }) => p.id)).not.toContain(w.pks.id);
    expect((await getNew("OBSERVER")).status).toBe(403);
  });

  it("registers a confirmed PKS with both numbers, its units and signed copy, audited", async () => {
    const response = await postNew("REVIEWER", pksForm({ file: pdf() }));
    expect(response.status, await response.clone().text()).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    const saved = await prisma.agreement.findUniqueOrThrow({ where: { id }, include: { units: true, documents: true } });
    expect(saved).toMatchObject({ kind: "PKS", state: "CONFIRMED", campusId: w.campuses.unma, number: "050/PKS/BIRO-ADPIM/2026", campusNumber: "07/UNMA/PKS/2026", scopeResearch: true, scopeEducation: false });
    expect(saved.units.map((u) => u.governmentUnitId)).toEqual([unit.id]);
    expect(saved.documents.map((d) => d.fileName)).toEqual(["pks-ditandatangani.pdf"]);
    expect(await audits(id)).toBe(1);
  });

  it("refuses a PKS valid past the MOU, starting before it, or ending before it starts, with the reason beside the field", async () => {
    expect((await errorsOf(await postNew("REVIEWER", pksForm({ validUntil: "2031-01-01" })))).validUntil?.[0]).toMatch(/^agreements\.endsAfterParent\?/);
    expect((await errorsOf(await postNew("REVIEWER", pksForm({ validFrom: "2025-01-01" })))).validFrom?.[0]).toMatch(/^agreements\.startsBeforeParent\?.*from=2025-11-26/);
    expect((await errorsOf(await postNew("REVIEWER", pksForm({ validUntil: "2026-01-01" })))).validUntil).toEqual(["agreements.endBeforeStart"]);
  });

  it("refuses an IA valid past its PKS, naming the PKS and its last day", async () => {
    const response = await postNew("REVIEWER", { kind: "IA", parentId: w.pks.id, title: "IA uji", validFrom: "2026-03-01", validUntil: "2029-01-31" });
    expect(response.status).toBe(400);
    const [message] = (await errorsOf(response)).validUntil!;
    expect(message).toContain("agreements.endsAfterParent?");
    expect(decodeURIComponent(message!.replace(/\+/g, " "))).toContain("until=2028-12-31");
    expect(decodeURIComponent(message!.replace(/\+/g, " "))).toContain("12/ITB/PKS/2026");
  });

  it("keeps an IA on its PKS's campus whatever the form says, and refuses a PKS under a PKS or an IA under the MOU", async () => {
    const ia = await postNew("REVIEWER", { kind: "IA", parentId: w.pks.id, campusId: w.other, title: "IA kampus dari induk", validFrom: "2026-03-01", validUntil: "2026-12-31" });
    expect(ia.status).toBe(302);
    const id = ia.headers.get("Location")!.split("/").pop()!;
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).campusId).toBe(w.own);
    expect((await errorsOf(await postNew("REVIEWER", pksForm({ parentId: w.pks.id })))).parentId?.[0]).toMatch(/^agreements\.pksUnderMou/);
    expect((await errorsOf(await postNew("REVIEWER", { ...pksForm(), kind: "IA" }))).parentId?.[0]).toMatch(/^agreements\.iaUnderPks/);
  });

  it("refuses a missing title, an unknown parent or unit, and a file that is not a PDF", async () => {
    const errors = await errorsOf(await postNew("REVIEWER", pksForm({ title: "", parentId: "does-not-exist", unitIds: ["nope"], file: new File(["x"], "pks.docx") })));
    expect(errors.title).toEqual(["form.required"]);
    expect(errors.file).toEqual(["agreements.pdfOnly"]);
    const refs = await errorsOf(await postNew("REVIEWER", pksForm({ parentId: "does-not-exist" })));
    expect(refs.parentId).toEqual(["form.invalidChoice"]);
    expect((await errorsOf(await postNew("REVIEWER", pksForm({ unitIds: ["nope"] })))).unitIds).toEqual(["form.invalidChoice"]);
  });

  it("lets a liaison propose a draft PKS for their own campus with its signed copy, never for another campus's chain", async () => {
    const own = await postNew("LIAISON_OWN", pksForm({ campusId: w.own, title: "Usulan PKS kedua ITB", file: pdf("usulan.pdf") }));
    expect(own.status, await own.clone().text()).toBe(302);
    const id = own.headers.get("Location")!.split("/").pop()!;
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "DRAFT", proposedById: w.users.LIAISON_OWN.id, confirmedAt: null });
    // another campus directly, or an IA under another campus's PKS
    const before = await prisma.agreement.count();
    expect((await postNew("LIAISON_OTHER", pksForm({ campusId: w.own }))).status).toBe(403);
    const ia = await postNew("LIAISON_OTHER", { kind: "IA", parentId: w.pks.id, title: "IA di rantai ITB", validFrom: "2026-03-01", validUntil: "2026-12-31" });
    expect(ia.status).toBe(403);
    expect(await prisma.agreement.count()).toBe(before);
  });
});

describe("/agreements/:id page", () => {
  it("shows the record, children, items covered and the signed copy to the office and the own campus", async () => {
    await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program di bawah PKS", agreementId: w.pks.id, visibility: "PUBLISHED" });
    const data = await jsonOf(await getPage(w.pks.id, "REVIEWER"));
    expect(data.agreement).toMatchObject({ number: "045/PKS/BIRO-ADPIM/2026", campusNumber: "12/ITB/PKS/2026", status: "ACTIVE", showDocuments: true });
    expect(data.agreement.documents.map((d: { fileName: string }) => d.fileName)).toEqual(["pks-itb-bertanda-tangan-rahasia.pdf"]);
    expect(data.agreement.children.map((c: { id: string }) => c.id)).toContain(w.draftAgreement.id);
    expect(data.agreement.items.map((i: { title: string }) => i.title)).toContain("Program di bawah PKS");
    expect(data.may).toMatchObject({ edit: true, renew: true, amend: true, upload: true, link: true });
    const own = await jsonOf(await getPage(w.pks.id, "LIAISON_OWN"));
    expect(own.agreement.showDocuments).toBe(true);
    expect(own.may).toMatchObject({ edit: false, renew: false, upload: true, link: true });
  });

  it("hides a document not marked public from other campuses and observers, and another campus's draft entirely", async () => {
    for (const who of ["LIAISON_OTHER", "OBSERVER"] as const) {
      const text = await (await getPage(w.pks.id, who)).text();
      expect(text).not.toContain("pks-itb-bertanda-tangan-rahasia.pdf");
      expect(text).not.toContain("USULAN IA RAHASIA ITB");
      expect((await getPage(w.draftAgreement.id, who)).status).toBe(404);
      expect((await call(evidence.loader, makeRequest(`/evidence/${w.pksDocument.id}`, { cookie: w.cookies[who] }), { evidenceId: w.pksDocument.id })).status).toBe(404);
    }
    expect((await getPage("does-not-exist", "REVIEWER")).status).toBe(404);
  });

  it("serves a document marked public to anyone, and a non-public one to nobody anonymous", async () => {
    const anon = () => call(evidence.loader, makeRequest(`/evidence/${w.pksDocument.id}`), { evidenceId: w.pksDocument.id });
    expect((await anon()).status).toBe(302);
    await prisma.agreement.update({ where: { id: w.pks.id }, data: { documentPublic: true } });
    const served = await anon();
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString("latin1")).toMatch(/^%PDF/);
    await prisma.agreement.update({ where: { id: w.pks.id }, data: { documentPublic: false } });
  });
});

describe("/agreements/:id actions", () => {
  async function freshPks(campusId = w.campuses.umt!) {
    const response = await postNew("REVIEWER", pksForm({ campusId, title: `PKS uji ${Math.random()}` }));
    return response.headers.get("Location")!.split("/").pop()!;
  }
  const record = (over: Record<string, string | string[]> = {}) => ({
    intent: "update",
    number: "050/PKS/BIRO-ADPIM/2026",
    campusNumber: "09/UMT/2026",
    title: "PKS UMT (ubah)",
    validFrom: "2026-02-02",
    validUntil: "2029-02-01",
    scopeEducation: "on",
    unitIds: [unit.id],
    ...over,
  });

  it("edits the record from its version, audited; a save from an older version is a 409 listing the change", async () => {
    const id = await freshPks();
    const v = await version(id);
    const saved = await postPage(id, "REVIEWER", record({ version: String(v), startedAt: new Date(Date.now() - 1000).toISOString() }));
    expect(saved.status).toBe(302);
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "PKS UMT (ubah)", campusNumber: "09/UMT/2026", scopeEducation: true, scopeResearch: false, version: v + 1 });
    const stale = await postPage(id, "ADMIN", record({ version: String(v), title: "Tertimpa?", startedAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(stale.status).toBe(409);
    const body = await jsonOf(stale);
    expect(body.conflict.version).toBe(v + 1);
    expect(body.conflict.changes.at(-1).after.title).toBe("PKS UMT (ubah)");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).title).toBe("PKS UMT (ubah)");
  });

  it("refuses a shorter validity that would leave its IA or an item outside it", async () => {
    const ia = await postNew("REVIEWER", { kind: "IA", parentId: w.pks.id, title: "IA sampai 2028", validFrom: "2026-03-01", validUntil: "2028-06-30" });
    expect(ia.status).toBe(302);
    const v = await version(w.pks.id);
    const response = await postPage(w.pks.id, "REVIEWER", record({ title: "PKS ITB", version: String(v), validFrom: "2026-01-05", validUntil: "2027-12-31" }));
    expect(response.status).toBe(400);
    expect((await errorsOf(response)).validUntil?.[0]).toMatch(/^agreements\.childOutside\?/);
  });

  it("refuses a liaison editing another campus's agreement, and the own campus's once it is confirmed", async () => {
    const id = await freshPks();
    const v = String(await version(id));
    expect((await postPage(id, "LIAISON_OTHER", record({ version: v }))).status).toBe(403);
    expect((await postPage(w.pks.id, "LIAISON_OWN", record({ version: String(await version(w.pks.id)) }))).status).toBe(403);
    expect(await version(id)).toBe(Number(v));
  });

  it("lets the liaison edit their own proposal, and the office confirm it once", async () => {
    const created = await postNew("LIAISON_OWN", { kind: "IA", parentId: w.pks.id, title: "Usulan IA", validFrom: "2026-03-01", validUntil: "2026-12-31" });
    const id = created.headers.get("Location")!.split("/").pop()!;
    const edit = await postPage(id, "LIAISON_OWN", { intent: "update", title: "Usulan IA (revisi)", validFrom: "2026-03-01", validUntil: "2026-12-31", version: String(await version(id)) });
    expect(edit.status).toBe(302);
    expect((await postPage(id, "LIAISON_OWN", { intent: "confirm", version: String(await version(id)) })).status).toBe(403);
    const v = await version(id);
    expect((await postPage(id, "REVIEWER", { intent: "confirm", version: String(v) })).status).toBe(302);
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "CONFIRMED", confirmedById: w.users.REVIEWER.id });
    // confirming again: from the old version a conflict, from the new one "already confirmed"
    expect((await postPage(id, "REVIEWER", { intent: "confirm", version: String(v) })).status).toBe(409);
    const again = await postPage(id, "REVIEWER", { intent: "confirm", version: String(v + 1) });
    expect(again.status).toBe(400);
    expect((await errorsOf(again))[""]).toEqual(["agreements.notADraft"]);
  });

  it("records an amendment with its signed copy, refusing one dated before the agreement", async () => {
    const id = await freshPks();
    const ok = await postPage(id, "REVIEWER", { intent: "amend", title: "Adendum I", number: "ADD-1", signedOn: "2026-06-01", summary: "Menambah ruang lingkup pendidikan.", version: String(await version(id)), file: pdf("adendum.pdf") });
    expect(ok.status, await ok.clone().text()).toBe(302);
    const page = await jsonOf(await getPage(id, "REVIEWER"));
    expect(page.agreement.amendments).toMatchObject([{ title: "Adendum I", number: "ADD-1", documents: [{ fileName: "adendum.pdf" }] }]);
    const early = await postPage(id, "REVIEWER", { intent: "amend", title: "Adendum 0", signedOn: "2026-01-01", version: String(await version(id)) });
    expect((await errorsOf(early)).signedOn?.[0]).toMatch(/^agreements\.amendBeforeAgreement/);
    expect((await postPage(id, "LIAISON_OTHER", { intent: "amend", title: "x", signedOn: "2026-06-01", version: String(await version(id)) })).status).toBe(403);
  });

  it("renews an agreement: the new one supersedes the old, the chain is kept, and it cannot be renewed twice", async () => {
    const id = await freshPks();
    const v = await version(id);
    const renewed = await postPage(id, "REVIEWER", { ...record({ intent: "renew", title: "PKS UMT 2029–2030", validFrom: "2029-02-02", validUntil: "2030-11-25" }), version: String(v) });
    expect(renewed.status, await renewed.clone().text()).toBe(302);
    const newId = renewed.headers.get("Location")!.split("/").pop()!;
    const old = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    const next = await prisma.agreement.findUniqueOrThrow({ where: { id: newId } });
    expect(old.supersededById).toBe(newId);
    expect(next).toMatchObject({ kind: "PKS", parentId: old.parentId, campusId: old.campusId, state: "CONFIRMED" });
    expect((await jsonOf(await getPage(id, "REVIEWER"))).agreement.status).toBe("SUPERSEDED");
    const twice = await postPage(id, "REVIEWER", { ...record({ intent: "renew", validFrom: "2029-02-02", validUntil: "2030-11-25" }), version: String(v + 1) });
    expect((await errorsOf(twice))[""]).toEqual(["agreements.alreadyRenewed"]);
    expect((await postPage(id, "REVIEWER", { ...record({ intent: "renew" }), version: String(v) })).status).toBe(409);
  });

  it("uploads a signed copy (the campus's liaison may), refusing none or a non-PDF", async () => {
    const ok = await postPage(w.pks.id, "LIAISON_OWN", { intent: "upload", file: pdf("salinan-kedua.pdf") });
    expect(ok.status).toBe(302);
    expect(await prisma.evidence.count({ where: { agreementId: w.pks.id, fileName: "salinan-kedua.pdf" } })).toBe(1);
    expect((await errorsOf(await postPage(w.pks.id, "LIAISON_OWN", { intent: "upload" }))).file).toEqual(["agreements.fileRequired"]);
    expect((await errorsOf(await postPage(w.pks.id, "LIAISON_OWN", { intent: "upload", file: new File(["x"], "a.exe") }))).file).toEqual(["agreements.pdfOnly"]);
    expect((await postPage(w.pks.id, "LIAISON_OTHER", { intent: "upload", file: pdf() })).status).toBe(403);
    expect((await postPage(w.mou.id, "REVIEWER", { intent: "upload", file: pdf() })).status).toBe(400);
  });

  it("attaches an item of the campus within the agreement's validity, naming the agreement when it does not fit", async () => {
    const fits = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program cocok", plannedStart: new Date(Date.UTC(2026, 1, 1)), plannedEnd: new Date(Date.UTC(2026, 11, 1)) });
    const late = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program kepanjangan", plannedStart: new Date(Date.UTC(2026, 1, 1)), plannedEnd: new Date(Date.UTC(2029, 5, 1)) });
    const foreign = await createItem(prisma, { campusId: w.other, priorityAreaId: w.area.id, title: "Program UMT" });
    expect((await postPage(w.pks.id, "LIAISON_OWN", { intent: "link-item", itemId: fits.id })).status).toBe(302);
    expect((await prisma.roadmapItem.findUniqueOrThrow({ where: { id: fits.id } })).agreementId).toBe(w.pks.id);
    const refused = await errorsOf(await postPage(w.pks.id, "REVIEWER", { intent: "link-item", itemId: late.id }));
    expect(refused.itemId?.[0]).toMatch(/^agreements\.itemEndsAfter\?/);
    expect(decodeURIComponent(refused.itemId![0]!.replace(/\+/g, " "))).toContain("PKS Pemprov Banten – ITB");
    expect((await errorsOf(await postPage(w.pks.id, "REVIEWER", { intent: "link-item", itemId: foreign.id }))).itemId).toEqual(["agreements.itemOtherCampus"]);
    expect((await postPage(w.pks.id, "LIAISON_OTHER", { intent: "link-item", itemId: foreign.id })).status).toBe(403);
    expect((await prisma.roadmapItem.findUniqueOrThrow({ where: { id: late.id } })).agreementId).toBeNull();
  });

  it("never edits the Kesepakatan Bersama: it stays as recorded from the release", async () => {
    const before = await prisma.agreement.findUniqueOrThrow({ where: { id: w.mou.id } });
    const response = await postPage(w.mou.id, "ADMIN", record({ title: "Diubah", version: String(before.version) }));
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[""]).toEqual(["agreements.mouReadOnly"]);
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id: w.mou.id } })).toEqual(before);
  });

  it("answers an unknown intent with 400 and another campus's draft with 404", async () => {
    expect((await postPage(w.pks.id, "REVIEWER", { intent: "delete" })).status).toBe(400);
    expect((await postPage(w.draftAgreement.id, "LIAISON_OTHER", { intent: "upload", file: pdf() })).status).toBe(404);
  });
});

describe("expiry where people look, and the items under an agreement", () => {
  it("the dashboard counts and lists agreements ending within 90 days or expired, of the filtered campus", async () => {
    const { loader: dashboardLoader } = await import("~/routes/dashboard");
    const { todayInBanten, addDays } = await import("~/domain/dates");
    const today = todayInBanten();
    const ending = await prisma.agreement.create({
      data: { kind: "PKS", parentId: w.mou.id, campusId: w.campuses["uin-jakarta"]!, title: "PKS hampir berakhir", validFrom: addDays(today, -300), validUntil: addDays(today, 30) },
    });
    const expired = await prisma.agreement.create({
      data: { kind: "PKS", parentId: w.mou.id, campusId: w.campuses.untara!, title: "PKS kedaluwarsa", validFrom: addDays(today, -300), validUntil: addDays(today, -1) },
    });
    const draft = await prisma.agreement.create({
      data: { kind: "IA", parentId: w.pks.id, campusId: w.own, state: "DRAFT", title: "USULAN IA BERAKHIR", validFrom: addDays(today, -10), validUntil: addDays(today, 10) },
    });
    const listed = async (who: Who, query = "") =>
      (await jsonOf(await call(dashboardLoader, makeRequest(`/dashboard${query}`, { cookie: w.cookies[who] })))).agreementsAttention.map((a: { id: string; status: string }) => [a.id, a.status]);
    const reviewer = await listed("REVIEWER");
    expect(reviewer).toEqual(expect.arrayContaining([[ending.id, "ENDING_SOON"], [expired.id, "EXPIRED"]]));
    // a proposal is no agreement in force: nothing to renew yet
    expect(reviewer.map(([id]: [string]) => id)).not.toContain(draft.id);
    expect(await listed("OBSERVER")).toEqual(reviewer);
    expect(await listed("REVIEWER", "?campus=untara")).toEqual([[expired.id, "EXPIRED"]]);
    // the Governor's briefing lists them too
    const briefing = await import("~/routes/reports.briefing");
    const data = await jsonOf(await call(briefing.loader, makeRequest("/reports/briefing", { cookie: w.cookies.REVIEWER })));
    expect(data.agreements.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([ending.id, expired.id]));
  });

  it("/publik shows confirmed PKS/IAs with their numbers, never a draft, and a signed copy only when public", async () => {
    const publik = await import("~/routes/publik");
    const text = async () => (await call(publik.loader, makeRequest("/publik"))).text();
    const before = await text();
    expect(before).toContain("045/PKS/BIRO-ADPIM/2026");
    expect(before).not.toContain("USULAN IA RAHASIA ITB");
    expect(before).not.toContain("pks-itb-bertanda-tangan-rahasia.pdf");
    await prisma.agreement.update({ where: { id: w.pks.id }, data: { documentPublic: true } });
    expect(await text()).toContain("pks-itb-bertanda-tangan-rahasia.pdf");
    await prisma.agreement.update({ where: { id: w.pks.id }, data: { documentPublic: false } });
  });

  it("an item attached to a PKS is edited within the PKS's validity, not the umbrella's", async () => {
    const edit = await import("~/routes/items.$itemId.edit");
    const item = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program terikat PKS", visibility: "DRAFT", agreementId: w.pks.id });
    const data = await jsonOf(await call(edit.loader, makeRequest(`/items/${item.id}/edit`, { cookie: w.cookies.LIAISON_OWN }), { itemId: item.id }));
    expect(data.options.agreement).toMatchObject({ id: w.pks.id, kind: "PKS" });
    const form = { ...Object.fromEntries(Object.entries(data.defaultValue).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)])), version: "1", plannedEnd: "2029-06-30" };
    const refused = await call(edit.action, makeRequest(`/items/${item.id}/edit`, { form, cookie: w.cookies.LIAISON_OWN }), { itemId: item.id });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).result.error.plannedEnd).toEqual(["item.afterAgreement"]);
  });
});

describe("agreements.csv and the workbook's Perjanjian sheet", () => {
  const download = (who: Who, file: string, query = "") =>
    call(async (args) => (await import("~/routes/exports.$file")).loader(args as never), makeRequest(`/exports/${file}${query}`, { cookie: w.cookies[who] }), { file });
  const csvRows = async (response: Response) => (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");

  it("lists the agreements the viewer may see, with both numbers, under the registry's filters", async () => {
    const response = await download("REVIEWER", "agreements.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/kolaborasi-banten-agreements-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = await csvRows(response);
    expect(rows[0]).toContain("Nomor Pemerintah Provinsi,Nomor kampus");
    expect(rows.some((r) => r.includes("045/PKS/BIRO-ADPIM/2026,12/ITB/PKS/2026"))).toBe(true);
    expect(rows.some((r) => r.includes("USULAN IA RAHASIA ITB"))).toBe(true);
    const filtered = await csvRows(await download("REVIEWER", "agreements.csv", "?campus=itb&kind=PKS&status=ACTIVE"));
    expect(filtered.slice(1).every((r) => r.startsWith("PKS,"))).toBe(true);
    expect(filtered.some((r) => r.includes("045/PKS/BIRO-ADPIM/2026"))).toBe(true);
    expect(filtered.some((r) => r.includes("USULAN IA RAHASIA ITB"))).toBe(false);
  });

  it("gives an observer no drafts, a liaison their own campus only, and refuses another campus", async () => {
    expect(JSON.stringify(await csvRows(await download("OBSERVER", "agreements.csv")))).not.toContain("USULAN IA RAHASIA ITB");
    const own = await csvRows(await download("LIAISON_OWN", "agreements.csv"));
    expect(own.some((r) => r.includes("USULAN IA RAHASIA ITB"))).toBe(true);
    // the umbrella belongs to no campus: not in a liaison's export (it is named as the PKS's parent)
    expect(own.slice(1).every((r) => r.startsWith("PKS,") || r.startsWith("IA,"))).toBe(true);
    expect((await download("LIAISON_OTHER", "agreements.csv", "?campus=itb")).status).toBe(403);
  });

  it("counts only the items the viewer may see: another campus's drafts are not counted for an observer", async () => {
    await prisma.roadmapItem.updateMany({ where: { id: { in: [w.publishedItem.id, w.draftItem.id] } }, data: { agreementId: w.pks.id } });
    try {
      const itemsOfPks = async (who: Who) => {
        const row = (await csvRows(await download(who, "agreements.csv", "?campus=itb&kind=PKS"))).find((r) => r.includes("045/PKS/BIRO-ADPIM/2026"))!;
        return Number(row.split(",").pop());
      };
      const all = await prisma.roadmapItem.count({ where: { agreementId: w.pks.id } });
      const published = await prisma.roadmapItem.count({ where: { agreementId: w.pks.id, visibility: "PUBLISHED" } });
      expect(published).toBeLessThan(all);
      expect(await itemsOfPks("REVIEWER")).toBe(all);
      expect(await itemsOfPks("OBSERVER")).toBe(published);
    } finally {
      await prisma.roadmapItem.updateMany({ where: { id: { in: [w.publishedItem.id, w.draftItem.id] } }, data: { agreementId: null } });
    }
  });

  it("adds a Perjanjian sheet to tracker.xlsx following the page's campus filter", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const response = await download("REVIEWER", "tracker.xlsx", "?campus=itb");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.getWorksheet("Perjanjian")!;
    expect(sheet.getRow(1).getCell(2).value).toBe("Nomor Pemerintah Provinsi");
    const numbers = sheet.getColumn(2).values.slice(2);
    expect(numbers).toContain("045/PKS/BIRO-ADPIM/2026");
    const itb = await prisma.campus.findUniqueOrThrow({ where: { slug: "itb" }, select: { name: true } });
    expect([...new Set(sheet.getColumn(7).values.slice(2))]).toEqual([itb.name]);
  });
});

describe("the item page names the agreement it implements", () => {
  it("links an attached item to its PKS", async () => {
    const itemPage = await import("~/routes/items.$itemId._index");
    const item = await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, title: "Program PKS di halaman", visibility: "PUBLISHED" });
    expect((await postPage(w.pks.id, "REVIEWER", { intent: "link-item", itemId: item.id })).status).toBe(302);
    const data = await jsonOf(await call(itemPage.loader, makeRequest(`/items/${item.id}`, { cookie: w.cookies.OBSERVER }), { itemId: item.id }));
    expect(data.item.agreement).toMatchObject({ id: w.pks.id, kind: "PKS", number: "045/PKS/BIRO-ADPIM/2026" });
  });
});
