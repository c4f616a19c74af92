import { describe, expect, it } from "vitest";
import { DASHBOARD_PAGE_SIZE, parseDashboardFilter, sortRows } from "~/domain/dashboard";

const parse = (query: string) => parseDashboardFilter(new URLSearchParams(query));

describe("parseDashboardFilter", () => {
  it("reads filters, sort and page; ignores what it does not know", () => {
    expect(parse("campus=itb&unit=bappeda&status=DELAYED&period=2026-Q3&sort=stale&dir=desc&page=3")).toEqual({
      campus: "itb",
      area: null,
      unit: "bappeda",
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

it("fits the 12 signatories on one page", () => {
  expect(DASHBOARD_PAGE_SIZE).toBeGreaterThanOrEqual(12);
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
