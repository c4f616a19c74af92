import type { Author } from "~/domain/audit-actor";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { campusLiaisonIds, notifyUsers } from "./notification.server";

// A government unit's notes on the items it is the counterpart of: what it delivered or needs.
// They sit in the item's history beside the progress updates and never change its progress or status.

/** Posts the counterpart unit's note on an item; audited, and the campus's liaisons are told. */
export async function addGovernmentNote(
  actor: Author,
  item: { id: string; campusId: string; title: string; unitId: string },
  body: string,
) {
  return prisma.$transaction(async (tx) => {
    const note = await tx.governmentNote.create({
      data: { itemId: item.id, unitId: item.unitId, authorId: actor.userId, body },
      select: { id: true, unit: { select: { name: true, abbreviation: true } } },
    });
    await recordAudit(tx, actor, {
      action: "create",
      entity: "GovernmentNote",
      entityId: note.id,
      itemId: item.id,
      campusId: item.campusId,
      after: { unitId: item.unitId, body },
    });
    await notifyUsers(tx, await campusLiaisonIds(tx, item.campusId), {
      kind: "notify.governmentNote",
      params: { unit: note.unit.abbreviation ?? note.unit.name, item: item.title },
      link: `/items/${item.id}#note-${note.id}`,
      campusId: item.campusId,
    });
    return { id: note.id };
  });
}

/** The item's notes, newest first (the latest 100), as its page shows them. */
export function itemGovernmentNotes(itemId: string) {
  return prisma.governmentNote.findMany({
    where: { itemId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      unit: { select: { code: true, name: true, abbreviation: true } },
    },
  });
}
