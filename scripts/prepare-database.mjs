// Applies migrations, switches SQLite to WAL, and seeds an empty database. Used by `npm start`,
// `npm run dev`, the test set-up and the benchmark, so every database is prepared the same way.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, databaseUrl } from "../app/utils/database-url.mjs";

export function prepareDatabase({ env = process.env, seed = true, quiet = false } = {}) {
  const file = databaseFile(databaseUrl(env));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const stdio = quiet ? "pipe" : "inherit";
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  if (seed) execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio });
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = prepareDatabase();
  console.log(`Database ready: ${file}`);
}
