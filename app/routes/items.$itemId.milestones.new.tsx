import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useT } from "~/components/i18n";
import { MILESTONE_NEW_FORM_ID, MilestoneDefineForm } from "~/components/milestone-define-form";
import { newMilestoneSchema } from "~/domain/schemas/all.server";
import { createMilestone } from "~/models/milestone.server";
import { getItemAccess } from "~/models/roadmap-item.server";
import { assertCan, assertCanSee, authorOf, notFound, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Tonggak evaluasi baru · Kolaborasi Banten" }];

/** The item, if the user may see it (else 404) and define its milestones (else 403). */
async function load(request: Request, itemId: string | undefined) {
  const user = await requireUser(request);
  const item = await getItemAccess(itemId ?? "");
  if (!item) throw notFound();
  assertCanSee(user, "item.read", item);
  assertCan(user, "milestone.manage", { campusId: item.campusId });
  return { user, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item } = await load(request, params.itemId);
  return json({ item: { id: item.id, title: item.title } });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const { user, item } = await load(request, params.itemId);
    const submission = parseForm(await readFormData(request), newMilestoneSchema);
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    await createMilestone(authorOf(user, context), item, submission.value);
    return redirectWithToast(request, `/items/${item.id}`, { type: "success", key: "milestone.created" });
  });
}

export default function NewMilestonePage() {
  const { item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const restored = useRestoredDraft()(MILESTONE_NEW_FORM_ID);
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to={`/items/${item.id}`} className="text-sm text-brand-700 underline">
          ← {item.title}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("milestone.new")}</h1>
      <p className="mt-1 text-slate-700">{t("milestone.newIntro")}</p>
      <RestoredNotice shown={!!restored} />
      <div className="card mt-4">
        <MilestoneDefineForm lastResult={actionData?.result} defaultValue={restored} />
      </div>
    </div>
  );
}
