import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { AuditActor } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { reinstateUnitSchema, retireUnitSchema, updateUnitSchema } from "~/domain/schemas/unit";
import * as units from "~/models/unit-admin.server";
import { authorOf, notFound, requirePermission } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast, type Toast } from "~/utils/session.server";

// The actions of a unit's administration page (/admin/units/:unitId): edit it, retire it (with a
// ticked confirmation), reinstate it. All three are version-checked.

const INTENTS = ["update", "retire", "reinstate"] as const;
type Intent = (typeof INTENTS)[number];

/** What a refused change answers, for the form it came from. */
export type UnitActionData = {
  intent: Intent;
  result: SubmissionResult<string[]>;
  /** the save was refused: someone changed the unit after the page was opened */
  conflict: RecordConflict | null;
};

type Unit = NonNullable<Awaited<ReturnType<typeof units.getUnitForAdmin>>>;
type Context = { request: Request; unit: Unit; actor: AuditActor; formData: FormData };

const refused = (status: number, data: UnitActionData) => json<UnitActionData>(data, { status });

const done = (ctx: Context, toast: Toast) => redirectWithToast(ctx.request, `/admin/units/${ctx.unit.id}`, toast);

export function unitAdminAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const me = await requirePermission(request, "unit.manage");
    const unit = await units.getUnitForAdmin(params.unitId ?? "");
    if (!unit) throw notFound();
    const formData = await readFormData(request);
    const intent = parseIntent(formData, INTENTS);
    const ctx: Context = { request, unit, actor: authorOf(me, context), formData };
    switch (intent) {
      case "update":
        return update(ctx);
      case "retire":
      case "reinstate":
        return retire(ctx, intent);
    }
  });
}

async function conflict(ctx: Context, intent: Intent, result: SubmissionResult<string[]>, version: number, startedAt: string | undefined) {
  const changes = await units.unitChangesSince(ctx.unit.id, openedSince(startedAt));
  return refused(409, { intent, result, conflict: { version, changes } });
}

async function update(ctx: Context) {
  const intent = "update";
  const submission = parseForm(ctx.formData, updateUnitSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply(), conflict: null });
  const saved = await units.updateUnit(ctx.unit.id, submission.value, ctx.actor);
  if (!saved.ok) return conflict(ctx, intent, submission.reply(), saved.version, submission.value.startedAt);
  return done(ctx, { type: "success", key: "unitAdmin.saved" });
}

async function retire(ctx: Context, intent: "retire" | "reinstate") {
  const submission = parseForm(ctx.formData, intent === "retire" ? retireUnitSchema : reinstateUnitSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply(), conflict: null });
  const saved = await units.setUnitRetired(ctx.unit.id, intent === "retire", submission.value.version, ctx.actor);
  if (!saved.ok) return conflict(ctx, intent, submission.reply(), saved.version, submission.value.startedAt);
  return done(ctx, { type: "success", key: intent === "retire" ? "unitAdmin.retiredToast" : "unitAdmin.reinstatedToast", params: { name: saved.name } });
}
