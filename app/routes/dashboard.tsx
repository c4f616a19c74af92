import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { listCampuses } from "~/models/campus.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Dasbor · Kolaborasi Banten" }];

// The governor's office overview comes with the dashboard issue; until then the landing page
// lists the 12 signatory campuses.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "dashboard.read");
  return json({ campuses: await listCampuses() });
}

export default function DashboardPage() {
  const { campuses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
      <p className="mt-1 text-slate-700">{t("dashboard.placeholder")}</p>
      <ol className="mt-4 list-decimal space-y-1 pl-6">
        {campuses.map((c) => (
          <li key={c.id}>
            <Link className="text-brand-700 underline" to={`/campuses/${c.slug}`}>
              {c.name}
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
