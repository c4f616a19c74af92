import fs from "node:fs";
import { prepareDatabase } from "../../scripts/prepare-database.mjs";
import { BASE_DB, TMP_DIR } from "./paths";

export default function setup() {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(BASE_DB + suffix, { force: true });
  prepareDatabase({
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}`, DEMO_DATA: "false" },
    seed: true,
    quiet: true,
  });
  // fold the WAL into the main file so a plain copy is complete
  fs.rmSync(BASE_DB + "-wal", { force: true });
  fs.rmSync(BASE_DB + "-shm", { force: true });
}
