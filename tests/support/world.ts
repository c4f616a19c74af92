// A small, known world for permission tests: one user per role, a liaison of "itb" (own campus)
// and one of "umt" (another campus), a focal point of Bappeda (the counterpart unit of the world's
// published item, owning one of its obstacles) and one of Dinkes, each with a live session cookie.
import fs from "node:fs";
import path from "node:path";
import { prisma } from "~/utils/db.server";
import { uploadsDir } from "~/utils/database-url.mjs";
import { hashToken, newToken } from "~/models/user.server";
import { createItem, createMember, createMilestone, createObstacle, createTeam, createUser } from "../../prisma/factories";
import { campusIds, cookieFor } from "./http";

export const WHO = ["ANONYMOUS", "ADMIN", "REVIEWER", "OBSERVER", "LIAISON_OWN", "LIAISON_OTHER", "UNIT_OWN", "UNIT_OTHER"] as const;
export type Who = (typeof WHO)[number];

export async function buildWorld() {
  const campuses = await campusIds();
  const own = campuses.itb!;
  const other = campuses.umt!;
  const area = await prisma.priorityArea.findFirstOrThrow({ where: { code: "employment" } });
  const ownUnit = await prisma.governmentUnit.findUniqueOrThrow({ where: { code: "bappeda" } });
  const otherUnit = await prisma.governmentUnit.findUniqueOrThrow({ where: { code: "dinkes" } });
  const users = {
    ADMIN: await createUser(prisma, { email: "admin@world.test", role: "ADMIN", name: "Admin" }),
    REVIEWER: await createUser(prisma, { email: "reviewer@world.test", role: "REVIEWER", name: "Reviewer" }),
    OBSERVER: await createUser(prisma, { email: "observer@world.test", role: "OBSERVER", name: "Observer" }),
    LIAISON_OWN: await createUser(prisma, { email: "liaison.itb@world.test", role: "LIAISON", name: "Liaison ITB", campusIds: [own] }),
    LIAISON_OTHER: await createUser(prisma, { email: "liaison.umt@world.test", role: "LIAISON", name: "Liaison UMT", campusIds: [other] }),
    UNIT_OWN: await createUser(prisma, { email: "unit.bappeda@world.test", role: "UNIT", name: "PIC Bappeda", unitIds: [ownUnit.id] }),
    UNIT_OTHER: await createUser(prisma, { email: "unit.dinkes@world.test", role: "UNIT", name: "PIC Dinkes", unitIds: [otherUnit.id] }),
  };
  // someone for administrators to manage
  const target = await createUser(prisma, { email: "target@world.test", role: "LIAISON", name: "Target", campusIds: [own] });
  const publishedItem = await createItem(prisma, { campusId: own, priorityAreaId: area.id, visibility: "PUBLISHED", title: "Published ITB item", governmentUnitId: ownUnit.id });
  // created long ago without any update: stale, so reminders have something to remind of
  await prisma.roadmapItem.update({ where: { id: publishedItem.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 5)) } });
  const draftItem = await createItem(prisma, { campusId: own, priorityAreaId: area.id, visibility: "DRAFT", title: "Draft ITB item" });
  const obstacle = await createObstacle(prisma, { itemId: publishedItem.id, description: "Data belum dibuka" });
  // the province's to clear: assigned to the item's counterpart unit
  const unitObstacle = await createObstacle(prisma, { itemId: publishedItem.id, description: "Data BPS belum diterima", ownerUnitId: ownUnit.id });
  const milestone = await createMilestone(prisma, { itemId: publishedItem.id, title: "Laporan antara", dueDate: new Date(Date.UTC(2026, 5, 30)) });
  // awaiting the governor's office's evaluation (on the draft, so the published item's list stays as it is)
  const submittedMilestone = await createMilestone(prisma, {
    itemId: draftItem.id,
    title: "Laporan pendahuluan",
    dueDate: new Date(Date.UTC(2026, 2, 31)),
    state: "SUBMITTED",
    submittedAt: new Date(Date.UTC(2026, 2, 20)),
    submittedById: users.LIAISON_OWN.id,
    selfAssessment: "Laporan pendahuluan selesai dan disetujui tim bersama.",
  });
  const team = await createTeam(prisma, { campusId: own, name: "Tim Bersama ITB" });
  const teamMember = await createMember(prisma, { teamId: team.id, name: "Anggota ITB", email: "anggota@itb.test", phone: "+62 22 250 0000" });
  // a live password reset link for the target (the token itself is only known here)
  const resetToken = newToken();
  await prisma.passwordReset.create({
    data: { userId: target.id, tokenHash: hashToken(resetToken), expiresAt: new Date(Date.now() + 48 * 3_600_000) },
  });
  // the agreement chain: the Kesepakatan Bersama (reference data), a confirmed PKS of the own
  // campus with a signed copy not marked public, and the own campus's proposal (a draft)
  const mou = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" }, select: { id: true } });
  const pks = await prisma.agreement.create({
    data: {
      kind: "PKS",
      parentId: mou.id,
      campusId: own,
      number: "045/PKS/BIRO-ADPIM/2026",
      campusNumber: "12/ITB/PKS/2026",
      title: "PKS Pemprov Banten – ITB",
      signedOn: new Date(Date.UTC(2026, 0, 5)),
      validFrom: new Date(Date.UTC(2026, 0, 5)),
      validUntil: new Date(Date.UTC(2028, 11, 31)),
      scopeResearch: true,
    },
    select: { id: true },
  });
  // the signed copy exists in the uploads folder, as an uploaded one would (no row points at nothing)
  const pksFile = path.join(uploadsDir(), "2026-01", "pks-itb.pdf");
  fs.mkdirSync(path.dirname(pksFile), { recursive: true });
  fs.writeFileSync(pksFile, "%PDF-1.4\n\n"); // 10 bytes, as the row says
  const pksDocument = await prisma.evidence.create({
    data: { kind: "FILE", fileName: "pks-itb-bertanda-tangan-rahasia.pdf", storagePath: "2026-01/pks-itb.pdf", mimeType: "application/pdf", sizeBytes: 10, agreementId: pks.id },
    select: { id: true },
  });
  const draftAgreement = await prisma.agreement.create({
    data: {
      kind: "IA",
      parentId: pks.id,
      campusId: own,
      state: "DRAFT",
      title: "USULAN IA RAHASIA ITB",
      validFrom: new Date(Date.UTC(2026, 2, 1)),
      validUntil: new Date(Date.UTC(2027, 1, 28)),
    },
    select: { id: true },
  });
  const cookies: Record<Who, string | null> = {
    ANONYMOUS: null,
    ADMIN: await cookieFor(users.ADMIN.email),
    REVIEWER: await cookieFor(users.REVIEWER.email),
    OBSERVER: await cookieFor(users.OBSERVER.email),
    LIAISON_OWN: await cookieFor(users.LIAISON_OWN.email),
    LIAISON_OTHER: await cookieFor(users.LIAISON_OTHER.email),
    UNIT_OWN: await cookieFor(users.UNIT_OWN.email),
    UNIT_OTHER: await cookieFor(users.UNIT_OTHER.email),
  };
  return { campuses, own, other, area, users, target, publishedItem, draftItem, obstacle, unitObstacle, ownUnit, otherUnit, milestone, submittedMilestone, team, teamMember, resetToken, mou, pks, pksDocument, draftAgreement, cookies };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
