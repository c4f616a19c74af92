// Runs before each test file: a private copy of the migrated base database, and a test env.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TMP_DIR } from "./paths";

const file = path.join(TMP_DIR, `test-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(BASE_DB, file);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${file}`,
  DATA_DIR: path.join(TMP_DIR, `data-${path.basename(file, ".db")}`),
  SESSION_SECRET: "test-secret-0123456789abcdef",
  DEMO_DATA: "false",
});

const globals = globalThis as unknown as { __prisma?: { $disconnect(): Promise<void> }; __preparedReads?: unknown };
delete globals.__prisma;
delete globals.__preparedReads;

afterAll(async () => {
  await globals.__prisma?.$disconnect();
  delete globals.__prisma;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});
