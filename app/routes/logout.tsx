import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/models/user.server";
import { auditActor, getSessionId, getUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { getCookieSession, sessionStorage } from "~/utils/session.server";

// GET never signs out (no GET mutates anything): it only leads back home.
export const loader = () => redirect("/");

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const [sessionId, user] = await Promise.all([getSessionId(request), getUser(request)]);
    if (sessionId) await logout(sessionId, auditActor(user, context));
    const session = await getCookieSession(request);
    const fresh = await sessionStorage().getSession();
    fresh.flash("toast", { type: "info", key: "logout.done" });
    await sessionStorage().destroySession(session);
    return redirect("/login", { headers: { "Set-Cookie": await sessionStorage().commitSession(fresh) } });
  });
}
