import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/indicators.$id";
import { loader as listLoader } from "~/routes/indicators._index";
import { prisma } from "~/utils/db.server";
import { createItem, createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest } from "../support/http";

const CODE = "bpjs-tk-coverage";
let indicatorId: string;
let cookies: Record<"admin" | "reviewer" | "observer" | "itb" | "umt", string>;
let items: Record<"itbPublished" | "itbDraft" | "umtPublished" | "umtDraft", { id: string; title: string; campusId: string }>;

beforeAll(async () => {
  const ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } });
  indicatorId = (await prisma.indicator.findUniqueOrThrow({ where: { code: CODE } })).id;
  await createUser(prisma, { email: "admin@ind.test", role: "ADMIN" });
  await createUser(prisma, { email: "reviewer@ind.test", role: "REVIEWER" });
  await createUser(prisma, { email: "observer@ind.test", role: "OBSERVER" });
  await createUser(prisma, { email: "itb@ind.test", role: "LIAISON", campusIds: [ids.itb!] });
  await createUser(prisma, { email: "umt@ind.test", role: "LIAISON", campusIds: [ids.umt!] });
  cookies = {
    admin: await cookieFor("admin@ind.test"),
    reviewer: await cookieFor("reviewer@ind.test"),
    observer: await cookieFor("observer@ind.test"),
    itb: await cookieFor("itb@ind.test"),
    umt: await cookieFor("umt@ind.test"),
  };
  const item = (campus: string, visibility: "DRAFT" | "PUBLISHED", title: string) =>
    createItem(prisma, { campusId: ids[campus]!, priorityAreaId: area.id, visibility, title });
  items = {
    itbPublished: await item("itb", "PUBLISHED", "Pelatihan kewirausahaan nelayan Pandeglang"),
    itbDraft: await item("itb", "DRAFT", "Rancangan survei pekerja informal"),
    umtPublished: await item("umt", "PUBLISHED", "Sosialisasi BPJS Ketenagakerjaan pengemudi ojek daring"),
    umtDraft: await item("umt", "DRAFT", "Draf kajian iuran pekerja rentan"),
  };
});

const page = (cookie: string | null, id = indicatorId) => call(loader, makeRequest(`/indicators/${id}`, { cookie }), { id });
const currentVersion = async () => (await prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { version: true } })).version;
/** Posts a form as the page would: with the indicator's current version unless the form says which. */
const post = async (cookie: string | null, form: Record<string, string>, id = indicatorId) =>
  call(action, makeRequest(`/indicators/${id}`, { cookie, form: "version" in form ? form : { ...form, version: String(await currentVersion()) } }), { id });
const audits = (where: { entity?: string; action?: string } = {}) => prisma.auditEvent.count({ where });

describe("reading", () => {
  it("lists the indicators with latest value, next target and verdict, for any signed-in role", async () => {
    for (const cookie of [cookies.observer, cookies.umt]) {
      const response = await call(listLoader, makeRequest("/indicators", { cookie }));
      expect(response.status).toBe(200);
      const { indicators } = await jsonOf(response);
      const bpjs = indicators.find((i: { code: string }) => i.code === CODE);
      expect(bpjs).toMatchObject({ latest: { year: 2025, value: 46.03 }, next: { year: 2026, target: 50 }, verdict: "NO_TREND" });
      expect(indicators.map((i: { code: string }) => i.code)).toContain("bpjs-tk-subsidised-vulnerable");
    }
  });

  it("sends anonymous visitors to sign in", async () => {
    const response = await call(listLoader, makeRequest("/indicators"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Findicators/);
    expect((await page(null)).headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows baseline, targets, actual values with source and date, by id or by code; 404 for an unknown one", async () => {
    for (const id of [indicatorId, CODE]) {
      const response = await page(cookies.observer, id);
      expect(response.status).toBe(200);
      const data = await jsonOf(response);
      expect(data.indicator).toMatchObject({ id: indicatorId, unit: "%", baselineYear: 2025, baselineValue: 46.03, direction: "INCREASE" });
      expect(data.indicator.targets.map((t: { year: number; value: number }) => [t.year, t.value])).toEqual([
        [2026, 50],
        [2030, 65],
      ]);
      expect(data.indicator.values[0]).toMatchObject({ year: 2025, value: 46.03, numerator: 2_730_000, denominator: 5_920_000 });
      expect(data.indicator.values[0].source).toContain("Paritrana");
      expect(data.indicator.values[0].observedOn).toMatch(/^2025-11-27/);
      expect(data.trajectory.verdict).toBe("NO_TREND");
      expect(data.may.record).toBe(false);
      expect(data.linkable).toEqual([]);
    }
    expect((await page(cookies.observer, "no-such-indicator")).status).toBe(404);
  });
});

describe("record-value", () => {
  const valid = { intent: "record-value", year: "2026", observedOn: "2026-06-30", value: "48", numerator: "2.850.000", denominator: "5.937.500", source: "BPJS Ketenagakerjaan Kanwil Banten, Juni 2026" };

  it("records a value with one audit event, and the verdict follows it", async () => {
    const before = await audits();
    const response = await post(cookies.reviewer, valid);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/indicators/${indicatorId}`);
    expect(response.headers.get("Set-Cookie")).toContain("__session=");
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@ind.test" } });
    const saved = await prisma.indicatorValue.findFirstOrThrow({ where: { indicatorId, year: 2026 } });
    expect(saved).toMatchObject({ value: 48, numerator: 2_850_000, denominator: 5_937_500, recordedById: reviewer.id });
    expect(saved.source).toBe(valid.source);
    expect(await audits()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "IndicatorValue", entityId: saved.id } });
    expect(event).toMatchObject({ action: "create", actorId: reviewer.id, ip: "203.0.113.7" });
    expect(JSON.parse(event.after!)).toMatchObject({ indicatorId, year: 2026, value: 48 });

    const data = await jsonOf(await page(cookies.reviewer));
    // +1.97 a year: 48 % in 2026 (target 50) and 55.88 % in 2030 (target 65)
    expect(data.trajectory.verdict).toBe("OFF_COURSE");
    expect(data.trajectory.targets[1].projected).toBeCloseTo(55.88, 10);
    expect(data.chartActuals).toEqual([
      { year: 2025, value: 46.03 },
      { year: 2026, value: 48 },
    ]);
  });

  it("refuses invalid input with errors by field, keeps what was typed, saves nothing", async () => {
    const [values, events] = [await prisma.indicatorValue.count(), await audits()];
    const typed = { intent: "record-value", year: "2026", observedOn: "2026-06-30", value: "empat puluh", numerator: "12", denominator: "", source: "" };
    const response = await post(cookies.admin, typed);
    expect(response.status).toBe(400);
    const { intent, result } = await jsonOf(response);
    expect(intent).toBe("record-value");
    expect(result.error).toMatchObject({ value: ["form.invalidNumber"], source: ["form.required"] });
    expect(result.initialValue).toMatchObject({ year: "2026", observedOn: "2026-06-30", value: "empat puluh", numerator: "12" });
    expect(await prisma.indicatorValue.count()).toBe(values);
    expect(await audits()).toBe(events);
  });

  it("is refused to observers and liaisons (403), and nothing changes", async () => {
    const [values, events] = [await prisma.indicatorValue.count(), await audits()];
    for (const cookie of [cookies.observer, cookies.itb, cookies.umt]) {
      expect((await post(cookie, valid)).status).toBe(403);
    }
    expect((await post(null, valid)).headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.indicatorValue.count()).toBe(values);
    expect(await audits()).toBe(events);
  });
});

describe("link-item and unlink-item", () => {
  it("links items with one audit event each; linking twice changes nothing", async () => {
    const before = await audits({ action: "link" });
    for (const item of [items.itbPublished, items.itbDraft, items.umtPublished]) {
      const response = await post(cookies.reviewer, { intent: "link-item", itemId: item.id });
      expect(response.status).toBe(302);
    }
    expect(await audits({ action: "link" })).toBe(before + 3);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "link", itemId: items.itbDraft.id } });
    expect(event).toMatchObject({ entity: "Indicator", entityId: indicatorId, campusId: items.itbDraft.campusId });

    expect((await post(cookies.admin, { intent: "link-item", itemId: items.itbPublished.id })).status).toBe(302);
    expect(await audits({ action: "link" })).toBe(before + 3);
    const linked = await prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { roadmapItems: { select: { id: true } } } });
    expect(linked.roadmapItems).toHaveLength(3);
  });

  it("shows each campus's contribution, only with items the reader may see", async () => {
    const titles = async (cookie: string) => {
      const data = await jsonOf(await page(cookie));
      return data.indicator.contributions.map((g: { campus: { slug: string }; items: { title: string }[] }) => [g.campus.slug, g.items.map((i) => i.title)]);
    };
    expect(await titles(cookies.reviewer)).toEqual([
      ["itb", [items.itbPublished.title, items.itbDraft.title].sort()],
      ["umt", [items.umtPublished.title]],
    ]);
    expect(await titles(cookies.observer)).toEqual([
      ["itb", [items.itbPublished.title]],
      ["umt", [items.umtPublished.title]],
    ]);
    expect(await titles(cookies.itb)).toEqual([
      ["itb", [items.itbPublished.title, items.itbDraft.title].sort()],
      ["umt", [items.umtPublished.title]],
    ]);
    expect(await titles(cookies.umt)).toEqual([
      ["itb", [items.itbPublished.title]],
      ["umt", [items.umtPublished.title]],
    ]);
  });

  it("offers only items not linked yet, found by a word of their title (the picker searches, it lists nothing before)", async () => {
    const { linkable, may } = await jsonOf(await page(cookies.reviewer));
    expect(may.record).toBe(true);
    expect(linkable).toEqual([]);
    const search = (q: string) => call(loader, makeRequest(`/indicators/${indicatorId}?item=${encodeURIComponent(q)}`, { cookie: cookies.reviewer }), { id: indicatorId });
    const word = items.umtDraft.title.split(/\s+/).find((w: string) => w.length >= 4)!.toLowerCase();
    const offered = (await jsonOf(await search(word))).linkable.map((i: { id: string }) => i.id);
    expect(offered).toContain(items.umtDraft.id);
    const all = (await jsonOf(await search(items.itbPublished.title))).linkable.map((i: { id: string }) => i.id);
    expect(all).not.toContain(items.itbPublished.id);
  });

  it("answers an unknown item next to the field", async () => {
    const events = await audits();
    const response = await post(cookies.reviewer, { intent: "link-item", itemId: "no-such-item" });
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).result.error).toEqual({ itemId: ["form.invalidChoice"] });
    const empty = await post(cookies.reviewer, { intent: "link-item", itemId: "" });
    expect((await jsonOf(empty)).result.error).toEqual({ itemId: ["indicator.chooseItem"] });
    expect(await audits()).toBe(events);
  });

  it("refuses liaisons and observers, even for their own campus's item", async () => {
    const events = await audits();
    expect((await post(cookies.itb, { intent: "link-item", itemId: items.umtDraft.id })).status).toBe(403);
    expect((await post(cookies.itb, { intent: "unlink-item", itemId: items.itbPublished.id })).status).toBe(403);
    expect((await post(cookies.observer, { intent: "unlink-item", itemId: items.itbPublished.id })).status).toBe(403);
    expect(await audits()).toBe(events);
  });

  it("unlinks with one audit event; unlinking again changes nothing", async () => {
    const before = await audits({ action: "unlink" });
    expect((await post(cookies.admin, { intent: "unlink-item", itemId: items.umtPublished.id })).status).toBe(302);
    expect(await audits({ action: "unlink" })).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "unlink", itemId: items.umtPublished.id } });
    expect(JSON.parse(event.before!)).toMatchObject({ roadmapItemId: items.umtPublished.id });
    expect((await post(cookies.admin, { intent: "unlink-item", itemId: items.umtPublished.id })).status).toBe(302);
    expect(await audits({ action: "unlink" })).toBe(before + 1);
    const { indicator } = await jsonOf(await page(cookies.observer));
    expect(indicator.contributions.map((g: { campus: { slug: string } }) => g.campus.slug)).toEqual(["itb"]);
  });

  it("counts visible linked items on the list", async () => {
    const list = async (cookie: string) =>
      (await jsonOf(await call(listLoader, makeRequest("/indicators", { cookie })))).indicators.find((i: { code: string }) => i.code === CODE);
    expect((await list(cookies.reviewer)).linkedItems).toBe(2);
    expect((await list(cookies.observer)).linkedItems).toBe(1);
  });

  it("rejects an unknown intent", async () => {
    expect((await post(cookies.reviewer, { intent: "delete-indicator" })).status).toBe(400);
  });
});

// ---------- lost updates: every change carries the indicator's version ----------

describe("lost updates", () => {
  /** What the indicator page gives its forms: the indicator's version and when it was opened. */
  async function openPage(cookie: string) {
    const data = await jsonOf(await page(cookie));
    return { version: String(data.indicator.version), startedAt: data.startedAt as string };
  }
  const reviewerName = async () => (await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@ind.test" } })).name;
  const snapshot = async () => ({ values: await prisma.indicatorValue.count({ where: { indicatorId } }), events: await audits(), version: await currentVersion() });

  it("the page gives the indicator's version and when it was opened; every change raises the version, a no-op does not", async () => {
    const opened = await openPage(cookies.reviewer);
    expect(Number(opened.version)).toBe(await currentVersion());
    expect(Number.isNaN(new Date(opened.startedAt).getTime())).toBe(false);
    const v = await currentVersion();
    expect((await post(cookies.reviewer, { intent: "link-item", itemId: items.umtDraft.id })).status).toBe(302);
    expect(await currentVersion()).toBe(v + 1);
    expect((await post(cookies.reviewer, { intent: "link-item", itemId: items.umtDraft.id })).status).toBe(302);
    expect(await currentVersion()).toBe(v + 1);
    expect((await post(cookies.reviewer, { intent: "unlink-item", itemId: items.umtDraft.id })).status).toBe(302);
    expect(await currentVersion()).toBe(v + 2);
    const value = { intent: "record-value", year: "2024", observedOn: "2024-12-31", value: "44", source: "Arsip BPJS" };
    expect((await post(cookies.reviewer, value)).status).toBe(302);
    expect(await currentVersion()).toBe(v + 3);
  });

  it("record-value: the second value recorded from the same version gets 409, nothing of it is written, the first survives, the input and the conflict come back", async () => {
    const mine = await openPage(cookies.admin);
    const theirs = await openPage(cookies.reviewer);
    const first = await post(cookies.reviewer, { intent: "record-value", ...theirs, year: "2026", observedOn: "2026-09-30", value: "49,2", source: "BPJS Ketenagakerjaan, September 2026" });
    expect(first.status).toBe(302);

    const before = await snapshot();
    const myForm = { intent: "record-value", ...mine, year: "2026", observedOn: "2026-09-30", value: "49,5", numerator: "2.950.000", denominator: "5.959.600", source: "Dinas Tenaga Kerja" };
    const response = await post(cookies.admin, myForm);
    expect(response.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    const stored = await prisma.indicatorValue.findMany({ where: { indicatorId, observedOn: new Date("2026-09-30T00:00:00Z") } });
    expect(stored.map((v) => v.value)).toEqual([49.2]);
    const data = await jsonOf(response);
    expect(data.intent).toBe("record-value");
    expect(data.result.initialValue).toMatchObject({ value: "49,5", numerator: "2.950.000", source: "Dinas Tenaga Kerja", observedOn: "2026-09-30" });
    expect(data.conflict.version).toBe(Number(mine.version) + 1);
    expect(data.conflict.changes).toEqual([
      expect.objectContaining({ by: await reviewerName(), entity: "IndicatorValue", action: "create", after: expect.objectContaining({ value: 49.2, year: 2026 }) }),
    ]);

    // "record mine anyway": the form now carries the current version
    expect((await post(cookies.admin, { ...myForm, version: String(data.conflict.version) })).status).toBe(302);
    expect(await prisma.indicatorValue.count({ where: { indicatorId, observedOn: new Date("2026-09-30T00:00:00Z") } })).toBe(2);
  });

  it("record-value: any change since the page was opened refuses it, and the panel says what it was (here a link)", async () => {
    const mine = await openPage(cookies.admin);
    expect((await post(cookies.reviewer, { intent: "link-item", itemId: items.umtDraft.id })).status).toBe(302);
    const before = await snapshot();
    const response = await post(cookies.admin, { intent: "record-value", ...mine, year: "2025", observedOn: "2025-12-31", value: "46,5", source: "BPJS" });
    expect(response.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    const { conflict, result } = await jsonOf(response);
    expect(result.initialValue).toMatchObject({ value: "46,5", source: "BPJS" });
    expect(conflict.changes).toEqual([expect.objectContaining({ action: "link", after: expect.objectContaining({ title: items.umtDraft.title }) })]);
  });

  it("link-item and unlink-item from an older version get 409 and change nothing", async () => {
    const mine = await openPage(cookies.admin);
    expect((await post(cookies.reviewer, { intent: "unlink-item", itemId: items.umtDraft.id })).status).toBe(302);
    const before = await snapshot();
    const link = await post(cookies.admin, { intent: "link-item", ...mine, itemId: items.umtPublished.id });
    expect(link.status).toBe(409);
    const linkData = await jsonOf(link);
    expect(linkData.result.initialValue.itemId).toBe(items.umtPublished.id);
    expect(linkData.conflict.changes).toEqual([expect.objectContaining({ action: "unlink", before: expect.objectContaining({ title: items.umtDraft.title }) })]);
    const unlink = await post(cookies.admin, { intent: "unlink-item", ...mine, itemId: items.itbPublished.id });
    expect(unlink.status).toBe(409);
    expect((await jsonOf(unlink)).itemId).toBe(items.itbPublished.id);
    expect(await snapshot()).toEqual(before);
    const linked = await prisma.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { roadmapItems: { select: { id: true } } } });
    expect(linked.roadmapItems.map((i) => i.id)).toContain(items.itbPublished.id);
    expect(linked.roadmapItems.map((i) => i.id)).not.toContain(items.umtPublished.id);
  });

  it("refuses a change without the version it was made from (400), keeping the input", async () => {
    const before = await snapshot();
    const response = await post(cookies.reviewer, { intent: "record-value", version: "", year: "2026", observedOn: "2026-06-30", value: "48", source: "BPJS" });
    expect(response.status).toBe(400);
    const { result } = await jsonOf(response);
    expect(result.error.version).toEqual(["conflict.versionMissing"]);
    expect(result.initialValue).toMatchObject({ value: "48", source: "BPJS" });
    expect((await post(cookies.reviewer, { intent: "link-item", version: "", itemId: items.umtDraft.id })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
