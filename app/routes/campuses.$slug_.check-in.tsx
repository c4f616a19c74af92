import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckInForm, CHECK_IN_FORM_ID, type CheckInListItem } from "~/components/check-in-form";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useT } from "~/components/i18n";
import { todayInBanten, toIsoDate } from "~/domain/dates";
import { translator } from "~/domain/i18n";
import { checkInSchema } from "~/domain/schemas/all.server";
import { isItemOverdue, isStale } from "~/domain/status";
import { getCampusBySlug } from "~/models/campus.server";
import { openItemsForCheckIn, postCheckIn, type CheckInReport } from "~/models/roadmap-item.server";
import { assertCan, authorOf, notFound, requirePermission, requireUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { getLocale, redirectWithToast } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

// The monthly check-in (/campuses/:slug/check-in): every open item of a campus on one page, one
// progress report per changed row, all in one transaction. Who may: whoever may post a progress
// update for the campus ("update.create": its liaisons and administrators).

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => `${t("checkIn.title")} · ${data?.campus.abbreviation ?? data?.campus.name ?? ""}`, "meta.checkIn");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  await requirePermission(request, "update.create", { campusId: campus.id });
  const today = todayInBanten();
  const days = env().STALE_AFTER_DAYS;
  const rows = (await openItemsForCheckIn(campus.id)).map((item) => ({
    ...item,
    overdue: isItemOverdue(item, today),
    stale: isStale(item, today, days),
  }));
  // overdue first, then stale, then the longest unreported
  const rank = (r: (typeof rows)[number]) => (r.overdue ? 0 : r.stale ? 1 : 2);
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.lastUpdateAt ?? a.createdAt).getTime() - (b.lastUpdateAt ?? b.createdAt).getTime() ||
      a.title.localeCompare(b.title),
  );
  const items: CheckInListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    progress: r.progress,
    draft: r.visibility === "DRAFT",
    overdue: r.overdue,
    stale: r.stale,
    lastUpdateAt: r.lastUpdateAt ? r.lastUpdateAt.toISOString() : null,
  }));
  return json({ campus: { slug: campus.slug, name: campus.name, abbreviation: campus.abbreviation }, items, today: toIsoDate(today), staleDays: days });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const campus = await getCampusBySlug(params.slug ?? "");
    if (!campus) throw notFound();
    assertCan(user, "update.create", { campusId: campus.id });
    const formData = await readFormData(request);
    const submission = parseForm(formData, checkInSchema(todayInBanten()));
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    const t = translator(await getLocale(request));
    const reports: CheckInReport[] = [];
    for (const row of submission.value.rows) {
      if (row.kind === "changed") reports.push(row);
      else if (row.kind === "no-change") reports.push({ ...row, narrative: row.narrative ?? t("checkIn.noChangeNarrative") });
    }
    const posted = await postCheckIn(authorOf(user, context), campus.id, submission.value.reportedOn, reports);
    if (!posted.ok) return json({ result: submission.reply({ formErrors: ["checkIn.itemGone"] }) }, { status: 409 });
    return redirectWithToast(request, `/campuses/${campus.slug}`, { type: "success", key: "checkIn.posted", params: { count: posted.posted } });
  });
}

export default function CheckInPage() {
  const { campus, items, today, staleDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const restored = useRestoredDraft()(CHECK_IN_FORM_ID);
  return (
    <div className="space-y-4">
      <Link to={`/campuses/${campus.slug}`} className="text-sm text-brand-700 underline">
        ← {campus.name}
      </Link>
      <h1 className="text-2xl font-bold">{t("checkIn.title")}</h1>
      <p className="text-slate-700">{t("checkIn.intro", { campus: campus.abbreviation ?? campus.name })}</p>
      <RestoredNotice shown={!!restored} />
      {items.length === 0 ? (
        <p className="text-slate-600">{t("checkIn.none")}</p>
      ) : (
        <CheckInForm items={items} today={today} staleDays={staleDays} lastResult={actionData?.result ?? null} restored={restored} />
      )}
    </div>
  );
}
