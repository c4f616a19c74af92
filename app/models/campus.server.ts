import { prisma } from "~/utils/db.server";

export function listCampuses() {
  return prisma.campus.findMany({
    orderBy: { position: "asc" },
    select: { id: true, slug: true, name: true, abbreviation: true, type: true, city: true, website: true },
  });
}

export function getCampusBySlug(slug: string) {
  return prisma.campus.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, abbreviation: true, type: true, city: true, website: true },
  });
}

/** Where a user lands after signing in: a liaison's own campus workspace, else the dashboard. */
export async function landingPath(user: { role: string; campusIds: string[] }): Promise<string> {
  if (user.role === "LIAISON" && user.campusIds.length > 0) {
    const campus = await prisma.campus.findFirst({
      where: { id: { in: user.campusIds } },
      orderBy: { position: "asc" },
      select: { slug: true },
    });
    if (campus) return `/campuses/${campus.slug}`;
  }
  return "/dashboard";
}

/** The umbrella agreement and the implementing agreements of a campus. */
export async function agreementsForCampus(campusId: string) {
  return prisma.agreement.findMany({
    where: { OR: [{ signatories: { some: { campusId } } }, { campusId }] },
    orderBy: [{ kind: "asc" }, { signedOn: "asc" }],
    select: {
      id: true,
      kind: true,
      number: true,
      title: true,
      signedOn: true,
      place: true,
      validFrom: true,
      validUntil: true,
      governmentSignatory: true,
      campusRepresentative: true,
      parentId: true,
    },
  });
}
