// Factories for records, shared by the tests and the demo seed so both build data the same way.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@prisma/client";
import type { Role, UpdateStatus } from "../app/domain/enums";

type Db = Pick<
  PrismaClient,
  "user" | "jointTeam" | "teamMember" | "roadmapItem" | "progressUpdate" | "milestone" | "obstacle" | "campus" | "priorityArea" | "agreement"
>;

/** Deterministic pseudo-random numbers (mulberry32), so demo and test data are repeatable. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const hashes = new Map<string, string>();
function hashOnce(password: string): string {
  let hash = hashes.get(password);
  if (!hash) {
    hash = bcrypt.hashSync(password, 10);
    hashes.set(password, hash);
  }
  return hash;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(
  db: Db,
  input: { email?: string; name?: string; role?: Role; password?: string; campusIds?: string[]; unitIds?: string[]; active?: boolean } = {},
) {
  return db.user.create({
    data: {
      email: input.email ?? `user-${unique()}@test.local`,
      name: input.name ?? "Pengguna Uji",
      role: input.role ?? "OBSERVER",
      active: input.active ?? true,
      passwordHash: hashOnce(input.password ?? "kolaborasi2025"),
      campuses: input.campusIds?.length ? { create: input.campusIds.map((campusId) => ({ campusId })) } : undefined,
      units: input.unitIds?.length ? { create: input.unitIds.map((unitId) => ({ unitId })) } : undefined,
    },
  });
}

export async function createTeam(
  db: Db,
  input: { campusId: string | null; name?: string; decreeRef?: string; mandate?: string },
) {
  return db.jointTeam.create({
    data: {
      campusId: input.campusId,
      name: input.name ?? `Tim Bersama ${unique()}`,
      decreeRef: input.decreeRef ?? null,
      mandate: input.mandate ?? "Merancang perencanaan, pelaksanaan dan monitoring roadmap kolaborasi.",
    },
  });
}

export async function createMember(
  db: Db,
  input: {
    teamId: string;
    name?: string;
    side?: "CAMPUS" | "GOVERNMENT" | "INDUSTRY";
    role?: "KETUA" | "SEKRETARIS" | "ANGGOTA";
    position?: string;
    organization?: string;
    governmentUnitId?: string | null;
    email?: string | null;
    phone?: string | null;
  },
) {
  return db.teamMember.create({
    data: {
      teamId: input.teamId,
      name: input.name ?? "Anggota Tim",
      side: input.side ?? "CAMPUS",
      role: input.role ?? "ANGGOTA",
      position: input.position ?? null,
      organization: input.organization ?? null,
      governmentUnitId: input.governmentUnitId ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    },
  });
}

export async function createItem(
  db: Db,
  input: {
    campusId: string;
    priorityAreaId: string;
    title?: string;
    agreementId?: string | null;
    teamId?: string | null;
    governmentUnitId?: string | null;
    triDharma?: string;
    visibility?: "DRAFT" | "PUBLISHED";
    plannedStart?: Date;
    plannedEnd?: Date;
    createdById?: string | null;
    description?: string;
    targets?: string;
    budgetIdr?: number | null;
    industryPartners?: string | null;
  },
) {
  const visibility = input.visibility ?? "PUBLISHED";
  return db.roadmapItem.create({
    data: {
      campusId: input.campusId,
      priorityAreaId: input.priorityAreaId,
      agreementId: input.agreementId ?? null,
      teamId: input.teamId ?? null,
      governmentUnitId: input.governmentUnitId ?? null,
      triDharma: input.triDharma ?? "RESEARCH",
      title: input.title ?? `Program ${unique()}`,
      description: input.description ?? null,
      campusPicName: "Dr. Penanggung Jawab Kampus",
      govPicName: "Penanggung Jawab Pemprov",
      plannedStart: input.plannedStart ?? new Date(Date.UTC(2026, 0, 5)),
      plannedEnd: input.plannedEnd ?? new Date(Date.UTC(2026, 11, 18)),
      targets: input.targets ?? null,
      budgetIdr: input.budgetIdr ?? null,
      industryPartners: input.industryPartners ?? null,
      visibility,
      publishedAt: visibility === "PUBLISHED" ? new Date() : null,
      createdById: input.createdById ?? null,
    },
  });
}

/** Appends a progress update and makes it the item's current status, as the app does. */
export async function createUpdate(
  db: Db,
  input: {
    itemId: string;
    authorId: string;
    reportedOn: Date;
    progress: number;
    status: UpdateStatus;
    narrative?: string;
    achievements?: string | null;
    obstacles?: string | null;
    nextSteps?: string | null;
  },
) {
  const update = await db.progressUpdate.create({
    data: {
      itemId: input.itemId,
      authorId: input.authorId,
      reportedOn: input.reportedOn,
      progress: input.progress,
      status: input.status,
      narrative: input.narrative ?? "Kegiatan berjalan sesuai rencana.",
      achievements: input.achievements ?? null,
      obstacles: input.obstacles ?? null,
      nextSteps: input.nextSteps ?? null,
    },
  });
  const item = await db.roadmapItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { lastUpdateAt: true } });
  if (!item.lastUpdateAt || item.lastUpdateAt <= input.reportedOn) {
    await db.roadmapItem.update({
      where: { id: input.itemId },
      data: { status: input.status, progress: input.progress, lastUpdateAt: input.reportedOn },
    });
  }
  return update;
}

export async function createMilestone(
  db: Db,
  input: {
    itemId?: string | null;
    agreementId?: string | null;
    title?: string;
    dueDate: Date;
    state?: string;
    successCriteria?: string;
    submittedAt?: Date | null;
    submittedById?: string | null;
    submissionNote?: string | null;
    selfAssessment?: string | null;
    decision?: string | null;
    relevanceScore?: number | null;
    sustainabilityScore?: number | null;
    feedback?: string | null;
    reviewerId?: string | null;
    reviewedAt?: Date | null;
  },
) {
  return db.milestone.create({
    data: {
      itemId: input.itemId ?? null,
      agreementId: input.agreementId ?? null,
      title: input.title ?? `Tonggak ${unique()}`,
      dueDate: input.dueDate,
      state: input.state ?? "PENDING",
      successCriteria: input.successCriteria ?? "Dokumen hasil tersedia dan disetujui tim bersama.",
      submittedAt: input.submittedAt ?? null,
      submittedById: input.submittedById ?? null,
      submissionNote: input.submissionNote ?? null,
      selfAssessment: input.selfAssessment ?? null,
      decision: input.decision ?? null,
      relevanceScore: input.relevanceScore ?? null,
      sustainabilityScore: input.sustainabilityScore ?? null,
      feedback: input.feedback ?? null,
      reviewerId: input.reviewerId ?? null,
      reviewedAt: input.reviewedAt ?? null,
    },
  });
}

export async function createObstacle(
  db: Db,
  input: {
    itemId: string;
    description?: string;
    ownerName?: string | null;
    dueDate?: Date | null;
    resolved?: { resolution: string; resolvedAt: Date; resolvedById?: string | null };
    needsGovernorOffice?: boolean;
    raisedInId?: string | null;
    /** hand it to a government unit (ownerSide GOVERNMENT) */
    ownerUnitId?: string | null;
  },
) {
  return db.obstacle.create({
    data: {
      itemId: input.itemId,
      description: input.description ?? "Data pendukung belum tersedia.",
      ownerName: input.ownerName ?? null,
      dueDate: input.dueDate ?? null,
      needsGovernorOffice: input.needsGovernorOffice ?? false,
      raisedInId: input.raisedInId ?? null,
      ownerSide: input.ownerUnitId ? "GOVERNMENT" : "CAMPUS",
      ownerUnitId: input.ownerUnitId ?? null,
      assignedAt: input.ownerUnitId ? new Date() : null,
      status: input.resolved ? "RESOLVED" : "OPEN",
      resolution: input.resolved?.resolution ?? null,
      resolvedAt: input.resolved?.resolvedAt ?? null,
      resolvedById: input.resolved?.resolvedById ?? null,
    },
  });
}
