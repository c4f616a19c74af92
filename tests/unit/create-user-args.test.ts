import { describe, expect, it } from "vitest";
import * as admin from "~/domain/messages/admin";
import { en as adminEn } from "~/domain/messages/en/admin";
import * as core from "~/domain/messages/core";
import { parseCreateUserArgs } from "../../scripts/create-user-args";

describe("npm run user:create arguments", () => {
  it("accepts a first administrator with a given password", () => {
    expect(parseCreateUserArgs(["--email", " Admin@Banten.go.id ", "--role", "admin", "--name", "Admin Biro", "--password", "sandi-panjang-2025"])).toEqual({
      ok: true,
      value: { email: "admin@banten.go.id", role: "ADMIN", campuses: [], units: [], name: "Admin Biro", password: "sandi-panjang-2025" },
    });
  });

  it("leaves the password to be generated and names the user after the email", () => {
    const parsed = parseCreateUserArgs(["--email=lia@untirta.ac.id", "--role=LIAISON", "--campus", "untirta", "--campus", "itb,UNTIRTA"]);
    expect(parsed).toEqual({
      ok: true,
      value: { email: "lia@untirta.ac.id", role: "LIAISON", campuses: ["untirta", "itb"], units: [], name: "lia", password: null },
    });
  });

  it("explains every problem in plain English", () => {
    const parsed = parseCreateUserArgs(["--email", "bukan-email", "--role", "RAJA", "--password", "pendek"]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok !== false) return;
    expect(parsed.errors).toEqual([
      "--email: Enter a valid email address.",
      "--role: Choose one of the options offered.",
      "--password: The password needs at least 10 characters.",
    ]);
  });

  it("requires email and role, and a campus for a liaison", () => {
    expect(parseCreateUserArgs([])).toEqual({ ok: false, errors: ["--email: Required.", "--role: Choose one of the options offered."] });
    expect(parseCreateUserArgs(["--email", "a@b.id", "--role", "LIAISON"])).toEqual({
      ok: false,
      errors: ["--campus: A campus liaison must serve at least one campus."],
    });
  });

  it("takes the units of a government unit focal point, and requires one", () => {
    expect(parseCreateUserArgs(["--email", "pic@bappeda.bantenprov.go.id", "--role", "unit", "--unit", "bappeda", "--unit", "DINKES,bappeda"])).toEqual({
      ok: true,
      value: { email: "pic@bappeda.bantenprov.go.id", role: "UNIT", campuses: [], units: ["bappeda", "dinkes"], name: "pic", password: null },
    });
    expect(parseCreateUserArgs(["--email", "a@b.id", "--role", "UNIT"])).toEqual({
      ok: false,
      errors: ["--unit: A government unit focal point must serve at least one unit."],
    });
  });

  it("refuses unknown options and positionals, and knows --help", () => {
    const unknown = parseCreateUserArgs(["--email", "a@b.id", "--role", "ADMIN", "--sudo"]);
    expect(unknown.ok).toBe(false);
    expect(parseCreateUserArgs(["a@b.id"]).ok).toBe(false);
    expect(parseCreateUserArgs(["--help"])).toEqual({ ok: "help" });
  });
});

describe("administration messages", () => {
  it("have an English text for every Indonesian key and repeat no core key", () => {
    expect(Object.keys(adminEn).sort()).toEqual(Object.keys(admin.id).sort());
    for (const text of Object.values(adminEn)) expect(text.trim()).not.toBe("");
    expect(Object.keys(admin.id).filter((k) => k in core.id)).toEqual([]);
  });
});
