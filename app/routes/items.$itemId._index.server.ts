import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import { todayInBanten } from "~/domain/dates";
import { can, type Resource } from "~/domain/policy";
import { assignObstacleSchema, governmentNoteSchema } from "~/domain/schemas/obstacle";
import { commentSchema, progressUpdateSchema, resolveObstacleSchema } from "~/domain/schemas/progress";
import { addGovernmentNote } from "~/models/government-note.server";
import { assignObstacle, getObstacleAccess, resolveObstacle, unitsOwningOpenObstacles } from "~/models/obstacle.server";
import { addComment, getItemAccess, postProgressUpdate } from "~/models/roadmap-item.server";
import { assertCan, assertCanSee, authorOf, forbidden, notFound, requireUser, toPrincipal, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { redirectWithToast } from "~/utils/session.server";
import { readEvidenceForm, type EvidenceForm } from "~/utils/uploads.server";

// The actions of the item page (/items/:itemId): post a progress update, hand an obstacle to its
// owner, resolve an obstacle, comment, and a government unit's note.

const INTENTS = ["post-update", "assign-obstacle", "resolve-obstacle", "comment", "government-note"] as const;
/** what the intents need: a user allowed none of them is refused before the body is read */
const INTENT_ACTIONS = ["update.create", "obstacle.assign", "obstacle.resolve", "comment.create", "unit.note.create"] as const;

/** What a refused submission answers, for the form it came from. */
export type ItemActionData =
  | { intent: "post-update"; result: SubmissionResult<string[]>; filesDropped: boolean }
  | { intent: "assign-obstacle"; result: SubmissionResult<string[]>; obstacleId: string }
  | { intent: "resolve-obstacle"; result: SubmissionResult<string[]>; obstacleId: string }
  | { intent: "comment"; result: SubmissionResult<string[]> }
  | { intent: "government-note"; result: SubmissionResult<string[]> };

type Item = NonNullable<Awaited<ReturnType<typeof getItemAccess>>>;
type Context = { request: Request; user: SessionUser; author: Author; item: Item };

const refused = (data: ItemActionData, status = 400) => json<ItemActionData>(data, { status });

export function itemPageAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const item = await getItemAccess(params.itemId ?? "");
    if (!item) throw notFound();
    assertCanSee(user, "item.read", item);
    const principal = toPrincipal(user);
    // the item as the policy sees it (its counterpart unit), and as each open obstacle of it owned by
    // one of the user's units is seen (resolving is decided on the obstacle's owning unit)
    const owning = await unitsOwningOpenObstacles(item.id, user.unitIds);
    const resources: Resource[] = [item, ...owning.map((unitId) => ({ ...item, unitId }))];
    if (!INTENT_ACTIONS.some((action) => resources.some((resource) => can(principal, action, resource)))) throw forbidden();
    const upload = await readEvidenceForm(request);
    const intent = parseIntent(upload.formData, INTENTS);
    const ctx: Context = { request, user, author: authorOf(user, context), item };
    switch (intent) {
      case "post-update":
        return postUpdate(ctx, upload);
      case "assign-obstacle":
        return assign(ctx, upload.formData);
      case "resolve-obstacle":
        return resolve(ctx, upload.formData);
      case "comment":
        return comment(ctx, upload.formData);
      case "government-note":
        return note(ctx, upload.formData);
    }
  });
}

async function postUpdate({ request, user, author, item }: Context, upload: EvidenceForm) {
  assertCan(user, "update.create", item);
  const submission = parseForm(upload.formData, progressUpdateSchema(todayInBanten()));
  const filesDropped = upload.filesChosen;
  if (submission.status !== "success" || upload.fileErrors) {
    return refused({ intent: "post-update", result: submission.reply({ fieldErrors: upload.fileErrors }), filesDropped });
  }
  const posted = await postProgressUpdate(author, item, submission.value);
  if ("correctsInvalid" in posted) {
    return refused({ intent: "post-update", result: submission.reply({ fieldErrors: { correctsId: ["progress.correctsInvalid"] } }), filesDropped });
  }
  if ("obstacleUnitInvalid" in posted) {
    return refused({ intent: "post-update", result: submission.reply({ fieldErrors: { obstacleUnitId: ["obstacle.unitInvalid"] } }), filesDropped });
  }
  return redirectWithToast(request, `/items/${item.id}`, { type: "success", key: "progress.posted" });
}

async function assign({ request, user, author, item }: Context, formData: FormData) {
  assertCan(user, "obstacle.assign", item);
  const submission = parseForm(formData, assignObstacleSchema);
  const obstacleId = String(formData.get("obstacleId") ?? "");
  if (submission.status !== "success") return refused({ intent: "assign-obstacle", result: submission.reply(), obstacleId });
  const outcome = await assignObstacle(author, item, submission.value);
  if (outcome === "not-found") throw notFound();
  if (outcome === "unit-invalid") {
    return refused({ intent: "assign-obstacle", result: submission.reply({ fieldErrors: { ownerUnitId: ["obstacle.unitInvalid"] } }), obstacleId });
  }
  return redirectWithToast(
    request,
    `/items/${item.id}#obstacle-${obstacleId}`,
    outcome === "ok" ? { type: "success", key: "obstacle.assigned" } : { type: "info", key: "obstacle.alreadyResolved" },
  );
}

async function resolve({ request, user, author, item }: Context, formData: FormData) {
  const obstacle = await getObstacleAccess(item.id, String(formData.get("obstacleId") ?? ""));
  if (!obstacle) throw notFound();
  // the owning unit's focal point, the campus's liaison or an administrator
  assertCan(user, "obstacle.resolve", { campusId: item.campusId, visibility: item.visibility, unitId: obstacle.ownerUnitId });
  const submission = parseForm(formData, resolveObstacleSchema);
  if (submission.status !== "success") {
    return refused({ intent: "resolve-obstacle", result: submission.reply(), obstacleId: obstacle.id });
  }
  const outcome = await resolveObstacle(author, toPrincipal(user), item, submission.value.obstacleId, submission.value.resolution);
  if (outcome === "not-found") throw notFound();
  if (outcome === "forbidden") throw forbidden();
  return redirectWithToast(
    request,
    `/items/${item.id}`,
    outcome === "ok" ? { type: "success", key: "obstacle.resolved" } : { type: "info", key: "obstacle.alreadyResolved" },
  );
}

async function comment({ request, user, author, item }: Context, formData: FormData) {
  assertCan(user, "comment.create", item);
  const submission = parseForm(formData, commentSchema);
  if (submission.status !== "success") return refused({ intent: "comment", result: submission.reply() });
  await addComment(author, item, submission.value.body);
  return redirectWithToast(request, `/items/${item.id}`, { type: "success", key: "comment.posted" });
}

async function note({ request, user, author, item }: Context, formData: FormData) {
  assertCan(user, "unit.note.create", item);
  // an administrator may post too; a note is always the counterpart unit's
  if (!item.unitId) throw forbidden();
  const submission = parseForm(formData, governmentNoteSchema);
  if (submission.status !== "success") return refused({ intent: "government-note", result: submission.reply() });
  await addGovernmentNote(author, { ...item, unitId: item.unitId }, submission.value.body);
  return redirectWithToast(request, `/items/${item.id}#item-history`, { type: "success", key: "governmentNote.posted" });
}
