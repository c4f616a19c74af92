import fs from "node:fs";
import Database from "better-sqlite3";
import { prepareDatabase } from "../../scripts/prepare-database.mjs";
import { BASE_DB, TMP_DIR } from "./paths";

export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  prepareDatabase({
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}`, DEMO_DATA: "false" },
    seed: true,
    quiet: true,
  });
  // fold the WAL into the main file so a plain copy is complete
  const db = new Database(BASE_DB);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
