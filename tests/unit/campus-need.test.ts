import { describe, expect, it } from "vitest";
import { byNeed, needReasons, needScore, rankByNeed, shortText, type NeedFacts, type TopObstacle } from "~/domain/campus-need";

const facts = (name: string, f: Partial<NeedFacts & { topObstacle: TopObstacle }>) => ({ name, overdue: 0, delayedItems: 0, stale: 0, obstacles: 0, lastUpdate: 3, ...f });

describe("campuses by need", () => {
  it("scores 3 per milestone past due, 2 per delayed item, 1 per unreported item; obstacles add nothing", () => {
    expect(needScore(facts("X", {}))).toBe(0);
    expect(needScore(facts("X", { overdue: 2, delayedItems: 1, stale: 4, obstacles: 9 }))).toBe(6 + 2 + 4);
  });

  it("orders by score, ties by the longest silence (never reported first), then name; leaves out campuses with nothing wrong", () => {
    const rows = [
      facts("A", { stale: 2 }), // 2
      facts("B", { overdue: 1 }), // 3
      facts("C", { delayedItems: 4, obstacles: 2 }), // 8
      facts("D", { overdue: 1, delayedItems: 1 }), // 5
      facts("E", { obstacles: 3 }), // 0
      facts("F", { stale: 2, lastUpdate: 90 }), // 2, silent longer than A
      facts("G", { stale: 2, lastUpdate: null }), // 2, never reported
      facts("H", { delayedItems: 1 }), // 2, same silence as A
    ];
    expect(byNeed(rows).map((r) => r.name)).toEqual(["C", "D", "B", "G", "F", "A", "H"]);
    // the briefing ranks every campus the same way, those with nothing wrong last
    expect(rankByNeed(rows).map((r) => r.name)).toEqual(["C", "D", "B", "G", "F", "A", "H", "E"]);
  });

  it("gives the counted reasons in words, the most urgent first; open obstacles only beside another reason", () => {
    expect(needReasons(facts("X", { overdue: 3, stale: 2, obstacles: 1 }))).toEqual([
      { key: "dash.need.overdue", values: { count: 3 } },
      { key: "dash.need.stale", values: { count: 2 } },
      { key: "dash.need.obstacles", values: { count: 1 } },
    ]);
    expect(needReasons(facts("Y", { obstacles: 4, topObstacle: { description: "Data", unit: null } }))).toEqual([]);
  });

  it("names the most pressing obstacle's text, whose it is when a unit owns it, and how many others are open", () => {
    expect(needReasons(facts("X", { overdue: 3, obstacles: 1, topObstacle: { description: "Data BPS belum diterima", unit: null } }))).toEqual([
      { key: "dash.need.overdue", values: { count: 3 } },
      { key: "dash.need.obstacle", values: { text: "Data BPS belum diterima" } },
    ]);
    expect(needReasons(facts("X", { delayedItems: 1, obstacles: 3, topObstacle: { description: "Data BPS belum diterima", unit: "Bappeda" } }))).toEqual([
      { key: "dash.need.delayed", values: { count: 1 } },
      { key: "dash.need.obstacleUnit", values: { text: "Data BPS belum diterima", unit: "Bappeda" } },
      { key: "dash.need.obstaclesMore", values: { count: 2 } },
    ]);
  });
});

describe("short text", () => {
  it("keeps a short text whole, squeezing its spaces", () => {
    expect(shortText("  Data BPS\n belum   diterima ")).toBe("Data BPS belum diterima");
    expect(shortText("x".repeat(80))).toBe("x".repeat(80));
  });
  it("cuts a long one at a word, within the limit, with an ellipsis", () => {
    const long = "Akses data sektoral dari perangkat daerah belum dibuka, sehingga analisis kebutuhan tenaga kerja tertunda sampai triwulan depan.";
    const short = shortText(long);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(short.endsWith("…")).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    // ends on a whole word, without a dangling comma
    expect(short).toBe("Akses data sektoral dari perangkat daerah belum dibuka, sehingga analisis…");
  });
  it("cuts a text without spaces at the limit", () => {
    expect(shortText("y".repeat(100), 20)).toBe(`${"y".repeat(19)}…`);
  });
});
