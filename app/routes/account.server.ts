import { json, type ActionFunctionArgs } from "@remix-run/node";
import { changePasswordSchema } from "~/domain/schemas/auth";
import { mailPreferencesSchema } from "~/domain/schemas/mail";
import { calendarUrl, createCalendarFeed, revokeCalendarFeed } from "~/models/calendar.server";
import { updateMailPreferences } from "~/models/outbox.server";
import { changePassword } from "~/models/user.server";
import { assertCan, authorOf, getSessionId, requireUser, type SessionUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// The actions of /account: the password, e-mail preferences, the calendar feed's secret address.

const INTENTS = ["change-password", "mail-preferences", "calendar-create", "calendar-revoke"] as const;

// passwords are never sent back to the browser, not even after a failed submission
const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

type Context = { request: Request; user: SessionUser; formData: FormData; context: ActionFunctionArgs["context"] };

export function accountAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requireUser(request);
    const formData = await readFormData(request);
    const ctx: Context = { request, user, formData, context };
    switch (parseIntent(formData, INTENTS)) {
      case "change-password":
        return changeOwnPassword(ctx);
      case "mail-preferences":
        return saveMailPreferences(ctx);
      case "calendar-create":
        return createFeed(ctx);
      case "calendar-revoke":
        return revokeFeed(ctx);
    }
  });
}

async function changeOwnPassword({ request, user, formData, context }: Context) {
  const intent = "change-password";
  const submission = parseForm(formData, changePasswordSchema);
  if (submission.status !== "success") {
    return json({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  const sessionId = await getSessionId(request);
  const result = await changePassword(user.id, submission.value, sessionId ?? "", authorOf(user, context));
  if (!result.ok) {
    const reply = submission.reply({ fieldErrors: { currentPassword: ["account.wrongPassword"] }, hideFields: PASSWORD_FIELDS });
    return json({ intent, result: reply }, { status: 400 });
  }
  return redirectWithToast(request, "/account", { type: "success", key: "account.passwordChanged" });
}

async function saveMailPreferences({ request, user, formData, context }: Context) {
  assertCan(user, "mail.preferences");
  const submission = parseForm(formData, mailPreferencesSchema);
  if (submission.status !== "success") return json({ intent: "mail-preferences", result: submission.reply() }, { status: 400 });
  await updateMailPreferences(authorOf(user, context), submission.value);
  return redirectWithToast(request, "/account#mail", { type: "success", key: "account.mail.saved" });
}

/** The secret address is shown once, in this answer (never in a URL, a cookie or a flash message). */
async function createFeed({ user, context }: Context) {
  assertCan(user, "calendar.subscribe");
  const token = await createCalendarFeed(authorOf(user, context));
  return json({ intent: "calendar-create" as const, result: null, calendarUrl: calendarUrl(token) });
}

async function revokeFeed({ request, user, context }: Context) {
  assertCan(user, "calendar.subscribe");
  await revokeCalendarFeed(authorOf(user, context));
  return redirectWithToast(request, "/account#calendar", { type: "success", key: "account.calendar.revoked" });
}
