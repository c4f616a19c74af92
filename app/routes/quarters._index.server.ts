import { json, type ActionFunctionArgs } from "@remix-run/node";
import { todayInBanten } from "~/domain/dates";
import { closeQuarterSchema } from "~/domain/schemas/quarter";
import { closeQuarter } from "~/models/quarter.server";
import { assertCan, authorOf, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// The action of /quarters, closing a quarter. In a module of its own, a server module: the page's
// browser code then never names the Zod schema (issue #17, JavaScript per route).

export function closeQuarterAction(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requireUser(request);
    assertCan(user, "quarter.close");
    const formData = await readFormData(request);
    parseIntent(formData, ["close"]);
    const submission = parseForm(formData, closeQuarterSchema);
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    const { quarter } = submission.value;
    const result = await closeQuarter(quarter, todayInBanten(), authorOf(user, context));
    if (!result.ok) return json({ result: submission.reply({ fieldErrors: { quarter: [result.reason] } }) }, { status: 400 });
    return redirectWithToast(request, `/quarters/${quarter}`, { type: "success", key: "quarters.closed", params: { quarter, count: result.items } });
  });
}
