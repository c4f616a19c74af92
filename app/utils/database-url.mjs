// Where the data lives: the one definition, for the app, the plain-Node scripts
// (scripts/prepare-database.mjs, start, backup) and the tests. Each takes the environment to read.
import path from "node:path";

/** @typedef {Record<string, string | undefined>} Environment */

/** The data directory: DATA_DIR, default ./data. @param {Environment} [env] */
export function dataDir(env = process.env) {
  return path.resolve(env.DATA_DIR || "data");
}

/** The SQLite database: DATABASE_URL, or app.db under the data directory. @param {Environment} [env] */
export function databaseUrl(env = process.env) {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return `file:${path.resolve(dataDir(env), "app.db")}`;
}

/** The file path behind a `file:` URL. @param {string} [url] */
export function databaseFile(url = databaseUrl()) {
  return path.resolve(url.replace(/^file:/, ""));
}

/** Uploaded evidence files. @param {Environment} [env] */
export function uploadsDir(env = process.env) {
  return path.join(dataDir(env), "uploads");
}
