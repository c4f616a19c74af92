import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TableWrap } from "~/components/table-wrap";
import { todayInBanten } from "~/domain/dates";
import { formatDate, formatNumber, labelKey } from "~/domain/i18n";
import { unitList } from "~/models/unit.server";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "units.title", "meta.units");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "unit.read");
  return json({ units: await unitList(toPrincipal(user), todayInBanten()) });
}

export default function UnitsPage() {
  const { units } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("units.title")}</h1>
        <p className="mt-1 text-slate-700">{t("units.intro")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("units.scope")}</p>
      </header>
      {units.length === 0 ? (
        <p className="card text-slate-700">{t("units.empty")}</p>
      ) : (
        <TableWrap label={t("units.table")}>
          <table className="w-full text-sm" data-testid="unit-list">
            <thead>
              <tr className="text-left">
                <th scope="col">{t("units.col.unit")}</th>
                <th scope="col">{t("units.col.kind")}</th>
                <th scope="col">{t("units.col.parent")}</th>
                <th scope="col" className="text-right">{t("units.col.items")}</th>
                <th scope="col" className="text-right">{t("units.col.obstacles")}</th>
                <th scope="col" className="text-right">{t("units.col.members")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => (
                <tr key={unit.id} data-testid={`unit-${unit.code}`} className={unit.retiredAt ? "text-slate-600" : undefined}>
                  <th scope="row" className="text-left font-normal">
                    <Link to={`/units/${unit.code}`} className="font-medium text-brand-700 underline">
                      {unit.name}
                    </Link>
                    {unit.abbreviation ? <span className="text-slate-600"> ({unit.abbreviation})</span> : null}
                    {unit.retiredAt ? (
                      <span className="ml-2 whitespace-nowrap rounded bg-slate-200 px-2 text-xs" title={t("units.retiredSince", { date: formatDate(unit.retiredAt, locale) })}>
                        {t("units.retired")}
                      </span>
                    ) : null}
                  </th>
                  <td>{t(labelKey("unitKind", unit.kind))}</td>
                  <td>{unit.parentOrganization ?? "–"}</td>
                  <td className="text-right">{formatNumber(unit.items, locale)}</td>
                  <td className="text-right">
                    {formatNumber(unit.openObstacles, locale)}
                    {unit.pastDueObstacles > 0 ? (
                      <span className="ml-1 whitespace-nowrap font-semibold text-red-700">
                        ({t("units.obstacles.pastDue", { count: formatNumber(unit.pastDueObstacles, locale) })})
                      </span>
                    ) : null}
                  </td>
                  <td className="text-right">{formatNumber(unit.members, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
