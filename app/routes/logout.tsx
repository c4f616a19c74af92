import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/models/user.server";
import { assertSameOrigin, auditActor, getSessionId, getUser } from "~/utils/auth.server";
import { getCookieSession, sessionStorage } from "~/utils/session.server";

// GET never signs out (no GET mutates anything): it only leads back home.
export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const [sessionId, user] = await Promise.all([getSessionId(request), getUser(request)]);
  if (sessionId) await logout(sessionId, auditActor(user, context));
  const session = await getCookieSession(request);
  const fresh = await sessionStorage().getSession();
  fresh.flash("toast", { type: "info", key: "logout.done" });
  await sessionStorage().destroySession(session);
  return redirect("/login", { headers: { "Set-Cookie": await sessionStorage().commitSession(fresh) } });
}
