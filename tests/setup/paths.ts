import path from "node:path";

/** Scratch space of this test run (vitest.config.ts makes one per run, so runs can overlap). */
export const TMP_DIR = process.env.TEST_RUN_DIR ?? path.resolve(__dirname, "..", ".tmp", "run");
/** Migrated database with the reference data only, copied for every test file. */
export const BASE_DB = path.join(TMP_DIR, "base.db");
