// Evaluation milestones: /items/:itemId/milestones/new, /milestones/:milestoneId (submit and
// evaluate), /review and /notifications, called with real Requests on a real SQLite file.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, toIsoDate, todayInBanten } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { getCookieSession } from "~/utils/session.server";
import { unreadCount } from "~/models/notification.server";
import * as newMilestone from "~/routes/items.$itemId.milestones.new";
import * as milestonePage from "~/routes/milestones.$milestoneId";
import * as review from "~/routes/review";
import * as notifications from "~/routes/notifications";
import { createItem, createMilestone, createUser } from "../../prisma/factories";
import { ORIGIN, call, cookieFor, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
let inactiveLiaison: { id: string };
let otherItem: { id: string };

beforeAll(async () => {
  w = await buildWorld();
  inactiveLiaison = await createUser(prisma, { email: "former.itb@world.test", role: "LIAISON", campusIds: [w.own], active: false });
  otherItem = await createItem(prisma, { campusId: w.other, priorityAreaId: w.area.id, visibility: "PUBLISHED", title: "Published UMT item" });
});

// ---------- helpers ----------

type Form = Record<string, string | string[] | File | File[]>;

/** A multipart body, as a browser sends the milestone forms. */
function body(form: Form): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const getNew = (itemId: string, who: Who) =>
  call(newMilestone.loader, makeRequest(`/items/${itemId}/milestones/new`, { cookie: w.cookies[who] }), { itemId });
const postNew = (itemId: string, who: Who, form: Form) =>
  call(newMilestone.action, makeRequest(`/items/${itemId}/milestones/new`, { form: body(form), cookie: w.cookies[who] }), { itemId });
const getMilestone = (milestoneId: string, who: Who) =>
  call(milestonePage.loader, makeRequest(`/milestones/${milestoneId}`, { cookie: w.cookies[who] }), { milestoneId });
const postMilestone = (milestoneId: string, who: Who, form: Form) =>
  call(milestonePage.action, makeRequest(`/milestones/${milestoneId}`, { form: body(form), cookie: w.cookies[who] }), { milestoneId });
const getReview = (who: Who, search = "") => call(review.loader, makeRequest(`/review${search}`, { cookie: w.cookies[who] }));
const getNotifications = (who: Who, search = "") =>
  call(notifications.loader, makeRequest(`/notifications${search}`, { cookie: w.cookies[who] }));
const postNotifications = (who: Who, form: Form) =>
  call(notifications.action, makeRequest("/notifications", { form: body(form), cookie: w.cookies[who] }));

async function toastOf(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) return null;
  const session = await getCookieSession(new Request(ORIGIN, { headers: { Cookie: setCookie.split(";")[0]! } }));
  return session.get("toast") ?? null;
}

/** Runs a request and counts what it wrote: audit events, notifications, evidence rows. */
async function counted(run: () => Promise<Response>) {
  const count = () =>
    Promise.all([prisma.auditEvent.count(), prisma.notification.count(), prisma.evidence.count(), storedFiles().length]);
  const [audit, notes, evidence, files] = await count();
  const response = await run();
  const [audit2, notes2, evidence2, files2] = await count();
  return { response, audit: audit2 - audit, notifications: notes2 - notes, evidence: evidence2 - evidence, files: files2 - files };
}

function storedFiles(): string[] {
  const root = path.join(process.env.DATA_DIR!, "uploads");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

const snapshot = (id: string) => prisma.milestone.findUniqueOrThrow({ where: { id } });

/** A fresh milestone on the published ITB item, in the given state. */
async function freshMilestone(state = "PENDING", extra: Partial<Parameters<typeof createMilestone>[1]> = {}) {
  const submitted = state !== "PENDING";
  const evaluated = !["PENDING", "SUBMITTED"].includes(state);
  return createMilestone(prisma, {
    itemId: w.publishedItem.id,
    title: `Tonggak ${state} ${Math.random().toString(36).slice(2, 7)}`,
    dueDate: new Date(Date.UTC(2026, 8, 30)),
    state,
    submittedAt: submitted ? new Date(Date.UTC(2026, 5, 1)) : null,
    submittedById: submitted ? w.users.LIAISON_OWN.id : null,
    selfAssessment: submitted ? "Penilaian mandiri pertama." : null,
    decision: evaluated ? state : null,
    feedback: state === "RETURNED" ? "Lengkapi daftar hadir." : null,
    reviewerId: evaluated ? w.users.REVIEWER.id : null,
    reviewedAt: evaluated ? new Date(Date.UTC(2026, 5, 5)) : null,
    ...extra,
  });
}

const pdf = (name = "laporan.pdf") => new File(["%PDF-1.4 laporan"], name, { type: "application/pdf" });
const big = () => new File([Buffer.alloc(10 * 1024 * 1024 + 1, 1)], "besar.pdf", { type: "application/pdf" });

function submitForm(version: number, overrides: Form = {}): Form {
  return {
    intent: "submit",
    version: String(version),
    selfAssessment: "Laporan antara selesai; rekomendasi diterima Bappeda.",
    submissionNote: "Daftar hadir terlampir.",
    links: "https://example.org/laporan-antara",
    ...overrides,
  };
}

function evaluateForm(version: number, overrides: Form = {}): Form {
  return {
    intent: "evaluate",
    version: String(version),
    decision: "MET",
    relevanceScore: "4",
    sustainabilityScore: "3",
    feedback: "Relevan dengan prioritas RPJMD.",
    ...overrides,
  };
}

// ---------- defining a milestone ----------

describe("/items/:itemId/milestones/new", () => {
  const valid = { title: "Laporan akhir", dueDate: "2026-11-30", successCriteria: "Rekomendasi diterima Bappeda.", description: "Tahap akhir." };

  it("shows the form to the campus's liaison and to administrators only", async () => {
    const own = await getNew(w.publishedItem.id, "LIAISON_OWN");
    expect(own.status).toBe(200);
    expect((await jsonOf(own)).item).toEqual({ id: w.publishedItem.id, title: "Published ITB item" });
    expect((await getNew(w.publishedItem.id, "ADMIN")).status).toBe(200);
    expect((await getNew(w.draftItem.id, "LIAISON_OWN")).status).toBe(200);
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) expect((await getNew(w.publishedItem.id, who)).status, who).toBe(403);
    // another campus's draft is not even known to exist
    expect((await getNew(w.draftItem.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getNew("no-such-item", "ADMIN")).status).toBe(404);
    const anonymous = await getNew(w.publishedItem.id, "ANONYMOUS");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("creates a PENDING milestone, writes one audit event in the item's history and redirects to the item with a toast", async () => {
    const { response, audit } = await counted(() => postNew(w.publishedItem.id, "LIAISON_OWN", valid));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/items/${w.publishedItem.id}`);
    expect(await toastOf(response)).toMatchObject({ type: "success", key: "milestone.created" });
    const created = await prisma.milestone.findFirstOrThrow({ where: { title: "Laporan akhir" } });
    expect(created).toMatchObject({
      itemId: w.publishedItem.id,
      state: "PENDING",
      successCriteria: "Rekomendasi diterima Bappeda.",
      description: "Tahap akhir.",
      version: 1,
    });
    expect(created.dueDate.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(audit).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "Milestone", entityId: created.id } });
    expect(event).toMatchObject({ action: "create", itemId: w.publishedItem.id, campusId: w.own, actorId: w.users.LIAISON_OWN.id });
  });

  it.each([
    ["title", { title: " " }, "form.required"],
    ["dueDate", { dueDate: "2026-02-30" }, "form.invalidDate"],
    ["dueDate", { dueDate: "" }, "form.required"],
    ["successCriteria", { successCriteria: "" }, "form.required"],
    ["title", { title: "x".repeat(201) }, "form.tooLong"],
  ])("refuses an invalid %s with 400, its error and every typed value", async (field, change, error) => {
    const form = { ...valid, title: "Tonggak gagal", ...change };
    const { response, audit } = await counted(() => postNew(w.publishedItem.id, "LIAISON_OWN", form));
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error[field]).toEqual([error]);
    for (const [key, value] of Object.entries(form)) if (value.trim()) expect(result.initialValue[key], key).toBe(value);
    expect(audit).toBe(0);
    expect(await prisma.milestone.count({ where: { title: "Tonggak gagal" } })).toBe(0);
  });

  it("refuses a liaison of another campus (403, or 404 for a draft) and changes nothing", async () => {
    const before = await prisma.milestone.count();
    const { response, audit } = await counted(() => postNew(w.publishedItem.id, "LIAISON_OTHER", { ...valid, title: "Tonggak UMT" }));
    expect(response.status).toBe(403);
    expect((await postNew(w.draftItem.id, "LIAISON_OTHER", valid)).status).toBe(404);
    expect((await postNew(w.publishedItem.id, "REVIEWER", valid)).status).toBe(403);
    expect(audit).toBe(0);
    expect(await prisma.milestone.count()).toBe(before);
  });
});

// ---------- the milestone page ----------

describe("/milestones/:milestoneId loader", () => {
  it("shows the item, due date, success criteria, state, and what the user may do", async () => {
    const response = await getMilestone(w.milestone.id, "LIAISON_OWN");
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.milestone).toMatchObject({
      id: w.milestone.id,
      title: "Laporan antara",
      state: "PENDING",
      version: 1,
      dueDate: "2026-06-30T00:00:00.000Z",
      successCriteria: expect.any(String),
      item: { id: w.publishedItem.id, title: "Published ITB item", campus: { slug: "itb" } },
    });
    expect(data.may).toEqual({ internal: true, submit: true, evaluate: false });
    expect((await jsonOf(await getMilestone(w.milestone.id, "REVIEWER"))).may).toEqual({ internal: true, submit: false, evaluate: false });
    expect((await jsonOf(await getMilestone(w.submittedMilestone.id, "REVIEWER"))).may).toEqual({ internal: true, submit: false, evaluate: true });
    expect((await jsonOf(await getMilestone(w.submittedMilestone.id, "ADMIN"))).may).toEqual({ internal: true, submit: false, evaluate: true });
    expect((await jsonOf(await getMilestone(w.submittedMilestone.id, "LIAISON_OWN"))).may).toEqual({ internal: true, submit: false, evaluate: false });
  });

  it("is readable like its item: 404 for another campus's draft, evidence hidden outside the campus and the province", async () => {
    expect((await getMilestone(w.submittedMilestone.id, "LIAISON_OTHER")).status).toBe(404);
    expect((await getMilestone(w.submittedMilestone.id, "OBSERVER")).status).toBe(404);
    expect((await getMilestone("no-such-milestone", "ADMIN")).status).toBe(404);
    const anonymous = await getMilestone(w.milestone.id, "ANONYMOUS");
    expect(anonymous.status).toBe(302);

    const m = await freshMilestone("SUBMITTED");
    await prisma.evidence.create({ data: { kind: "LINK", url: "https://example.org/bukti", milestoneId: m.id } });
    const other = await jsonOf(await getMilestone(m.id, "LIAISON_OTHER"));
    expect(other.may).toEqual({ internal: false, submit: false, evaluate: false });
    expect(other.milestone.evidence).toEqual([]);
    expect(other.milestone.selfAssessment).toBe("Penilaian mandiri pertama.");
    const own = await jsonOf(await getMilestone(m.id, "LIAISON_OWN"));
    expect(own.milestone.evidence.map((e: { url: string }) => e.url)).toEqual(["https://example.org/bukti"]);
    expect(own.milestone.submittedBy).toBe("Liaison ITB");
  });
});

// ---------- submitting ----------

describe("submit", () => {
  it("submits with a link and a file: SUBMITTED, version+1, evidence stored, one audit event, the province notified", async () => {
    const m = await freshMilestone("PENDING");
    const { response, audit, notifications: notes, evidence, files } = await counted(() =>
      postMilestone(m.id, "LIAISON_OWN", submitForm(1, { files: pdf() })),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/milestones/${m.id}`);
    expect(await toastOf(response)).toMatchObject({ key: "milestone.submitted" });
    const after = await snapshot(m.id);
    expect(after).toMatchObject({
      state: "SUBMITTED",
      version: 2,
      submittedById: w.users.LIAISON_OWN.id,
      selfAssessment: "Laporan antara selesai; rekomendasi diterima Bappeda.",
      submissionNote: "Daftar hadir terlampir.",
    });
    expect(after.submittedAt).toBeInstanceOf(Date);
    expect(evidence).toBe(2);
    expect(files).toBe(1);
    const rows = await prisma.evidence.findMany({ where: { milestoneId: m.id }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.url ?? r.fileName])).toEqual([
      ["FILE", "laporan.pdf"],
      ["LINK", "https://example.org/laporan-antara"],
    ]);
    expect(fs.existsSync(path.join(process.env.DATA_DIR!, "uploads", rows[0]!.storagePath!))).toBe(true);

    expect(audit).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "Milestone", entityId: m.id } });
    expect(event).toMatchObject({ action: "state", itemId: w.publishedItem.id, campusId: w.own, actorId: w.users.LIAISON_OWN.id });
    expect(JSON.parse(event.after!)).toMatchObject({ state: "SUBMITTED", evidence: 2 });

    // every active administrator and reviewer, nobody else
    const expected = await prisma.user.findMany({ where: { active: true, role: { in: ["ADMIN", "REVIEWER"] } }, select: { id: true } });
    expect(notes).toBe(expected.length);
    const sent = await prisma.notification.findMany({ where: { link: `/milestones/${m.id}` } });
    expect(sent.map((n) => n.userId).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(sent.map((n) => n.userId)).toContain(w.users.REVIEWER.id);
    expect(sent.map((n) => n.userId)).not.toContain(w.users.LIAISON_OWN.id);
    expect(sent[0]).toMatchObject({ kind: "notify.milestoneSubmitted", readAt: null });
    expect(JSON.parse(sent[0]!.params)).toEqual({ milestone: m.title, item: "Published ITB item", campus: "Institut Teknologi Bandung" });

    // the evidence file is served to the campus
    const page = await jsonOf(await getMilestone(m.id, "LIAISON_OWN"));
    expect(page.milestone.evidence).toHaveLength(2);
    expect(page.may.submit).toBe(false);
  });

  it("lets an administrator submit for a campus", async () => {
    const m = await freshMilestone("PENDING");
    const response = await postMilestone(m.id, "ADMIN", submitForm(1, { links: "" }));
    expect(response.status).toBe(302);
    expect((await snapshot(m.id)).state).toBe("SUBMITTED");
  });

  const cases: { name: string; change: () => Form; field: string; error: string; filesDropped?: boolean }[] = [
    { name: "a missing self-assessment", change: () => ({ selfAssessment: "  " }), field: "selfAssessment", error: "form.required" },
    { name: "a bad link", change: () => ({ links: "https://ok.example.org\nbukan tautan" }), field: "links", error: "evidence.badLink" },
    {
      name: "too many links",
      change: () => ({ links: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`).join("\n") }),
      field: "links",
      error: "evidence.tooManyLinks",
    },
    { name: "a file over 10 MB", change: () => ({ files: [pdf(), big()] }), field: "files", error: "evidence.tooLarge", filesDropped: true },
    {
      name: "a file of a wrong type",
      change: () => ({ files: new File(["MZ"], "program.exe", { type: "application/x-msdownload" }) }),
      field: "files",
      error: "evidence.badType",
      filesDropped: true,
    },
    {
      name: "a file whose type does not match its name",
      change: () => ({ files: new File(["<html>"], "laporan.pdf", { type: "text/html" }) }),
      field: "files",
      error: "evidence.badType",
      filesDropped: true,
    },
    {
      name: "too many files",
      change: () => ({ files: Array.from({ length: 6 }, (_, i) => pdf(`bukti-${i}.pdf`)) }),
      field: "files",
      error: "evidence.tooManyFiles",
      filesDropped: true,
    },
    { name: "a missing version", change: () => ({ version: "" }), field: "version", error: "milestone.versionMissing" },
  ];

  it.each(cases)("refuses $name with 400 and its error, keeps every typed value, and stores nothing", async (c) => {
    const m = await freshMilestone("PENDING");
    const form = { ...submitForm(1), submissionNote: "Catatan yang diketik", ...c.change() };
    const { response, audit, notifications: notes, evidence, files } = await counted(() => postMilestone(m.id, "LIAISON_OWN", form));
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.intent).toBe("submit");
    expect(data.result.error[c.field]).toEqual([c.error]);
    expect(data.filesDropped).toBe(!!c.filesDropped);
    expect(data.result.initialValue.submissionNote).toBe("Catatan yang diketik");
    if (c.field !== "selfAssessment") expect(data.result.initialValue.selfAssessment).toBe("Laporan antara selesai; rekomendasi diterima Bappeda.");
    expect([audit, notes, evidence, files]).toEqual([0, 0, 0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state: "PENDING", version: 1 });
  });

  it.each(["SUBMITTED", "MET", "PARTIALLY_MET", "NOT_MET", "DEFERRED"])("refuses to submit a %s milestone (409) and keeps the input", async (state) => {
    const m = await freshMilestone(state);
    const { response, audit, notifications: notes, files } = await counted(() => postMilestone(m.id, "LIAISON_OWN", submitForm(1, { files: pdf() })));
    expect(response.status).toBe(409);
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.notSubmittable"]);
    expect(data.result.initialValue.selfAssessment).toBe("Laporan antara selesai; rekomendasi diterima Bappeda.");
    expect([audit, notes, files]).toEqual([0, 0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state, version: 1 });
  });

  it("refuses a submission made from an older version (409), keeping the input, and stores no file", async () => {
    const m = await freshMilestone("RETURNED", {});
    await prisma.milestone.update({ where: { id: m.id }, data: { version: 3 } });
    const { response, audit, notifications: notes, evidence, files } = await counted(() =>
      postMilestone(m.id, "LIAISON_OWN", submitForm(2, { files: pdf() })),
    );
    expect(response.status).toBe(409);
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.conflict"]);
    expect(data.result.initialValue).toMatchObject({ submissionNote: "Daftar hadir terlampir.", links: "https://example.org/laporan-antara" });
    expect([audit, notes, evidence, files]).toEqual([0, 0, 0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state: "RETURNED", version: 3, feedback: "Lengkapi daftar hadir." });
    // with the current version it goes through
    expect((await postMilestone(m.id, "LIAISON_OWN", submitForm(3))).status).toBe(302);
  });

  it("refuses reviewers, observers and liaisons of another campus, changing nothing", async () => {
    const m = await freshMilestone("PENDING");
    for (const who of ["REVIEWER", "OBSERVER", "LIAISON_OTHER"] as const) {
      const { response, audit, notifications: notes, evidence, files } = await counted(() =>
        postMilestone(m.id, who, submitForm(1, { files: pdf() })),
      );
      expect(response.status, who).toBe(403);
      expect([audit, notes, evidence, files], who).toEqual([0, 0, 0, 0]);
    }
    const draft = await createMilestone(prisma, { itemId: w.draftItem.id, dueDate: new Date(Date.UTC(2026, 8, 1)) });
    expect((await postMilestone(draft.id, "LIAISON_OTHER", submitForm(1))).status).toBe(404);
    expect(await snapshot(m.id)).toMatchObject({ state: "PENDING", version: 1 });
    expect((await snapshot(draft.id)).state).toBe("PENDING");
  });

  it("resubmits a returned milestone: the evaluation is cleared from the row but the earlier feedback stays readable", async () => {
    const m = await freshMilestone("SUBMITTED");
    expect(
      (await postMilestone(m.id, "REVIEWER", evaluateForm(1, { decision: "RETURNED", relevanceScore: "", sustainabilityScore: "", feedback: "Tambahkan daftar hadir." }))).status,
    ).toBe(302);
    const returned = await jsonOf(await getMilestone(m.id, "LIAISON_OWN"));
    expect(returned.milestone).toMatchObject({ state: "RETURNED", decision: "RETURNED", feedback: "Tambahkan daftar hadir.", version: 2 });
    expect(returned.may.submit).toBe(true);

    const { response, audit } = await counted(() => postMilestone(m.id, "LIAISON_OWN", submitForm(2, { selfAssessment: "Daftar hadir ditambahkan." })));
    expect(response.status).toBe(302);
    expect(audit).toBe(1);
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 3, decision: null, feedback: null, reviewerId: null, reviewedAt: null });
    const page = await jsonOf(await getMilestone(m.id, "REVIEWER"));
    expect(page.may.evaluate).toBe(true);
    expect(page.rounds.map((r: { kind: string }) => r.kind)).toEqual(["submitted", "evaluated"]);
    expect(page.rounds[0]).toMatchObject({ by: "Liaison ITB", selfAssessment: "Daftar hadir ditambahkan." });
    expect(page.rounds[1]).toMatchObject({ by: "Reviewer", decision: "RETURNED", feedback: "Tambahkan daftar hadir." });
  });
});

// ---------- evaluating ----------

describe("evaluate", () => {
  it("accepts a milestone as MET with scores: reviewer and date set, version+1, one audit event, the campus's liaisons notified", async () => {
    const m = await freshMilestone("SUBMITTED");
    const { response, audit, notifications: notes } = await counted(() => postMilestone(m.id, "REVIEWER", evaluateForm(1)));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/milestones/${m.id}`);
    expect(await toastOf(response)).toMatchObject({ key: "milestone.evaluated" });
    const after = await snapshot(m.id);
    expect(after).toMatchObject({
      state: "MET",
      decision: "MET",
      relevanceScore: 4,
      sustainabilityScore: 3,
      feedback: "Relevan dengan prioritas RPJMD.",
      reviewerId: w.users.REVIEWER.id,
      version: 2,
    });
    expect(after.reviewedAt).toBeInstanceOf(Date);
    expect(audit).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "Milestone", entityId: m.id } });
    expect(event).toMatchObject({ action: "state", itemId: w.publishedItem.id, campusId: w.own, actorId: w.users.REVIEWER.id });
    expect(JSON.parse(event.before!)).toEqual({ state: "SUBMITTED" });
    expect(JSON.parse(event.after!)).toMatchObject({ state: "MET", relevanceScore: 4, sustainabilityScore: 3 });

    // the active liaisons of ITB (the world's two), not the inactive one, not UMT's, not the province
    expect(notes).toBe(2);
    const sent = await prisma.notification.findMany({ where: { link: `/milestones/${m.id}` } });
    expect(sent.map((n) => n.userId).sort()).toEqual([w.users.LIAISON_OWN.id, w.target.id].sort());
    expect(sent.map((n) => n.userId)).not.toContain(inactiveLiaison.id);
    expect(sent[0]).toMatchObject({ kind: "notify.milestoneEvaluated" });
    expect(JSON.parse(sent[0]!.params)).toEqual({ milestone: m.title, item: "Published ITB item", decision: "milestone.state.MET" });
  });

  it.each([
    ["RETURNED", { relevanceScore: "", sustainabilityScore: "", feedback: "Lengkapi data." }],
    ["DEFERRED", { relevanceScore: "", sustainabilityScore: "", feedback: "" }],
    ["PARTIALLY_MET", { relevanceScore: "3", sustainabilityScore: "2", feedback: "" }],
    ["NOT_MET", { relevanceScore: "2", sustainabilityScore: "1", feedback: "Target tidak tercapai." }],
  ])("records a %s decision", async (decision, change) => {
    const m = await freshMilestone("SUBMITTED");
    const response = await postMilestone(m.id, "ADMIN", evaluateForm(1, { decision, ...change }));
    expect(response.status).toBe(302);
    const after = await snapshot(m.id);
    expect(after).toMatchObject({ state: decision, decision, reviewerId: w.users.ADMIN.id });
    expect(after.relevanceScore).toBe(change.relevanceScore ? Number(change.relevanceScore) : null);
    expect(after.feedback).toBe(change.feedback || null);
  });

  it.each([
    ["MET without scores", { relevanceScore: "", sustainabilityScore: "" }, { relevanceScore: ["milestone.scoreRequired"], sustainabilityScore: ["milestone.scoreRequired"] }],
    ["a score of 6", { relevanceScore: "6" }, { relevanceScore: ["milestone.scoreRange"] }],
    ["a score of 0", { sustainabilityScore: "0" }, { sustainabilityScore: ["milestone.scoreRange"] }],
    ["a score that is not a number", { relevanceScore: "baik" }, { relevanceScore: ["milestone.scoreRange"] }],
    ["RETURNED without feedback", { decision: "RETURNED", relevanceScore: "", sustainabilityScore: "", feedback: " " }, { feedback: ["milestone.feedbackRequired"] }],
    ["NOT_MET without feedback", { decision: "NOT_MET", feedback: "" }, { feedback: ["milestone.feedbackRequired"] }],
    ["an unknown decision", { decision: "APPROVED" }, { decision: ["form.invalidChoice"] }],
    ["no decision", { decision: "" }, { decision: ["form.invalidChoice"] }],
  ])("refuses %s with 400, keeping the typed values", async (_name, change, errors) => {
    const m = await freshMilestone("SUBMITTED");
    const form = { ...evaluateForm(1), feedback: "Umpan balik diketik", ...change };
    const { response, audit, notifications: notes } = await counted(() => postMilestone(m.id, "REVIEWER", form));
    expect(response.status).toBe(400);
    const data = await jsonOf(response);
    expect(data.intent).toBe("evaluate");
    expect(data.result.error).toEqual(errors);
    for (const [key, value] of Object.entries(form)) if (typeof value === "string" && value.trim()) expect(data.result.initialValue[key], key).toBe(value);
    expect([audit, notes]).toEqual([0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 1, decision: null });
  });

  it.each(["PENDING", "RETURNED", "MET", "NOT_MET", "DEFERRED"])("refuses to evaluate a %s milestone (409)", async (state) => {
    const m = await freshMilestone(state);
    const { response, audit, notifications: notes } = await counted(() => postMilestone(m.id, "REVIEWER", evaluateForm(1)));
    expect(response.status).toBe(409);
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.notEvaluable"]);
    expect(data.result.initialValue.feedback).toBe("Relevan dengan prioritas RPJMD.");
    expect([audit, notes]).toEqual([0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state, version: 1 });
  });

  it("refuses an evaluation made from an older version (409): someone submitted again in between", async () => {
    const m = await freshMilestone("SUBMITTED");
    await prisma.milestone.update({ where: { id: m.id }, data: { version: 4 } });
    const { response, audit } = await counted(() => postMilestone(m.id, "REVIEWER", evaluateForm(3)));
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).result.error[""]).toEqual(["milestone.conflict"]);
    expect(audit).toBe(0);
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 4 });
  });

  it("refuses liaisons (their own campus too) and observers, changing nothing", async () => {
    const m = await freshMilestone("SUBMITTED");
    for (const who of ["LIAISON_OWN", "LIAISON_OTHER", "OBSERVER"] as const) {
      const { response, audit, notifications: notes } = await counted(() => postMilestone(m.id, who, evaluateForm(1)));
      expect(response.status, who).toBe(403);
      expect([audit, notes], who).toEqual([0, 0]);
    }
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 1 });
  });

  it("answers 400 to an unknown intent and changes nothing", async () => {
    const m = await freshMilestone("SUBMITTED");
    const { response, audit } = await counted(() => postMilestone(m.id, "ADMIN", { intent: "approve-all" }));
    expect(response.status).toBe(400);
    expect(audit).toBe(0);
  });
});

// ---------- the review queue ----------

describe("/review", () => {
  it("is for the governor's office and administrators only", async () => {
    expect((await getReview("REVIEWER")).status).toBe(200);
    expect((await getReview("ADMIN")).status).toBe(200);
    for (const who of ["OBSERVER", "LIAISON_OWN", "LIAISON_OTHER"] as const) expect((await getReview(who)).status, who).toBe(403);
    expect((await getReview("ANONYMOUS")).headers.get("Location")).toMatch(/^\/login/);
  });

  it("lists submitted milestones oldest submission first and returned ones awaiting rework, with counts and days waiting", async () => {
    const now = new Date();
    const old = await freshMilestone("SUBMITTED", { title: "Diajukan lama", submittedAt: addDays(now, -20) });
    const recent = await freshMilestone("SUBMITTED", { title: "Diajukan baru", submittedAt: addDays(now, -2) });
    const back = await freshMilestone("RETURNED", { title: "Dikembalikan", reviewedAt: addDays(now, -6) });
    const umt = await createMilestone(prisma, {
      itemId: otherItem.id,
      title: "Tonggak UMT",
      dueDate: addDays(todayInBanten(), -3),
      state: "SUBMITTED",
      submittedAt: addDays(now, -9),
    });
    const data = await jsonOf(await getReview("REVIEWER"));
    const [submitted, returned, overdue] = await Promise.all([
      prisma.milestone.count({ where: { state: "SUBMITTED" } }),
      prisma.milestone.count({ where: { state: "RETURNED" } }),
      prisma.milestone.count({ where: { state: { in: ["PENDING", "RETURNED"] }, dueDate: { lt: todayInBanten() } } }),
    ]);
    expect(data.counts).toEqual({ submitted, returned, overdue });
    const titles = data.submitted.map((r: { title: string }) => r.title);
    expect(titles.indexOf("Diajukan lama")).toBeLessThan(titles.indexOf("Tonggak UMT"));
    expect(titles.indexOf("Tonggak UMT")).toBeLessThan(titles.indexOf("Diajukan baru"));
    const times = data.submitted.map((r: { since: string }) => r.since);
    expect([...times].sort()).toEqual(times);
    expect(data.submitted.find((r: { id: string }) => r.id === old.id)).toMatchObject({
      daysWaiting: 20,
      campus: { slug: "itb" },
      item: { id: w.publishedItem.id, title: "Published ITB item" },
      state: "SUBMITTED",
    });
    expect(data.submitted.find((r: { id: string }) => r.id === recent.id).daysWaiting).toBe(2);
    expect(data.submitted.find((r: { id: string }) => r.id === umt.id)).toMatchObject({ campus: { slug: "umt" }, daysWaiting: 9 });
    expect(data.returned.find((r: { id: string }) => r.id === back.id)).toMatchObject({ state: "RETURNED", daysWaiting: 6 });
    expect(data.returned.every((r: { state: string }) => r.state === "RETURNED")).toBe(true);
    expect(data.canEvaluate).toBe(true);
  });

  it("pages the submitted list by 50", async () => {
    const base = Date.UTC(2020, 0, 1);
    await prisma.milestone.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        itemId: w.publishedItem.id,
        title: `Antrean ${String(i).padStart(2, "0")}`,
        dueDate: new Date(Date.UTC(2026, 11, 1)),
        state: "SUBMITTED",
        submittedAt: new Date(base + i * 3_600_000),
      })),
    });
    const total = await prisma.milestone.count({ where: { state: "SUBMITTED" } });
    const first = await jsonOf(await getReview("REVIEWER"));
    expect(first.submitted).toHaveLength(50);
    expect(first.submitted[0].title).toBe("Antrean 00");
    expect(first.pages.submitted).toBe(Math.ceil(total / 50));
    const second = await jsonOf(await getReview("REVIEWER", "?page=2"));
    expect(second.page.submitted).toBe(2);
    expect(second.submitted).toHaveLength(total - 50);
    const ids = new Set(first.submitted.map((r: { id: string }) => r.id));
    expect(second.submitted.some((r: { id: string }) => ids.has(r.id))).toBe(false);
    // nonsense page numbers fall back to the first page
    expect((await jsonOf(await getReview("REVIEWER", "?page=-4"))).page.submitted).toBe(1);
    expect((await jsonOf(await getReview("REVIEWER", "?page=abc"))).submitted[0].title).toBe("Antrean 00");
  });
});

// ---------- notifications ----------

describe("/notifications", () => {
  it("shows the user's own notifications newest first with unread ones marked, and marks them all read", async () => {
    const reader = await createUser(prisma, { email: "pembaca@world.test", role: "REVIEWER", name: "Pembaca" });
    const someoneElse = w.users.OBSERVER.id;
    const at = (minutes: number) => new Date(Date.UTC(2026, 3, 1, 8, minutes));
    await prisma.notification.createMany({
      data: [
        { userId: reader.id, kind: "notify.milestoneSubmitted", params: JSON.stringify({ milestone: "A", item: "I", campus: "ITB" }), link: "/milestones/a", createdAt: at(1) },
        { userId: reader.id, kind: "notify.milestoneEvaluated", params: JSON.stringify({ milestone: "B", item: "I", decision: "milestone.state.MET" }), link: "/milestones/b", createdAt: at(3) },
        { userId: reader.id, kind: "notify.milestoneSubmitted", params: "{}", readAt: at(4), createdAt: at(2) },
        { userId: someoneElse, kind: "notify.milestoneSubmitted", params: "{}", createdAt: at(5) },
      ],
    });
    const cookie = await cookieFor("pembaca@world.test");
    const get = () => call(notifications.loader, makeRequest("/notifications", { cookie }));
    const data = await jsonOf(await get());
    expect(data.notifications.map((n: { link: string | null }) => n.link)).toEqual(["/milestones/b", null, "/milestones/a"]);
    expect(data.notifications.map((n: { readAt: string | null }) => n.readAt === null)).toEqual([true, false, true]);
    expect(data.notifications[0].params).toEqual({ milestone: "B", item: "I", decision: "milestone.state.MET" });
    expect(data.unread).toBe(2);
    expect(await unreadCount(reader.id)).toBe(2);

    const response = await call(notifications.action, makeRequest("/notifications", { form: { intent: "mark-read" }, cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/notifications");
    expect(await toastOf(response)).toMatchObject({ key: "notifications.markedRead" });
    expect(await unreadCount(reader.id)).toBe(0);
    expect((await jsonOf(await get())).unread).toBe(0);
    // the one read earlier keeps its time; someone else's stays unread
    const earlier = await prisma.notification.findFirstOrThrow({ where: { userId: reader.id, createdAt: at(2) } });
    expect(earlier.readAt?.toISOString()).toBe(at(4).toISOString());
    expect(await unreadCount(someoneElse)).toBeGreaterThanOrEqual(1);
  });

  it("pages by 50 with a cursor, never showing another user's notifications", async () => {
    const reader = await createUser(prisma, { email: "banyak@world.test", role: "OBSERVER" });
    await prisma.notification.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        userId: reader.id,
        kind: "notify.milestoneSubmitted",
        params: JSON.stringify({ milestone: `M${i}` }),
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      })),
    });
    const cookie = await cookieFor("banyak@world.test");
    const first = await jsonOf(await call(notifications.loader, makeRequest("/notifications", { cookie })));
    expect(first.notifications).toHaveLength(50);
    expect(first.notifications[0].params.milestone).toBe("M52");
    expect(first.nextCursor).toBeTruthy();
    const second = await jsonOf(await call(notifications.loader, makeRequest(`/notifications?cursor=${first.nextCursor}`, { cookie })));
    expect(second.notifications.map((n: { params: { milestone: string } }) => n.params.milestone)).toEqual(["M2", "M1", "M0"]);
    expect(second.nextCursor).toBeNull();
    // someone else's notification id as a cursor gives no foreign rows
    const foreign = await prisma.notification.findFirstOrThrow({ where: { userId: { not: reader.id } } });
    const odd = await jsonOf(await call(notifications.loader, makeRequest(`/notifications?cursor=${foreign.id}`, { cookie })));
    expect(odd.notifications.every((n: { params: { milestone?: string } }) => n.params.milestone?.startsWith("M"))).toBe(true);
  });

  it("asks anonymous visitors to sign in and refuses an unknown intent", async () => {
    expect((await getNotifications("ANONYMOUS")).headers.get("Location")).toMatch(/^\/login/);
    expect((await postNotifications("ANONYMOUS", { intent: "mark-read" })).headers.get("Location")).toMatch(/^\/login/);
    expect((await postNotifications("OBSERVER", { intent: "delete-all" })).status).toBe(400);
  });

  it("delivers the milestone notifications to the right people end to end", async () => {
    const m = await freshMilestone("PENDING");
    const reviewerBefore = await unreadCount(w.users.REVIEWER.id);
    const liaisonBefore = await unreadCount(w.users.LIAISON_OWN.id);
    const otherBefore = await unreadCount(w.users.LIAISON_OTHER.id);
    expect((await postMilestone(m.id, "LIAISON_OWN", submitForm(1))).status).toBe(302);
    expect(await unreadCount(w.users.REVIEWER.id)).toBe(reviewerBefore + 1);
    expect(await unreadCount(w.users.LIAISON_OWN.id)).toBe(liaisonBefore);
    const inbox = await jsonOf(await getNotifications("REVIEWER"));
    expect(inbox.notifications[0]).toMatchObject({ kind: "notify.milestoneSubmitted", link: `/milestones/${m.id}` });

    expect((await postMilestone(m.id, "REVIEWER", evaluateForm(2, { decision: "RETURNED", feedback: "Perbaiki." }))).status).toBe(302);
    expect(await unreadCount(w.users.LIAISON_OWN.id)).toBe(liaisonBefore + 1);
    expect(await unreadCount(w.users.LIAISON_OTHER.id)).toBe(otherBefore);
    const liaisonInbox = await jsonOf(await getNotifications("LIAISON_OWN"));
    expect(liaisonInbox.notifications[0]).toMatchObject({
      kind: "notify.milestoneEvaluated",
      link: `/milestones/${m.id}`,
      params: { decision: "milestone.state.RETURNED" },
    });
  });
});

describe("dates in the queue", () => {
  it("flags overdue milestones with the shared definition", async () => {
    const late = await freshMilestone("RETURNED", { title: "Terlambat", dueDate: addDays(todayInBanten(), -1), reviewedAt: addDays(new Date(), -1) });
    const data = await jsonOf(await getReview("REVIEWER"));
    expect(data.returned.find((r: { id: string }) => r.id === late.id).overdue).toBe(true);
    const page = await jsonOf(await getMilestone(late.id, "LIAISON_OWN"));
    expect(page.overdue).toBe(true);
    expect(toIsoDate(new Date(page.milestone.dueDate))).toBe(toIsoDate(addDays(todayInBanten(), -1)));
  });
});

// ---------- lost updates: what changed is shown, and what the user typed is kept ----------

describe("concurrent submissions and evaluations", () => {
  /** What the milestone page gives its forms: the version and when it was opened. */
  async function openMilestone(milestoneId: string, who: Who) {
    const data = await jsonOf(await getMilestone(milestoneId, who));
    return { version: data.milestone.version as number, startedAt: data.startedAt as string };
  }

  it("the page says when it was opened", async () => {
    const { startedAt } = await openMilestone(w.milestone.id, "LIAISON_OWN");
    expect(Number.isNaN(new Date(startedAt).getTime())).toBe(false);
  });

  it("two submissions from the same version: the second gets 409, nothing of it is written, the first survives, the panel shows who submitted what", async () => {
    const m = await freshMilestone("RETURNED");
    const mine = await openMilestone(m.id, "LIAISON_OWN");
    const theirs = await openMilestone(m.id, "ADMIN");
    const first = await postMilestone(m.id, "ADMIN", submitForm(theirs.version, { startedAt: theirs.startedAt, selfAssessment: "Penilaian dari admin." }));
    expect(first.status).toBe(302);

    const myForm = submitForm(mine.version, { startedAt: mine.startedAt, selfAssessment: "Penilaian mandiri saya, diketik panjang.", files: pdf() });
    const { response, audit, notifications: notes, evidence, files } = await counted(() => postMilestone(m.id, "LIAISON_OWN", myForm));
    expect(response.status).toBe(409);
    expect([audit, notes, evidence, files]).toEqual([0, 0, 0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 2, selfAssessment: "Penilaian dari admin.", submittedById: w.users.ADMIN.id });
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.notSubmittable"]);
    // what the user typed is kept, and the files are said to be dropped (a browser cannot refill them)
    expect(data.result.initialValue).toMatchObject({ selfAssessment: "Penilaian mandiri saya, diketik panjang.", submissionNote: "Daftar hadir terlampir." });
    expect(data.filesDropped).toBe(true);
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes).toHaveLength(1);
    expect(data.conflict.changes[0]).toMatchObject({ by: "Admin", action: "state", after: { state: "SUBMITTED", selfAssessment: "Penilaian dari admin." } });
  });

  it("a submission made before a colleague resubmitted and the reviewer returned it lists both changes, and can be sent again on purpose", async () => {
    const m = await freshMilestone("RETURNED");
    const mine = await openMilestone(m.id, "LIAISON_OWN");
    expect((await postMilestone(m.id, "ADMIN", submitForm(1, { selfAssessment: "Versi admin." }))).status).toBe(302);
    expect(
      (await postMilestone(m.id, "REVIEWER", evaluateForm(2, { decision: "RETURNED", relevanceScore: "", sustainabilityScore: "", feedback: "Masih kurang." }))).status,
    ).toBe(302);

    const myForm = submitForm(mine.version, { startedAt: mine.startedAt, selfAssessment: "Versi saya." });
    const response = await postMilestone(m.id, "LIAISON_OWN", myForm);
    expect(response.status).toBe(409);
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.conflict"]);
    expect(data.result.initialValue.selfAssessment).toBe("Versi saya.");
    expect(data.conflict.version).toBe(3);
    expect(data.conflict.changes.map((c: { by: string; after: { state: string } }) => [c.by, c.after.state])).toEqual([
      ["Admin", "SUBMITTED"],
      ["Reviewer", "RETURNED"],
    ]);
    expect(await snapshot(m.id)).toMatchObject({ state: "RETURNED", version: 3, feedback: "Masih kurang." });
    // the form now carries the current version: sending again goes through
    expect((await postMilestone(m.id, "LIAISON_OWN", { ...myForm, version: String(data.conflict.version) })).status).toBe(302);
    expect(await snapshot(m.id)).toMatchObject({ state: "SUBMITTED", version: 4, selfAssessment: "Versi saya." });
  });

  it("two evaluations from the same version: the second gets 409, its feedback is kept, the first's decision survives and is shown", async () => {
    const m = await freshMilestone("SUBMITTED");
    const mine = await openMilestone(m.id, "ADMIN");
    const theirs = await openMilestone(m.id, "REVIEWER");
    expect((await postMilestone(m.id, "REVIEWER", evaluateForm(theirs.version, { startedAt: theirs.startedAt, feedback: "Sudah relevan." }))).status).toBe(302);

    const { response, audit, notifications: notes } = await counted(() =>
      postMilestone(m.id, "ADMIN", evaluateForm(mine.version, { startedAt: mine.startedAt, decision: "NOT_MET", feedback: "Umpan balik saya yang panjang." })),
    );
    expect(response.status).toBe(409);
    expect([audit, notes]).toEqual([0, 0]);
    expect(await snapshot(m.id)).toMatchObject({ state: "MET", decision: "MET", feedback: "Sudah relevan.", reviewerId: w.users.REVIEWER.id, version: 2 });
    const data = await jsonOf(response);
    expect(data.result.error[""]).toEqual(["milestone.notEvaluable"]);
    expect(data.result.initialValue).toMatchObject({ decision: "NOT_MET", feedback: "Umpan balik saya yang panjang." });
    expect(data.conflict.version).toBe(2);
    expect(data.conflict.changes).toEqual([
      expect.objectContaining({ by: "Reviewer", after: expect.objectContaining({ state: "MET", decision: "MET", feedback: "Sudah relevan." }) }),
    ]);
  });
});
