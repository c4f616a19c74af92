// The demo's agreement chain: a PKS per campus under the Kesepakatan Bersama (which stays exactly
// as recorded from the release), IAs so that every status shows, and every record within the
// chain's rules (app/domain/agreement.ts).
import { describe, expect, it } from "vitest";
import { agreementStatus, checkAgreementChain, itemOutsideAgreement } from "~/domain/agreement";
import { prisma } from "~/utils/db.server";
import { AGREEMENT } from "../../prisma/reference-data";
import { seedDemo } from "../../prisma/seed-demo";

const TODAY = new Date("2026-11-25T00:00:00Z");

describe("demo agreements", () => {
  it("a PKS per campus, every status visible, the MOU untouched, every record within its chain", async () => {
    const mouBefore = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" } });
    expect(await seedDemo(prisma, { password: "kolaborasi2025", today: TODAY })).toBe(true);
    expect(await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" } })).toEqual(mouBefore);
    expect(mouBefore).toMatchObject({ title: AGREEMENT.title, place: AGREEMENT.place, number: null, campusNumber: null, state: "CONFIRMED" });

    const all = await prisma.agreement.findMany({
      include: { parent: { include: { signatories: true } }, roadmapItems: { select: { plannedStart: true, plannedEnd: true } } },
    });
    const pks = all.filter((a) => a.kind === "PKS");
    expect(new Set(pks.map((a) => a.campusId)).size).toBe(12);
    for (const a of all.filter((x) => x.kind !== "MOU")) {
      expect(a.title).toContain("(demo)");
      const parent = a.parent && { ...a.parent, signatoryCampusIds: a.parent.signatories.map((s) => s.campusId) };
      expect(checkAgreementChain(a, parent), a.title).toEqual([]);
      for (const item of a.roadmapItems) expect(itemOutsideAgreement(item, a)).toEqual([]);
    }
    const statuses = new Set(all.map((a) => agreementStatus(a, TODAY)));
    for (const status of ["ACTIVE", "ENDING_SOON", "EXPIRED", "DRAFT"]) expect(statuses).toContain(status);
    expect(all.some((a) => a.roadmapItems.length > 0 && a.kind === "PKS")).toBe(true);
  });
});
