import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile, databaseUrl } from "./app/utils/database-url.mjs";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = databaseUrl();
    // The adapter opens the file at once; its folder must exist (fresh clone, empty data dir).
    fs.mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
