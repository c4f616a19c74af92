// The permission matrix: every action route × every role (and a liaison of another campus),
// against a real database. Refused requests must leave the database unchanged.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { databaseFile } from "~/utils/database-url.mjs";
import { call, makeRequest } from "../support/http";
import type { MatrixCase } from "../support/matrix";
import { buildWorld, WHO, type World } from "../support/world";
import { fullTextTables } from "../support/full-text";

const caseModules = import.meta.glob<{ cases: MatrixCase[] }>("./matrix/*.cases.ts", { eager: true });
const CASES = Object.values(caseModules).flatMap((m) => m.cases);
const routeModules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}", { eager: true });

function routeId(file: string) {
  return path.basename(file).replace(/\.(ts|tsx)$/, "");
}
const ACTIONS = new Map(
  Object.entries(routeModules)
    .filter(([, mod]) => typeof mod.action === "function")
    .map(([file, mod]) => [routeId(file), mod.action as Parameters<typeof call>[0]]),
);

// Sign-in bookkeeping and stashed drafts are not data a refused request may be said to change.
const IGNORED_TABLES = new Set(["Session", "LoginAttempt", "FormDraft", "_prisma_migrations"]);

async function digest(): Promise<string> {
  const tables = await prisma.$queryRawUnsafe<{ name: string; sql: string | null }[]>(
    "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  // full-text indexes (and their shadow tables) only mirror the tables digested here
  const isIndex = fullTextTables(tables);
  const hash = crypto.createHash("sha256");
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name) || isIndex(name)) continue;
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" ORDER BY rowid`);
    hash.update(name).update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return hash.digest("hex");
}

let world: World;
const dbFile = databaseFile();
const snapshot = `${dbFile}.snapshot`;

async function restore() {
  await prisma.$disconnect();
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(snapshot, dbFile);
}

beforeAll(async () => {
  world = await buildWorld();
  await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await prisma.$disconnect();
  fs.copyFileSync(dbFile, snapshot);
  return () => fs.rmSync(snapshot, { force: true });
});

describe("permission matrix", () => {
  it("covers every route that has an action", () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect([...ACTIONS.keys()].filter((r) => !covered.has(r)), "action routes missing from the matrix").toEqual([]);
    expect([...covered].filter((r) => !ACTIONS.has(r)), "matrix rows for routes without an action").toEqual([]);
  });

  for (const c of CASES) {
    const label = c.intent ? `${c.route} [${c.intent}]` : c.route;
    for (const who of WHO) {
      const allowed = c.allowed.includes(who);
      it(`${label} as ${who}: ${allowed ? "allowed" : "refused"}`, async () => {
        await restore();
        const action = ACTIONS.get(c.route)!;
        const built = c.request(world);
        const form = { ...(built.form ?? {}), ...(c.intent ? { intent: c.intent } : {}) };
        const before = allowed ? null : await digest();
        const response = await call(action, makeRequest(built.path, { form, cookie: world.cookies[who] }), built.params);
        const location = response.headers.get("Location") ?? "";
        const refused = [403, 404].includes(response.status) || (!c.allowed.includes("ANONYMOUS") && location.startsWith("/login"));
        if (allowed) {
          expect(refused, `status ${response.status} ${location}`).toBe(false);
          expect(response.status, await response.clone().text()).toBeLessThan(400);
        } else {
          expect(refused, `status ${response.status} ${location}`).toBe(true);
          expect(await digest()).toBe(before);
        }
      });
    }

    it(`${label} from a foreign Origin: 403 and nothing changes`, async () => {
      await restore();
      const who = c.allowed.find((w) => w !== "ANONYMOUS") ?? c.allowed[0]!;
      const built = c.request(world);
      const form = { ...(built.form ?? {}), ...(c.intent ? { intent: c.intent } : {}) };
      const before = await digest();
      const response = await call(
        ACTIONS.get(c.route)!,
        makeRequest(built.path, { form, cookie: world.cookies[who], origin: "https://evil.example" }),
        built.params,
      );
      expect(response.status).toBe(403);
      expect(await digest()).toBe(before);
    });
  }
});
