import { describe, expect, it } from "vitest";
import { DASHBOARD_PAGE_SIZE, pageOf, parseDashboardFilter, sortRows } from "~/domain/dashboard";

const parse = (query: string) => parseDashboardFilter(new URLSearchParams(query));

describe("parseDashboardFilter", () => {
  it("reads filters, sort and page; ignores what it does not know", () => {
    expect(parse("campus=itb&status=DELAYED&period=2026-Q3&sort=stale&dir=desc&page=3")).toEqual({
      campus: "itb",
      area: null,
      status: "DELAYED",
      period: "2026-Q3",
      sort: "stale",
      dir: "desc",
      page: 3,
    });
    expect(parse("status=SOMETHING&period=2026-Q9&sort=evil&dir=up")).toMatchObject({ status: null, period: null, sort: "name", dir: "asc" });
  });
  it.each(["", "0", "-2", "1.5", "abc", "1e9"])("falls back to page 1 for %j", (value) => {
    expect(parse(`page=${value}`).page).toBe(1);
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 45 }, (_, i) => i + 1);
  it("slices pages and says where they are", () => {
    expect(pageOf(rows, 1, 20)).toEqual({ rows: rows.slice(0, 20), page: 1, pages: 3, total: 45, from: 1, to: 20 });
    expect(pageOf(rows, 3, 20)).toEqual({ rows: [41, 42, 43, 44, 45], page: 3, pages: 3, total: 45, from: 41, to: 45 });
  });
  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageOf(rows, 7, 20).page).toBe(3);
    expect(pageOf([], 2, 20)).toEqual({ rows: [], page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });
  it("fits the 12 signatories on one page", () => {
    expect(pageOf(Array.from({ length: 12 }), 1).pages).toBe(1);
    expect(DASHBOARD_PAGE_SIZE).toBeGreaterThanOrEqual(12);
  });
});

describe("sortRows", () => {
  const row = (name: string, items: number | null) => ({ name, items, progress: null, onTrack: null, atRisk: null, delayed: null, overdue: 0, stale: 0, obstacles: 0, lastUpdate: null });
  it("sorts both ways and keeps campuses without a value last", () => {
    const rows = [row("B", 2), row("A", null), row("C", 5)];
    expect(sortRows(rows, "items", "asc").map((r) => r.name)).toEqual(["B", "C", "A"]);
    expect(sortRows(rows, "items", "desc").map((r) => r.name)).toEqual(["C", "B", "A"]);
    expect(sortRows(rows, "name", "asc").map((r) => r.name)).toEqual(["A", "B", "C"]);
  });
});
