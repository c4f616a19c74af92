// The environment, parsed once at boot: every variable in the schema, typed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DEFAULT_PROCESSES, parseEnv } from "~/utils/env.server";

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

  it("serves with one process per core (at most four) unless WEB_CONCURRENCY says, and always one in development", () => {
    expect(parseEnv({ ...base, NODE_ENV: "production" }, 1).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...base, NODE_ENV: "production" }, 2).WEB_CONCURRENCY).toBe(2);
    expect(parseEnv({ ...base, NODE_ENV: "production" }, 16).WEB_CONCURRENCY).toBe(MAX_DEFAULT_PROCESSES);
    expect(MAX_DEFAULT_PROCESSES).toBe(4);
    expect(parseEnv({ ...base, NODE_ENV: "production", WEB_CONCURRENCY: "1" }, 8).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...base, NODE_ENV: "production", WEB_CONCURRENCY: "6" }, 2).WEB_CONCURRENCY).toBe(6);
    expect(parseEnv({ ...base, NODE_ENV: "development" }, 8).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...base, NODE_ENV: "test", WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
    expect(parseEnv({ ...base, NODE_ENV: "development", WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(1);
    expect(() => parseEnv({ ...base, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => parseEnv({ ...base, WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("without SESSION_SECRET keeps one generated secret in the data directory, the same for every process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kolaborasi-secret-"));
    try {
      const first = parseEnv({ DATA_DIR: dir }).sessionSecrets;
      expect(first).toHaveLength(1);
      expect(first[0]!.length).toBeGreaterThanOrEqual(40);
      // a second process (or a restart) reads the same secret, and no draft file is left behind
      expect(parseEnv({ DATA_DIR: dir }).sessionSecrets).toEqual(first);
      expect(fs.readdirSync(dir)).toEqual([".session-secret"]);
      expect(fs.statSync(path.join(dir, ".session-secret")).mode & 0o777).toBe(0o600);
      // a process that finds the file written by another one meanwhile takes the other's secret
      fs.rmSync(path.join(dir, ".session-secret"));
      fs.writeFileSync(path.join(dir, ".session-secret"), "secret-written-by-another-process\n", { mode: 0o600 });
      expect(parseEnv({ DATA_DIR: dir }).sessionSecrets).toEqual(["secret-written-by-another-process"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
