import { describe, expect, it } from "vitest";
import { CAMPUS_TYPES, ITEM_STATUSES, ITEM_VISIBILITIES, MEMBER_ROLES, MEMBER_SIDES, MILESTONE_STATES, ROLES, TRI_DHARMA_FIELDS } from "~/domain/enums";
import { formatDate, formatNumber, formatPercent, isMessageKey, labelKey, preferredLocale, textKey, translator, type LabelFamily, type MessageKey } from "~/domain/i18n";

// each area: its Indonesian table (messages/<area>.ts) beside its English one (messages/en/<area>.ts)
const indonesian = import.meta.glob<{ id: Record<string, string> }>("../../app/domain/messages/*.ts", { eager: true });
const english = import.meta.glob<{ en: Record<string, string> }>("../../app/domain/messages/en/*.ts", { eager: true });
const modules = Object.fromEntries(
  Object.entries(indonesian).map(([file, m]) => [file, { id: m.id, en: english[file.replace("/messages/", "/messages/en/")]?.en ?? {} }]),
);

describe("dictionary", () => {
  it("has an English text for every Indonesian key in every module, and no empty text", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(1);
    expect(Object.keys(english).length).toBe(Object.keys(indonesian).length);
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
  it("registers every module in both languages (every key translates)", () => {
    const [tId, tEn] = [translator("id"), translator("en")];
    for (const [file, m] of Object.entries(modules)) {
      for (const key of Object.keys(m.id)) {
        expect(tId(key as MessageKey), `${key} in ${file}`).toBe(m.id[key]);
        // every key has the shape isMessageKey looks for (a name or a sentence is never a key)
        expect(isMessageKey(key), `${key} in ${file}`).toBe(true);
        expect(tEn(key as MessageKey), `${key} in ${file}`).toBe(m.en[key]);
      }
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

describe("typed keys, plurals and the browser's language", () => {
  it("names stored values through labelKey, never showing a raw key", () => {
    const t = translator("id");
    expect(t(labelKey("status", "ON_TRACK"))).toBe(t("status.ON_TRACK"));
    expect(labelKey("status", "NO_SUCH_STATUS")).toBe("label.unknown");
    expect(textKey("form.required", "form.invalid")).toBe("form.required");
    expect(textKey("Expected number, received nan", "form.invalid")).toBe("form.invalid");
  });

  it("has a label for every value of the enums it names", () => {
    const families: [LabelFamily, readonly string[]][] = [
      ["status", ITEM_STATUSES],
      ["milestone.state", MILESTONE_STATES],
      ["triDharma", TRI_DHARMA_FIELDS],
      ["item.visibility", ITEM_VISIBILITIES],
      ["campusType", CAMPUS_TYPES],
      ["role", ROLES],
      ["memberSide", MEMBER_SIDES],
      ["memberRole", MEMBER_ROLES],
    ];
    for (const [family, values] of families) for (const value of values) expect(labelKey(family, value), `${family}.${value}`).not.toBe("label.unknown");
  });

  it("chooses English words by number, and leaves Indonesian as it is", () => {
    const en = translator("en");
    expect(en("teams.memberCount", { count: 1 })).toBe("1 member");
    expect(en("teams.memberCount", { count: 3 })).toBe("3 members");
    expect(en("campus.status.lastUpdate", { days: 0 })).toBe("last update today");
    expect(en("campus.status.lastUpdate", { days: 1 })).toBe("last update 1 day ago");
    expect(translator("id")("teams.memberCount", { count: 1 })).toBe("1 anggota");
  });

  it("chooses each number's words on its own when a sentence holds several", () => {
    const en = translator("en");
    expect(en("reminders.sent", { recipients: 1, items: 3 })).toBe("Reminder sent to 1 liaison (3 items).");
    expect(en("reminders.sent", { recipients: 2, items: 1 })).toBe("Reminder sent to 2 liaisons (1 item).");
    expect(en("notify.reminder", { count: 1, days: 30 })).toBe(
      "Reminder from the governor's office: 1 of your campus's items has had no update for more than 30 days.",
    );
    expect(translator("id")("reminders.sent", { recipients: 1, items: 3 })).not.toMatch(/plural/);
  });

  it("writes every English plural in a form the translator reads (no ICU text left over)", () => {
    const en = translator("en");
    for (const m of Object.values(modules)) {
      for (const key of Object.keys(m.en)) {
        const text = en(key as MessageKey, { count: 1, days: 1, total: 2, overdue: 0, progress: "50 %", onTrack: 1, from: 1, to: 2, page: 1, pages: 1 });
        expect(text, key).not.toMatch(/, plural,/);
      }
    }
  });

  it("takes the first of our languages from Accept-Language, by weight", () => {
    expect(preferredLocale("en-US,en;q=0.9,id;q=0.8")).toBe("en");
    expect(preferredLocale("id-ID,id;q=0.9,en;q=0.8")).toBe("id");
    expect(preferredLocale("fr-FR,en;q=0.5,id;q=0.7")).toBe("id");
    expect(preferredLocale("fr")).toBeNull();
    expect(preferredLocale("en;q=0, id")).toBe("id");
    expect(preferredLocale(null)).toBeNull();
  });
});
