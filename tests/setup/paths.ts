import path from "node:path";

export const TMP_DIR = path.resolve(__dirname, "..", ".tmp");
/** Migrated database with the reference data only, copied for every test file. */
export const BASE_DB = path.join(TMP_DIR, "base.db");
