// The agreement chain decided again inside the transaction that changes it: the state a request
// was checked against may have moved by the time it is written.
import { beforeAll, describe, expect, it } from "vitest";
import { updateAgreement } from "~/models/agreement.server";
import * as agreementPage from "~/routes/agreements.$agreementId";
import { prisma } from "~/utils/db.server";
import { call, jsonOf, makeRequest } from "../support/http";
import { buildWorld, type Who, type World } from "../support/world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const postPage = (id: string, who: Who, form: Record<string, string>) =>
  call(agreementPage.action, makeRequest(`/agreements/${id}`, { form, cookie: w.cookies[who] }), { agreementId: id });
const version = async (id: string) => String((await prisma.agreement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const formErrorsOf = async (response: Response) => (await jsonOf(response)).result.error[""] as string[];

/** A confirmed PKS of UMT (2026–2029) with an IA under it, confirmed or proposed. */
async function chain(ia: { state: "DRAFT" | "CONFIRMED"; validUntil?: string }) {
  const pks = await prisma.agreement.create({
    data: { kind: "PKS", parentId: w.mou.id, campusId: w.campuses.umt!, title: `PKS UMT ${Math.random()}`, validFrom: day("2026-02-01"), validUntil: day("2029-01-31") },
    select: { id: true },
  });
  const child = await prisma.agreement.create({
    data: { kind: "IA", parentId: pks.id, campusId: w.campuses.umt!, state: ia.state, title: `IA UMT ${Math.random()}`, validFrom: day("2026-03-01"), validUntil: day(ia.validUntil ?? "2027-02-28") },
    select: { id: true },
  });
  return { pks: pks.id, ia: child.id };
}

async function renewPks(pksId: string) {
  const renewed = await postPage(pksId, "REVIEWER", {
    intent: "renew",
    title: "PKS UMT (perpanjangan)",
    validFrom: "2026-02-01",
    validUntil: "2030-11-25",
    version: await version(pksId),
  });
  expect(renewed.status, await renewed.clone().text()).toBe(302);
  return renewed.headers.get("Location")!.split("/").pop()!;
}

describe("decided again inside the transaction", () => {
  it("confirming a proposal whose parent was renewed since is refused, naming the parent", async () => {
    const { pks, ia } = await chain({ state: "DRAFT" });
    await renewPks(pks);
    const response = await postPage(ia, "REVIEWER", { intent: "confirm", version: await version(ia) });
    expect(response.status).toBe(400);
    expect((await formErrorsOf(response))[0]).toMatch(/^agreements\.parentNotInForce\?parent=/);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: ia } })).state).toBe("DRAFT");
  });

  it("confirming a proposal that no longer fits in its parent's validity is refused", async () => {
    // proposed to run past its PKS (as a PKS shortened after the proposal leaves it)
    const { ia } = await chain({ state: "DRAFT", validUntil: "2029-12-31" });
    const response = await postPage(ia, "REVIEWER", { intent: "confirm", version: await version(ia) });
    expect(response.status).toBe(400);
    expect((await formErrorsOf(response))[0]).toMatch(/^agreements\.endsAfterParent/);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: ia } })).state).toBe("DRAFT");
  });

  it("renewing an IA whose PKS was renewed hangs the new IA under the PKS in force", async () => {
    const { pks, ia } = await chain({ state: "CONFIRMED" });
    const livePks = await renewPks(pks);
    const renewed = await postPage(ia, "REVIEWER", {
      intent: "renew",
      title: "IA UMT (perpanjangan)",
      validFrom: "2027-03-01",
      validUntil: "2030-01-31",
      version: await version(ia),
    });
    expect(renewed.status, await renewed.clone().text()).toBe(302);
    const newIa = renewed.headers.get("Location")!.split("/").pop()!;
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id: newIa }, select: { parentId: true, kind: true } })).toEqual({ parentId: livePks, kind: "IA" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: ia } })).supersededById).toBe(newIa);
  });

  it("a liaison's edit of their proposal confirmed in the meantime is refused in the transaction", async () => {
    const { ia } = await chain({ state: "DRAFT" });
    const liaison = { id: w.users.LIAISON_OWN.id, role: "LIAISON" as const, campusIds: [w.campuses.umt!] };
    // confirmed after the liaison's request was checked, before it is written
    await prisma.agreement.update({ where: { id: ia }, data: { state: "CONFIRMED" } });
    const actor = { userId: liaison.id, ip: "127.0.0.1" };
    const before = await prisma.agreement.findUniqueOrThrow({ where: { id: ia } });
    const saved = await updateAgreement(
      actor,
      ia,
      { title: "IA diubah penghubung", validFrom: day("2026-03-01"), validUntil: day("2027-02-28"), unitIds: [], version: before.version } as Parameters<typeof updateAgreement>[2],
      liaison,
    );
    expect(saved).toEqual({ ok: false, forbidden: true });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: ia } })).title).toBe(before.title);
  });
});
