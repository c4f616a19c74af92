import type { ActionFunctionArgs } from "@remix-run/node";
import { assertSameOrigin, getSessionId, isSignInRedirect, requestPath } from "./auth.server";
import { saveDraft } from "./form-draft.server";

/**
 * The entry of every action:
 *
 * ```ts
 * export function action(args: ActionFunctionArgs) {
 *   return formAction(args, async ({ request, params, context }) => { … });
 * }
 * ```
 *
 * 1. refuses a cross-site post (403) before any work, signed in or not;
 * 2. runs the action, whose guards only read and throw;
 * 3. when a guard sent the user to sign in because their session has ended, keeps what they typed
 *    (text fields only; see saveDraft: only for a browser holding a session cookie this server
 *    issued, at most five per session) so the form comes back filled after signing in again.
 *
 * The one write a refused request may cause happens here, as a step of its own. (Called inside the
 * exported function, never at a route module's top level: the browser build drops server modules.)
 */
export async function formAction<Args extends ActionFunctionArgs, Result>(
  args: Args,
  handler: (args: Args) => Promise<Result>,
): Promise<Result> {
  assertSameOrigin(args.request);
  try {
    return await handler(args);
  } catch (thrown) {
    if (isSignInRedirect(thrown)) throw await keepSubmission(args.request, thrown);
    throw thrown;
  }
}

/** The sign-in redirect, with the cookie naming the kept draft when one was kept. */
async function keepSubmission(request: Request, signIn: Response): Promise<Response> {
  const cookie = await saveDraft(request, requestPath(request), await getSessionId(request));
  if (!cookie) return signIn;
  const headers = new Headers(signIn.headers);
  headers.append("Set-Cookie", cookie);
  return new Response(null, { status: signIn.status, headers });
}
