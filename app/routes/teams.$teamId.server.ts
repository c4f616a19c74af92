import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { AuditActor } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { addMemberSchema, removeMemberSchema, updateMemberSchema, updateTeamSchema } from "~/domain/schemas/team";
import * as teams from "~/models/team.server";
import { assertCan, authorOf, notFound, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast, type Toast } from "~/utils/session.server";

// The actions of a joint team's page (/teams/:teamId): edit the team, add, edit and remove members.

const INTENTS = ["update-team", "add-member", "update-member", "remove-member"] as const;
type Intent = (typeof INTENTS)[number];

/** What a refused change answers, for the form it came from (a member's forms by its id). */
export type TeamActionData = {
  intent: Intent;
  memberId: string | null;
  result: SubmissionResult<string[]> | null;
  /** the save was refused: someone changed the record after the page was opened */
  conflict: RecordConflict | null;
  /** the member the form was about has been removed from the team meanwhile */
  gone: { name: string | null } | null;
};

type Team = NonNullable<Awaited<ReturnType<typeof teams.getTeamScope>>>;
type Context = { request: Request; team: Team; actor: AuditActor; formData: FormData };

const refused = (status: number, data: Pick<TeamActionData, "intent"> & Partial<TeamActionData>) =>
  json<TeamActionData>({ memberId: null, result: null, conflict: null, gone: null, ...data }, { status });

const done = (ctx: Context, toast: Toast) => redirectWithToast(ctx.request, `/teams/${ctx.team.id}`, toast);

export function teamAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const team = await teams.getTeamScope(params.teamId ?? "");
    if (!team) throw notFound();
    assertCan(user, "team.manage", { campusId: team.campusId });
    const formData = await readFormData(request);
    const intent = parseIntent(formData, INTENTS);
    const ctx: Context = { request, team, actor: authorOf(user, context), formData };
    switch (intent) {
      case "update-team":
        return updateTeam(ctx);
      case "add-member":
        return addMember(ctx);
      case "update-member":
        return updateMember(ctx);
      case "remove-member":
        return removeMember(ctx);
    }
  });
}

async function updateTeam(ctx: Context) {
  const intent = "update-team";
  const submission = parseForm(ctx.formData, updateTeamSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply() });
  const saved = await teams.updateTeam(ctx.team, submission.value, ctx.actor);
  if (!saved.ok) {
    const changes = await teams.teamChangesSince(ctx.team.id, openedSince(submission.value.startedAt));
    return refused(409, { intent, result: submission.reply(), conflict: { version: saved.version, changes } });
  }
  return done(ctx, { type: "success", key: "teams.updated" });
}

async function addMember(ctx: Context) {
  const intent = "add-member";
  const submission = parseForm(ctx.formData, addMemberSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply() });
  const added = await teams.addMember(ctx.team, submission.value, ctx.actor);
  if (!added.ok) return refused(400, { intent, result: submission.reply({ fieldErrors: { [added.field]: [added.message] } }) });
  return done(ctx, { type: "success", key: "teams.memberAdded", params: { name: added.member.name } });
}

async function updateMember(ctx: Context) {
  const intent = "update-member";
  const memberId = await memberOfTeam(ctx);
  const submission = parseForm(ctx.formData, updateMemberSchema);
  if (memberId.removed) return memberConflict(ctx, intent, memberId.id, submission.reply(), { ok: false, reason: "removed" });
  if (submission.status !== "success") return refused(400, { intent, memberId: memberId.id, result: submission.reply() });
  const saved = await teams.updateMember(ctx.team, memberId.id, submission.value, ctx.actor);
  if (!saved.ok && "reason" in saved) return memberConflict(ctx, intent, memberId.id, submission.reply(), saved);
  if (!saved.ok) {
    return refused(400, { intent, memberId: memberId.id, result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) });
  }
  return done(ctx, { type: "success", key: "teams.memberUpdated", params: { name: saved.member.name } });
}

async function removeMember(ctx: Context) {
  const intent = "remove-member";
  const memberId = await memberOfTeam(ctx);
  if (memberId.removed) return memberConflict(ctx, intent, memberId.id, null, { ok: false, reason: "removed" });
  const submission = parseForm(ctx.formData, removeMemberSchema);
  if (submission.status !== "success") return refused(400, { intent, memberId: memberId.id, result: submission.reply() });
  const removed = await teams.removeMember(ctx.team, submission.value.memberId, submission.value.version, ctx.actor);
  if (!removed.ok) return memberConflict(ctx, intent, submission.value.memberId, null, removed);
  return done(ctx, { type: "success", key: "teams.memberRemoved", params: { name: removed.name } });
}

/**
 * The member a form is about: it must name a member of this very team (or one removed from it),
 * whatever else the form says; any other id is a 404.
 */
async function memberOfTeam(ctx: Context): Promise<{ id: string; removed: boolean }> {
  const raw = ctx.formData.get("memberId");
  const id = typeof raw === "string" ? raw : null;
  const state = id ? await teams.memberState(ctx.team.id, id) : "unknown";
  if (!id || state === "unknown") throw notFound();
  return { id, removed: state === "removed" };
}

/** 409: the member changed (or left the team) after the page was opened; the input is kept. */
async function memberConflict(
  ctx: Context,
  intent: Intent,
  memberId: string,
  result: SubmissionResult<string[]> | null,
  outcome: teams.Gone | teams.Stale,
) {
  const changes = await teams.memberChangesSince(memberId, openedSince(String(ctx.formData.get("startedAt") ?? "")));
  if (outcome.reason === "removed") {
    const gone = { name: await teams.removedMemberName(ctx.team.id, memberId) };
    return refused(409, { intent, memberId, result, conflict: { version: null, changes }, gone });
  }
  return refused(409, { intent, memberId, result, conflict: { version: outcome.version, changes } });
}
