import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { BASE_DB, TMP_DIR } from "../setup/paths";
import { fullTextTables } from "../support/full-text";

type Shape = Record<string, { columns: string[]; indexes: string[] }>;

function shapeOf(file: string): Shape {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  // full-text indexes Prisma does not model (migration search_index) are left out of the comparison
  const isFullText = fullTextTables(tables);
  const shape: Shape = {};
  for (const { name } of tables.filter((t) => !isFullText(t.name))) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Record<string, unknown>[]).map(
      (c) => `${c.name}:${c.type}:${c.notnull}:${c.dflt_value}:${c.pk}`,
    );
    const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
      .map((i) => {
        const cols = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
        return `${i.name}:${i.unique}:${cols.join(",")}`;
      })
      .sort();
    shape[name] = { columns, indexes };
  }
  db.close();
  return shape;
}

describe("migrations", () => {
  it("applying every migration to an empty database gives exactly schema.prisma", () => {
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const file = path.join(TMP_DIR, `schema-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const db = new Database(file);
    db.exec(sql);
    db.close();
    try {
      const fromMigrations = shapeOf(BASE_DB);
      const fromSchema = shapeOf(file);
      expect(Object.keys(fromMigrations).length).toBeGreaterThan(20);
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
