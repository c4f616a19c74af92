import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { canEvaluate, canSubmit } from "~/domain/milestone";
import { can } from "~/domain/policy";
import { evaluateMilestoneSchema, submitMilestoneSchema } from "~/domain/schemas/milestone";
import { evaluateMilestone, getMilestoneAccess, milestoneChangesSince, submitMilestone } from "~/models/milestone.server";
import { assertCan, assertCanSee, authorOf, forbidden, notFound, requireUser, toPrincipal, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { redirectWithToast } from "~/utils/session.server";
import { readEvidenceForm, type EvidenceForm } from "~/utils/uploads.server";

// The actions of a milestone's page (/milestones/:milestoneId): the campus submits it with its
// evidence, the governor's office evaluates it.

const INTENTS = ["submit", "evaluate"] as const;

/** The milestone, if the user may see its item (else 404, as for the item itself). */
export async function milestoneAccess(request: Request, milestoneId: string | undefined) {
  const user = await requireUser(request);
  const milestone = await getMilestoneAccess(milestoneId ?? "");
  if (!milestone) throw notFound();
  assertCanSee(user, "item.read", milestone);
  return { user, milestone };
}

/** What a refused submission or evaluation answers, for the form it came from. */
export type MilestoneActionData = {
  intent: (typeof INTENTS)[number];
  result: SubmissionResult<string[]>;
  filesDropped?: boolean;
  /** the milestone changed after the page was opened: what changed, and its current version */
  conflict?: RecordConflict;
};

type Milestone = NonNullable<Awaited<ReturnType<typeof getMilestoneAccess>>>;
type Context = { request: Request; user: SessionUser; author: Author; milestone: Milestone };

const refused = (data: MilestoneActionData, status = 400) => json<MilestoneActionData>(data, { status });

/** What others saved since the form was opened, and the version to send again from. */
async function conflictOf(milestoneId: string, current: { version: number }, startedAt: string | undefined): Promise<RecordConflict> {
  return { version: current.version, changes: await milestoneChangesSince(milestoneId, openedSince(startedAt)) };
}

export function milestoneAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const { user, milestone } = await milestoneAccess(request, params.milestoneId);
    const principal = toPrincipal(user);
    // refuse before reading a possibly large body
    if (!can(principal, "milestone.submit", milestone) && !can(principal, "milestone.evaluate", milestone)) throw forbidden();
    const upload = await readEvidenceForm(request);
    const intent = parseIntent(upload.formData, INTENTS);
    const ctx: Context = { request, user, author: authorOf(user, context), milestone };
    switch (intent) {
      case "submit":
        return submit(ctx, upload);
      case "evaluate":
        return evaluate(ctx, upload.formData);
    }
  });
}

async function submit({ request, user, author, milestone: m }: Context, upload: EvidenceForm) {
  assertCan(user, "milestone.submit", m);
  const submission = parseForm(upload.formData, submitMilestoneSchema);
  const filesDropped = upload.filesChosen;
  if (submission.status !== "success" || upload.fileErrors) {
    return refused({ intent: "submit", result: submission.reply({ fieldErrors: upload.fileErrors }), filesDropped });
  }
  const outcome = await submitMilestone(author, m, submission.value);
  if (!outcome.ok) {
    const reason = canSubmit(outcome.current.state) ? "milestone.conflict" : "milestone.notSubmittable";
    const conflict = await conflictOf(m.id, outcome.current, submission.value.startedAt);
    return refused({ intent: "submit", result: submission.reply({ formErrors: [reason] }), filesDropped, conflict }, 409);
  }
  return redirectWithToast(request, `/milestones/${m.id}`, { type: "success", key: "milestone.submitted" });
}

async function evaluate({ request, user, author, milestone: m }: Context, formData: FormData) {
  assertCan(user, "milestone.evaluate", m);
  const submission = parseForm(formData, evaluateMilestoneSchema);
  if (submission.status !== "success") return refused({ intent: "evaluate", result: submission.reply() });
  const outcome = await evaluateMilestone(author, m, submission.value);
  if (!outcome.ok) {
    const reason = canEvaluate(outcome.current.state) ? "milestone.conflict" : "milestone.notEvaluable";
    const conflict = await conflictOf(m.id, outcome.current, submission.value.startedAt);
    return refused({ intent: "evaluate", result: submission.reply({ formErrors: [reason] }), conflict }, 409);
  }
  return redirectWithToast(request, `/milestones/${m.id}`, { type: "success", key: "milestone.evaluated" });
}
