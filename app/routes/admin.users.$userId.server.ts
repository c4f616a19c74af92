import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import type { MessageKey } from "~/domain/i18n";
import { USER_ACCESS_INTENTS, updateUserSchema, userAccessSchema } from "~/domain/schemas/auth";
import { getUserForAdmin, issuePasswordReset, revokeSessions, setActive, updateUser } from "~/models/user.server";
import { authorOf, getSessionId, notFound, requirePermission, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// The actions of an account's administration page (/admin/users/:userId): edit the profile and
// role, (de)activate, end its sessions, issue a password reset link.

const INTENTS = ["update", ...USER_ACCESS_INTENTS] as const;
type Intent = (typeof INTENTS)[number];

/** What an action answers without redirecting: a refusal for the form it came from, or the reset link. */
export type UserActionData = {
  intent: Intent;
  result: SubmissionResult<string[]>;
  /** shown once, never stored: the one answer that is not a redirect */
  resetLink?: string;
  hours?: number;
};

type Target = NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>>;
type Context = { request: Request; me: SessionUser; author: Author; target: Target; formData: FormData };

const answer = (data: UserActionData, status = 400) => json<UserActionData>(data, { status });

const done = (ctx: Context, key: MessageKey) => redirectWithToast(ctx.request, `/admin/users/${ctx.target.id}`, { type: "success", key });

export function userAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const me = await requirePermission(request, "user.manage");
    const target = await getUserForAdmin(params.userId ?? "");
    if (!target) throw notFound();
    const formData = await readFormData(request);
    const intent = parseIntent(formData, INTENTS);
    const ctx: Context = { request, me, author: authorOf(me, context), target, formData };
    switch (intent) {
      case "update":
        return update(ctx);
      case "deactivate":
      case "activate":
        return activate(ctx, intent === "activate");
      case "revoke-sessions":
        return revoke(ctx);
      case "issue-reset":
        return issueReset(ctx);
    }
  });
}

async function update(ctx: Context) {
  const submission = parseForm(ctx.formData, updateUserSchema);
  if (submission.status !== "success") return answer({ intent: "update", result: submission.reply() });
  const { name, role, campuses, units } = submission.value;
  const updated = await updateUser(ctx.target.id, { name, role, campuses, units }, ctx.author);
  if (!updated.ok) {
    if (updated.reason === "not-found") throw notFound();
    const fieldErrors: Record<string, string[]> =
      updated.reason === "self-demote"
        ? { role: ["users.cannotDemoteSelf"] }
        : updated.reason === "unknown-unit"
          ? { units: ["users.unknownUnit"] }
          : { campuses: ["users.unknownCampus"] };
    return answer({ intent: "update", result: submission.reply({ fieldErrors }) });
  }
  return done(ctx, "users.saved");
}

/** The buttons without fields of their own: their submission is the intent alone. */
const accessSubmission = (ctx: Context) => parseForm(ctx.formData, userAccessSchema);

async function activate(ctx: Context, active: boolean) {
  const submission = accessSubmission(ctx);
  const result = await setActive(ctx.target.id, active, ctx.author);
  if (!result.ok) {
    if (result.reason === "not-found") throw notFound();
    return answer({ intent: active ? "activate" : "deactivate", result: submission.reply({ formErrors: ["users.cannotDeactivateSelf"] }) });
  }
  return done(ctx, active ? "users.activated" : "users.deactivated");
}

async function revoke(ctx: Context) {
  // an administrator ending their own sessions keeps the one they are using
  const keep = ctx.me.id === ctx.target.id ? await getSessionId(ctx.request) : null;
  const result = await revokeSessions(ctx.target.id, ctx.author, keep);
  if (!result.ok) throw notFound();
  return done(ctx, "users.sessionsRevoked");
}

async function issueReset(ctx: Context) {
  const submission = accessSubmission(ctx);
  if (!ctx.target.active) return answer({ intent: "issue-reset", result: submission.reply({ formErrors: ["users.resetInactive"] }) });
  const { token, hours } = await issuePasswordReset(ctx.target.id, ctx.author);
  // Shown once in this response and never stored (not in a cookie, not in a URL we redirect to):
  // the admin copies it from here, so this is the one mutation that does not redirect.
  const resetLink = `${new URL(ctx.request.url).origin}/reset/${token}`;
  return answer({ intent: "issue-reset", result: submission.reply(), resetLink, hours }, 200);
}
