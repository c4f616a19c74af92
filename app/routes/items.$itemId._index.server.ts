import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import { todayInBanten } from "~/domain/dates";
import { can } from "~/domain/policy";
import { commentSchema, progressUpdateSchema, resolveObstacleSchema } from "~/domain/schemas/progress";
import { addComment, getItemAccess, postProgressUpdate, resolveObstacle } from "~/models/roadmap-item.server";
import { assertCan, assertCanSee, authorOf, forbidden, notFound, requireUser, toPrincipal, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { redirectWithToast } from "~/utils/session.server";
import { readEvidenceForm, type EvidenceForm } from "~/utils/uploads.server";

// The actions of the item page (/items/:itemId): post a progress update, resolve an obstacle, comment.

const INTENTS = ["post-update", "resolve-obstacle", "comment"] as const;
/** what the intents need: a user allowed none of them is refused before the body is read */
const INTENT_ACTIONS = ["update.create", "obstacle.manage", "comment.create"] as const;

/** What a refused submission answers, for the form it came from. */
export type ItemActionData =
  | { intent: "post-update"; result: SubmissionResult<string[]>; filesDropped: boolean }
  | { intent: "resolve-obstacle"; result: SubmissionResult<string[]>; obstacleId: string }
  | { intent: "comment"; result: SubmissionResult<string[]> };

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
    if (!INTENT_ACTIONS.some((action) => can(principal, action, item))) throw forbidden();
    const upload = await readEvidenceForm(request);
    const intent = parseIntent(upload.formData, INTENTS);
    const ctx: Context = { request, user, author: authorOf(user, context), item };
    switch (intent) {
      case "post-update":
        return postUpdate(ctx, upload);
      case "resolve-obstacle":
        return resolve(ctx, upload.formData);
      case "comment":
        return comment(ctx, upload.formData);
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
  return redirectWithToast(request, `/items/${item.id}`, { type: "success", key: "progress.posted" });
}

async function resolve({ request, user, author, item }: Context, formData: FormData) {
  assertCan(user, "obstacle.manage", item);
  const submission = parseForm(formData, resolveObstacleSchema);
  if (submission.status !== "success") {
    return refused({ intent: "resolve-obstacle", result: submission.reply(), obstacleId: String(formData.get("obstacleId") ?? "") });
  }
  const outcome = await resolveObstacle(author, item, submission.value.obstacleId, submission.value.resolution);
  if (outcome === "not-found") throw notFound();
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
