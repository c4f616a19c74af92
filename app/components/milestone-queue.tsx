import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/i18n";
import { useLocale, useT } from "./i18n";
import { MilestoneBadge } from "./status";

export type QueueRow = {
  id: string;
  title: string;
  state: string;
  dueDate: string;
  /** when it was submitted (awaiting evaluation) or returned (awaiting rework) */
  since: string | null;
  daysWaiting: number | null;
  overdue: boolean;
  item: { id: string; title: string } | null;
  campus: { slug: string; name: string } | null;
};

/** One list of the review queue: cards that stay readable at 360 px. */
export function MilestoneQueue({ rows, empty, evaluate }: { rows: QueueRow[]; empty: string; evaluate: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2">
      {rows.map((r) => (
        <li key={r.id} className="card" data-testid="queue-row">
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/milestones/${r.id}`} className="font-semibold text-brand-700 underline">
              {r.title}
            </Link>
            <MilestoneBadge state={r.state} />
          </p>
          <p className="text-sm text-slate-700">
            {[r.campus?.name, r.item?.title].filter(Boolean).join(" · ")}
          </p>
          <p className="text-sm text-slate-600">
            {t("milestone.due", { date: formatDate(r.dueDate, locale) })}
            {r.overdue ? <span className="ml-2 font-semibold text-red-700">{t("milestone.overdue")}</span> : null}
            {r.since ? (
              <>
                {" · "}
                {t(r.state === "RETURNED" ? "reviewQueue.returnedOn" : "reviewQueue.submittedOn", { date: formatDate(r.since, locale) })}
              </>
            ) : null}
            {r.daysWaiting !== null ? (
              <strong className="ml-2 text-slate-900" data-testid="days-waiting">
                {t("reviewQueue.daysWaiting", { days: r.daysWaiting })}
              </strong>
            ) : null}
          </p>
          {evaluate ? (
            <p className="mt-2">
              <Link to={`/milestones/${r.id}#evaluate-form`} className="btn-secondary">
                {t("reviewQueue.evaluate")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Previous / next links of one list, keeping the other list's page in the URL. */
export function QueuePager({
  param,
  page,
  pages,
  search,
}: {
  param: string;
  page: number;
  pages: number;
  search: string;
}) {
  const t = useT();
  if (pages <= 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(search);
    params.set(param, String(p));
    return `?${params}`;
  };
  return (
    <nav className="mt-2 flex flex-wrap items-center gap-3 text-sm" aria-label={t("reviewQueue.page", { page, pages })}>
      {page > 1 ? (
        <Link className="underline" to={to(page - 1)}>
          {t("reviewQueue.previous")}
        </Link>
      ) : null}
      <span>{t("reviewQueue.page", { page, pages })}</span>
      {page < pages ? (
        <Link className="underline" to={to(page + 1)}>
          {t("reviewQueue.next")}
        </Link>
      ) : null}
    </nav>
  );
}
