import { describe, expect, it } from "vitest";
import {
  BRIEFING_LIST_LIMIT,
  briefingPeriod,
  CAMPUS_LIGHT_RULE,
  campusLight,
  capList,
  groupByUnit,
  quarterWindow,
  verdictRank,
} from "~/domain/briefing";
import { needScore, rankByNeed } from "~/domain/campus-need";
import { awaitingCampusAt } from "~/domain/status";

const light = (f: Partial<{ overdue: number; delayedItems: number; stale: number; items: number }>) =>
  campusLight({ overdue: 0, delayedItems: 0, stale: 0, items: 5, ...f });

describe("campus light, read from the points of need", () => {
  it("is grey with no items, green with nothing past due, delayed or unreported", () => {
    expect(light({ items: 0 })).toBe("GREY");
    expect(light({})).toBe("GREEN");
  });

  it("is amber from the first point, red from 20", () => {
    expect(light({ stale: 1 })).toBe("AMBER");
    expect(light({ delayedItems: 1 })).toBe("AMBER");
    expect(light({ overdue: 1 })).toBe("AMBER");
    expect(light({ overdue: 6, delayedItems: 0, stale: 1 })).toBe("AMBER"); // 19
    expect(light({ overdue: 6, delayedItems: 1 })).toBe("RED"); // 20
    expect(light({ delayedItems: 10 })).toBe("RED"); // 20
    expect(light({ stale: 19 })).toBe("AMBER");
  });

  it("never shows green a campus with milestones past due and items gone silent", () => {
    for (let overdue = 1; overdue <= 10; overdue++) {
      for (let stale = 1; stale <= 10; stale++) expect(light({ overdue, stale })).not.toBe("GREEN");
    }
  });

  it("marks no more than about a third of the campuses red on the demo data, and agrees with the ordering", () => {
    // the 12 campuses of the demo data (prisma/seed-demo.ts) as the dashboard counts them; the
    // old share-based rule marked 9 of them red
    const demo = [
      { name: "ITB", items: 12, overdue: 2, delayedItems: 6, stale: 3 },
      { name: "UNMA", items: 13, overdue: 5, delayedItems: 3, stale: 2 },
      { name: "UMT", items: 5, overdue: 3, delayedItems: 2, stale: 1 },
      { name: "UIN", items: 7, overdue: 1, delayedItems: 2, stale: 2 },
      { name: "UNTARA", items: 5, overdue: 1, delayedItems: 0, stale: 1 },
      { name: "UKRI", items: 8, overdue: 2, delayedItems: 1, stale: 2 },
      { name: "ITI", items: 8, overdue: 3, delayedItems: 4, stale: 2 },
      { name: "YATSI", items: 11, overdue: 6, delayedItems: 4, stale: 3 },
      { name: "SETIA BUDHI", items: 6, overdue: 2, delayedItems: 1, stale: 2 },
      { name: "UNWIM", items: 14, overdue: 3, delayedItems: 5, stale: 3 },
      { name: "IKNUS", items: 11, overdue: 1, delayedItems: 3, stale: 3 },
      { name: "STISIP", items: 7, overdue: 1, delayedItems: 4, stale: 1 },
    ].map((c) => ({ ...c, obstacles: 1, lastUpdate: 4 }));
    const ranked = rankByNeed(demo);
    const lights = ranked.map((c) => campusLight(c));
    const red = lights.filter((l) => l === "RED").length;
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThanOrEqual(demo.length / 3);
    expect(lights).not.toContain("GREEN"); // every demo campus has milestones past due and silent items
    // the lights follow the ordering: every red one before every amber one
    expect(lights).toEqual([...lights].sort((a, b) => ["RED", "AMBER", "GREEN", "GREY"].indexOf(a) - ["RED", "AMBER", "GREEN", "GREY"].indexOf(b)));
    expect(ranked.slice(0, red).map((c) => c.name)).toEqual(["YATSI", "UNMA", "UNWIM", "ITB"]);
    expect(needScore(ranked[red]!)).toBeLessThan(CAMPUS_LIGHT_RULE.red);
  });
});

describe("obstacles waiting on units", () => {
  it("are grouped by unit in the order they come", () => {
    const row = (id: string, code: string) => ({ id, unit: { code, name: code.toUpperCase() } });
    expect(groupByUnit([row("1", "dinkes"), row("2", "bappeda"), row("3", "dinkes")])).toEqual([
      { unit: { code: "dinkes", name: "DINKES" }, rows: [row("1", "dinkes"), row("3", "dinkes")] },
      { unit: { code: "bappeda", name: "BAPPEDA" }, rows: [row("2", "bappeda")] },
    ]);
    expect(groupByUnit([])).toEqual([]);
  });
});

describe("briefing period", () => {
  const today = new Date("2026-11-25T00:00:00Z");
  it("defaults to the current quarter, live", () => {
    expect(briefingPeriod(null, today)).toEqual({ kind: "live", quarter: "2026-Q4" });
    expect(briefingPeriod("", today)).toEqual({ kind: "live", quarter: "2026-Q4" });
    expect(briefingPeriod("  ", today)).toEqual({ kind: "live", quarter: "2026-Q4" });
    expect(briefingPeriod("2026-Q4", today)).toEqual({ kind: "live", quarter: "2026-Q4" });
  });
  it("reads any other quarter from its snapshots, and refuses what is not a quarter", () => {
    expect(briefingPeriod("2026-Q3", today)).toEqual({ kind: "closed", quarter: "2026-Q3" });
    expect(briefingPeriod("2027-Q1", today)).toEqual({ kind: "closed", quarter: "2027-Q1" });
    expect(briefingPeriod("2026-Q5", today)).toEqual({ kind: "invalid" });
    expect(briefingPeriod("Q3", today)).toEqual({ kind: "invalid" });
  });
});

describe("quarter window", () => {
  it("gives calendar days for due dates and Banten instants for timestamps", () => {
    const w = quarterWindow("2026-Q3");
    expect(w.start.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-09-30T00:00:00.000Z");
    // 1 July 00:00 WIB and 1 October 00:00 WIB
    expect(w.from.toISOString()).toBe("2026-06-30T17:00:00.000Z");
    expect(w.until.toISOString()).toBe("2026-09-30T17:00:00.000Z");
  });
});

describe("milestone waiting for the campus at an instant", () => {
  const at = new Date("2026-09-30T17:00:00Z");
  const before = new Date("2026-09-10T03:00:00Z");
  const after = new Date("2026-10-05T03:00:00Z");
  it("never submitted, or submitted only afterwards: waiting", () => {
    expect(awaitingCampusAt({ state: "PENDING", submittedAt: null, reviewedAt: null }, at)).toBe(true);
    expect(awaitingCampusAt({ state: "MET", submittedAt: after, reviewedAt: after }, at)).toBe(true);
    expect(awaitingCampusAt({ state: "SUBMITTED", submittedAt: at, reviewedAt: null }, at)).toBe(true);
  });
  it("submitted before: not waiting, unless returned before and still returned", () => {
    expect(awaitingCampusAt({ state: "SUBMITTED", submittedAt: before, reviewedAt: null }, at)).toBe(false);
    expect(awaitingCampusAt({ state: "MET", submittedAt: before, reviewedAt: after }, at)).toBe(false);
    expect(awaitingCampusAt({ state: "NOT_MET", submittedAt: before, reviewedAt: before }, at)).toBe(false);
    expect(awaitingCampusAt({ state: "RETURNED", submittedAt: before, reviewedAt: before }, at)).toBe(true);
    // returned only after the instant: it was still with the governor's office then
    expect(awaitingCampusAt({ state: "RETURNED", submittedAt: before, reviewedAt: after }, at)).toBe(false);
  });
});

describe("lists", () => {
  it("put the worst indicator verdicts first", () => {
    const verdicts = ["REACHED", "NO_TARGET", "ON_COURSE", "MISSED", "NO_TREND", "OFF_COURSE", "NO_DATA"];
    expect([...verdicts].sort((a, b) => verdictRank(a) - verdictRank(b))).toEqual([
      "MISSED",
      "OFF_COURSE",
      "NO_DATA",
      "NO_TREND",
      "ON_COURSE",
      "REACHED",
      "NO_TARGET",
    ]);
    expect(verdictRank("SOMETHING_ELSE")).toBe(7);
  });
  it("stop at the limit and say how many more", () => {
    const rows = Array.from({ length: 14 }, (_, i) => i);
    expect(capList(rows, 23)).toEqual({ rows: rows.slice(0, BRIEFING_LIST_LIMIT), more: 13 });
    expect(capList([1, 2], 2)).toEqual({ rows: [1, 2], more: 0 });
    expect(capList([], 0)).toEqual({ rows: [], more: 0 });
  });
});
