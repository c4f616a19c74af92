// What a loader returns reaches the browser (also as the single-fetch `/path.data`), hidden or not. For every route with
// a loader, another campus's liaison and an observer must receive nothing they may not read:
// another campus's evidence, discussion, contacts and change history, a team's member contacts,
// and any draft. Secrets are planted with marker strings and every response body is searched.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { hashToken, newToken } from "~/models/user.server";
import * as root from "~/root";
import { createUpdate } from "../../prisma/factories";
import { call, makeRequest } from "../support/http";
import { buildWorld, type World } from "../support/world";

const routeModules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}", { eager: true });
type Loader = Parameters<typeof call>[0];
const LOADERS = new Map<string, Loader>(
  Object.entries(routeModules)
    .filter(([, mod]) => typeof mod.loader === "function")
    .map(([file, mod]) => [path.basename(file).replace(/\.(ts|tsx)$/, ""), mod.loader as Loader]),
);
LOADERS.set("root", root.loader as unknown as Loader);

// Secrets of ITB (the world's own campus), by who may not read them.
const INTERNAL = {
  evidenceUrl: "https://rahasia.example/bukti-kemajuan-itb",
  evidenceFile: "bukti-rahasia-itb.pdf",
  milestoneEvidenceUrl: "https://rahasia.example/bukti-tonggak-itb",
  comment: "KOMENTAR-INTERNAL-ITB",
  campusPicContact: "pic.rahasia@itb.test",
  govPicContact: "0812-RAHASIA-PEMPROV",
};
const CONTACTS = { memberEmail: "anggota@itb.test", memberPhone: "+62 22 250 0000" };
const DRAFT = {
  title: "Draft ITB item",
  narrative: "NARASI-DRAF-RAHASIA",
  obstacle: "HAMBATAN-DRAF-RAHASIA",
  milestone: "Laporan pendahuluan",
};

// the agreement chain (tests/support/world.ts): the own campus's proposal and a signed copy not marked public
const AGREEMENT = { draftTitle: "USULAN IA RAHASIA ITB", documentName: "pks-itb-bertanda-tangan-rahasia.pdf" };

type Viewer = "LIAISON_OTHER" | "OBSERVER" | "UNIT_OTHER";
/** Markers each viewer may not receive, following app/domain/policy.ts. */
const FORBIDDEN: Record<Viewer, string[]> = {
  // item.internal.read, team.contacts.read and drafts are the own campus's
  LIAISON_OTHER: [...Object.values(INTERNAL), ...Object.values(CONTACTS), ...Object.values(DRAFT), ...Object.values(AGREEMENT)],
  // an observer reads published items with their internals, never drafts or member contacts
  OBSERVER: [...Object.values(CONTACTS), ...Object.values(DRAFT), ...Object.values(AGREEMENT)],
  // a focal point of a unit that is not the item's counterpart reads only what is published, without internals
  UNIT_OTHER: [...Object.values(INTERNAL), ...Object.values(CONTACTS), ...Object.values(DRAFT), ...Object.values(AGREEMENT)],
};

let world: World;
let ids: { updateEvidence: string; milestoneEvidence: string; fileEvidence: string; indicator: string };
/** the calendar feed secrets of the two viewers (a feed is read without a session) */
let feeds: string[] = [];

beforeAll(async () => {
  world = await buildWorld();
  const author = world.users.LIAISON_OWN.id;
  await prisma.roadmapItem.update({
    where: { id: world.publishedItem.id },
    data: { campusPicContact: INTERNAL.campusPicContact, govPicContact: INTERNAL.govPicContact },
  });
  const update = await createUpdate(prisma, { itemId: world.publishedItem.id, authorId: author, reportedOn: new Date(Date.UTC(2026, 9, 1)), progress: 30, status: "ON_TRACK" });
  const link = await prisma.evidence.create({ data: { kind: "LINK", url: INTERNAL.evidenceUrl, updateId: update.id, uploadedById: author } });
  const file = await prisma.evidence.create({
    data: { kind: "FILE", fileName: INTERNAL.evidenceFile, storagePath: "2026-10/rahasia.pdf", mimeType: "application/pdf", sizeBytes: 10, updateId: update.id, uploadedById: author },
  });
  const milestoneEvidence = await prisma.evidence.create({ data: { kind: "LINK", url: INTERNAL.milestoneEvidenceUrl, milestoneId: world.milestone.id, uploadedById: author } });
  await prisma.comment.create({ data: { itemId: world.publishedItem.id, authorId: author, body: INTERNAL.comment } });
  await createUpdate(prisma, { itemId: world.draftItem.id, authorId: author, reportedOn: new Date(Date.UTC(2026, 9, 2)), progress: 10, status: "ON_TRACK", narrative: DRAFT.narrative });
  await prisma.obstacle.create({ data: { itemId: world.draftItem.id, description: DRAFT.obstacle, status: "OPEN" } });
  const indicator = await prisma.indicator.findFirstOrThrow({ select: { id: true } });
  ids = { updateEvidence: link.id, fileEvidence: file.id, milestoneEvidence: milestoneEvidence.id, indicator: indicator.id };
  feeds = [newToken(), newToken()];
  await prisma.calendarFeed.create({ data: { userId: world.users.LIAISON_OTHER.id, tokenHash: hashToken(feeds[0]!) } });
  await prisma.calendarFeed.create({ data: { userId: world.users.OBSERVER.id, tokenHash: hashToken(feeds[1]!) } });
});

/** The requests each loader is called with: the pages of the own campus that hold its secrets. */
function requests(w: World): Record<string, { path: string; params?: Record<string, string> }[]> {
  const own = { slug: "itb" };
  return {
    root: [{ path: "/" }, { path: `/items/${w.publishedItem.id}` }],
    $: [{ path: "/tidak-ada", params: { "*": "tidak-ada" } }],
    _index: [{ path: "/" }],
    account: [{ path: "/account" }],
    "admin.users.$userId": [{ path: `/admin/users/${w.target.id}`, params: { userId: w.target.id } }],
    "admin.users._index": [{ path: "/admin/users" }],
    "admin.units._index": [{ path: "/admin/units" }],
    "admin.units.$unitId": [{ path: `/admin/units/${w.ownUnit.id}`, params: { unitId: w.ownUnit.id } }],
    "agreements._index": [{ path: "/agreements" }, { path: "/agreements?campus=itb" }, { path: "/agreements?status=DRAFT" }],
    "agreements.new": [{ path: "/agreements/new" }, { path: `/agreements/new?parent=${w.pks.id}&kind=IA` }],
    "agreements.$agreementId": [w.mou.id, w.pks.id, w.draftAgreement.id].map((agreementId) => ({ path: `/agreements/${agreementId}`, params: { agreementId } })),
    "admin.outbox": [{ path: "/admin/outbox" }, { path: "/admin/outbox?state=FAILED" }],
    "calendar.$file": feeds.map((token) => ({ path: `/calendar/${token}.ics`, params: { file: `${token}.ics` } })),
    audit: [{ path: "/audit" }, { path: `/audit?itemId=${w.publishedItem.id}` }, { path: `/audit?itemId=${w.draftItem.id}` }],
    "campuses.$slug": [{ path: "/campuses/itb", params: own }],
    "campuses.$slug_.teams": [{ path: "/campuses/itb/teams", params: own }],
    "campuses.$slug_.check-in": [{ path: "/campuses/itb/check-in", params: own }],
    "campuses.$slug_.import": [{ path: "/campuses/itb/import", params: own }],
    "campuses.$slug_.import[.xlsx]": [{ path: "/campuses/itb/import.xlsx", params: own }],
    "campuses._index": [{ path: "/campuses" }],
    dashboard: [{ path: "/dashboard" }, { path: "/dashboard?campus=itb" }, { path: "/dashboard?unit=bappeda" }],
    "evidence.$evidenceId": [ids.updateEvidence, ids.fileEvidence, ids.milestoneEvidence, w.pksDocument.id].map((id) => ({ path: `/evidence/${id}`, params: { evidenceId: id } })),
    "exports.$file": ["items.csv", "updates.csv", "milestones.csv", "obstacles.csv", "agreements.csv"].flatMap((file) => [
      { path: `/exports/${file}`, params: { file } },
      { path: `/exports/${file}?campus=itb`, params: { file } },
    ]),
    healthz: [{ path: "/healthz" }],
    "indicators.$id": [{ path: `/indicators/${ids.indicator}`, params: { id: ids.indicator } }],
    "indicators._index": [{ path: "/indicators" }],
    "items.$itemId._index": [w.publishedItem.id, w.draftItem.id].map((itemId) => ({ path: `/items/${itemId}`, params: { itemId } })),
    "items.$itemId.edit": [w.publishedItem.id, w.draftItem.id].map((itemId) => ({ path: `/items/${itemId}/edit`, params: { itemId } })),
    "items.$itemId.milestones.new": [w.publishedItem.id, w.draftItem.id].map((itemId) => ({ path: `/items/${itemId}/milestones/new`, params: { itemId } })),
    "items.new": [{ path: `/items/new?campus=${w.own}` }],
    locale: [{ path: "/locale" }],
    login: [{ path: "/login" }],
    logout: [{ path: "/logout" }],
    "milestones.$milestoneId": [w.milestone.id, w.submittedMilestone.id].map((milestoneId) => ({ path: `/milestones/${milestoneId}`, params: { milestoneId } })),
    notifications: [{ path: "/notifications" }],
    publik: [{ path: "/publik" }],
    "quarters.$quarter": [{ path: "/quarters/2026-Q4", params: { quarter: "2026-Q4" } }],
    "quarters._index": [{ path: "/quarters" }],
    "quarters.compare": [{ path: "/quarters/compare" }],
    reminders: [{ path: "/reminders" }],
    "reports.briefing": [{ path: "/reports/briefing" }],
    "reset.$token": [{ path: "/reset/not-a-token", params: { token: "not-a-token" } }],
    review: [{ path: "/review" }],
    roadmap: [{ path: "/roadmap" }, { path: "/roadmap?campus=itb" }],
    "teams.$teamId": [{ path: `/teams/${w.team.id}`, params: { teamId: w.team.id } }],
    "units._index": [{ path: "/units" }],
    "units.$slug": [{ path: "/units/bappeda", params: { slug: "bappeda" } }, { path: "/units/dinkes", params: { slug: "dinkes" } }],
    // the names of a draft, its milestone and a member: found for those who may read them only
    search: ["Draft ITB", "pendahuluan", "Anggota ITB", "anggota@itb", "itb"].map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` })),
  };
}

async function bodyText(response: Response): Promise<string> {
  const type = response.headers.get("Content-Type") ?? "";
  if (/spreadsheetml|octet-stream|pdf|image\//.test(type)) return `[binary ${type}]`;
  return response.text();
}

describe("loader data carries only what the viewer may read", () => {
  it("has requests for every route with a loader", () => {
    const covered = Object.keys(requests(world));
    expect([...LOADERS.keys()].filter((route) => !covered.includes(route))).toEqual([]);
  });

  for (const viewer of ["LIAISON_OTHER", "OBSERVER", "UNIT_OTHER"] as const) {
    it(`sends ${viewer} none of the own campus's secrets, from any loader`, async () => {
      const leaks: string[] = [];
      for (const [route, list] of Object.entries(requests(world))) {
        const loader = LOADERS.get(route)!;
        for (const { path: url, params } of list) {
          const response = await call(loader, makeRequest(url, { cookie: world.cookies[viewer] }), params ?? {});
          if (response.status >= 500) leaks.push(`${route} ${url}: status ${response.status}`);
          if (response.status >= 300) continue;
          const body = await bodyText(response);
          for (const secret of FORBIDDEN[viewer]) if (body.includes(secret)) leaks.push(`${route} ${url}: "${secret}"`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }

  it("does show the own campus's liaison its secrets (the markers are where the test looks)", async () => {
    const cookie = world.cookies.LIAISON_OWN;
    const item = await (await call(LOADERS.get("items.$itemId._index")!, makeRequest(`/items/${world.publishedItem.id}`, { cookie }), { itemId: world.publishedItem.id })).text();
    for (const secret of [INTERNAL.evidenceUrl, INTERNAL.evidenceFile, INTERNAL.comment, INTERNAL.campusPicContact]) expect(item).toContain(secret);
    const draft = await (await call(LOADERS.get("items.$itemId._index")!, makeRequest(`/items/${world.draftItem.id}`, { cookie }), { itemId: world.draftItem.id })).text();
    for (const secret of [DRAFT.title, DRAFT.narrative, DRAFT.obstacle, DRAFT.milestone]) expect(draft).toContain(secret);
    const team = await (await call(LOADERS.get("teams.$teamId")!, makeRequest(`/teams/${world.team.id}`, { cookie }), { teamId: world.team.id })).text();
    expect(team).toContain(CONTACTS.memberEmail);
    const milestone = await (await call(LOADERS.get("milestones.$milestoneId")!, makeRequest(`/milestones/${world.milestone.id}`, { cookie }), { milestoneId: world.milestone.id })).text();
    expect(milestone).toContain(INTERNAL.milestoneEvidenceUrl);
    const agreement = await (await call(LOADERS.get("agreements.$agreementId")!, makeRequest(`/agreements/${world.pks.id}`, { cookie }), { agreementId: world.pks.id })).text();
    for (const secret of Object.values(AGREEMENT)) expect(agreement).toContain(secret);
  });

  it("shows the item's counterpart unit (Bappeda) its internals, never the draft", async () => {
    const cookie = world.cookies.UNIT_OWN;
    const item = await (await call(LOADERS.get("items.$itemId._index")!, makeRequest(`/items/${world.publishedItem.id}`, { cookie }), { itemId: world.publishedItem.id })).text();
    for (const secret of [INTERNAL.evidenceUrl, INTERNAL.evidenceFile, INTERNAL.comment, INTERNAL.campusPicContact]) expect(item).toContain(secret);
    const draft = await call(LOADERS.get("items.$itemId._index")!, makeRequest(`/items/${world.draftItem.id}`, { cookie }), { itemId: world.draftItem.id });
    expect(draft.status).toBe(404);
  });
});
