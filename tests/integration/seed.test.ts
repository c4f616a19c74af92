import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { MILESTONE_STATES } from "~/domain/enums";
import { seedDemo } from "../../prisma/seed-demo";
import { seedReference } from "../../prisma/seed-reference";

const SLUGS = [
  "itb", "unma", "umt", "uin-jakarta", "untara", "ukri", "iti",
  "yatsi-madani", "setia-budhi", "unwim", "iknus", "stisip-banten-raya",
];

describe("reference data", () => {
  it("has exactly the 12 signatory campuses, in the release's order, with their slugs", async () => {
    const campuses = await prisma.campus.findMany({ orderBy: { position: "asc" } });
    expect(campuses.map((c) => c.slug)).toEqual(SLUGS);
    const byslug = Object.fromEntries(campuses.map((c) => [c.slug, c]));
    expect(byslug.itb).toMatchObject({ name: "Institut Teknologi Bandung", abbreviation: "ITB", type: "INSTITUT" });
    expect(byslug.unma).toMatchObject({ name: "Universitas Mathla’ul Anwar", abbreviation: "UNMA" });
    expect(byslug["uin-jakarta"]!.name).toBe("Universitas Islam Negeri Syarif Hidayatullah Jakarta");
    expect(byslug["stisip-banten-raya"]).toMatchObject({ abbreviation: "STISIP Banten Raya", type: "SEKOLAH_TINGGI" });
    expect(byslug.iknus).toMatchObject({ name: "Institut Kemandirian Nusantara", abbreviation: "IKNUS" });
  });

  it("records ITT's rector as representative without making ITT a campus", async () => {
    expect(await prisma.campus.count({ where: { name: { contains: "Tangerang" }, abbreviation: "ITT" } })).toBe(0);
    expect(await prisma.campus.count({ where: { name: "Institut Teknologi Tangerang" } })).toBe(0);
    const mou = await prisma.agreement.findFirstOrThrow({
      where: { kind: "MOU" },
      include: { signatories: true },
    });
    expect(mou.campusRepresentative).toContain("Safiyansyah Jaya Putra");
    expect(mou.campusRepresentative).toContain("Institut Teknologi Tangerang (ITT)");
    expect(mou.signatories).toHaveLength(12);
    expect(mou.signedOn?.toISOString().slice(0, 10)).toBe("2025-11-26");
    expect(mou.place).toBe("Pendopo Gubernur Banten, KP3B, Kota Serang");
    expect(mou.governmentSignatory).toContain("Andra Soni");
    expect([mou.scopeResearch, mou.scopeDevelopment, mou.scopeCommunityService, mou.scopeEducation]).toEqual([true, true, true, true]);
  });

  it("has the BPJS Ketenagakerjaan coverage indicator: 46.03 % of 5.92 million, targets 50 % and 65 % (2030)", async () => {
    const indicator = await prisma.indicator.findUniqueOrThrow({
      where: { code: "bpjs-tk-coverage" },
      include: { targets: { orderBy: { year: "asc" } }, values: true, priorityAreas: true },
    });
    expect(indicator.baselineValue).toBe(46.03);
    expect(indicator.baselineYear).toBe(2025);
    expect(indicator.values[0]).toMatchObject({ value: 46.03, numerator: 2_730_000, denominator: 5_920_000 });
    expect(indicator.targets.map((t) => [t.year, t.value])).toEqual([[2026, 50], [2030, 65]]);
    expect(indicator.priorityAreas.map((a) => a.code)).toContain("employment");
  });

  it("has the nine priority areas named in the release", async () => {
    const codes = (await prisma.priorityArea.findMany({ orderBy: { position: "asc" } })).map((a) => a.code);
    expect(codes).toEqual([
      "governance", "social", "health", "education", "environment",
      "regional-economy", "infrastructure", "human-resources", "employment",
    ]);
  });

  it("is loaded only once: seeding again changes nothing", async () => {
    expect(await seedReference(prisma)).toBe(false);
    expect(await prisma.campus.count()).toBe(12);
  });
});

describe("demo data", () => {
  it("creates the demo accounts, 5–15 items per campus, and milestones in every state", async () => {
    expect(await seedDemo(prisma, { password: "kolaborasi2025", today: new Date("2026-11-25T00:00:00Z") })).toBe(true);
    const emails = (await prisma.user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(["admin@demo.test", "reviewer@demo.test", "observer@demo.test"]));
    for (const slug of SLUGS) expect(emails).toContain(`liaison.${slug}@demo.test`);

    const perCampus = await prisma.roadmapItem.groupBy({ by: ["campusId"], _count: { _all: true } });
    expect(perCampus).toHaveLength(12);
    for (const row of perCampus) {
      expect(row._count._all).toBeGreaterThanOrEqual(5);
      expect(row._count._all).toBeLessThanOrEqual(15);
    }
    const states = (await prisma.milestone.groupBy({ by: ["state"] })).map((s) => s.state).sort();
    expect(states).toEqual([...MILESTONE_STATES].sort());
    expect(await prisma.obstacle.count({ where: { status: "OPEN" } })).toBeGreaterThan(0);
    expect(await prisma.progressUpdate.count()).toBeGreaterThan(50);
    // a second run on a database with users does nothing
    expect(await seedDemo(prisma, { password: "x" })).toBe(false);
  });
});
