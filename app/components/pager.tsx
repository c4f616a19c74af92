import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "./i18n";

/** Previous/next links for a paged list; keeps the other URL parameters (filters, sort). */
export function Pager({ page, pages, label, summary }: { page: number; pages: number; label: string; summary: string }) {
  const t = useT();
  const [params] = useSearchParams();
  if (pages <= 1) return null;
  const link = (to: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(to));
    return `?${next}`;
  };
  return (
    <nav aria-label={label} className="no-print mt-2 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link to={link(page - 1)} className="btn-secondary" rel="prev">
          {t("pager.previous")}
        </Link>
      ) : null}
      <span>{summary}</span>
      {page < pages ? (
        <Link to={link(page + 1)} className="btn-secondary" rel="next">
          {t("pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
