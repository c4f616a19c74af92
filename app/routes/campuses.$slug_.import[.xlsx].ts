import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCampusBySlug } from "~/models/campus.server";
import { importChoices, importTemplate } from "~/models/item-import.server";
import { notFound, requirePermission } from "~/utils/auth.server";

// The import template of a campus (/campuses/:slug/import.xlsx): for whoever may create its items.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  await requirePermission(request, "item.create", { campusId: campus.id });
  const body = await importTemplate(await importChoices());
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="templat-impor-${campus.slug}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
