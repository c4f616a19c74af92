import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ExportLinks } from "~/components/export-links";
import { useLocale, useT } from "~/components/i18n";
import { StatusBadge } from "~/components/status";
import { TableWrap } from "~/components/table-wrap";
import { todayInBanten } from "~/domain/dates";
import { formatDate, formatPercent, labelKey } from "~/domain/i18n";
import { getUnitByCode, unitPage } from "~/models/unit.server";
import { notFound, requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => data?.unit.name ?? t("units.title"), "meta.unit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "unit.read");
  const unit = await getUnitByCode(params.slug ?? "");
  if (!unit) throw notFound();
  return json({ unit, ...(await unitPage(unit.id, toPrincipal(user), todayInBanten())) });
}

export default function UnitPage() {
  const { unit, obstacles, items, members } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const label = unit.abbreviation ?? unit.name;
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/units" className="underline">{t("unit.page")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{unit.name}</h1>
        <p className="text-slate-600">{[unit.abbreviation, t(labelKey("unitKind", unit.kind)), unit.parentOrganization].filter(Boolean).join(" · ")}</p>
        {unit.retiredAt ? (
          <p className="card mt-2 border-amber-500 bg-amber-50 text-sm" data-testid="unit-retired">
            {t("unit.retiredNotice", { date: formatDate(unit.retiredAt, locale) })}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="unit-obstacles" className="space-y-2">
        <h2 id="unit-obstacles" className="text-lg font-semibold">{t("unit.obstacles", { unit: label })}</h2>
        <p className="text-sm text-slate-600">{t("unit.obstacles.hint")}</p>
        {obstacles.length === 0 ? (
          <p className="text-slate-600">{t("unit.obstacles.none")}</p>
        ) : (
          <ul className="space-y-2" data-testid="unit-obstacles">
            {obstacles.map((o) => (
              <li key={o.id} className={`card text-sm ${o.pastDue ? "border-l-4 border-l-red-600" : ""}`} data-testid="unit-obstacle" data-past-due={o.pastDue}>
                <p className="font-medium">
                  <Link className="text-brand-700 underline" to={`/items/${o.item.id}#obstacles`}>{o.description}</Link>
                  {o.pastDue ? <span className="ml-2 whitespace-nowrap rounded bg-red-100 px-2 text-xs font-semibold text-red-800">{t("unit.obstacle.pastDue")}</span> : null}
                  {o.item.draft ? <span className="ml-2 rounded bg-slate-200 px-2 text-xs">{t("unit.item.draft")}</span> : null}
                </p>
                <dl className="mt-1 grid gap-x-3 text-slate-700 sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("unit.obstacle.col.item")}</dt>
                  <dd>{o.item.title}</dd>
                  <dt className="text-slate-600">{t("unit.obstacle.col.campus")}</dt>
                  <dd>{o.item.campus.abbreviation ?? o.item.campus.name}</dd>
                  <dt className="text-slate-600">{t("unit.obstacle.col.owner")}</dt>
                  <dd>{o.ownerName ?? "–"}</dd>
                  <dt className="text-slate-600">{t("unit.obstacle.col.due")}</dt>
                  <dd>{o.dueDate ? formatDate(o.dueDate, locale) : t("unit.obstacle.noDue")}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unit-items" className="space-y-2">
        <h2 id="unit-items" className="text-lg font-semibold">{t("unit.items", { unit: label })}</h2>
        {items.length === 0 ? (
          <p className="text-slate-600">{t("unit.items.none")}</p>
        ) : (
          <TableWrap label={t("unit.items.table")}>
            <table className="w-full text-sm" data-testid="unit-items">
              <thead>
                <tr className="text-left">
                  <th scope="col">{t("unit.item.col.item")}</th>
                  <th scope="col">{t("unit.item.col.campus")}</th>
                  <th scope="col">{t("unit.item.col.status")}</th>
                  <th scope="col" className="text-right">{t("unit.item.col.progress")}</th>
                  <th scope="col">{t("unit.item.col.lastUpdate")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="text-left font-normal">
                      <Link to={`/items/${item.id}`} className="text-brand-700 underline">{item.title}</Link>
                      {item.draft ? <span className="ml-2 rounded bg-slate-200 px-2 text-xs">{t("unit.item.draft")}</span> : null}
                    </th>
                    <td>
                      <Link to={`/campuses/${item.campus.slug}`} className="underline">{item.campus.abbreviation ?? item.campus.name}</Link>
                    </td>
                    <td><StatusBadge status={item.status} /></td>
                    <td className="text-right tabular-nums">{formatPercent(item.progress, locale)}</td>
                    <td className="whitespace-nowrap">{item.lastUpdateAt ? formatDate(item.lastUpdateAt, locale) : t("unit.item.noUpdate")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="unit-members" className="space-y-2">
        <h2 id="unit-members" className="text-lg font-semibold">{t("unit.members", { unit: label })}</h2>
        {members.length === 0 ? (
          <p className="text-slate-600">{t("unit.members.none")}</p>
        ) : (
          <TableWrap label={t("unit.members.table")}>
            <table className="w-full text-sm" data-testid="unit-members">
              <thead>
                <tr className="text-left">
                  <th scope="col">{t("unit.member.col.name")}</th>
                  <th scope="col">{t("unit.member.col.team")}</th>
                  <th scope="col">{t("unit.member.col.role")}</th>
                  <th scope="col">{t("unit.member.col.contact")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="text-left font-normal">
                      {m.name}
                      {m.position ? <span className="block text-xs text-slate-600">{m.position}</span> : null}
                    </th>
                    <td>
                      <Link to={`/teams/${m.team.id}`} className="underline">{m.team.name}</Link>
                    </td>
                    <td>{t(labelKey("memberRole", m.role))}</td>
                    <td>
                      {m.contacts ? (
                        [m.contacts.email, m.contacts.phone].filter(Boolean).join(" · ") || "–"
                      ) : (
                        <span className="text-slate-600">{t("unit.member.contactHidden")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <ExportLinks search={`unit=${encodeURIComponent(unit.code)}`} />
    </div>
  );
}
