import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { todayInBanten } from "~/domain/dates";
import { can } from "~/domain/policy";
import { commentSchema, progressUpdateSchema, resolveObstacleSchema } from "~/domain/schemas/progress";
import { addComment, getItemAccess, postProgressUpdate, resolveObstacle } from "~/models/roadmap-item.server";
import { assertCan, assertCanSee, auditActor, forbidden, notFound, requireUser, toActor } from "./auth.server";
import { flashToast, type Toast } from "./session.server";
import { parseForm } from "./parse-form.server";
import { readForm } from "./uploads.server";

// The actions of the item page (/items/:itemId): post a progress update, resolve an obstacle, comment.

export type ItemActionData = {
  intent: string;
  result?: SubmissionResult<string[]>;
  filesDropped?: boolean;
  errors?: string[];
  obstacleId?: string | null;
};

async function done(request: Request, itemId: string, toast: Toast) {
  return redirect(`/items/${itemId}`, { headers: { "Set-Cookie": await flashToast(request, toast) } });
}

export async function itemPageAction({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const item = await getItemAccess(params.itemId ?? "");
  if (!item) throw notFound();
  assertCanSee(user, "item.read", item);
  const actor = toActor(user);
  // refuse before reading a possibly large body
  if (!(["update.create", "obstacle.manage", "comment.create"] as const).some((a) => can(actor, a, item))) throw forbidden();
  const { formData, tooLarge } = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const who = { ...auditActor(user, context), userId: user.id };

  if (intent === "post-update") {
    assertCan(user, "update.create", item);
    const submission = parseForm(formData, progressUpdateSchema(todayInBanten()));
    const filesChosen = formData.getAll("files").some((f) => typeof f === "object" && f.size > 0) || tooLarge;
    if (submission.status !== "success" || tooLarge) {
      const fieldErrors = tooLarge ? { files: ["evidence.tooLarge"] } : undefined;
      return json<ItemActionData>(
        { intent, result: submission.reply({ fieldErrors }), filesDropped: filesChosen },
        { status: 400 },
      );
    }
    const posted = await postProgressUpdate(who, item, submission.value);
    if ("correctsInvalid" in posted) {
      return json<ItemActionData>(
        { intent, result: submission.reply({ fieldErrors: { correctsId: ["progress.correctsInvalid"] } }), filesDropped: filesChosen },
        { status: 400 },
      );
    }
    return done(request, item.id, { type: "success", key: "progress.posted" });
  }

  if (intent === "resolve-obstacle") {
    assertCan(user, "obstacle.manage", item);
    const submission = parseForm(formData, resolveObstacleSchema);
    const obstacleId = String(formData.get("obstacleId") ?? "");
    if (submission.status !== "success") {
      return json<ItemActionData>({ intent, errors: submission.error?.resolution ?? ["form.required"], obstacleId }, { status: 400 });
    }
    const outcome = await resolveObstacle(who, item, submission.value.obstacleId, submission.value.resolution);
    if (outcome === "not-found") throw notFound();
    return done(request, item.id, outcome === "ok" ? { type: "success", key: "obstacle.resolved" } : { type: "info", key: "obstacle.alreadyResolved" });
  }

  if (intent === "comment") {
    assertCan(user, "comment.create", item);
    const submission = parseForm(formData, commentSchema);
    if (submission.status !== "success") {
      return json<ItemActionData>({ intent, errors: submission.error?.body ?? ["form.required"] }, { status: 400 });
    }
    await addComment(who, item, submission.value.body);
    return done(request, item.id, { type: "success", key: "comment.posted" });
  }

  throw new Response("Unknown intent", { status: 400 });
}

