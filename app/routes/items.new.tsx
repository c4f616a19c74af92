import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useT } from "~/components/i18n";
import { ITEM_FORM_ID, ItemForm } from "~/components/item-form";
import { getCampusBySlug } from "~/models/campus.server";
import { itemFormOptions } from "~/models/roadmap-item.server";
import { authorOf, notFound, requirePermission } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { submitItemForm } from "./item-form.server";

export const meta: MetaFunction = () => [{ title: "Program baru · Kolaborasi Banten" }];

async function load(request: Request) {
  const slug = new URL(request.url).searchParams.get("campus") ?? "";
  const campus = await getCampusBySlug(slug);
  if (!campus) throw notFound();
  const user = await requirePermission(request, "item.create", { campusId: campus.id });
  return { user, campus, options: await itemFormOptions(campus.id) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { campus, options } = await load(request);
  return json({ campus: { slug: campus.slug, name: campus.name }, options });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const { user, campus, options } = await load(request);
    return submitItemForm(request, authorOf(user, context), { campusId: campus.id, options });
  });
}

export default function NewItemPage() {
  const { campus, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const restored = useRestoredDraft()(ITEM_FORM_ID);
  return (
    <>
      <p>
        <Link to={`/campuses/${campus.slug}`} className="text-sm text-brand-700 underline">
          ← {campus.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("item.new")}</h1>
      <RestoredNotice shown={!!restored} />
      <div className="card mt-4">
        <ItemForm
          options={options}
          lastResult={actionData?.result}
          defaultValue={restored ?? { visibility: "DRAFT" }}
        />
      </div>
    </>
  );
}
