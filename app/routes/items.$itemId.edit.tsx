import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useT } from "~/components/i18n";
import { ITEM_FORM_ID, ItemForm } from "~/components/item-form";
import { toIsoDate } from "~/domain/dates";
import { getItemForEdit, itemFormOptions } from "~/models/roadmap-item.server";
import { assertCan, assertCanSee, authorOf, notFound, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { submitItemForm } from "./item-form.server";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction = () => [{ title: "Ubah program · Kolaborasi Banten" }];

async function load(request: Request, itemId: string) {
  const user = await requireUser(request);
  const item = await getItemForEdit(itemId);
  if (!item) throw notFound();
  assertCanSee(user, "item.read", item);
  assertCan(user, "item.edit", item);
  return { user, item, options: await itemFormOptions(item.campusId, item.id) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item, options } = await load(request, params.itemId ?? "");
  const { campus, version, updatedAt: _u, id, campusId: _c, plannedStart, plannedEnd, budgetIdr, ...values } = item;
  return json({
    // changes saved after this moment are the ones the user has not seen (listed on a conflict)
    item: { id, campus, version, startedAt: new Date().toISOString() },
    defaultValue: {
      ...values,
      plannedStart: toIsoDate(plannedStart),
      plannedEnd: toIsoDate(plannedEnd),
      budgetIdr: budgetIdr === null ? null : String(budgetIdr),
    },
    options,
  });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const { user, item, options } = await load(request, params.itemId ?? "");
    return submitItemForm(request, authorOf(user, context), { campusId: item.campusId, options, itemId: item.id });
  });
}

export default function EditItemPage() {
  const { item, defaultValue, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const restored = useRestoredDraft()(ITEM_FORM_ID);
  return (
    <>
      <p>
        <Link to={`/items/${item.id}`} className="text-sm text-brand-700 underline">
          ← {t("item.details")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("item.edit")}</h1>
      <RestoredNotice shown={!!restored} />
      <div className="card mt-4">
        <ItemForm
          options={options}
          lastResult={actionData?.result}
          defaultValue={restored ?? defaultValue}
          version={restored?.version ? Number(restored.version) : item.version}
          startedAt={typeof restored?.startedAt === "string" ? restored.startedAt : item.startedAt}
          conflict={actionData?.conflict}
        />
      </div>
    </>
  );
}
