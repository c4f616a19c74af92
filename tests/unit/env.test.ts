// The environment, parsed once at boot: every variable in the schema, typed.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

const base = { SESSION_SECRET: "unit-test-secret-0123456789" };

describe("parseEnv", () => {
  it("takes TRUST_PROXY as Express means it: a hop count is a number, not an address", () => {
    expect(parseEnv({ ...base, TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ ...base, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...base, TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8");
    expect(parseEnv({ ...base }).TRUST_PROXY).toBeUndefined();
  });

  it("validates PORT and DATABASE_URL, and derives the database from DATA_DIR", () => {
    expect(parseEnv({ ...base }).PORT).toBe(3000);
    expect(parseEnv({ ...base, PORT: "8080" }).PORT).toBe(8080);
    expect(() => parseEnv({ ...base, PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ ...base, DATABASE_URL: "postgres://db/kolaborasi" })).toThrow(/DATABASE_URL/);
    const env = parseEnv({ ...base, DATA_DIR: "/srv/kolaborasi" });
    expect(env.dataDir).toBe(path.resolve("/srv/kolaborasi"));
    expect(env.databaseUrl).toBe(`file:${path.resolve("/srv/kolaborasi", "app.db")}`);
    expect(parseEnv({ ...base, DATABASE_URL: "file:/tmp/x.db" }).databaseUrl).toBe("file:/tmp/x.db");
  });
});
