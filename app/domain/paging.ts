// Paging of lists that would otherwise grow with the province (campuses, items).

/** A 1-based page number from the URL; anything else is page 1. */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export type Page<T> = { rows: T[]; page: number; pages: number; total: number; from: number; to: number };

/** One page of `rows`; a page past the end shows the last page. */
export function pageOf<T>(rows: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: current, pages, total: rows.length, from: slice.length ? start + 1 : 0, to: start + slice.length };
}
