import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { MilestoneQueue, QueuePager, type QueueRow } from "~/components/milestone-queue";
import { todayInBanten } from "~/domain/dates";
import { daysWaiting } from "~/domain/milestone";
import { can } from "~/domain/policy";
import { isMilestoneOverdue } from "~/domain/status";
import { REVIEW_PAGE, reviewQueue } from "~/models/milestone.server";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.review", "meta.review");

const MAX_PAGE = 10_000;

function pageParam(url: URL, name: string): number {
  const n = Number(url.searchParams.get(name) ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
}

type Row = Awaited<ReturnType<typeof reviewQueue>>["submitted"][number];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "review.read");
  const actor = toPrincipal(user);
  const url = new URL(request.url);
  const page = { submitted: pageParam(url, "page"), returned: pageParam(url, "returnedPage") };
  const today = todayInBanten();
  const now = new Date();
  const queue = await reviewQueue(actor, page, today);
  const row = (m: Row, since: Date | null) => ({
    id: m.id,
    title: m.title,
    state: m.state,
    dueDate: m.dueDate,
    since,
    daysWaiting: daysWaiting(since, now),
    overdue: isMilestoneOverdue(m, today),
    item: m.item ? { id: m.item.id, title: m.item.title } : null,
    campus: m.item?.campus ?? m.agreement?.campus ?? null,
  });
  const pages = (count: number) => Math.max(1, Math.ceil(count / REVIEW_PAGE));
  return json({
    counts: queue.counts,
    // what the overdue count holds, so the page can say how it differs from the dashboard's
    overdueParts: queue.overdue,
    submitted: queue.submitted.map((m) => row(m, m.submittedAt)),
    returned: queue.returned.map((m) => row(m, m.reviewedAt)),
    page,
    pages: { submitted: pages(queue.counts.submitted), returned: pages(queue.counts.returned) },
    canEvaluate: can(actor, "milestone.evaluate"),
  });
}

export default function ReviewQueuePage() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const t = useT();
  const stats = [
    { key: "reviewQueue.submitted", value: data.counts.submitted, id: "count-submitted" },
    { key: "reviewQueue.returned", value: data.counts.returned, id: "count-returned" },
    { key: "reviewQueue.overdue", value: data.counts.overdue, id: "count-overdue" },
  ] as const;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("reviewQueue.title")}</h1>
        <p className="mt-1 text-slate-700">{t("reviewQueue.intro")}</p>
      </header>
      <dl className="grid grid-cols-3 gap-2">
        {stats.map((s) => (
          <div key={s.key} className="card text-center">
            <dt className="text-xs text-slate-600 sm:text-sm">{t(s.key)}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid={s.id}>
              {s.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600" data-testid="overdue-scope">
        {t("reviewQueue.overdue.scope", { ...data.overdueParts })}
      </p>
      <section aria-labelledby="queue-submitted">
        <h2 id="queue-submitted" className="text-lg font-semibold">
          {t("reviewQueue.submitted")} ({data.counts.submitted})
        </h2>
        <div className="mt-2" data-testid="queue-submitted">
          <MilestoneQueue rows={data.submitted as QueueRow[]} empty={t("reviewQueue.emptySubmitted")} evaluate={data.canEvaluate} />
        </div>
        <QueuePager param="page" page={data.page.submitted} pages={data.pages.submitted} search={search} />
      </section>
      <section aria-labelledby="queue-returned">
        <h2 id="queue-returned" className="text-lg font-semibold">
          {t("reviewQueue.returned")} ({data.counts.returned})
        </h2>
        <div className="mt-2" data-testid="queue-returned">
          <MilestoneQueue rows={data.returned as QueueRow[]} empty={t("reviewQueue.emptyReturned")} evaluate={false} />
        </div>
        <QueuePager param="returnedPage" page={data.page.returned} pages={data.pages.returned} search={search} />
      </section>
    </div>
  );
}
