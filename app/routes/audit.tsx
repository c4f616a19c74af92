import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditChanges } from "~/components/audit-changes";
import { useLocale, useT } from "~/components/i18n";
import { parseIsoDate } from "~/domain/dates";
import { formatDateTime, isMessageKey, type Translate } from "~/domain/i18n";
import { auditFacets, auditFilterFromSearch, listAuditEvents, SYSTEM_ACTOR } from "~/models/audit.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Jejak Audit · Kolaborasi Banten" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.read");
  const params = new URL(request.url).searchParams;
  const filter = auditFilterFromSearch(params);
  const [page, facets] = await Promise.all([listAuditEvents(filter), auditFacets()]);
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return parseIsoDate(value) ? value : "";
  };
  return json({
    ...page,
    facets,
    query: {
      entity: filter.entity ?? "",
      action: filter.action ?? "",
      actor: filter.actorId ?? "",
      from: day("from"),
      to: day("to"),
    },
  });
}

/** A dictionary label for a code (action or entity name), or the code itself. */
function labelOf(t: Translate, prefix: string, code: string) {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

function itemLink(e: { entity: string; entityId: string; itemId: string | null }) {
  if (e.entity === "RoadmapItem") return `/items/${e.entityId}`;
  return e.itemId ? `/items/${e.itemId}` : null;
}

export default function AuditPage() {
  const { events, nextCursor, facets, query } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const active = Object.values(query).filter(Boolean).length;
  const older = new URLSearchParams(searchParams);
  if (nextCursor) older.set("cursor", nextCursor);
  const newest = new URLSearchParams(searchParams);
  newest.delete("cursor");
  const select = (name: keyof typeof query, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label className="label" htmlFor={`audit-${name}`}>
        {label}
      </label>
      <select id={`audit-${name}`} name={name} defaultValue={query[name]} className="input">
        <option value="">{t("audit.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <p className="mt-1 text-slate-700">{t("audit.intro")}</p>

      {/* folded unless a filter is set, so on a phone the events come first */}
      <details className="card mt-4" open={active > 0}>
        <summary className="cursor-pointer font-semibold text-brand-700">
          {active ? t("audit.filtersActive", { count: active }) : t("audit.filters")}
        </summary>
        <Form method="get" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {select("entity", t("audit.entity"), facets.entities.map((e) => ({ value: e, label: labelOf(t, "audit.entity", e) })))}
          {select("action", t("audit.action"), facets.actions.map((a) => ({ value: a, label: labelOf(t, "audit.action", a) })))}
          {select("actor", t("audit.actor"), [
            ...(facets.hasSystemEvents ? [{ value: SYSTEM_ACTOR, label: t("audit.system") }] : []),
            ...facets.actors.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          ])}
          <div>
            <label className="label" htmlFor="audit-from">
              {t("audit.from")}
            </label>
            <input id="audit-from" type="date" name="from" defaultValue={query.from} className="input" />
          </div>
          <div>
            <label className="label" htmlFor="audit-to">
              {t("audit.to")}
            </label>
            <input id="audit-to" type="date" name="to" defaultValue={query.to} className="input" />
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className="btn">
              {t("audit.filter")}
            </button>
            {active ? (
              <Link to="/audit" className="btn-secondary">
                {t("audit.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </details>

      {events.length === 0 ? (
        <p className="card mt-4 text-slate-600">{t("audit.empty")}</p>
      ) : (
        <div className="mt-4 sm:overflow-x-auto sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white">
          <table className="block w-full text-left text-sm sm:table">
            <caption className="sr-only">{t("audit.list")}</caption>
            <thead className="hidden sm:table-header-group">
              <tr>
                {(["audit.time", "audit.actor", "audit.action", "audit.entity", "audit.ip", "audit.changes"] as const).map((k) => (
                  <th key={k} scope="col" className="bg-slate-50 px-3 py-2 font-semibold text-slate-700">
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">
              {events.map((e) => {
                const link = itemLink(e);
                return (
                  <tr key={e.id} data-testid="audit-event" className="card block sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
                    <Cell label={t("audit.time")}>
                      <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time>
                    </Cell>
                    <Cell label={t("audit.actor")}>
                      {e.actor ? <span title={e.actor.email}>{e.actor.name}</span> : <em>{t("audit.system")}</em>}
                    </Cell>
                    <Cell label={t("audit.action")}>
                      <span className="font-medium" data-action={e.action}>
                        {labelOf(t, "audit.action", e.action)}
                      </span>
                    </Cell>
                    <Cell label={t("audit.entity")}>
                      {labelOf(t, "audit.entity", e.entity)}{" "}
                      <code className="break-all text-xs text-slate-600">{e.entityId}</code>
                      {link ? (
                        <>
                          {" "}
                          <Link to={link} className="text-brand-700 underline">
                            {t("audit.open")}
                          </Link>
                        </>
                      ) : null}
                    </Cell>
                    <Cell label={t("audit.ip")}>
                      <span className="break-all">{e.ip ?? "–"}</span>
                    </Cell>
                    <Cell label={t("audit.changes")} block>
                      <AuditChanges before={e.before} after={e.after} />
                    </Cell>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav className="mt-4 flex flex-wrap gap-2" aria-label={t("audit.pages")}>
        {searchParams.has("cursor") ? (
          <Link to={`?${newest}`} className="btn-secondary">
            {t("audit.newest")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link to={`?${older}`} className="btn-secondary" rel="next">
            {t("audit.older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

/** A table cell on wide screens; a labelled line of a card on a phone. */
function Cell({ label, block, children }: { label: string; block?: boolean; children: React.ReactNode }) {
  return (
    <td className="block py-1 sm:table-cell sm:border-t sm:border-slate-100 sm:px-3 sm:py-2 sm:align-top">
      <span className={`font-medium text-slate-600 sm:hidden ${block ? "block" : "mr-1"}`}>{label}:</span>
      {children}
    </td>
  );
}
