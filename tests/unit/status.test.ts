import { describe, expect, it } from "vitest";
import { currentState } from "~/domain/roadmap";
import { sql } from "~/domain/sql";
import {
  countsInShares,
  isItemOverdue,
  isMilestoneDueSoon,
  isMilestoneOverdue,
  isStale,
  needsGovernorOffice,
  onTrackShare,
  overdueMilestoneSql,
  statusLight,
  statusShares,
  wasObstacleOpenAt,
} from "~/domain/status";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-25");

describe("overdue milestones", () => {
  it("are those still waiting for the campus whose due date is before today", () => {
    expect(isMilestoneOverdue({ state: "PENDING", dueDate: d("2026-11-24") }, today)).toBe(true);
    expect(isMilestoneOverdue({ state: "RETURNED", dueDate: d("2026-11-01") }, today)).toBe(true);
  });
  it("a milestone due today is not overdue, but due soon", () => {
    expect(isMilestoneOverdue({ state: "PENDING", dueDate: today }, today)).toBe(false);
    expect(isMilestoneDueSoon({ state: "PENDING", dueDate: today }, today)).toBe(true);
  });
  it("submitted or evaluated milestones are never overdue", () => {
    for (const state of ["SUBMITTED", "MET", "PARTIALLY_MET", "NOT_MET", "DEFERRED"]) {
      expect(isMilestoneOverdue({ state, dueDate: d("2026-01-01") }, today)).toBe(false);
    }
  });
  it("due soon means within 30 days, inclusive", () => {
    expect(isMilestoneDueSoon({ state: "PENDING", dueDate: d("2026-12-25") }, today)).toBe(true);
    expect(isMilestoneDueSoon({ state: "PENDING", dueDate: d("2026-12-26") }, today)).toBe(false);
  });
});

describe("stale items", () => {
  const created = d("2026-01-01");
  it("an open item whose last update is more than 30 days old is stale", () => {
    // exactly 30 days ago: not yet stale; 31 days ago: stale
    expect(isStale({ status: "ON_TRACK", lastUpdateAt: d("2026-10-26"), createdAt: created }, today, 30)).toBe(false);
    expect(isStale({ status: "ON_TRACK", lastUpdateAt: d("2026-10-25"), createdAt: created }, today, 30)).toBe(true);
  });
  it("an item with no update yet counts from its creation", () => {
    expect(isStale({ status: "NOT_STARTED", lastUpdateAt: null, createdAt: d("2026-11-20") }, today, 30)).toBe(false);
    expect(isStale({ status: "NOT_STARTED", lastUpdateAt: null, createdAt: d("2026-09-01") }, today, 30)).toBe(true);
  });
  it("completed and cancelled items are never stale", () => {
    expect(isStale({ status: "COMPLETED", lastUpdateAt: d("2026-01-01"), createdAt: created }, today, 30)).toBe(false);
    expect(isStale({ status: "CANCELLED", lastUpdateAt: null, createdAt: created }, today, 30)).toBe(false);
  });
});

describe("shares", () => {
  it("count completed work as on track and leave cancelled items out", () => {
    expect(onTrackShare({ ON_TRACK: 1, COMPLETED: 1, DELAYED: 2, CANCELLED: 5 })).toBe(0.5);
    expect(statusShares({ ON_TRACK: 2, AT_RISK: 1, DELAYED: 1, NOT_STARTED: 0, CANCELLED: 3 })).toEqual({
      total: 4,
      onTrack: 0.5,
      atRisk: 0.25,
      delayed: 0.25,
    });
  });
  it("are undefined (null/0) without items", () => {
    expect(onTrackShare({})).toBeNull();
    expect(onTrackShare({ CANCELLED: 2 })).toBeNull();
    expect(statusShares({}).onTrack).toBe(0);
  });
  it("map statuses to traffic lights", () => {
    expect(["ON_TRACK", "COMPLETED", "AT_RISK", "DELAYED", "NOT_STARTED", "CANCELLED"].map(statusLight)).toEqual([
      "GREEN", "GREEN", "AMBER", "RED", "GREY", "GREY",
    ]);
  });
});

describe("current state of an item", () => {
  it("is NOT_STARTED at 0 % before any update", () => {
    expect(currentState([])).toEqual({ status: "NOT_STARTED", progress: 0, lastUpdateAt: null });
  });
  it("is the latest update by reporting date, then by entry", () => {
    const u = (reported: string, created: string, progress: number, status: string) => ({
      reportedOn: d(reported),
      createdAt: new Date(created),
      progress,
      status,
    });
    const state = currentState([
      u("2026-10-01", "2026-10-01T08:00:00Z", 40, "ON_TRACK"),
      u("2026-09-01", "2026-10-02T08:00:00Z", 10, "DELAYED"), // back-dated entry does not win
      u("2026-10-01", "2026-10-03T08:00:00Z", 45, "AT_RISK"), // same day, later entry wins
    ]);
    expect(state).toEqual({ status: "AT_RISK", progress: 45, lastUpdateAt: d("2026-10-01") });
  });
});

describe("overdue items", () => {
  it("are open items whose planned end is before today; one due today is not overdue yet", () => {
    expect(isItemOverdue({ status: "DELAYED", plannedEnd: d("2026-11-24") }, today)).toBe(true);
    expect(isItemOverdue({ status: "NOT_STARTED", plannedEnd: today }, today)).toBe(false);
    expect(isItemOverdue({ status: "COMPLETED", plannedEnd: d("2026-01-01") }, today)).toBe(false);
    expect(isItemOverdue({ status: "CANCELLED", plannedEnd: d("2026-01-01") }, today)).toBe(false);
  });
});

describe("obstacles", () => {
  it("for the governor's office: open and flagged", () => {
    expect(needsGovernorOffice({ status: "OPEN", needsGovernorOffice: true })).toBe(true);
    expect(needsGovernorOffice({ status: "RESOLVED", needsGovernorOffice: true })).toBe(false);
    expect(needsGovernorOffice({ status: "OPEN", needsGovernorOffice: false })).toBe(false);
  });
  it("open at the end of a quarter: raised by then and not resolved by then, by date or by the update's report", () => {
    const q = { end: d("2026-09-30"), until: new Date("2026-09-30T17:00:00Z") };
    const before = new Date(q.until.getTime() - 1);
    const base = { createdAt: before, resolvedAt: null, raisedIn: null, resolvedIn: null };
    expect(wasObstacleOpenAt(base, q)).toBe(true);
    expect(wasObstacleOpenAt({ ...base, createdAt: q.until }, q)).toBe(false);
    // entered later, but raised in an update reported on the last day
    expect(wasObstacleOpenAt({ ...base, createdAt: q.until, raisedIn: { reportedOn: q.end } }, q)).toBe(true);
    expect(wasObstacleOpenAt({ ...base, resolvedAt: before }, q)).toBe(false);
    expect(wasObstacleOpenAt({ ...base, resolvedAt: q.until }, q)).toBe(true);
    expect(wasObstacleOpenAt({ ...base, resolvedAt: q.until, resolvedIn: { reportedOn: q.end } }, q)).toBe(false);
    expect(wasObstacleOpenAt({ ...base, resolvedAt: q.until, resolvedIn: { reportedOn: d("2026-10-01") } }, q)).toBe(true);
  });
});

describe("counted in shares", () => {
  it("every item but a cancelled one", () => {
    expect(["NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED", "CANCELLED"].map((status) => countsInShares({ status }))).toEqual([
      true, true, true, true, true, false,
    ]);
  });
});

describe("SQL fragments", () => {
  it("bind values, spread lists for IN and splice nested fragments with their values", () => {
    const inner = sql`m."state" IN (${["PENDING", "RETURNED"]})`;
    const outer = sql`SELECT 1 WHERE ${inner} AND m."dueDate" < ${42} AND x = ${null}`;
    expect(outer.strings.join("?")).toBe(`SELECT 1 WHERE m."state" IN (?, ?) AND m."dueDate" < ? AND x = ?`);
    expect(outer.values).toEqual(["PENDING", "RETURNED", 42, null]);
    expect(outer.strings).toHaveLength(outer.values.length + 1);
  });
  it("refuse an empty list (IN () would silently match nothing)", () => {
    expect(() => sql`x IN (${[]})`).toThrow();
  });
  it("write a rule over its alias, with dates as epoch milliseconds", () => {
    const f = overdueMilestoneSql(today);
    expect(f.strings.join("?")).toBe(`m."state" IN (?, ?) AND m."dueDate" < ?`);
    expect(f.values).toEqual(["PENDING", "RETURNED", today.getTime()]);
  });
});
