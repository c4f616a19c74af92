// A production deployment never gets demo accounts, and never shows their published password,
// unless the operator asks for demo data.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { createUser } from "../../prisma/factories";
import { prepareDatabase } from "../../scripts/prepare-database.mjs";
import { call, makeRequest } from "../support/http";
import { TMP_DIR } from "../setup/paths";

const SECRET = { SESSION_SECRET: "demo-test-secret-0123456789" };

describe("DEMO_DATA", () => {
  it("is off by default in production, on by default elsewhere, and as set when set", () => {
    expect(parseEnv({ ...SECRET, NODE_ENV: "production" }).DEMO_DATA).toBe(false);
    expect(parseEnv({ ...SECRET, NODE_ENV: "development" }).DEMO_DATA).toBe(true);
    expect(parseEnv({ ...SECRET, NODE_ENV: "production", DEMO_DATA: "true" }).DEMO_DATA).toBe(true);
    expect(parseEnv({ ...SECRET, NODE_ENV: "development", DEMO_DATA: "false" }).DEMO_DATA).toBe(false);
  });

  it("a production database prepared without DEMO_DATA has the reference data and no demo account", () => {
    const dir = fs.mkdtempSync(path.join(TMP_DIR, "production-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ...SECRET, NODE_ENV: "production", DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, "app.db")}` };
      delete env.DEMO_DATA;
      const file = prepareDatabase({ env, quiet: true });
      const db = new Database(file, { readonly: true });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count(`SELECT COUNT(*) AS n FROM "Campus"`)).toBe(12);
      expect(count(`SELECT COUNT(*) AS n FROM "User"`)).toBe(0);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not show the demo password on /login where demo accounts exist but demo data was not asked for", async () => {
    // this test run has DEMO_DATA=false (tests/setup/database.ts); a demo account exists anyway
    await createUser(prisma, { email: "admin@demo.test", role: "ADMIN" });
    const response = await call(loginRoute.loader, makeRequest("/login"));
    const data = await response.json();
    expect(data).toMatchObject({ demoPassword: null, demo: false });
    expect(JSON.stringify(data)).not.toContain("kolaborasi2025");
  });
});
