import { describe, expect, it } from "vitest";
import { pageOf, parsePage } from "~/domain/paging";

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
});

describe("parsePage", () => {
  it("reads whole page numbers from 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(null)).toBe(1);
  });
});
