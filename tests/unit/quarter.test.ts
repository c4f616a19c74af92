import { describe, expect, it } from "vitest";
import { translator } from "~/domain/i18n";
import {
  changeSummary,
  clip,
  closableQuarters,
  closeRefusal,
  NARRATIVE_MAX,
  previousClosed,
  quarterEnded,
  quarterEndInstant,
  shiftQuarter,
  SUMMARY_MAX,
} from "~/domain/quarter";
import { closeQuarterSchema } from "~/domain/schemas/quarter";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const id = translator("id");
const en = translator("en");

describe("quarters", () => {
  it("shifts across years", () => {
    expect(shiftQuarter("2026-Q1", -1)).toBe("2025-Q4");
    expect(shiftQuarter("2025-Q4", 1)).toBe("2026-Q1");
    expect(shiftQuarter("2026-Q3", -6)).toBe("2025-Q1");
  });

  it("a quarter has ended only once its last day is over", () => {
    expect(quarterEnded("2026-Q3", d("2026-09-30"))).toBe(false);
    expect(quarterEnded("2026-Q3", d("2026-10-01"))).toBe(true);
    expect(quarterEnded("2026-Q4", d("2026-11-25"))).toBe(false);
  });

  it("the end instant is midnight after the last day in Banten (WIB)", () => {
    expect(quarterEndInstant("2026-Q3").toISOString()).toBe("2026-09-30T17:00:00.000Z");
  });

  it("offers ended, unclosed quarters from the last ended back to the first, newest first", () => {
    expect(closableQuarters(d("2026-11-25"), [])).toEqual(["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]);
    expect(closableQuarters(d("2026-11-25"), ["2026-Q2", "2025-Q4"])).toEqual(["2026-Q3", "2026-Q1"]);
    expect(closableQuarters(d("2025-12-31"), [])).toEqual([]);
  });

  it("refuses the current, future, too early, already closed and malformed quarters", () => {
    const today = d("2026-11-25");
    expect(closeRefusal("2026-Q3", today, [])).toBeNull();
    expect(closeRefusal("2026-Q4", today, [])).toBe("quarters.error.notEnded");
    expect(closeRefusal("2027-Q1", today, [])).toBe("quarters.error.notEnded");
    expect(closeRefusal("2025-Q3", today, [])).toBe("quarters.error.tooEarly");
    expect(closeRefusal("2026-Q3", today, ["2026-Q3"])).toBe("quarters.error.closed");
    expect(closeRefusal("2026-Q5", today, [])).toBe("quarters.error.format");
    expect(closeRefusal("Q3 2026", today, [])).toBe("quarters.error.format");
  });

  it("measures changes against the latest closed quarter before, even with gaps or later closes", () => {
    expect(previousClosed("2026-Q3", ["2026-Q1", "2025-Q4"])).toBe("2026-Q1");
    expect(previousClosed("2026-Q2", ["2026-Q3", "2026-Q1"])).toBe("2026-Q1");
    expect(previousClosed("2026-Q1", ["2026-Q3"])).toBeNull();
  });

  it("validates the close form", () => {
    expect(closeQuarterSchema.safeParse({ intent: "close", quarter: " 2026-Q2 " })).toMatchObject({ success: true, data: { quarter: "2026-Q2" } });
    const bad = closeQuarterSchema.safeParse({ intent: "close", quarter: "2026-3" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("quarters.error.format");
  });
});

describe("change summary", () => {
  it("before → after with the reasons reported during the quarter", () => {
    const text = changeSummary(
      {
        previous: { quarter: "2026-Q2", status: "ON_TRACK", progress: 40 },
        current: { status: "AT_RISK", progress: 55 },
        narratives: ["  Survei lapangan\nselesai. ", "Data BPS terlambat."],
        updateCount: 2,
      },
      id,
    );
    expect(text).toBe("Sejak 2026-Q2: Sesuai rencana 40 % → Berisiko 55 % (+15 poin). Alasan: Survei lapangan selesai. · Data BPS terlambat.");
  });

  it("first quarter, unchanged, progress going down, and no report", () => {
    expect(changeSummary({ previous: null, current: { status: "NOT_STARTED", progress: 0 }, narratives: [], updateCount: 0 }, id)).toBe(
      "Pertama tercatat: Belum dimulai, 0 %. Tidak ada laporan kemajuan pada triwulan ini.",
    );
    expect(
      changeSummary({ previous: { quarter: "2026-Q1", status: "DELAYED", progress: 20 }, current: { status: "DELAYED", progress: 20 }, narratives: [], updateCount: 0 }, en),
    ).toBe("Unchanged since 2026-Q1: Delayed, 20 %. No progress report during this quarter.");
    expect(
      changeSummary({ previous: { quarter: "2026-Q1", status: "ON_TRACK", progress: 50 }, current: { status: "DELAYED", progress: 45 }, narratives: ["Koreksi angka."], updateCount: 1 }, en),
    ).toBe("Since 2026-Q1: On track 50 % → Delayed 45 % (−5 points). Why: Koreksi angka.");
  });

  it("counts the reports it does not quote, and stays within its bounds", () => {
    const long = "x".repeat(500);
    const text = changeSummary(
      { previous: null, current: { status: "ON_TRACK", progress: 10 }, narratives: [long, long, long], updateCount: 7 },
      id,
    );
    expect(text).toContain("(+4 laporan lain)");
    expect(text).toContain(`${"x".repeat(NARRATIVE_MAX - 1)}…`);
    expect(text).not.toContain("x".repeat(NARRATIVE_MAX));
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(clip("a".repeat(SUMMARY_MAX + 50), SUMMARY_MAX)).toHaveLength(SUMMARY_MAX);
  });
});
