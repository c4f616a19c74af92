import path from "node:path";

/** The SQLite database: DATABASE_URL, or a file under DATA_DIR (default ./data). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return `file:${path.resolve(dataDir(env), "app.db")}`;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR ?? "data");
}

/** The file path behind a `file:` URL. */
export function databaseFile(url: string = databaseUrl()): string {
  return path.resolve(url.replace(/^file:/, ""));
}
