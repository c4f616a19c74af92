import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { MilestoneBadge, StatusBadge } from "~/components/status";
import { formatDate, labelKey } from "~/domain/i18n";
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, search, type SearchResults } from "~/models/search.server";
import { requireUser, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

// GET /search?q=: everything a signed-in user may read, found by name (app/models/search.server.ts).

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, "search.title", "search.metaDescription");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX_LENGTH);
  const results = q.length >= SEARCH_MIN_LENGTH ? await search(toPrincipal(user), q) : null;
  return json({ q, results });
}

export default function SearchPage() {
  const { q, results } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("search.title")}</h1>
      <p className="text-slate-700">{t("search.intro")}</p>
      <Form method="get" action="/search" role="search" className="flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.label")}
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={q} className="input" maxLength={SEARCH_MAX_LENGTH} />
        <button type="submit" className="btn">
          {t("search.submit")}
        </button>
      </Form>
      {q && !results ? <p className="text-slate-600">{t("search.tooShort", { min: SEARCH_MIN_LENGTH })}</p> : null}
      {results ? <Results q={q} results={results} /> : null}
    </div>
  );
}

type Loaded = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["results"]>;

function Results({ q, results }: { q: string; results: Loaded | SearchResults }) {
  const t = useT();
  const locale = useLocale();
  const r = results as Loaded;
  const total = r.campuses.length + r.items.length + r.teams.length + r.members.length + r.milestones.length + r.indicators.length;
  if (total === 0) return <p className="text-slate-600">{t("search.none", { q })}</p>;
  const campusName = (c: { name: string; abbreviation: string | null } | null) => (c ? (c.abbreviation ?? c.name) : "");
  return (
    <div className="space-y-6" data-testid="search-results">
      <h2 className="text-lg font-semibold">{t("search.resultsFor", { q })}</h2>
      <Group title={t("search.campuses")} id="found-campuses" count={r.campuses.length}>
        {r.campuses.map((c) => (
          <li key={c.slug}>
            <Link className="text-brand-700 underline" to={`/campuses/${c.slug}`}>
              {c.name}
            </Link>
          </li>
        ))}
      </Group>
      <Group title={t("search.items")} id="found-items" count={r.items.length}>
        {r.items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-2">
            <Link className="text-brand-700 underline" to={`/items/${i.id}`}>
              {i.title}
            </Link>
            <StatusBadge status={i.status} />
            {i.visibility === "DRAFT" ? <span className="rounded bg-slate-200 px-2 text-sm">{t("item.draftBadge")}</span> : null}
            <span className="text-sm text-slate-600">{campusName(i.campus)}</span>
          </li>
        ))}
      </Group>
      <Group title={t("search.teams")} id="found-teams" count={r.teams.length}>
        {r.teams.map((team) => (
          <li key={team.id}>
            <Link className="text-brand-700 underline" to={`/teams/${team.id}`}>
              {team.name}
            </Link>{" "}
            <span className="text-sm text-slate-600">{campusName(team.campus)}</span>
          </li>
        ))}
      </Group>
      <Group title={t("search.members")} id="found-members" count={r.members.length}>
        {r.members.map((m) => (
          <li key={m.id}>
            <Link className="text-brand-700 underline" to={`/teams/${m.team.id}`}>
              {m.name}
            </Link>{" "}
            <span className="text-sm text-slate-600">
              {t("search.memberOf", { role: t(labelKey("memberRole", m.role)), team: m.team.name })}
            </span>
          </li>
        ))}
      </Group>
      <Group title={t("search.milestones")} id="found-milestones" count={r.milestones.length}>
        {r.milestones.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-2">
            <Link className="text-brand-700 underline" to={`/milestones/${m.id}`}>
              {m.title}
            </Link>
            <MilestoneBadge state={m.state} />
            <span className="text-sm text-slate-600">
              {m.item?.title} · {t("milestone.due", { date: formatDate(m.dueDate, locale) })}
            </span>
          </li>
        ))}
      </Group>
      <Group title={t("search.indicators")} id="found-indicators" count={r.indicators.length}>
        {r.indicators.map((i) => (
          <li key={i.id}>
            <Link className="text-brand-700 underline" to={`/indicators/${i.id}`}>
              {locale === "en" ? i.nameEn : i.nameId}
            </Link>
          </li>
        ))}
      </Group>
    </div>
  );
}

function Group({ title, id, count, children }: { title: string; id: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h3 id={id} className="font-semibold">
        {title} <span className="font-normal text-slate-600">({count})</span>
      </h3>
      <ul className="mt-1 space-y-1">{children}</ul>
    </section>
  );
}
