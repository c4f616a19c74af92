// The full-text indexes (SQLite FTS5, migration search_index) are virtual tables with shadow tables
// of their own; they only mirror other tables, and Prisma does not model them. Tests that compare
// or digest a database's tables leave them out with this one rule.

/** Whether a table of `sqlite_master` (name and sql) is a full-text index or one of its shadow tables. */
export function fullTextTables(tables: readonly { name: string; sql: string | null }[]): (name: string) => boolean {
  const indexes = tables.filter((t) => t.sql?.startsWith("CREATE VIRTUAL TABLE")).map((t) => t.name);
  return (name) => indexes.some((index) => name === index || name.startsWith(`${index}_`));
}
