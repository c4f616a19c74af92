import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { PageLink } from "~/components/page-link";
import { StaticMarkup } from "~/components/static-markup";
import { ProgressBar } from "~/components/status";
import { todayInBanten } from "~/domain/dates";
import { formatPercent, labelKey } from "~/domain/i18n";
import { cachedCampusStatusLines } from "~/models/campus.server";
import { requirePermission } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.campuses", "meta.campuses");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "campus.read");
  return { campuses: await cachedCampusStatusLines(todayInBanten()) };
}

export default function CampusesPage() {
  const { campuses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("campuses.title")}</h1>
      <p className="mt-1 text-slate-700">{t("campuses.intro")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("campuses.scope")}</p>
      <StaticMarkup name="campus-cards" source={campuses} render={(campuses) => <CampusCards campuses={campuses} />} />
    </>
  );
}

/** Every campus with its status line (rendered once per version of the data and language). */
function CampusCards({ campuses }: { campuses: Awaited<ReturnType<typeof loader>>["campuses"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="campus-list">
      {campuses.map((c) => (
        <li key={c.id} className="card">
          <PageLink to={`/campuses/${c.slug}`} className="font-semibold text-brand-700 underline">
            {c.name}
          </PageLink>
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
  );
}
