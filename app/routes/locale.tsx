import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { LOCALES, isOneOf } from "~/domain/enums";
import { formAction } from "~/utils/form-action.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { localeCookie } from "~/utils/session.server";
import { readFormData } from "~/utils/request-body.server";

export const loader = () => redirect("/");

/** Switches the interface language (a preference cookie; works signed in or not). */
export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request }) => {
    const form = await readFormData(request);
    const locale = form.get("locale");
    const to = safeRedirect(form.get("redirectTo"));
    if (!isOneOf(LOCALES, locale)) return redirect(to);
    return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
  });
}
