import { describe, expect, it } from "vitest";
import { byNeed, needReasons, type NeedFacts } from "~/domain/campus-need";

const facts = (name: string, f: Partial<NeedFacts>) => ({ name, overdue: 0, delayedItems: 0, stale: 0, obstacles: 0, lastUpdate: 3, ...f });

describe("campuses by need", () => {
  it("puts overdue milestones first, then delayed items, then silence, and leaves out campuses with nothing wrong", () => {
    const rows = [
      facts("A", { stale: 5 }),
      facts("B", { overdue: 1 }),
      facts("C", { delayedItems: 4, obstacles: 2 }),
      facts("D", { overdue: 1, delayedItems: 1 }),
      facts("E", { obstacles: 3 }),
      facts("F", { stale: 5, lastUpdate: 90 }),
    ];
    expect(byNeed(rows).map((r) => r.name)).toEqual(["D", "B", "C", "F", "A"]);
  });
  it("gives the reasons in words, the most urgent first; open obstacles only beside another reason", () => {
    expect(needReasons(facts("X", { overdue: 3, stale: 2, obstacles: 1 }))).toEqual([
      { key: "dash.need.overdue", count: 3 },
      { key: "dash.need.stale", count: 2 },
      { key: "dash.need.obstacles", count: 1 },
    ]);
    expect(needReasons(facts("Y", { obstacles: 4 }))).toEqual([]);
  });
});
