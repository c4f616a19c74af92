import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { AuditActor } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { todayInBanten } from "~/domain/dates";
import { can } from "~/domain/policy";
import { linkItemSchema, recordValueSchema } from "~/domain/schemas/indicator";
import { getIndicatorRef, indicatorChangesSince, linkItem, recordIndicatorValue, unlinkItem } from "~/models/indicator.server";
import { getItemAccess } from "~/models/roadmap-item.server";
import { assertCan, authorOf, notFound, requireUser, toPrincipal, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast, type Toast } from "~/utils/session.server";

// The actions of an indicator's page (/indicators/:id): record an actual value, link or unlink a
// roadmap item. Each carries the indicator's version; a change made from an older one is refused.

const INTENTS = ["record-value", "link-item", "unlink-item"] as const;
type Intent = (typeof INTENTS)[number];

/** What a refused change answers, for the form it came from. */
export type IndicatorActionData = {
  intent: Intent;
  result: SubmissionResult<string[]>;
  /** the indicator changed after the page was opened: nothing was written */
  conflict?: RecordConflict;
  /** the item an unlink was refused for */
  itemId?: string;
};

type Indicator = NonNullable<Awaited<ReturnType<typeof getIndicatorRef>>>;
type Context = { request: Request; user: SessionUser; actor: AuditActor; indicator: Indicator; formData: FormData };

const refused = (data: IndicatorActionData, status = 400) => json<IndicatorActionData>(data, { status });

const done = (ctx: Context, toast: Toast) => redirectWithToast(ctx.request, `/indicators/${ctx.indicator.id}`, toast);

/** 409: what changed since the page was opened; the reply keeps what the user typed. */
async function conflictOf(ctx: Context, current: { version: number }, startedAt: string | undefined): Promise<RecordConflict> {
  return { version: current.version, changes: await indicatorChangesSince(ctx.indicator.id, openedSince(startedAt)) };
}

export function indicatorAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const indicator = await getIndicatorRef(params.id ?? "");
    if (!indicator) throw notFound();
    // linking is a claim about the province's indicator: the governor's office makes it (policy)
    assertCan(user, "indicator.record");
    const formData = await readFormData(request);
    const intent = parseIntent(formData, INTENTS);
    const ctx: Context = { request, user, actor: authorOf(user, context), indicator, formData };
    switch (intent) {
      case "record-value":
        return recordValue(ctx);
      case "link-item":
      case "unlink-item":
        return changeLink(ctx, intent);
    }
  });
}

async function recordValue(ctx: Context) {
  const intent = "record-value";
  const submission = parseForm(ctx.formData, recordValueSchema(todayInBanten()));
  if (submission.status !== "success") return refused({ intent, result: submission.reply() });
  const saved = await recordIndicatorValue(ctx.actor, ctx.indicator.id, submission.value);
  if (!saved.ok) return refused({ intent, result: submission.reply(), conflict: await conflictOf(ctx, saved, submission.value.startedAt) }, 409);
  return done(ctx, { type: "success", key: "indicator.recorded" });
}

async function changeLink(ctx: Context, intent: "link-item" | "unlink-item") {
  const submission = parseForm(ctx.formData, linkItemSchema);
  if (submission.status !== "success") return refused({ intent, result: submission.reply() });
  const item = await getItemAccess(submission.value.itemId);
  // an item the user may not see is answered like one that does not exist
  if (!item || !can(toPrincipal(ctx.user), "item.read", item)) {
    return refused({ intent, result: submission.reply({ fieldErrors: { itemId: ["form.invalidChoice"] } }) });
  }
  const { startedAt } = submission.value;
  if (intent === "link-item") {
    const outcome = await linkItem(ctx.actor, ctx.indicator.id, item, submission.value);
    if (typeof outcome === "object") return refused({ intent, result: submission.reply(), conflict: await conflictOf(ctx, outcome, startedAt) }, 409);
    return done(ctx, outcome === "linked" ? { type: "success", key: "indicator.linked" } : { type: "info", key: "indicator.alreadyLinked" });
  }
  const outcome = await unlinkItem(ctx.actor, ctx.indicator.id, item, submission.value);
  if (typeof outcome === "object") {
    return refused({ intent, result: submission.reply(), conflict: await conflictOf(ctx, outcome, startedAt), itemId: item.id }, 409);
  }
  return done(ctx, outcome === "unlinked" ? { type: "success", key: "indicator.unlinked" } : { type: "info", key: "indicator.notLinked" });
}
