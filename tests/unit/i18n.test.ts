import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPercent, translator } from "~/domain/i18n";
import * as core from "~/domain/messages/core";

describe("dictionary", () => {
  it("has an English text for every Indonesian key and no extra ones", () => {
    expect(Object.keys(core.en).sort()).toEqual(Object.keys(core.id).sort());
    for (const text of Object.values(core.en)) expect(text.trim()).not.toBe("");
  });
  it("speaks Indonesian by default and fills parameters", () => {
    expect(translator("id")("login.title")).toBe("Masuk");
    expect(translator("en")("login.title")).toBe("Sign in");
    expect(translator("id")("login.rateLimited", { minutes: 12 })).toContain("12 menit");
  });
  it("formats with Intl for id-ID and en", () => {
    expect(formatNumber(5920000, "id")).toBe("5.920.000");
    expect(formatNumber(5920000, "en")).toBe("5,920,000");
    expect(formatPercent(46.03, "id", 2)).toBe("46,03 %");
    expect(formatDate("2025-11-26T00:00:00Z", "id")).toBe("26 Nov 2025");
  });
});
