import { describe, expect, it } from "vitest";
import { retireUnitSchema, unitCodeFrom } from "~/domain/schemas/unit";

describe("a government unit's code", () => {
  it("comes from the abbreviation: lower-case ASCII words joined by single hyphens", () => {
    expect(unitCodeFrom({ name: "Biro Administrasi Pimpinan", abbreviation: "Biro Adpim" })).toBe("biro-adpim");
    expect(unitCodeFrom({ name: "x", abbreviation: "  DKP  " })).toBe("dkp");
    expect(unitCodeFrom({ name: "x", abbreviation: "Dinas P&K / Banten" })).toBe("dinas-p-k-banten");
  });

  it("comes from the name when there is no abbreviation, accents dropped", () => {
    expect(unitCodeFrom({ name: "Dinas Tenaga Kerja dan Transmigrasi" })).toBe("dinas-tenaga-kerja-dan-transmigrasi");
    expect(unitCodeFrom({ name: "Biro  Umum!", abbreviation: "" })).toBe("biro-umum");
    expect(unitCodeFrom({ name: "Dinas Pariwisata Éka", abbreviation: null })).toBe("dinas-pariwisata-eka");
  });

  it("is empty when nothing usable is left, and never longer than 60 characters nor ending in a hyphen", () => {
    expect(unitCodeFrom({ name: "—", abbreviation: "!!" })).toBe("");
    const long = unitCodeFrom({ name: `${"a".repeat(59)} bcd` });
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("retiring a unit", () => {
  it("needs the confirmation ticked", () => {
    expect(retireUnitSchema.safeParse({ intent: "retire", version: 1 }).success).toBe(false);
    expect(retireUnitSchema.safeParse({ intent: "retire", version: 1, confirm: "on" }).success).toBe(true);
  });
});
