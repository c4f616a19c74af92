// The public transparency page: what an anonymous visitor receives, as loader JSON and as the
// page's HTML, must hold the published picture and nothing private.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CAMPUSES } from "../../prisma/reference-data";
import { recordAudit } from "~/models/audit.server";
import { forgetPublicOverview, PUBLIC_ITEMS_PER_CAMPUS, publicOverview } from "~/models/public.server";
import { loader as rootLoader } from "~/root";
import PublicPage, { headers, loader, PRIVATE_CACHE, PUBLIC_CACHE } from "~/routes/publik";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createMember, createMilestone, createObstacle, createTeam, createUpdate, createUser } from "../../prisma/factories";
import { call, campusIds, CONTEXT, cookieFor, jsonOf, makeRequest } from "../support/http";

const PUBLISHED_TITLE = "Pelatihan literasi digital UMKM pesisir Anyer";
// Everything below is private and must never reach the public page.
const SECRETS = {
  draftTitle: "DRAF-RAHASIA Kajian yang belum terbit",
  campusPic: "Dr. Rahasia Kampuswati",
  campusPicContact: "pic.kampus@rahasia.test",
  govPic: "Pejabat Rahasiawan",
  govPicContact: "0813-3333-4444",
  description: "Deskripsi internal XYZZY",
  narrative: "Narasi laporan internal QWERTY",
  comment: "Komentar internal: jangan dipublikasikan",
  evidenceFile: "daftar-hadir-rahasia.pdf",
  evidencePath: "uploads/evidence/daftar-hadir-rahasia",
  evidenceLink: "https://drive.example/rahasia-bukti",
  obstacle: "Kendala internal sensitif",
  obstacleOwner: "Pak Pemilik Kendala",
  memberName: "Anggota Tim Rahasia",
  memberEmail: "anggota.rahasia@itb.test",
  memberPhone: "+62 811 9999 0000",
  liaisonName: "Penghubung Rahasia",
  liaisonEmail: "penghubung.rahasia@itb.test",
  feedback: "Umpan balik peninjau rahasia",
  budget: "987654321",
};

let ids: Record<string, string>;
let areaId: string;

beforeAll(async () => {
  ids = await campusIds();
  areaId = (await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } })).id;
  const liaison = await createUser(prisma, { email: SECRETS.liaisonEmail, name: SECRETS.liaisonName, role: "LIAISON", campusIds: [ids.itb!] });
  const published = await createItem(prisma, {
    campusId: ids.itb!,
    priorityAreaId: areaId,
    title: PUBLISHED_TITLE,
    description: SECRETS.description,
    budgetIdr: Number(SECRETS.budget),
    createdById: liaison.id,
  });
  await prisma.roadmapItem.update({
    where: { id: published.id },
    data: { campusPicName: SECRETS.campusPic, campusPicContact: SECRETS.campusPicContact, govPicName: SECRETS.govPic, govPicContact: SECRETS.govPicContact },
  });
  const update = await createUpdate(prisma, {
    itemId: published.id,
    authorId: liaison.id,
    reportedOn: new Date(Date.UTC(2026, 9, 1)),
    progress: 35,
    status: "AT_RISK",
    narrative: SECRETS.narrative,
  });
  await prisma.evidence.create({ data: { kind: "FILE", fileName: SECRETS.evidenceFile, storagePath: SECRETS.evidencePath, mimeType: "application/pdf", sizeBytes: 1000, updateId: update.id } });
  await prisma.evidence.create({ data: { kind: "LINK", url: SECRETS.evidenceLink, updateId: update.id } });
  await prisma.comment.create({ data: { itemId: published.id, authorId: liaison.id, body: SECRETS.comment } });
  await createObstacle(prisma, { itemId: published.id, description: SECRETS.obstacle, ownerName: SECRETS.obstacleOwner });
  await createMilestone(prisma, { itemId: published.id, dueDate: new Date(Date.UTC(2026, 5, 30)), state: "RETURNED", feedback: SECRETS.feedback });
  const team = await createTeam(prisma, { campusId: ids.itb! });
  await createMember(prisma, { teamId: team.id, name: SECRETS.memberName, email: SECRETS.memberEmail, phone: SECRETS.memberPhone });
  await createItem(prisma, { campusId: ids.itb!, priorityAreaId: areaId, visibility: "DRAFT", title: SECRETS.draftTitle });
  // more published items at UMT than the page lists
  for (let i = 0; i < PUBLIC_ITEMS_PER_CAMPUS + 2; i++) {
    await createItem(prisma, { campusId: ids.umt!, priorityAreaId: areaId, title: `Program UMT nomor ${String(i).padStart(2, "0")}` });
  }
  // linked to the BPJS indicator: counts as contributing (the draft would not)
  await prisma.indicator.update({ where: { code: "bpjs-tk-coverage" }, data: { roadmapItems: { connect: [{ id: published.id }] } } });
});

beforeEach(() => forgetPublicOverview());

/** The page's HTML as the app renders it for an anonymous visitor (root loader + this route). */
async function renderHtml(): Promise<string> {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: ({ request }: { request: Request }) => rootLoader({ request, params: {}, context: CONTEXT }),
      Component: Outlet,
      children: [
        {
          id: "routes/publik",
          path: "publik",
          loader: ({ request }: { request: Request }) => loader({ request, params: {}, context: CONTEXT }),
          Component: PublicPage,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(makeRequest("/publik"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context }));
}

describe("/publik for an anonymous visitor", () => {
  it("needs no login and is cacheable by shared caches", async () => {
    const response = await call(loader, makeRequest("/publik"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300, stale-while-revalidate=600");
    expect(response.headers.get("Vary")).toBe("Cookie, Accept-Language");
    const document = new Headers(headers({ loaderHeaders: response.headers, parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined }));
    expect(document.get("Cache-Control")).toBe(PUBLIC_CACHE);
  });

  it("shows the agreement, the 12 campuses, published items with status and progress, and the indicators", async () => {
    const data = await jsonOf(await call(loader, makeRequest("/publik")));
    expect(data.agreement).toMatchObject({
      title: expect.stringContaining("12 Perguruan Tinggi"),
      place: expect.stringContaining("Pendopo Gubernur Banten"),
      governmentSignatory: "Andra Soni, Gubernur Banten",
      campusRepresentative: expect.stringContaining("Institut Teknologi Tangerang"),
    });
    expect(data.agreement.signedOn).toMatch(/^2025-11-26/);
    expect(data.agreement.signatories).toHaveLength(12);
    expect(data.campuses.map((c: { name: string }) => c.name)).toEqual(CAMPUSES.map((c) => c.name));

    const itb = data.campuses.find((c: { slug: string }) => c.slug === "itb");
    expect(itb).toMatchObject({ items: 1, more: 0, averageProgress: 35 });
    expect(itb.listed).toEqual([
      { id: expect.any(String), title: PUBLISHED_TITLE, status: "AT_RISK", progress: 35, triDharma: "RESEARCH", area: expect.any(Object) },
    ]);
    const umt = data.campuses.find((c: { slug: string }) => c.slug === "umt");
    expect(umt).toMatchObject({ items: PUBLIC_ITEMS_PER_CAMPUS + 2, more: 2 });
    expect(umt.listed).toHaveLength(PUBLIC_ITEMS_PER_CAMPUS);
    expect(data.totals.items).toBe(PUBLIC_ITEMS_PER_CAMPUS + 3);

    const bpjs = data.indicators.find((i: { code: string }) => i.code === "bpjs-tk-coverage");
    expect(bpjs).toMatchObject({ unit: "%", latest: { year: 2025, value: 46.03 }, contributingItems: 1 });
    expect(bpjs.targets.map((t: { year: number; value: number }) => [t.year, t.value])).toEqual([
      [2026, 50],
      [2030, 65],
    ]);
  });

  it("holds nothing private, in the JSON or in the HTML", async () => {
    const json = await (await call(loader, makeRequest("/publik"))).text();
    const html = await renderHtml();
    for (const text of [json, html]) {
      expect(text).toContain(PUBLISHED_TITLE);
      for (const [what, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${what} leaked`).toBe(false);
      // nor any e-mail address, storage path or campus-internal field name
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      for (const field of ["campusPic", "govPic", "storagePath", "narrative", "comments", "evidence", "budgetIdr", "recordedById", "ownerName"]) {
        expect(text.includes(field), field).toBe(false);
      }
    }
    // the visible page: Bahasa Indonesia by default, 12 campuses, the 46.03 % indicator, "and N more"
    expect(html).toContain("Transparansi Kolaborasi Banten");
    for (const campus of CAMPUSES) expect(html).toContain(campus.name);
    expect(html).toContain("46,03\u00a0%");
    expect(html).toContain("Cakupan kepesertaan BPJS Ketenagakerjaan");
    expect(html).toContain("dan 2 program lainnya");
    expect(html).toContain("Berisiko");
  });

  it("keeps a signed-in visitor's page (and any response setting a cookie) out of shared caches", async () => {
    await createUser(prisma, { email: "observer@publik.test", role: "OBSERVER" });
    const cookie = await cookieFor("observer@publik.test");
    const response = await call(loader, makeRequest("/publik", { cookie }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE_CACHE);
    const args = { actionHeaders: new Headers(), errorHeaders: undefined };
    expect(new Headers(headers({ ...args, loaderHeaders: response.headers, parentHeaders: new Headers() })).get("Cache-Control")).toBe(PRIVATE_CACHE);
    const anonymous = (await call(loader, makeRequest("/publik"))).headers;
    const flash = new Headers({ "Set-Cookie": "__session=abc; Path=/" });
    expect(new Headers(headers({ ...args, loaderHeaders: anonymous, parentHeaders: flash })).get("Cache-Control")).toBe(PRIVATE_CACHE);
  });
});

describe("GET /publik at province scale", () => {
  it("pages the campuses, 20 at a time, keeping the totals of all", async () => {
    for (let i = 0; i < 13; i++) {
      await prisma.campus.create({ data: { slug: `publik-extra-${i}`, name: `Kampus Tambahan ${i}`, type: "UNIVERSITAS", position: 200 + i } });
    }
    forgetPublicOverview();
    const page = async (query: string) => jsonOf(await call(loader, makeRequest(`/publik${query}`)));
    const first = await page("");
    expect(first.page).toMatchObject({ page: 1, pages: 2, total: 25, from: 1, to: 20 });
    expect(first.campuses).toHaveLength(20);
    expect(first.campuses[0].slug).toBe(CAMPUSES[0]!.slug); // the signatories first, in their order
    const second = await page("?page=2");
    expect(second.campuses.map((c: { slug: string }) => c.slug)).toEqual(Array.from({ length: 5 }, (_, i) => `publik-extra-${i + 8}`));
    expect(second.totals).toEqual(first.totals);
    await prisma.campus.deleteMany({ where: { slug: { startsWith: "publik-extra-" } } });
    forgetPublicOverview();
  });
});

describe("public data: memo and bounded queries", () => {
  it("reuses the computed data until the data changes, then recomputes", async () => {
    const t0 = new Date("2026-11-25T08:00:00Z");
    const first = await publicOverview(t0);
    // a row written without the audit trail (no app change does that) leaves the data version as it was
    const item = await createItem(prisma, { campusId: ids.unma!, priorityAreaId: areaId, title: "Program baru UNMA" });
    const cached = await publicOverview(new Date(t0.getTime() + 3_600_000));
    expect(cached).toBe(first);
    expect(cached.campuses.find((c) => c.slug === "unma")!.items).toBe(0);
    // every change of the app is audited in its transaction, which raises the data version
    await prisma.$transaction((tx) => recordAudit(tx, { userId: null, ip: null }, { action: "create", entity: "RoadmapItem", entityId: item.id }));
    const fresh = await publicOverview(new Date(t0.getTime() + 3_600_000));
    expect(fresh).not.toBe(first);
    expect(fresh.campuses.find((c) => c.slug === "unma")!.listed.map((i) => i.title)).toEqual(["Program baru UNMA"]);
  });

  it("runs the same number of queries whatever the amount of data", async () => {
    const count = async () => {
      forgetPublicOverview();
      let n = 0;
      const stop = onQuery(() => n++);
      await publicOverview();
      stop();
      return n;
    };
    const before = await count();
    for (let i = 0; i < 15; i++) await createItem(prisma, { campusId: ids.iti!, priorityAreaId: areaId });
    expect(await count()).toBe(before);
    expect(before).toBeLessThanOrEqual(12);
  });
});
