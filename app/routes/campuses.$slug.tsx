import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageLink } from "~/components/page-link";
import { useLocale, useT } from "~/components/i18n";
import { ShowAllLink } from "~/components/show-all-link";
import { StaticMarkup } from "~/components/static-markup";
import { MilestoneBadge, ProgressBar, StatusBadge } from "~/components/status";
import { agreementStatus } from "~/domain/agreement";
import { todayInBanten, toIsoDate } from "~/domain/dates";
import { ITEM_STATUSES } from "~/domain/enums";
import { formatDate, labelKey } from "~/domain/i18n";
import { can, draftScope } from "~/domain/policy";
import { agreementsForCampus, cachedCampusWorkspace, getCampusBySlug } from "~/models/campus.server";
import { staleItemsOfCampus } from "~/models/reminder.server";
import { env } from "~/utils/env.server";
import { notFound, requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => data?.campus.name ?? t("nav.campuses"), "meta.campus");

// The campus workspace only reads: lists of links, and its forms are on the pages it links to. It is
// sent without scripts, as /publik and /login are: nothing to download or run before a phone shows
// it, and no data stream for the server to encode (docs/decisions/004, "Pages that only read, and lists rendered once").
export const handle = { hydrate: false };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  const user = await requirePermission(request, "campus.read", { campusId: campus.id });
  const actor = toPrincipal(user);
  const today = todayInBanten();
  // the campus's own people see what needs their attention first
  const ownWork = can(actor, "update.create", { campusId: campus.id });
  const [agreements, workspace, stale] = await Promise.all([
    agreementsForCampus(campus.id, actor),
    // the workspace depends on which drafts the user may see
    cachedCampusWorkspace(campus.id, draftScope(actor), today),
    ownWork ? staleItemsOfCampus(campus.id, today, env().STALE_AFTER_DAYS, 20) : null,
  ]);
  // the nearest milestones, unless all of the upcoming ones are asked for
  const { milestones, ...rest } = workspace;
  const allMilestones = new URL(request.url).searchParams.get("milestones") === "all";
  return {
    campus,
    today: toIsoDate(today),
    agreements: agreements.map((a) => ({ ...a, status: agreementStatus(a, today) })),
    ...rest,
    milestones: allMilestones ? milestones : milestones.slice(0, MILESTONES_SHOWN),
    milestonesHidden: allMilestones ? 0 : Math.max(0, milestones.length - MILESTONES_SHOWN),
    attention: stale
      ? {
          stale,
          days: env().STALE_AFTER_DAYS,
          // a returned milestone is listed once, under its own heading, overdue or not
          overdue: milestones.filter((m) => m.overdue && m.state !== "RETURNED"),
          returned: milestones.filter((m) => m.state === "RETURNED"),
        }
      : null,
    may: { createItem: can(actor, "item.create", { campusId: campus.id }), checkIn: ownWork },
  };
}

/** How many upcoming milestones the workspace lists before "show all". */
const MILESTONES_SHOWN = 10;

export default function CampusWorkspace() {
  const { campus, agreements, items, teams, milestones, milestonesHidden, obstacles, may, attention } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{t("campus.workspace")}</p>
        <h1 className="text-2xl font-bold">{campus.name}</h1>
        <p className="text-slate-600">
          {[campus.abbreviation, t(labelKey("campusType", campus.type)), campus.city].filter(Boolean).join(" · ")}
          {campus.website ? (
            <>
              {" · "}
              <a className="underline" href={campus.website} rel="noopener noreferrer">
                {t("campus.website")}
              </a>
            </>
          ) : null}
        </p>
      </header>

      {may.checkIn ? (
        <p className="card flex flex-wrap items-center justify-between gap-2 border-brand-600" data-testid="check-in-link">
          <span className="text-sm text-slate-700">{t("checkIn.linkHint")}</span>
          <PageLink className="btn" to={`/campuses/${campus.slug}/check-in`}>
            {t("checkIn.link")}
          </PageLink>
        </p>
      ) : null}

      {attention ? (
        <Attention
          stale={attention.stale}
          days={attention.days}
          overdue={attention.overdue}
          returned={attention.returned}
        />
      ) : null}

      <section aria-labelledby="items">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="items" className="text-lg font-semibold">{t("campus.items")}</h2>
          {may.createItem ? (
            <span className="flex flex-wrap gap-2">
              <PageLink className="btn-secondary" to={`/campuses/${campus.slug}/import`}>
                {t("import.link")}
              </PageLink>
              <PageLink className="btn" to={`/items/new?campus=${campus.slug}`}>
                {t("campus.newItem")}
              </PageLink>
            </span>
          ) : null}
        </div>
        <StaticMarkup name="items" source={items} render={(items) => <ItemsByStatus items={items} />} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="milestones-due">
          <h2 id="milestones-due" className="text-lg font-semibold">{t("campus.milestonesDue")}</h2>
          <ul className="mt-2 space-y-2">
            {milestones.map((m) => (
              <li key={m.id} className="card text-sm">
                <PageLink to={`/milestones/${m.id}`} className="font-medium text-brand-700 underline">
                  {m.title}
                </PageLink>{" "}
                <MilestoneBadge state={m.state} />
                {m.item?.draft ? <DraftBadge /> : null}
                <p className="text-slate-600">
                  {m.item?.title} · {t("milestone.due", { date: formatDate(m.dueDate, locale) })}
                  {m.overdue ? (
                    <span className="ml-2 font-semibold text-red-700">{t("milestone.overdue")}</span>
                  ) : null}
                </p>
              </li>
            ))}
            {milestones.length === 0 ? <li className="text-slate-600">{t("milestone.none")}</li> : null}
          </ul>
          {milestonesHidden ? (
            <ShowAllLink to="?milestones=all#milestones-due" testId="all-milestones">
              {t("campus.allMilestones", { count: milestonesHidden })}
            </ShowAllLink>
          ) : null}
        </section>
        <section aria-labelledby="open-obstacles">
          <h2 id="open-obstacles" className="text-lg font-semibold">{t("campus.openObstacles")}</h2>
          <StaticMarkup name="obstacles" source={obstacles} render={(obstacles) => <OpenObstacles obstacles={obstacles} />} />
        </section>
      </div>

      <section aria-labelledby="teams">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="teams" className="text-lg font-semibold">{t("campus.teams")}</h2>
          <PageLink className="btn-secondary" to={`/campuses/${campus.slug}/teams`}>
            {t("campus.manageTeams")}
          </PageLink>
        </div>
        <StaticMarkup name="teams" source={teams} render={(teams) => <TeamList teams={teams} />} />
      </section>

      <section aria-labelledby="agreements">
        <h2 id="agreements" className="text-lg font-semibold">{t("agreement.title")}</h2>
        <p className="text-sm">
          <PageLink className="underline" to={`/agreements?campus=${campus.slug}`}>
            {t("agreements.title")}
          </PageLink>
        </p>
        <ul className="mt-2 space-y-3">
          {agreements.map((a) => (
            <li key={a.id} className={`card ${a.status === "ENDING_SOON" || a.status === "EXPIRED" ? "border-l-4 border-l-amber-500" : ""}`}>
              <p className="font-semibold">
                <PageLink className="underline" to={`/agreements/${a.id}`}>
                  {a.kind} · {a.title}
                </PageLink>
              </p>
              {a.number || a.campusNumber ? (
                <p className="text-sm text-slate-700">{[a.number, a.campusNumber].filter(Boolean).join(" / ")}</p>
              ) : null}
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-600">{t("agreement.signedOn")}</dt>
                <dd>{formatDate(a.signedOn, locale)}</dd>
                <dt className="text-slate-600">{t("agreement.place")}</dt>
                <dd>{a.place ?? "–"}</dd>
                <dt className="text-slate-600">{t("agreement.validity")}</dt>
                <dd>
                  {formatDate(a.validFrom, locale)} – {formatDate(a.validUntil, locale)}{" "}
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold" data-testid="agreement-status">
                    {t(`agreement.status.${a.status}`)}
                  </span>
                </dd>
                {a.campusRepresentative ? (
                  <>
                    <dt className="text-slate-600">{t("agreement.representative")}</dt>
                    <dd>{a.campusRepresentative}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type WorkspaceData = Awaited<ReturnType<typeof loader>>;

/** The campus's items by status (rendered once per version of the workspace and language). */
function ItemsByStatus({ items }: { items: WorkspaceData["items"] }) {
  const t = useT();
  const locale = useLocale();
  const byStatus = ITEM_STATUSES.map((status) => ({ status, items: items.filter((i) => i.status === status) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <>
      {items.length === 0 ? <p className="mt-2 text-slate-600">{t("campus.noItems")}</p> : null}
      {byStatus.map((group) => (
        <div key={group.status} className="mt-3">
          <h3 className="mb-1 flex items-center gap-2 font-medium">
            <StatusBadge status={group.status} /> <span className="text-sm text-slate-600">({group.items.length})</span>
          </h3>
          <ul className="space-y-2">
            {group.items.map((item) => (
              <li key={item.id} className="card">
                <PageLink to={`/items/${item.id}`} className="font-medium text-brand-700 underline">
                  {item.title}
                </PageLink>
                {item.visibility === "DRAFT" ? <DraftBadge /> : null}
                <p className="text-sm text-slate-600">
                  {locale === "en" ? item.priorityArea.nameEn : item.priorityArea.nameId} · {t("item.lastUpdate")}:{" "}
                  {formatDate(item.lastUpdateAt, locale)}
                </p>
                <div className="mt-1 max-w-xs">
                  <ProgressBar value={item.progress} label={t("item.progress")} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function OpenObstacles({ obstacles }: { obstacles: WorkspaceData["obstacles"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="mt-2 space-y-2">
      {obstacles.map((o) => (
        <li key={o.id} className="card text-sm">
          <p>
            {o.description}
            {o.item.draft ? <DraftBadge /> : null}
          </p>
          <p className="text-slate-600">
            <PageLink className="underline" to={`/items/${o.item.id}`}>{o.item.title}</PageLink>
            {o.dueDate ? ` · ${t("obstacle.dueDate")}: ${formatDate(o.dueDate, locale)}` : ""}
          </p>
        </li>
      ))}
      {obstacles.length === 0 ? <li className="text-slate-600">{t("obstacle.none")}</li> : null}
    </ul>
  );
}

function TeamList({ teams }: { teams: WorkspaceData["teams"] }) {
  return (
    <ul className="mt-2 space-y-1">
      {teams.map((team) => (
        <li key={team.id}>
          <PageLink className="text-brand-700 underline" to={`/teams/${team.id}`}>{team.name}</PageLink>
          <span className="text-sm text-slate-600"> · {team.decreeRef ?? "–"} · {team._count.members}</span>
        </li>
      ))}
    </ul>
  );
}

/** Marks a draft item, or a milestone or obstacle of one: the workspace counts drafts, the dashboard does not. */
function DraftBadge() {
  const t = useT();
  return <span className="ml-2 rounded bg-slate-200 px-2 text-xs">{t("item.draftBadge")}</span>;
}

function Attention({
  stale,
  days,
  overdue,
  returned,
}: {
  stale: { id: string; title: string; lastUpdateAt: Date | string | null }[];
  days: number;
  overdue: { id: string; title: string; dueDate: Date | string }[];
  returned: { id: string; title: string; feedback: string | null }[];
}) {
  const t = useT();
  const locale = useLocale();
  const empty = stale.length === 0 && overdue.length === 0 && returned.length === 0;
  return (
    <section id="attention" aria-labelledby="attention-title" className="card border-l-4 border-l-amber-500" data-testid="attention">
      <h2 id="attention-title" className="text-lg font-semibold">{t("attention.title")}</h2>
      {empty ? <p className="text-slate-600">{t("attention.none")}</p> : null}
      {(
        [
          ["attention.overdue", overdue.map((m) => ({ id: m.id, href: `/milestones/${m.id}`, text: `${m.title} · ${formatDate(m.dueDate, locale)}` }))],
          ["attention.returned", returned.map((m) => ({ id: m.id, href: `/milestones/${m.id}`, text: m.feedback ? `${m.title} — ${m.feedback}` : m.title }))],
          ["attention.stalePublished", stale.map((i) => ({ id: i.id, href: `/items/${i.id}`, text: `${i.title} · ${formatDate(i.lastUpdateAt, locale)}` }))],
        ] as const
      ).map(([key, rows]) =>
        rows.length ? (
          <div key={key} className="mt-2">
            <h3 className="font-medium">{t(key, { days })}</h3>
            <ul className="list-disc pl-5 text-sm">
              {rows.map((r) => (
                <li key={r.id}>
                  <Link className="text-brand-700 underline" to={r.href}>
                    {r.text}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
