import type { Prisma } from "@prisma/client";
import { parseLinks } from "~/domain/evidence";
import { SUBMITTABLE_STATES, EVALUABLE_STATES } from "~/domain/milestone";
import { draftScope, type Principal } from "~/domain/policy";
import type { EvaluateMilestoneInput, NewMilestoneInput, SubmitMilestoneInput } from "~/domain/schemas/milestone";
import { overdueMilestoneWhere, publishedItemWhere } from "~/domain/status";
import { prisma } from "~/utils/db.server";
import { removeStoredFile, storeFile } from "~/utils/uploads.server";
import type { Author } from "~/domain/audit-actor";
import { recordAudit } from "./audit.server";
import { changesSince } from "./conflict.server";
import { activeUserIdsWithRoles, campusLiaisonIds, notifyUsers } from "./notification.server";
import { visibleItemsWhere } from "./roadmap-item.server";


// ---------- defining ----------

export async function createMilestone(who: Author, item: { id: string; campusId: string }, input: NewMilestoneInput) {
  return prisma.$transaction(async (tx) => {
    const data = {
      title: input.title,
      dueDate: input.dueDate,
      successCriteria: input.successCriteria,
      description: input.description ?? null,
    };
    const milestone = await tx.milestone.create({ data: { ...data, itemId: item.id }, select: { id: true } });
    await recordAudit(tx, who, {
      action: "create",
      entity: "Milestone",
      entityId: milestone.id,
      itemId: item.id,
      campusId: item.campusId,
      after: { ...data, state: "PENDING" },
    });
    return milestone;
  });
}

// ---------- reading ----------

/** What the policy needs to decide about a milestone: the campus and visibility of its item. */
export async function getMilestoneAccess(milestoneId: string) {
  const m = await prisma.milestone.findUnique({
    where: { id: milestoneId },
    select: {
      id: true,
      title: true,
      state: true,
      version: true,
      item: { select: { id: true, title: true, campusId: true, visibility: true, governmentUnitId: true, campus: { select: { name: true } } } },
      agreement: { select: { campusId: true, campus: { select: { name: true } } } },
    },
  });
  if (!m) return null;
  return {
    id: m.id,
    title: m.title,
    state: m.state,
    version: m.version,
    itemId: m.item?.id ?? null,
    itemTitle: m.item?.title ?? null,
    campusId: m.item?.campusId ?? m.agreement?.campusId ?? null,
    campusName: m.item?.campus.name ?? m.agreement?.campus?.name ?? null,
    // a milestone of the agreement itself is as public as the agreement
    visibility: m.item?.visibility ?? "PUBLISHED",
    // the item's counterpart unit, whose focal points read the item's internals
    unitId: m.item?.governmentUnitId ?? null,
  };
}
export type MilestoneAccess = NonNullable<Awaited<ReturnType<typeof getMilestoneAccess>>>;

export const EVIDENCE_SHOWN = 100;

export async function getMilestonePage(milestoneId: string) {
  const m = await prisma.milestone.findUnique({
    where: { id: milestoneId },
    select: {
      id: true,
      title: true,
      description: true,
      dueDate: true,
      successCriteria: true,
      state: true,
      version: true,
      submittedAt: true,
      submittedById: true,
      submissionNote: true,
      selfAssessment: true,
      decision: true,
      relevanceScore: true,
      sustainabilityScore: true,
      feedback: true,
      reviewedAt: true,
      reviewer: { select: { name: true } },
      item: { select: { id: true, title: true, campus: { select: { slug: true, name: true } } } },
      agreement: { select: { id: true, title: true } },
      evidence: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: EVIDENCE_SHOWN,
        select: { id: true, kind: true, url: true, fileName: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  if (!m) return null;
  const submitter = m.submittedById
    ? await prisma.user.findUnique({ where: { id: m.submittedById }, select: { name: true } })
    : null;
  const { submittedById: _s, ...rest } = m;
  return { ...rest, submittedBy: submitter?.name ?? null };
}

export type MilestoneRound = {
  id: string;
  at: Date;
  by: string | null;
  kind: "submitted" | "evaluated";
  state: string | null;
  decision: string | null;
  relevanceScore: number | null;
  sustainabilityScore: number | null;
  feedback: string | null;
  selfAssessment: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
function int(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/**
 * Every submission and evaluation of a milestone, newest first, read from its audit events: the
 * milestone row holds the current round only, so earlier feedback stays readable here.
 */
export async function milestoneRounds(milestoneId: string, take = 50): Promise<MilestoneRound[]> {
  const events = await prisma.auditEvent.findMany({
    where: { entity: "Milestone", entityId: milestoneId, action: "state" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((e) => {
    let after: Record<string, unknown> = {};
    try {
      after = e.after ? (JSON.parse(e.after) as Record<string, unknown>) : {};
    } catch {
      // an unreadable event still shows who acted and when
    }
    const state = text(after.state);
    return {
      id: e.id,
      at: e.createdAt,
      by: e.actor?.name ?? null,
      kind: state === "SUBMITTED" ? "submitted" : "evaluated",
      state,
      decision: text(after.decision),
      relevanceScore: int(after.relevanceScore),
      sustainabilityScore: int(after.sustainabilityScore),
      feedback: text(after.feedback),
      selfAssessment: text(after.selfAssessment),
    };
  });
}

// ---------- submitting and evaluating ----------

export type MilestoneChangeResult = { ok: true } | { ok: false; current: { state: string; version: number } };

class Conflict extends Error {
  constructor(readonly current: { state: string; version: number }) {
    super("milestone changed");
  }
}

async function currentOf(milestoneId: string) {
  return prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: { state: true, version: true } });
}

const EVALUATION_CLEARED = {
  decision: null,
  relevanceScore: null,
  sustainabilityScore: null,
  feedback: null,
  reviewerId: null,
  reviewedAt: null,
};

/**
 * The campus submits (or, after a return, resubmits) the milestone it saw at `input.version`.
 * Refused without writing anything when the milestone changed or may not be submitted. The
 * previous evaluation is cleared from the row; its audit event keeps it (see milestoneRounds).
 */
export async function submitMilestone(who: Author, m: MilestoneAccess, input: SubmitMilestoneInput): Promise<MilestoneChangeResult> {
  const seen = await currentOf(m.id);
  const allowed = (SUBMITTABLE_STATES as readonly string[]).includes(seen.state);
  if (!allowed || seen.version !== input.version) return { ok: false, current: seen };
  // files are written before the transaction and removed again if it does not go through
  const stored = await Promise.all(input.files.map((f) => storeFile(f)));
  const { links } = parseLinks(input.links);
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.milestone.findUniqueOrThrow({
        where: { id: m.id },
        select: { state: true, version: true, decision: true, feedback: true, relevanceScore: true, sustainabilityScore: true },
      });
      const now = new Date();
      const { count } = await tx.milestone.updateMany({
        where: { id: m.id, version: input.version, state: { in: [...SUBMITTABLE_STATES] } },
        data: {
          state: "SUBMITTED",
          submittedAt: now,
          submittedById: who.userId,
          submissionNote: input.submissionNote ?? null,
          selfAssessment: input.selfAssessment,
          ...EVALUATION_CLEARED,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw new Conflict({ state: before.state, version: before.version });
      if (links.length + stored.length) {
        await tx.evidence.createMany({
          data: [
            ...links.map((url) => ({ kind: "LINK", url, milestoneId: m.id, uploadedById: who.userId })),
            ...stored.map((s) => ({ kind: "FILE", ...s, milestoneId: m.id, uploadedById: who.userId })),
          ],
        });
      }
      const recipients = (await activeUserIdsWithRoles(tx, ["ADMIN", "REVIEWER"])).filter((id) => id !== who.userId);
      await notifyUsers(tx, recipients, {
        kind: "notify.milestoneSubmitted",
        params: { milestone: m.title, item: m.itemTitle ?? "–", campus: m.campusName ?? "–" },
        link: `/milestones/${m.id}`,
        campusId: m.campusId,
      });
      const { version: _v, ...previous } = before;
      await recordAudit(tx, who, {
        action: "state",
        entity: "Milestone",
        entityId: m.id,
        itemId: m.itemId,
        campusId: m.campusId,
        before: previous,
        after: {
          state: "SUBMITTED",
          decision: null,
          feedback: null,
          relevanceScore: null,
          sustainabilityScore: null,
          selfAssessment: input.selfAssessment,
          submissionNote: input.submissionNote ?? null,
          evidence: links.length + stored.length,
        },
      });
    });
    return { ok: true };
  } catch (error) {
    await Promise.all(stored.map((s) => removeStoredFile(s.storagePath)));
    if (error instanceof Conflict) return { ok: false, current: error.current };
    throw error;
  }
}

/** A reviewer evaluates the submitted milestone they saw at `input.version`. */
export async function evaluateMilestone(who: Author, m: MilestoneAccess, input: EvaluateMilestoneInput): Promise<MilestoneChangeResult> {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.milestone.findUniqueOrThrow({ where: { id: m.id }, select: { state: true, version: true } });
      const data = {
        state: input.decision,
        decision: input.decision,
        relevanceScore: input.relevanceScore ?? null,
        sustainabilityScore: input.sustainabilityScore ?? null,
        feedback: input.feedback ?? null,
      };
      const { count } = await tx.milestone.updateMany({
        where: { id: m.id, version: input.version, state: { in: [...EVALUABLE_STATES] } },
        data: { ...data, reviewerId: who.userId, reviewedAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw new Conflict(before);
      if (m.campusId) {
        const liaisons = (await campusLiaisonIds(tx, m.campusId)).filter((id) => id !== who.userId);
        await notifyUsers(tx, liaisons, {
          kind: "notify.milestoneEvaluated",
          // the decision is a dictionary key, translated when the notification is shown
          params: { milestone: m.title, item: m.itemTitle ?? "–", decision: `milestone.state.${input.decision}` },
          link: `/milestones/${m.id}`,
          campusId: m.campusId,
        });
      }
      await recordAudit(tx, who, {
        action: "state",
        entity: "Milestone",
        entityId: m.id,
        itemId: m.itemId,
        campusId: m.campusId,
        before: { state: before.state },
        after: data,
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, current: error.current };
    throw error;
  }
}

/** Submissions and evaluations saved after `since` (listed when a submission or evaluation is refused). */
export function milestoneChangesSince(milestoneId: string, since: Date) {
  return changesSince([{ entity: "Milestone", entityIds: [milestoneId], actions: ["state", "update"] }], since);
}

// ---------- the review queue ----------

export const REVIEW_PAGE = 50;

const QUEUE_SELECT = {
  id: true,
  title: true,
  state: true,
  dueDate: true,
  submittedAt: true,
  reviewedAt: true,
  feedback: true,
  item: { select: { id: true, title: true, campus: { select: { slug: true, name: true } } } },
  agreement: { select: { title: true, campus: { select: { slug: true, name: true } } } },
} satisfies Prisma.MilestoneSelect;

function queueScope(actor: Principal): Prisma.MilestoneWhereInput {
  if (draftScope(actor) === "ALL") return {};
  return { OR: [{ itemId: null }, { item: visibleItemsWhere(actor) }] };
}

/**
 * The reviewer's decision queue: submitted milestones (oldest submission first) and returned
 * ones awaiting rework (returned longest ago first), a page of each, with the counts.
 *
 * The overdue count covers every milestone the reviewer may see, drafts' and the agreement's own
 * included; `overdue` splits it so the page can say so: `published` is the dashboard's figure.
 */
export async function reviewQueue(actor: Principal, pages: { submitted: number; returned: number }, today: Date) {
  const scope = queueScope(actor);
  const submittedWhere = { AND: [scope, { state: "SUBMITTED" }] };
  const returnedWhere = { AND: [scope, { state: "RETURNED" }] };
  const overdueWhere = { AND: [scope, overdueMilestoneWhere(today)] };
  const [submittedCount, returnedCount, overdueCount, overduePublished, overdueAgreement, submitted, returned] = await Promise.all([
    prisma.milestone.count({ where: submittedWhere }),
    prisma.milestone.count({ where: returnedWhere }),
    prisma.milestone.count({ where: overdueWhere }),
    prisma.milestone.count({ where: { AND: [overdueWhere, { item: publishedItemWhere() }] } }),
    prisma.milestone.count({ where: { AND: [overdueWhere, { itemId: null }] } }),
    prisma.milestone.findMany({
      where: submittedWhere,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (pages.submitted - 1) * REVIEW_PAGE,
      take: REVIEW_PAGE,
      select: QUEUE_SELECT,
    }),
    prisma.milestone.findMany({
      where: returnedWhere,
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      skip: (pages.returned - 1) * REVIEW_PAGE,
      take: REVIEW_PAGE,
      select: QUEUE_SELECT,
    }),
  ]);
  return {
    counts: { submitted: submittedCount, returned: returnedCount, overdue: overdueCount },
    overdue: {
      published: overduePublished,
      agreement: overdueAgreement,
      drafts: overdueCount - overduePublished - overdueAgreement,
    },
    submitted,
    returned,
  };
}
