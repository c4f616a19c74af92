import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, latestPerYear, parseDecimal, reaches, trajectory, type IndicatorSeries } from "~/domain/indicator";
import { recordValueSchema } from "~/domain/schemas/indicator";

const on = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The seeded BPJS Ketenagakerjaan coverage: 46.03 % in 2025, targets 50 % (2026) and 65 % (2030).
const bpjs = (actuals: IndicatorSeries["actuals"] = [{ year: 2025, value: 46.03, observedOn: on("2025-11-27") }]): IndicatorSeries => ({
  direction: "INCREASE",
  baselineYear: 2025,
  baselineValue: 46.03,
  actuals,
  targets: [
    { year: 2030, value: 65 },
    { year: 2026, value: 50 },
  ],
});

describe("trajectory (hand-computed)", () => {
  it("seeded data only: one year, no trend, so no verdict is invented", () => {
    const path = trajectory(bpjs(), 2026);
    expect(path.latest).toEqual({ year: 2025, value: 46.03 });
    expect(path.slopePerYear).toBeNull();
    expect(path.targets.map((t) => [t.year, t.verdict])).toEqual([
      [2026, "NO_TREND"],
      [2030, "NO_TREND"],
    ]);
    expect(path.next?.year).toBe(2026);
    expect(path.verdict).toBe("NO_TREND");
  });

  it("48 % in 2026: +1.97 points a year, 48 % in 2026 and 55.88 % in 2030, both short: off course", () => {
    const path = trajectory(bpjs([...bpjs().actuals, { year: 2026, value: 48, observedOn: on("2026-06-30") }]), 2026);
    expect(path.slopePerYear).toBeCloseTo(1.97, 10);
    const [y2026, y2030] = path.targets;
    expect(y2026).toMatchObject({ year: 2026, target: 50, actual: 48, verdict: "OFF_COURSE" });
    expect(y2026!.projected).toBeCloseTo(48, 10);
    expect(y2030!.projected).toBeCloseTo(55.88, 10);
    expect(y2030!.verdict).toBe("OFF_COURSE");
    expect(path.verdict).toBe("OFF_COURSE");
  });

  it("50.5 % in 2026 reaches the near-term target; +4.47 a year gives 68.38 % in 2030: on course", () => {
    const path = trajectory(bpjs([{ year: 2026, value: 50.5, observedOn: on("2026-10-01") }]), 2026);
    expect(path.targets[0]).toMatchObject({ year: 2026, verdict: "REACHED", actual: 50.5 });
    expect(path.targets[1]!.projected).toBeCloseTo(68.38, 10);
    expect(path.targets[1]!.verdict).toBe("ON_COURSE");
    expect(path.verdict).toBe("REACHED");
  });

  it("once 2026 is over, 48 % is a missed target and the headline turns to 2030", () => {
    const path = trajectory(bpjs([{ year: 2026, value: 48, observedOn: on("2026-12-31") }]), 2027);
    expect(path.targets[0]!.verdict).toBe("MISSED");
    expect(path.next?.year).toBe(2030);
    expect(path.verdict).toBe("OFF_COURSE");
  });

  it("53.82 % in 2027: +3.895 a year, 65.505 % in 2030: on course for the RPJMD target", () => {
    const path = trajectory(bpjs([{ year: 2027, value: 53.82, observedOn: on("2027-08-17") }]), 2027);
    expect(path.targets[0]!.verdict).toBe("NO_DATA"); // 2026 is over and nothing was recorded for it
    expect(path.targets[1]!.projected).toBeCloseTo(65.505, 10);
    expect(path.verdict).toBe("ON_COURSE");
  });

  it("uses the latest observation of a year, not the first or the largest", () => {
    const actuals = [
      { year: 2026, value: 52, observedOn: on("2026-03-01") },
      { year: 2026, value: 49, observedOn: on("2026-09-01") },
      { year: 2025, value: 46.03, observedOn: on("2025-11-27") },
    ];
    expect(latestPerYear(actuals).map((a) => [a.year, a.value])).toEqual([
      [2025, 46.03],
      [2026, 49],
    ]);
    // same day: the first listed (newest) wins
    expect(latestPerYear([{ year: 2026, value: 48.2, observedOn: on("2026-09-01") }, ...actuals]).at(-1)!.value).toBe(48.2);
    const path = trajectory(bpjs(actuals), 2026);
    expect(path.latest).toEqual({ year: 2026, value: 49 });
    expect(path.slopePerYear).toBeCloseTo(2.97, 10);
    expect(path.targets[0]!.verdict).toBe("OFF_COURSE");
  });

  describe("a DECREASE indicator (open unemployment 7.0 % in 2025, target 5.0 % in 2030)", () => {
    const unemployment = (value2027: number): IndicatorSeries => ({
      direction: "DECREASE",
      baselineYear: 2025,
      baselineValue: 7,
      actuals: [{ year: 2027, value: value2027, observedOn: on("2027-08-01") }],
      targets: [{ year: 2030, value: 5 }],
    });
    it("6.0 % in 2027: −0.5 a year, 4.5 % in 2030, below the target: on course", () => {
      const path = trajectory(unemployment(6), 2027);
      expect(path.targets[0]!.projected).toBeCloseTo(4.5, 10);
      expect(path.verdict).toBe("ON_COURSE");
    });
    it("6.4 % in 2027: −0.3 a year, 5.5 % in 2030: off course", () => {
      const path = trajectory(unemployment(6.4), 2027);
      expect(path.targets[0]!.projected).toBeCloseTo(5.5, 10);
      expect(path.verdict).toBe("OFF_COURSE");
    });
    it("6.2 % in 2027 lands exactly on 5.0 % (despite float noise): on course", () => {
      expect(trajectory(unemployment(6.2), 2027).verdict).toBe("ON_COURSE");
    });
    it("reaching means at most the target", () => {
      expect(reaches(4.9, 5, "DECREASE")).toBe(true);
      expect(reaches(5.1, 5, "DECREASE")).toBe(false);
      expect(reaches(5.1, 5, "INCREASE")).toBe(true);
      expect(reaches(46.03 + 3.97, 50, "INCREASE")).toBe(true);
    });
  });

  it("no targets: NO_TARGET; every target past: the headline is the last one", () => {
    expect(trajectory({ ...bpjs(), targets: [] }, 2026)).toMatchObject({ next: null, verdict: "NO_TARGET" });
    const path = trajectory(bpjs([{ year: 2030, value: 66, observedOn: on("2030-12-01") }]), 2031);
    expect(path.next?.year).toBe(2030);
    expect(path.verdict).toBe("REACHED");
  });

  it("a value older than the baseline gives no trend", () => {
    const path = trajectory(bpjs([{ year: 2024, value: 44, observedOn: on("2024-12-01") }]), 2026);
    expect(path.slopePerYear).toBeNull();
    expect(path.verdict).toBe("NO_TREND");
  });
});

describe("parseDecimal", () => {
  it.each([
    ["46,03", 46.03],
    ["46.03", 46.03],
    ["2.730.000", 2_730_000],
    ["2,730,000", 2_730_000],
    ["2730000", 2_730_000],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    [" 5 920 000 ", 5_920_000],
    ["-0,5", -0.5],
    ["65", 65],
  ])("%s → %d", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });
  it.each(["", "abc", "1,2,3", "12.34.5", "1.234.56,7", "1,2.3,4", "--1", "4 6x"])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("record value form", () => {
  const today = on("2026-11-25");
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return parseWithZod(data, { schema: recordValueSchema(today) });
  };
  const valid = { year: "2026", observedOn: "2026-11-20", value: "47,5", source: "BPJS Ketenagakerjaan Kanwil Banten", version: "1" };

  it("accepts a decimal comma and thousands separators", () => {
    const result = form({ ...valid, numerator: "2.812.000", denominator: "5.920.000" });
    expect(result.status).toBe("success");
    if (result.status === "success") expect(result.value).toMatchObject({ year: 2026, value: 47.5, numerator: 2_812_000, denominator: 5_920_000 });
  });

  it("puts each error on its field", () => {
    const errors = (fields: Record<string, string>) => (form(fields).reply().error ?? {}) as Record<string, string[]>;
    expect(errors({ ...valid, source: "" }).source).toEqual(["form.required"]);
    expect(errors({ ...valid, value: "banyak" }).value).toEqual(["form.invalidNumber"]);
    expect(errors({ ...valid, year: "2027" }).year).toEqual(["indicator.yearRange"]);
    expect(errors({ ...valid, observedOn: "2026-11-26" }).observedOn).toEqual(["indicator.observedFuture"]);
    expect(errors({ ...valid, year: "2026", observedOn: "2025-12-31" }).observedOn).toEqual(["indicator.observedBeforeYear"]);
    expect(errors({ ...valid, numerator: "10" }).denominator).toEqual(["indicator.fractionPair"]);
    expect(errors({ ...valid, numerator: "10", denominator: "0" }).denominator).toEqual(["indicator.denominatorPositive"]);
  });
});

describe("formatIndicatorValue", () => {
  it("writes Indonesian numbers by default, joined to the unit by a no-break space", () => {
    expect(formatIndicatorValue(46.03, "%", "id")).toBe("46,03\u00a0%");
    expect(formatIndicatorValue(4546, "orang", "id")).toBe("4.546\u00a0orang");
    expect(formatIndicatorValue(46.03, "%", "en")).toBe("46.03\u00a0%");
    expect(formatIndicatorValue(0.5, "", "id")).toBe("0,5");
  });
});
