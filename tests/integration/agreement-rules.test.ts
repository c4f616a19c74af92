// The agreement status rule of app/domain/agreement.ts, written three ways (predicate, Prisma where,
// SQL fragment), must pick the same agreements: a spread of agreements around every boundary
// (starting yesterday, today, tomorrow; ending yesterday, today, in 89–91 days; drafts; renewed ones)
// is queried on the real SQLite file and filtered in JavaScript, and the id sets must be equal.
import { beforeAll, describe, expect, it } from "vitest";
import { AGREEMENT_STATUSES, agreementStatus, agreementStatusSql, agreementStatusWhere, needsRenewal, needsRenewalWhere } from "~/domain/agreement";
import { addDays } from "~/domain/dates";
import { prisma, sqlOf } from "~/utils/db.server";

const TODAY = new Date(Date.UTC(2026, 10, 25));
let ids: string[] = [];

beforeAll(async () => {
  const mou = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" }, select: { id: true } });
  const starts = [-400, -1, 0, 1];
  const ends = [-1, 0, 1, 89, 90, 91, 400];
  let n = 0;
  for (const state of ["CONFIRMED", "DRAFT"]) {
    for (const start of starts) {
      for (const end of ends) {
        if (end < start) continue;
        const created = await prisma.agreement.create({
          data: { kind: "PKS", parentId: mou.id, title: `Aturan ${n++}`, state, validFrom: addDays(TODAY, start), validUntil: addDays(TODAY, end) },
          select: { id: true },
        });
        ids.push(created.id);
      }
    }
  }
  // a few renewed ones (superseded), expired and active alike
  const renewal = await prisma.agreement.create({ data: { kind: "PKS", parentId: mou.id, title: "Pembaruan", validFrom: TODAY, validUntil: addDays(TODAY, 800) }, select: { id: true } });
  ids.push(renewal.id);
  for (const [i, end] of [-30, 30, 300].entries()) {
    const old = await prisma.agreement.create({
      data: { kind: "PKS", parentId: mou.id, title: `Digantikan ${i}`, validFrom: addDays(TODAY, -500), validUntil: addDays(TODAY, end), supersededById: i === 0 ? renewal.id : null },
      select: { id: true },
    });
    ids.push(old.id);
  }
});

async function rows() {
  return prisma.agreement.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, supersededById: true, validFrom: true, validUntil: true } });
}

describe("agreement status: predicate, where and SQL agree", () => {
  for (const status of AGREEMENT_STATUSES) {
    it(status, async () => {
      const all = await rows();
      const byPredicate = all.filter((a) => agreementStatus(a, TODAY) === status).map((a) => a.id).sort();
      const byWhere = (await prisma.agreement.findMany({ where: { AND: [{ id: { in: ids } }, agreementStatusWhere(status, TODAY)] }, select: { id: true } })).map((a) => a.id).sort();
      const bySql = (
        await prisma.$queryRaw<{ id: string }[]>`SELECT a."id" FROM "Agreement" a WHERE ${sqlOf(agreementStatusSql(status, TODAY))}`
      )
        .map((a) => a.id)
        .filter((id) => ids.includes(id))
        .sort();
      expect(byWhere).toEqual(byPredicate);
      expect(bySql).toEqual(byPredicate);
      // the boundary spread reaches every status
      expect(byPredicate.length).toBeGreaterThan(0);
    });
  }

  it("every agreement has exactly one status, and 'needs renewal' is ending soon or expired", async () => {
    const all = await rows();
    for (const a of all) {
      const matches = AGREEMENT_STATUSES.filter((s) => agreementStatus(a, TODAY) === s);
      expect(matches).toHaveLength(1);
    }
    const byPredicate = all.filter((a) => needsRenewal(a, TODAY)).map((a) => a.id).sort();
    const byWhere = (await prisma.agreement.findMany({ where: { AND: [{ id: { in: ids } }, needsRenewalWhere(TODAY)] }, select: { id: true } })).map((a) => a.id).sort();
    expect(byWhere).toEqual(byPredicate);
  });
});
