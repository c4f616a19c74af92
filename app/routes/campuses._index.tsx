import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { listCampuses } from "~/models/campus.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Kampus · Kolaborasi Banten" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "campus.read");
  return json({ campuses: await listCampuses() });
}

export default function CampusesPage() {
  const { campuses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("campuses.title")}</h1>
      <p className="mt-1 text-slate-700">{t("campuses.intro")}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="campus-list">
        {campuses.map((c) => (
          <li key={c.id} className="card">
            <Link to={`/campuses/${c.slug}`} className="font-semibold text-brand-700 underline">
              {c.name}
            </Link>
            <p className="text-sm text-slate-600">
              {[c.abbreviation, t(`campusType.${c.type}`), c.city].filter(Boolean).join(" · ")}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
