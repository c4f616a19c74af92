import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftDefaults } from "~/components/forms";
import { useRootData, useT } from "~/components/i18n";
import { ItemForm } from "~/components/item-form";
import { getCampusBySlug } from "~/models/campus.server";
import { itemFormOptions } from "~/models/roadmap-item.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitItemForm } from "~/utils/item-form.server";

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

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, campus, options } = await load(request);
  return submitItemForm(request, context, user, { campusId: campus.id, options });
}

export default function NewItemPage() {
  const { campus, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const root = useRootData();
  const t = useT();
  const restored = draftDefaults(root?.restoredDraft);
  return (
    <>
      <p>
        <Link to={`/campuses/${campus.slug}`} className="text-sm text-brand-700 underline">
          ← {campus.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("item.new")}</h1>
      {restored ? <p className="mt-2 rounded bg-sky-50 p-3 text-sky-900">{t("form.restored")}</p> : null}
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
