import type { PrismaClient } from "@prisma/client";
import { AGREEMENT, CAMPUSES, GOVERNMENT_UNITS, INDICATORS, PRIORITY_AREAS } from "./reference-data";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Loads the reference data of the signed agreement. Runs only on a database without campuses. */
export async function seedReference(db: PrismaClient): Promise<boolean> {
  if ((await db.campus.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    const campuses = [];
    for (const [position, campus] of CAMPUSES.entries()) {
      campuses.push(await tx.campus.create({ data: { ...campus, position } }));
    }
    for (const unit of GOVERNMENT_UNITS) await tx.governmentUnit.create({ data: unit });
    const areas = new Map<string, string>();
    for (const [position, area] of PRIORITY_AREAS.entries()) {
      const created = await tx.priorityArea.create({ data: { ...area, position } });
      areas.set(area.code, created.id);
    }
    await tx.agreement.create({
      data: {
        kind: AGREEMENT.kind,
        title: AGREEMENT.title,
        signedOn: day(AGREEMENT.signedOn),
        place: AGREEMENT.place,
        validFrom: day(AGREEMENT.validFrom),
        validUntil: day(AGREEMENT.validUntil),
        governmentSignatory: AGREEMENT.governmentSignatory,
        campusRepresentative: AGREEMENT.campusRepresentative,
        scopeResearch: AGREEMENT.scope.research,
        scopeDevelopment: AGREEMENT.scope.development,
        scopeCommunityService: AGREEMENT.scope.communityService,
        scopeEducation: AGREEMENT.scope.education,
        documentRef: AGREEMENT.documentRef,
        summary: AGREEMENT.summary,
        signatories: { create: campuses.map((c, position) => ({ campusId: c.id, position })) },
      },
    });
    for (const indicator of INDICATORS) {
      await tx.indicator.create({
        data: {
          code: indicator.code,
          nameId: indicator.nameId,
          nameEn: indicator.nameEn,
          unit: indicator.unit,
          description: indicator.description,
          baselineYear: indicator.baselineYear,
          baselineValue: indicator.baselineValue,
          direction: indicator.direction,
          source: indicator.source,
          priorityAreas: { connect: indicator.priorityAreas.map((code) => ({ id: areas.get(code)! })) },
          targets: { create: indicator.targets.map((t) => ({ year: t.year, value: t.value, note: t.note })) },
          values: {
            create: indicator.values.map((v) => ({
              year: v.year,
              observedOn: day(v.observedOn),
              value: v.value,
              numerator: v.numerator,
              denominator: v.denominator,
              source: indicator.source,
            })),
          },
        },
      });
    }
  });
  return true;
}
