import { describe, expect, it } from "vitest";
import {
  addQuarters,
  barLayout,
  dayOffset,
  parseRoadmapFilter,
  quarterColumns,
  quarterIndex,
  quarterSpan,
  resolveWindow,
  timelineBounds,
  windowDates,
} from "~/domain/roadmap-timeline";
import { isItemOverdue } from "~/domain/status";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-25");

describe("isItemOverdue", () => {
  it("an open item whose planned end is before today is overdue", () => {
    for (const status of ["NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED"]) {
      expect(isItemOverdue({ status, plannedEnd: d("2026-11-24") }, today), status).toBe(true);
    }
  });
  it("an item planned to end today or later is not overdue", () => {
    expect(isItemOverdue({ status: "DELAYED", plannedEnd: today }, today)).toBe(false);
    expect(isItemOverdue({ status: "ON_TRACK", plannedEnd: d("2027-01-01") }, today)).toBe(false);
  });
  it("completed and cancelled items are never overdue", () => {
    expect(isItemOverdue({ status: "COMPLETED", plannedEnd: d("2026-01-01") }, today)).toBe(false);
    expect(isItemOverdue({ status: "CANCELLED", plannedEnd: d("2026-01-01") }, today)).toBe(false);
  });
});

describe("quarters", () => {
  it("count and step across years", () => {
    expect(quarterIndex("2026-Q1") - quarterIndex("2025-Q4")).toBe(1);
    expect(addQuarters("2025-Q4", 1)).toBe("2026-Q1");
    expect(addQuarters("2026-Q4", 8)).toBe("2028-Q4");
    expect(addQuarters("2026-Q1", -2)).toBe("2025-Q3");
    expect(quarterSpan("2025-Q4", "2026-Q3")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(quarterSpan("2026-Q3", "2026-Q1")).toEqual([]);
    expect(() => quarterIndex("2026-Q5")).toThrow();
  });
  it("columns mark where a year starts", () => {
    expect(quarterColumns({ from: "2025-Q4", to: "2026-Q2" })).toEqual([
      { quarter: "2025-Q4", year: 2025, q: 4, startsYear: true },
      { quarter: "2026-Q1", year: 2026, q: 1, startsYear: true },
      { quarter: "2026-Q2", year: 2026, q: 2, startsYear: false },
    ]);
  });
  it("the timeline runs from the signing quarter to two years ahead", () => {
    expect(timelineBounds(today)).toEqual({ first: "2025-Q4", last: "2028-Q4" });
  });
});

describe("parseRoadmapFilter", () => {
  it("reads campus, area, unit, quarters, overdue and page from the URL", () => {
    expect(parseRoadmapFilter(new URLSearchParams("campus=itb&area=health&unit=bappeda&from=2026-Q1&to=2027-Q2&overdue=1&page=2"))).toEqual({
      campus: "itb",
      area: "health",
      unit: "bappeda",
      from: "2026-Q1",
      to: "2027-Q2",
      overdue: true,
      page: 2,
    });
  });
  it("ignores malformed values", () => {
    expect(parseRoadmapFilter(new URLSearchParams("campus=&unit=&from=2026-Q5&to=next&overdue=yes&page=-1"))).toEqual({
      campus: null,
      area: null,
      unit: null,
      from: null,
      to: null,
      overdue: false,
      page: 1,
    });
    expect(parseRoadmapFilter(new URLSearchParams("page=1.5")).page).toBe(1);
  });
});

describe("resolveWindow", () => {
  const none = { start: null, end: null };
  it("spans the filtered items by default", () => {
    expect(resolveWindow({ from: null, to: null }, { start: d("2026-02-10"), end: d("2027-05-01") }, today)).toEqual({
      from: "2026-Q1",
      to: "2027-Q2",
    });
  });
  it("caps the span at the signing quarter and two years ahead", () => {
    expect(resolveWindow({ from: null, to: null }, { start: d("2024-03-01"), end: d("2031-01-01") }, today)).toEqual({
      from: "2025-Q4",
      to: "2028-Q4",
    });
  });
  it("lets the URL choose the quarters, within the same bounds", () => {
    const span = { start: d("2026-02-10"), end: d("2027-05-01") };
    expect(resolveWindow({ from: "2026-Q3", to: "2026-Q4" }, span, today)).toEqual({ from: "2026-Q3", to: "2026-Q4" });
    expect(resolveWindow({ from: "2020-Q1", to: "2035-Q1" }, span, today)).toEqual({ from: "2025-Q4", to: "2028-Q4" });
    expect(resolveWindow({ from: "2026-Q4", to: null }, span, today)).toEqual({ from: "2026-Q4", to: "2027-Q2" });
  });
  it("puts reversed quarters in order, and keeps the one the URL chose", () => {
    expect(resolveWindow({ from: "2027-Q2", to: "2026-Q1" }, none, today)).toEqual({ from: "2026-Q1", to: "2027-Q2" });
    const span = { start: d("2026-02-10"), end: d("2026-05-01") };
    expect(resolveWindow({ from: "2027-Q1", to: null }, span, today)).toEqual({ from: "2027-Q1", to: "2027-Q1" });
    expect(resolveWindow({ from: null, to: "2025-Q4" }, span, today)).toEqual({ from: "2025-Q4", to: "2025-Q4" });
  });
  it("without items shows the coming year", () => {
    expect(resolveWindow({ from: null, to: null }, none, today)).toEqual({ from: "2026-Q4", to: "2027-Q3" });
  });
});

describe("bar layout", () => {
  // 2026-Q1 .. 2026-Q2: 1 Jan – 30 Jun, 181 days
  const window = windowDates({ from: "2026-Q1", to: "2026-Q2" });
  it("covers the window by calendar days", () => {
    expect(window).toEqual({ start: d("2026-01-01"), end: d("2026-06-30") });
    expect(barLayout(window, d("2026-01-01"), d("2026-06-30"))).toEqual({ left: 0, width: 1, clippedStart: false, clippedEnd: false });
    // 1 Apr is day 90; 30 Jun is the last day
    expect(barLayout(window, d("2026-04-01"), d("2026-06-30"))).toEqual({ left: 90 / 181, width: 91 / 181, clippedStart: false, clippedEnd: false });
    // a one-day item still has the width of one day
    expect(barLayout(window, d("2026-01-10"), d("2026-01-10"))!.width).toBe(1 / 181);
  });
  it("clips items that run past the window and says so", () => {
    expect(barLayout(window, d("2025-10-01"), d("2026-01-31"))).toEqual({ left: 0, width: 31 / 181, clippedStart: true, clippedEnd: false });
    expect(barLayout(window, d("2026-06-01"), d("2027-01-31"))).toEqual({ left: 151 / 181, width: 30 / 181, clippedStart: false, clippedEnd: true });
  });
  it("leaves out items wholly outside the window, or with their dates the wrong way round", () => {
    expect(barLayout(window, d("2025-01-01"), d("2025-12-31"))).toBeNull();
    expect(barLayout(window, d("2026-07-01"), d("2026-12-31"))).toBeNull();
    expect(barLayout(window, d("2026-03-01"), d("2026-02-01"))).toBeNull();
  });
  it("places a day (a milestone, today) at its middle", () => {
    expect(dayOffset(window, d("2026-01-01"))).toBe(0.5 / 181);
    expect(dayOffset(window, d("2026-06-30"))).toBe(180.5 / 181);
    expect(dayOffset(window, d("2026-07-01"))).toBeNull();
    expect(dayOffset(window, d("2025-12-31"))).toBeNull();
  });
});
