import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import type { Principal } from "~/domain/policy";
import {
  amendAgreementSchema,
  confirmAgreementSchema,
  linkItemSchema,
  renewAgreementSchema,
  updateAgreementSchema,
  uploadDocumentSchema,
} from "~/domain/schemas/agreement";
import * as agreements from "~/models/agreement.server";
import { assertCan, assertCanSee, authorOf, forbidden, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { redirectWithToast, type Toast } from "~/utils/session.server";
import { readEvidenceForm } from "~/utils/uploads.server";

// The actions of an agreement's page (/agreements/:agreementId): edit its record, confirm a
// campus's proposal, record an amendment, renew it, upload its signed copy, attach an item.

const INTENTS = ["update", "confirm", "amend", "renew", "upload", "link-item"] as const;
type Intent = (typeof INTENTS)[number];

/** What a refused change answers, for the form it came from. */
export type AgreementActionData = {
  intent: Intent;
  result: SubmissionResult<string[]> | null;
  /** the save was refused: someone changed the agreement after the page was opened */
  conflict: RecordConflict | null;
};

type Context = { request: Request; agreement: agreements.AgreementScope; actor: Author; principal: Principal; formData: FormData; fileErrors: string[] | undefined };

const refused = (status: number, data: Pick<AgreementActionData, "intent"> & Partial<AgreementActionData>) =>
  json<AgreementActionData>({ result: null, conflict: null, ...data }, { status });

const done = (ctx: Context, toast: Toast, to = `/agreements/${ctx.agreement.id}`) => redirectWithToast(ctx.request, to, toast);

/** Which policy action each intent is: one row each in app/domain/policy.ts. */
const PERMISSION = {
  update: "agreement.edit",
  confirm: "agreement.register",
  amend: "agreement.register",
  renew: "agreement.register",
  upload: "agreement.document.upload",
  "link-item": "agreement.item.link",
} as const;

export function agreementAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const agreement = await agreements.getAgreementScope(params.agreementId ?? "");
    if (!agreement) throw notFound();
    const principal = toPrincipal(user);
    const resource = agreements.agreementResource(agreement);
    // a draft of another campus is not there at all for whoever may not read it
    assertCanSee(user, "agreement.read", resource);
    const { formData, fileErrors } = await readEvidenceForm(request);
    const intent = parseIntent(formData, INTENTS);
    assertCan(user, PERMISSION[intent], resource);
    const ctx: Context = { request, agreement, actor: authorOf(user, context), principal, formData, fileErrors: fileErrors?.files };
    switch (intent) {
      case "update":
        return update(ctx);
      case "confirm":
        return confirm(ctx);
      case "amend":
        return amend(ctx);
      case "renew":
        return renew(ctx);
      case "upload":
        return upload(ctx);
      case "link-item":
        return linkItem(ctx);
    }
  });
}

/** The Kesepakatan Bersama is reference data, recorded exactly as released: never edited here. */
function mouRefused(ctx: Context, intent: Intent, submission: { reply: (options: { formErrors: string[] }) => SubmissionResult<string[]> }) {
  return ctx.agreement.kind === "MOU" ? refused(400, { intent, result: submission.reply({ formErrors: ["agreements.mouReadOnly"] }) }) : null;
}

async function conflictOf(ctx: Context, intent: Intent, result: SubmissionResult<string[]>, version: number) {
  const changes = await agreements.agreementChangesSince(ctx.agreement.id, openedSince(String(ctx.formData.get("startedAt") ?? "")));
  return refused(409, { intent, result, conflict: { version, changes } });
}

async function update(ctx: Context) {
  const intent = "update";
  const submission = parseForm(ctx.formData, updateAgreementSchema);
  const mou = mouRefused(ctx, intent, submission);
  if (mou) return mou;
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply() });
  const { intent: _i, startedAt: _s, ...input } = submission.value;
  const saved = await agreements.updateAgreement(ctx.actor, ctx.agreement.id, input, ctx.principal);
  if (!saved.ok && "forbidden" in saved) throw forbidden();
  if (!saved.ok && "reason" in saved) return conflictOf(ctx, intent, submission.reply(), saved.version);
  if (!saved.ok) return refused(400, { intent, result: submission.reply({ fieldErrors: saved.errors }) });
  return done(ctx, { type: "success", key: "agreements.saved" });
}

async function confirm(ctx: Context) {
  const intent = "confirm";
  const submission = parseForm(ctx.formData, confirmAgreementSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply() });
  const saved = await agreements.confirmAgreement(ctx.actor, ctx.agreement.id, submission.value.version);
  if (!saved.ok && "reason" in saved) return conflictOf(ctx, intent, submission.reply(), saved.version);
  if (!saved.ok) return refused(400, { intent, result: submission.reply({ formErrors: saved.errors[""] }) });
  return done(ctx, { type: "success", key: "agreements.confirmedToast" });
}

async function amend(ctx: Context) {
  const intent = "amend";
  const submission = parseForm(ctx.formData, amendAgreementSchema);
  const mou = mouRefused(ctx, intent, submission);
  if (mou) return mou;
  if (submission.status !== "success" || ctx.fileErrors)
    return refused(400, { intent, result: submission.reply({ fieldErrors: ctx.fileErrors ? { file: ctx.fileErrors } : undefined }) });
  const { file, intent: _i, startedAt: _s, ...input } = submission.value;
  const saved = await agreements.amendAgreement(ctx.actor, ctx.agreement.id, input, file);
  if (!saved.ok && "reason" in saved) return conflictOf(ctx, intent, submission.reply(), saved.version);
  if (!saved.ok) return refused(400, { intent, result: submission.reply({ fieldErrors: saved.errors }) });
  return done(ctx, { type: "success", key: "agreements.amended" });
}

async function renew(ctx: Context) {
  const intent = "renew";
  const submission = parseForm(ctx.formData, renewAgreementSchema);
  const mou = mouRefused(ctx, intent, submission);
  if (mou) return mou;
  if (submission.status !== "success" || ctx.fileErrors)
    return refused(400, { intent, result: submission.reply({ fieldErrors: ctx.fileErrors ? { file: ctx.fileErrors } : undefined }) });
  const { file, intent: _i, startedAt: _s, ...input } = submission.value;
  const saved = await agreements.renewAgreement(ctx.actor, ctx.agreement.id, input, file);
  if (!saved.ok && "reason" in saved) return conflictOf(ctx, intent, submission.reply(), saved.version);
  if (!saved.ok) {
    const { "": formErrors, ...fieldErrors } = saved.errors;
    return refused(400, { intent, result: submission.reply({ fieldErrors, formErrors }) });
  }
  return done(ctx, { type: "success", key: "agreements.renewed" }, `/agreements/${saved.agreement.id}`);
}

async function upload(ctx: Context) {
  const intent = "upload";
  const submission = parseForm(ctx.formData, uploadDocumentSchema);
  const mou = mouRefused(ctx, intent, submission);
  if (mou) return mou;
  if (submission.status !== "success" || ctx.fileErrors || !submission.value.file)
    return refused(400, { intent, result: submission.reply({ fieldErrors: ctx.fileErrors ? { file: ctx.fileErrors } : undefined }) });
  await agreements.uploadDocument(ctx.actor, ctx.agreement, submission.value.file);
  return done(ctx, { type: "success", key: "agreements.uploaded" });
}

async function linkItem(ctx: Context) {
  const intent = "link-item";
  const submission = parseForm(ctx.formData, linkItemSchema);
  if (submission.status !== "success") return refused(400, { intent, result: submission.reply() });
  const linked = await agreements.linkItem(ctx.actor, ctx.agreement.id, submission.value.itemId, ctx.principal);
  if (!linked.ok) return refused(400, { intent, result: submission.reply({ fieldErrors: linked.errors }) });
  return done(ctx, { type: "success", key: "agreements.itemAttached", params: { item: linked.title } });
}
