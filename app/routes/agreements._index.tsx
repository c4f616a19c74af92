import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AgreementStatusBadge } from "~/components/agreement-bits";
import { FilterSelect } from "~/components/filter-select";
import { useLocale, useT } from "~/components/i18n";
import { AGREEMENT_STATUSES, agreementTree, parseAgreementFilter, type TreeNode } from "~/domain/agreement";
import { todayInBanten } from "~/domain/dates";
import { AGREEMENT_KINDS } from "~/domain/enums";
import { formatDate, labelKey } from "~/domain/i18n";
import { can } from "~/domain/policy";
import { listRegistry, registryFilterOptions, type AgreementRow } from "~/models/agreement.server";
import { requireUser, toPrincipal } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Perjanjian · Kolaborasi Banten" }];

// The registry of the agreement chain: every agreement the viewer may see, filtered by campus,
// government unit, kind and status, drawn as the chain MOU → PKS → IA.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = toPrincipal(user);
  const filter = parseAgreementFilter(new URL(request.url).searchParams);
  const today = todayInBanten();
  const [{ rows, matching }, options] = await Promise.all([listRegistry(actor, filter, today), registryFilterOptions()]);
  return json({
    tree: agreementTree(rows),
    matching,
    filter,
    options,
    may: {
      register: can(actor, "agreement.register"),
      propose: actor.campusIds.some((campusId) => can(actor, "agreement.propose", { campusId })),
      // a liaison's export is of their own campus (the filters still apply)
      export: can(actor, "export.read") || actor.campusIds.some((campusId) => can(actor, "export.read", { campusId })),
    },
  });
}

type Node = TreeNode<AgreementRow & { matches: boolean }>;

export default function AgreementRegistry() {
  const { tree, matching, filter, options, may } = useLoaderData<typeof loader>();
  const t = useT();
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("agreements.title")}</h1>
        <p className="text-slate-700">{t("agreements.intro")}</p>
        <p className="text-sm text-slate-600">{t("agreements.draftsNote")}</p>
      </header>
      {may.register || may.propose ? (
        <p>
          <Link className="btn" to="/agreements/new">
            {t(may.register ? "agreements.new" : "agreements.propose")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="card grid gap-3 sm:grid-cols-5 sm:items-end" aria-label={t("agreements.filter.apply")}>
        <FilterSelect
          id="filter-campus"
          name="campus"
          label={t("agreements.filter.campus")}
          empty={t("agreements.filter.all")}
          options={options.campuses.map((c) => [c.slug, c.abbreviation ?? c.name] as const)}
          value={filter.campus}
        />
        <FilterSelect
          id="filter-unit"
          name="unit"
          label={t("agreements.filter.unit")}
          empty={t("agreements.filter.all")}
          options={options.units.map((u) => [u.code, u.abbreviation ?? u.name] as const)}
          value={filter.unit}
        />
        <FilterSelect
          id="filter-kind"
          name="kind"
          label={t("agreements.filter.kind")}
          empty={t("agreements.filter.all")}
          options={AGREEMENT_KINDS.map((k) => [k, t(labelKey("agreement.kind", k))] as const)}
          value={filter.kind}
        />
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("agreements.filter.status")}
          empty={t("agreements.filter.all")}
          options={AGREEMENT_STATUSES.map((s) => [s, t(labelKey("agreement.status", s))] as const)}
          value={filter.status}
        />
        <div className="flex gap-2">
          <button type="submit" className="btn">
            {t("agreements.filter.apply")}
          </button>
          <Link className="btn-secondary" to="/agreements">
            {t("agreements.filter.reset")}
          </Link>
        </div>
      </Form>
      {may.export ? (
        <p className="no-print">
          <a className="btn-secondary" href={`/exports/agreements.csv${query ? `?${query}` : ""}`} download data-testid="agreements-csv">
            {t("agreements.exportCsv")}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="tree-heading">
        <h2 id="tree-heading" className="text-lg font-semibold">
          {t("agreements.tree")}
        </h2>
        <p className="text-sm text-slate-600">{t("agreements.treeHint")}</p>
        <p className="mt-1 text-sm" data-testid="agreements-matching">
          {t("agreements.matching", { count: matching })}
        </p>
        {tree.length === 0 ? (
          <p className="mt-3">{t("agreements.empty")}</p>
        ) : (
          <ul className="mt-3 space-y-2" data-testid="agreement-tree">
            {tree.map((node) => (
              <TreeItem key={node.id} node={node as unknown as Node} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TreeItem({ node }: { node: Node }) {
  const t = useT();
  const locale = useLocale();
  const scope = [
    node.scopeResearch ? "RESEARCH" : null,
    node.scopeDevelopment ? "DEVELOPMENT" : null,
    node.scopeCommunityService ? "COMMUNITY_SERVICE" : null,
    node.scopeEducation ? "EDUCATION" : null,
  ].filter((s): s is "RESEARCH" | "DEVELOPMENT" | "COMMUNITY_SERVICE" | "EDUCATION" => !!s);
  const parties = [node.units.length ? node.units.map((u) => u.abbreviation ?? u.name).join(", ") : t("agreements.province"), node.campus ? node.campus.abbreviation ?? node.campus.name : node.kind === "MOU" ? t("agreements.twelveCampuses") : null]
    .filter(Boolean)
    .join(" — ");
  return (
    <li data-testid="agreement-node" data-kind={node.kind}>
      <article className={`card ${node.matches ? "" : "opacity-75"} ${node.status === "ENDING_SOON" || node.status === "EXPIRED" ? "border-l-4 border-l-amber-500" : ""}`}>
        <p className="font-semibold">
          <Link className="underline" to={`/agreements/${node.id}`}>
            {t(labelKey("agreement.kind", node.kind))} · {node.title}
          </Link>{" "}
          <AgreementStatusBadge status={node.status} />
        </p>
        <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("agreements.col.numbers")}</dt>
          <dd>{[node.number ?? "–", node.campusNumber ?? "–"].join(" / ")}</dd>
          <dt className="text-slate-600">{t("agreements.col.parties")}</dt>
          <dd>{parties}</dd>
          <dt className="text-slate-600">{t("agreements.field.scope")}</dt>
          <dd>{scope.length ? scope.map((s) => t(`agreements.scope.${s}`)).join(", ") : "–"}</dd>
          <dt className="text-slate-600">{t("agreements.col.signed")}</dt>
          <dd>{[formatDate(node.signedOn, locale), node.place].filter((v) => v && v !== "–").join(", ") || "–"}</dd>
          <dt className="text-slate-600">{t("agreements.col.validity")}</dt>
          <dd>{t("agreements.validity", { from: formatDate(node.validFrom, locale), until: formatDate(node.validUntil, locale) })}</dd>
        </dl>
        {node.matches ? null : <p className="text-xs text-slate-600">{t("agreements.outsideFilter")}</p>}
      </article>
      {node.children.length ? (
        <ul className="ml-4 mt-2 space-y-2 border-l-2 border-slate-300 pl-3">
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
