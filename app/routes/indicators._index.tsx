import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerdictBadge } from "~/components/indicator-chart";
import { useLocale, useT } from "~/components/i18n";
import { todayInBanten } from "~/domain/dates";
import { formatIndicatorValue, trajectory } from "~/domain/indicator";
import { listIndicators } from "~/models/indicator.server";
import { visibleItemsWhere } from "~/models/roadmap-item.server";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.indicators", "meta.indicators");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.read");
  const currentYear = todayInBanten().getUTCFullYear();
  const indicators = await listIndicators(visibleItemsWhere(toPrincipal(user)));
  return json({
    indicators: indicators.map((i) => {
      const path = trajectory({ ...i, actuals: i.values }, currentYear);
      return {
        id: i.id,
        code: i.code,
        nameId: i.nameId,
        nameEn: i.nameEn,
        unit: i.unit,
        latest: path.latest,
        next: path.next,
        verdict: path.verdict,
        linkedItems: i._count.roadmapItems,
      };
    }),
  });
}

export default function IndicatorsPage() {
  const { indicators } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("indicators.title")}</h1>
        <p className="mt-1 text-slate-700">{t("indicators.intro")}</p>
      </header>
      {indicators.length === 0 ? <p className="text-slate-600">{t("indicators.none")}</p> : null}
      <ul className="grid gap-3 md:grid-cols-2">
        {indicators.map((i) => (
          <li key={i.id} className="card">
            <h2 className="font-semibold">
              <Link to={`/indicators/${i.id}`} className="text-brand-700 underline">
                {locale === "en" ? i.nameEn : i.nameId}
              </Link>
            </h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("indicators.latest")}</dt>
              <dd className="tabular-nums">
                {i.latest
                  ? t("indicators.inYear", { value: formatIndicatorValue(i.latest.value, i.unit, locale), year: i.latest.year })
                  : t("indicators.noValue")}
              </dd>
              <dt className="text-slate-600">{t("indicators.nextTarget")}</dt>
              <dd className="tabular-nums">
                {i.next
                  ? t("indicators.inYear", { value: formatIndicatorValue(i.next.target, i.unit, locale), year: i.next.year })
                  : t("indicators.noTarget")}
              </dd>
              <dt className="text-slate-600">{t("indicator.assessment")}</dt>
              <dd>
                <VerdictBadge verdict={i.verdict} label={t(`verdict.${i.verdict}`)} />
              </dd>
              <dt className="text-slate-600">{t("indicators.linkedItems")}</dt>
              <dd className="tabular-nums">{i.linkedItems}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
