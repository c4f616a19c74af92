import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageLink } from "~/components/page-link";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import {
  COMMENT_FORM_ID,
  CommentSection,
  GOVERNMENT_NOTE_FORM_ID,
  GovernmentNoteForm,
  ItemHistory,
  MilestoneList,
  ObstacleList,
  UpdateList,
} from "~/components/item-sections";
import { ProgressChart } from "~/components/progress-chart";
import { ShowAllLink } from "~/components/show-all-link";
import { StaticMarkup } from "~/components/static-markup";
import { PROGRESS_FORM_ID, ProgressForm } from "~/components/progress-form";
import { ProgressBar, StatusBadge } from "~/components/status";
import { todayInBanten, toIsoDate } from "~/domain/dates";
import { CHANGES_SHOWN, HISTORY_ENTRIES_SHOWN, latestHistory } from "~/domain/item-history";
import { formatDate, formatIdr, labelKey } from "~/domain/i18n";
import { whatsAppNudge } from "~/domain/mail";
import { can } from "~/domain/policy";
import { WhatsAppLink } from "~/components/whatsapp-link";
import { derivedOnce } from "~/utils/data-cache.server";
import { env } from "~/utils/env.server";
import { activeUnits } from "~/models/obstacle.server";
import { cachedItemHistory, cachedItemPage } from "~/models/roadmap-item.server";
import { assertCanSee, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { itemPageAction, type ItemActionData } from "./items.$itemId._index.server";
import { pageMeta } from "~/utils/meta";

// The liaison's main page, opened most often on a phone on a mobile network: sent without React
// (decision 004), its forms posted by the browser and answered with their errors beside the fields,
// with the small plain script every such page has (a form posts once; the progress warning). Reached
// by a link inside the running app, it is rendered in the browser and its forms validate there.
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => data?.item.title ?? t("item.title"), "meta.item");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const itemId = params.itemId ?? "";
  const item = await cachedItemPage(itemId);
  if (!item) throw notFound();
  assertCanSee(user, "item.read", item);
  const actor = toPrincipal(user);
  // the item as the policy sees it: its campus, visibility and counterpart government unit
  const resource = { campusId: item.campusId, visibility: item.visibility, unitId: item.governmentUnitId };
  const internal = can(actor, "item.internal.read", resource);
  const assign = can(actor, "obstacle.assign", resource);
  const update = can(actor, "update.create", resource);
  // the cached page is shared by every viewer: what this one may not read is taken out here,
  // never only hidden by the component (loader data reaches the browser whole)
  const { campusPicContact, govPicContact, comments, updates, notes, obstacles, ...rest } = item;
  // every report's day and progress, for the chart (a part rendered once, the same for every
  // viewer), the correction picker and a correction's date
  const chart = derivedOnce(item, "chart", () => ({ reports: updates.map((u) => ({ id: u.id, reportedOn: u.reportedOn, progress: u.progress })) }));
  // a long history is sent in part (the newest entries) unless the whole of it is asked for. The
  // progress history is one object per cached page, length and kind of viewer (with or without the
  // evidence), holding all the history part shows: rendered once (app/components/static-markup.tsx)
  const whole = new URL(request.url).searchParams.get("history") === "all";
  const progressHistory = derivedOnce(item, `history:${whole ? "all" : "latest"}:${internal ? "internal" : "public"}`, () => {
    const shown = whole ? { updates, notes, hidden: 0 } : latestHistory(updates, notes, HISTORY_ENTRIES_SHOWN);
    return {
      updates: internal ? shown.updates : shown.updates.map((update) => ({ ...update, evidence: [] })),
      notes: shown.notes,
      hidden: shown.hidden,
      reports: chart.reports,
      showEvidence: internal,
    };
  });
  const changes = internal ? await cachedItemHistory(item.id) : [];
  return {
    item: {
      ...rest,
      updates: progressHistory.updates,
      notes: progressHistory.notes,
      reports: progressHistory.reports,
      // each obstacle is resolved by its owner: the campus, or the unit it was handed to
      obstacles: obstacles.map((o) => ({ ...o, resolvable: can(actor, "obstacle.resolve", { ...resource, unitId: o.ownerUnitId }) })),
      campusPicContact: internal ? campusPicContact : null,
      govPicContact: internal ? govPicContact : null,
    },
    progressHistory,
    chart,
    comments: internal ? comments : [],
    history: whole ? changes : derivedOnce(changes, "shown", () => changes.slice(0, CHANGES_SHOWN)),
    hidden: { entries: progressHistory.hidden, changes: whole ? 0 : Math.max(0, changes.length - CHANGES_SHOWN) },
    // the units an obstacle may be handed to (or a new one wait on): only for a form that offers them
    units: update || (assign && obstacles.some((o) => o.status === "OPEN")) ? await activeUnits() : [],
    today: toIsoDate(todayInBanten()),
    // the governor's office nudges the campus to update this item
    whatsapp: can(actor, "reminder.send", item)
      ? whatsAppNudge({ key: "whatsapp.item", params: { campus: item.campus.name, item: item.title } }, env().APP_URL, `/items/${item.id}#new-update`)
      : null,
    may: {
      internal,
      edit: can(actor, "item.edit", item),
      update,
      assign,
      comment: can(actor, "comment.create", resource),
      note: can(actor, "unit.note.create", resource) && !!item.governmentUnitId,
      addMilestone: can(actor, "milestone.manage", item),
    },
  };
}

export const action = itemPageAction;

/** The chart of every report's progress (a part rendered once: its source's reports and the language). */
function ReportsChart({ reports }: { reports: { reportedOn: Date | string; progress: number }[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ProgressChart
      points={reports.map((u) => ({ date: u.reportedOn, progress: u.progress }))}
      label={t("item.chartLabel")}
      formatDay={(iso) => formatDate(iso, locale)}
    />
  );
}

export default function ItemPage() {
  const { item, progressHistory, chart, comments, history, hidden, units, today, may, whatsapp } = useLoaderData<typeof loader>();
  const actionData = useActionData<ItemActionData>();
  const t = useT();
  const locale = useLocale();
  // a form kept when the session ended comes back into the form it came from, by its id
  const restoredInto = useRestoredDraft();
  const restoredUpdate = restoredInto(PROGRESS_FORM_ID);
  const areaName = locale === "en" ? item.priorityArea.nameEn : item.priorityArea.nameId;
  return (
    <article className="space-y-6">
      <header>
        <p>
          <PageLink to={`/campuses/${item.campus.slug}`} className="text-sm text-brand-700 underline">
            ← {item.campus.name}
          </PageLink>
        </p>
        <h1 className="mt-1 text-2xl font-bold">
          {item.title} {item.visibility === "DRAFT" ? <span className="rounded bg-slate-200 px-2 text-sm">{t("item.draftBadge")}</span> : null}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={item.status} />
          <div className="w-48">
            <ProgressBar value={item.progress} label={t("item.progress")} />
          </div>
          <span className="text-sm text-slate-600">
            {t("item.lastUpdate")}: {formatDate(item.lastUpdateAt, locale)}
          </span>
          {may.edit ? (
            <PageLink to={`/items/${item.id}/edit`} className="btn-secondary">
              {t("item.editLink")}
            </PageLink>
          ) : null}
          {whatsapp ? <WhatsAppLink href={whatsapp} /> : null}
        </div>
      </header>

      {/* the person acting comes for the form: it comes first, before the history that grows every month */}
      {may.update ? (
        <section className="card" aria-labelledby="new-update">
          <h2 id="new-update" className="text-lg font-semibold">{t("progress.title")}</h2>
          <RestoredNotice shown={!!restoredUpdate} />
          <div className="mt-3">
            <ProgressForm
              // a fresh, empty form once an update was posted (else its text and files would be sent again)
              key={item._count.updates}
              today={today}
              lastResult={actionData?.intent === "post-update" ? actionData.result : null}
              filesDropped={actionData?.intent === "post-update" ? actionData.filesDropped : false}
              previous={item.reports}
              currentProgress={item._count.updates > 0 ? item.progress : null}
              units={units}
              defaultValue={restoredUpdate ?? { reportedOn: today, progress: String(item.progress), status: item.status === "NOT_STARTED" ? "ON_TRACK" : item.status }}
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="progress-history">
        <h2 id="progress-history" className="text-lg font-semibold">{t("item.progressHistory")}</h2>
        <StaticMarkup name="progress-chart" source={chart} render={({ reports }) => <ReportsChart reports={reports} />} />
        <div className="mt-3" id="item-history">
          <StaticMarkup name="progress-history" source={progressHistory} render={(history) => <UpdateList {...history} />} />
          {hidden.entries ? (
            <ShowAllLink to="?history=all#item-history" testId="all-history">
              {t("item.allHistory", { count: hidden.entries })}
            </ShowAllLink>
          ) : null}
        </div>
        {may.note ? (
          <section className="card mt-3" aria-labelledby="government-note-title">
            <h3 id="government-note-title" className="font-semibold">{t("governmentNote.title")}</h3>
            <div className="mt-2">
              <GovernmentNoteForm
                // a fresh, empty form once a note was posted
                key={item.notes[0]?.id ?? "none"}
                lastResult={actionData?.intent === "government-note" ? actionData.result : null}
                defaultValue={restoredInto(GOVERNMENT_NOTE_FORM_ID)}
              />
            </div>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="obstacles">
        <h2 id="obstacles" className="text-lg font-semibold">{t("obstacle.title")}</h2>
        <ObstacleList
          obstacles={item.obstacles}
          canAssign={may.assign}
          units={units}
          today={today}
          lastResult={actionData?.intent === "resolve-obstacle" ? actionData : null}
          lastAssignResult={actionData?.intent === "assign-obstacle" ? actionData : null}
          restoredInto={restoredInto}
        />
      </section>

      <section aria-labelledby="milestones">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="milestones" className="text-lg font-semibold">{t("milestone.title")}</h2>
          {may.addMilestone ? (
            <PageLink to={`/items/${item.id}/milestones/new`} className="btn-secondary">
              {t("milestone.newLink")}
            </PageLink>
          ) : null}
        </div>
        <MilestoneList milestones={item.milestones} today={today} />
      </section>

      <section className="card" aria-labelledby="details">
        <h2 id="details" className="text-lg font-semibold">{t("item.details")}</h2>
        {item.description ? <p className="mt-2 whitespace-pre-line">{item.description}</p> : null}
        <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("item.priorityArea")}</dt>
          <dd>{areaName}</dd>
          <dt className="text-slate-600">{t("item.triDharma")}</dt>
          <dd>{t(labelKey("triDharma", item.triDharma))}</dd>
          <dt className="text-slate-600">{t("item.team")}</dt>
          <dd>{item.team ? <PageLink className="underline" to={`/teams/${item.team.id}`}>{item.team.name}</PageLink> : "–"}</dd>
          <dt className="text-slate-600">{t("item.governmentUnit")}</dt>
          <dd>
            {item.governmentUnit ? (
              <PageLink className="underline" to={`/units/${item.governmentUnit.code}`}>{item.governmentUnit.name}</PageLink>
            ) : (
              "–"
            )}
          </dd>
          <dt className="text-slate-600">{t("item.campusPic")}</dt>
          <dd>{[item.campusPicName, item.campusPicContact].filter(Boolean).join(" · ")}</dd>
          <dt className="text-slate-600">{t("item.govPic")}</dt>
          <dd>{[item.govPicName, item.govPicContact].filter(Boolean).join(" · ")}</dd>
          <dt className="text-slate-600">{t("item.plannedStart")} – {t("item.plannedEnd")}</dt>
          <dd>{formatDate(item.plannedStart, locale)} – {formatDate(item.plannedEnd, locale)}</dd>
          {item.agreement ? (
            <>
              <dt className="text-slate-600">{t("agreements.implements")}</dt>
              <dd data-testid="item-agreement">
                <PageLink className="underline" to={`/agreements/${item.agreement.id}`}>
                  {t(labelKey("agreement.kind", item.agreement.kind))} · {item.agreement.title}
                </PageLink>{" "}
                ({formatDate(item.agreement.validFrom, locale)} – {formatDate(item.agreement.validUntil, locale)})
              </dd>
            </>
          ) : null}
          {item.targets ? (<><dt className="text-slate-600">{t("item.targets")}</dt><dd className="whitespace-pre-line">{item.targets}</dd></>) : null}
          {item.budgetIdr !== null ? (<><dt className="text-slate-600">{t("item.budget")}</dt><dd>{formatIdr(item.budgetIdr, locale)}</dd></>) : null}
          {item.industryPartners ? (<><dt className="text-slate-600">{t("item.industryPartners")}</dt><dd>{item.industryPartners}</dd></>) : null}
        </dl>
      </section>

      {may.internal ? (
        <section aria-labelledby="comments">
          <h2 id="comments" className="text-lg font-semibold">{t("comment.title")}</h2>
          <CommentSection
            comments={comments}
            canComment={may.comment}
            lastResult={actionData?.intent === "comment" ? actionData.result : null}
            defaultValue={restoredInto(COMMENT_FORM_ID)}
          />
        </section>
      ) : null}

      {may.internal ? (
        <section aria-labelledby="history">
          <h2 id="history" className="text-lg font-semibold">{t("item.history")}</h2>
          <StaticMarkup name="change-history" source={history} render={(events) => <ItemHistory events={events} />} />
          {hidden.changes ? (
            <ShowAllLink to="?history=all#history" testId="all-changes">
              {t("item.allChanges", { count: hidden.changes })}
            </ShowAllLink>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
