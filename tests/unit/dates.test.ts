import { describe, expect, it } from "vitest";
import { daysBetween, parseIsoDate, quarterOf, quarterRange, toIsoDate } from "~/domain/dates";

describe("dates", () => {
  it("parses calendar dates strictly", () => {
    expect(toIsoDate(parseIsoDate("2026-02-28")!)).toBe("2026-02-28");
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("26/11/2025")).toBeNull();
  });
  it("counts calendar days", () => {
    expect(daysBetween(new Date("2026-01-01T23:00:00Z"), new Date("2026-01-02T01:00:00Z"))).toBe(1);
  });
  it("names quarters and their ranges", () => {
    expect(quarterOf(new Date("2025-11-26T00:00:00Z"))).toBe("2025-Q4");
    const { start, end } = quarterRange("2026-Q1");
    expect([toIsoDate(start), toIsoDate(end)]).toEqual(["2026-01-01", "2026-03-31"]);
    expect(() => quarterRange("2026-Q5")).toThrow();
  });
});
