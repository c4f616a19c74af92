import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPercent, translator } from "~/domain/i18n";

const modules = import.meta.glob<{ id: Record<string, string>; en: Record<string, string> }>("../../app/domain/messages/*.ts", {
  eager: true,
});

describe("dictionary", () => {
  it("has an English text for every Indonesian key in every module, and no empty text", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(1);
    for (const [file, m] of Object.entries(modules)) {
      expect(Object.keys(m.en).sort(), file).toEqual(Object.keys(m.id).sort());
      for (const text of [...Object.values(m.id), ...Object.values(m.en)]) expect(text.trim(), file).not.toBe("");
    }
  });
  it("never defines a key in two modules", () => {
    const seen = new Map<string, string>();
    for (const [file, m] of Object.entries(modules)) {
      for (const key of Object.keys(m.id)) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
  it("registers every module (a key of each translates)", () => {
    const t = translator("en");
    for (const m of Object.values(modules)) {
      const key = Object.keys(m.id)[0]!;
      expect(t(key)).toBe(m.en[key]);
    }
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
