import { describe, expect, it } from "vitest";
import {
  BRIEFING_LIST_LIMIT,
  briefingPeriod,
  campusLight,
  capList,
  quarterWindow,
  verdictRank,
} from "~/domain/briefing";
import { awaitingCampusAt, statusShares } from "~/domain/status";

const light = (counts: Parameters<typeof statusShares>[0], overdue = 0) => {
  const s = statusShares(counts);
  return campusLight({ atRisk: s.total ? s.atRisk : null, delayed: s.total ? s.delayed : null, overdue });
};

describe("campus light", () => {
  it("is grey with nothing to judge", () => {
    expect(campusLight({ atRisk: null, delayed: null, overdue: 0 })).toBe("GREY");
    // only cancelled items: no share to judge
    expect(light({ CANCELLED: 3 })).toBe("GREY");
  });

  it("is green when everything is on track or barely at risk", () => {
    expect(light({ ON_TRACK: 4 })).toBe("GREEN");
    expect(light({ ON_TRACK: 3, NOT_STARTED: 2, COMPLETED: 1 })).toBe("GREEN");
    // 1 of 5 at risk = 20 %: under the amber threshold
    expect(light({ ON_TRACK: 4, AT_RISK: 1 })).toBe("GREEN");
  });

  it("turns red at exactly a quarter delayed, amber just below", () => {
    expect(light({ ON_TRACK: 3, DELAYED: 1 })).toBe("RED"); // 25 %
    expect(light({ ON_TRACK: 4, DELAYED: 1 })).toBe("GREEN"); // 20 %, nothing else
    expect(light({ ON_TRACK: 3, AT_RISK: 1, DELAYED: 1 })).toBe("AMBER"); // 20 % delayed, 40 % concern
  });

  it("turns amber at exactly a quarter at risk or delayed, tolerating float noise", () => {
    expect(light({ ON_TRACK: 3, AT_RISK: 1 })).toBe("AMBER");
    expect(light({ ON_TRACK: 9, AT_RISK: 2, DELAYED: 1 })).toBe("AMBER"); // 2/12 + 1/12
    expect(light({ ON_TRACK: 10, AT_RISK: 2, DELAYED: 1 })).toBe("GREEN"); // 3/13 = 23 %
    // a share a rounding error below a quarter is a quarter; a real shortfall is not
    expect(campusLight({ atRisk: 0.25 - 1e-12, delayed: 0, overdue: 0 })).toBe("AMBER");
    expect(campusLight({ atRisk: 0.249, delayed: 0, overdue: 0 })).toBe("GREEN");
    expect(campusLight({ atRisk: 0, delayed: 0.25 - 1e-12, overdue: 0 })).toBe("RED");
  });

  it("ignores cancelled items in the shares", () => {
    // 1 delayed of 4 not cancelled = 25 % (of 8 with the cancelled it would be 12.5 %)
    expect(light({ ON_TRACK: 3, DELAYED: 1, CANCELLED: 4 })).toBe("RED");
  });

  it("counts overdue milestones: any is amber, three is red", () => {
    expect(light({ ON_TRACK: 10 }, 1)).toBe("AMBER");
    expect(light({ ON_TRACK: 10 }, 2)).toBe("AMBER");
    expect(light({ ON_TRACK: 10 }, 3)).toBe("RED");
    // overdue milestones count even when no share can be computed
    expect(campusLight({ atRisk: null, delayed: null, overdue: 1 })).toBe("AMBER");
    expect(campusLight({ atRisk: null, delayed: null, overdue: 3 })).toBe("RED");
  });

  it("takes the worse of the two rules", () => {
    expect(light({ ON_TRACK: 1, DELAYED: 1 }, 1)).toBe("RED");
    expect(light({ ON_TRACK: 3, AT_RISK: 1 }, 3)).toBe("RED");
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
