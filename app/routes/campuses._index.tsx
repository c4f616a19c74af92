import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { ProgressBar } from "~/components/status";
import { todayInBanten } from "~/domain/dates";
import { formatPercent, labelKey } from "~/domain/i18n";
import { campusStatusLines } from "~/models/campus.server";
import { requirePermission } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.campuses", "meta.campuses");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "campus.read");
  return json({ campuses: await campusStatusLines(todayInBanten()) });
}

export default function CampusesPage() {
  const { campuses } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("campuses.title")}</h1>
      <p className="mt-1 text-slate-700">{t("campuses.intro")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("campuses.scope")}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="campus-list">
        {campuses.map((c) => (
          <li key={c.id} className="card">
            <Link to={`/campuses/${c.slug}`} className="font-semibold text-brand-700 underline">
              {c.name}
            </Link>
            <p className="text-sm text-slate-600">
              {[c.abbreviation, t(labelKey("campusType", c.type)), c.city].filter(Boolean).join(" · ")}
            </p>
            <div className="mt-2">
              <ProgressBar value={Math.round(c.averageProgress ?? 0)} label={t("item.progress")} />
            </div>
            <p className="mt-1 text-sm" data-testid="status-line">
              {[
                t("campus.status.items", { count: c.items }),
                c.onTrackShare === null ? null : t("campus.status.onTrack", { value: formatPercent(c.onTrackShare * 100, locale) }),
                c.overdueMilestones ? t("campus.status.overdue", { count: c.overdueMilestones }) : null,
                c.daysSinceLastUpdate === null
                  ? t("campus.status.noUpdate")
                  : t("campus.status.lastUpdate", { days: c.daysSinceLastUpdate }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
