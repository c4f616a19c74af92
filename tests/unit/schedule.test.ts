import { describe, expect, it } from "vitest";
import { cronPattern, periodOf } from "~/domain/schedule";

describe("job periods (07:00 in Banten)", () => {
  it("a daily period starts at 07:00 WIB (00:00 UTC) and is named by its WIB date", () => {
    expect(periodOf("daily", new Date("2026-12-01T00:00:00Z"))).toEqual({ key: "2026-12-01", start: new Date("2026-12-01T00:00:00Z") });
    // 06:59 WIB on 1 December is still the period of 30 November
    expect(periodOf("daily", new Date("2026-11-30T23:59:00Z")).key).toBe("2026-11-30");
    expect(periodOf("daily", new Date("2026-12-01T16:30:00Z")).key).toBe("2026-12-01");
  });
  it("a weekly period starts on Monday at 07:00 WIB", () => {
    // Monday 30 November 2026, 07:00 WIB
    expect(periodOf("weekly", new Date("2026-11-30T00:00:00Z"))).toEqual({ key: "week-of-2026-11-30", start: new Date("2026-11-30T00:00:00Z") });
    expect(periodOf("weekly", new Date("2026-12-06T16:59:00Z")).key).toBe("week-of-2026-11-30"); // Sunday 23:59 WIB
    expect(periodOf("weekly", new Date("2026-11-29T23:59:00Z")).key).toBe("week-of-2026-11-23"); // Monday 06:59 WIB
    expect(periodOf("weekly", new Date("2026-12-07T00:00:00Z")).key).toBe("week-of-2026-12-07");
  });
  it("names croner patterns for Asia/Jakarta", () => {
    expect(cronPattern("daily")).toBe("0 7 * * *");
    expect(cronPattern("weekly")).toBe("0 7 * * 1");
  });
});
