// npm run backup [-- --out <folder>]
// An online backup: safe while the server runs and writes (see scripts/backup-lib.ts).
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "./backup-lib";

const USAGE = `Usage: npm run backup [-- --out <folder>]

Writes one archive, <folder>/kolaborasi-YYYYMMDD-HHMMSS.tar.gz (UTC time; default folder ./backups),
holding a consistent snapshot of the database, the uploads folder and a manifest.json.
Safe while the server is running. Reads DATA_DIR / DATABASE_URL like the app.
Restore with: npm run restore -- <archive>`;

async function main(): Promise<number> {
  let values: { out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { archive, manifest } = await createBackup({ outDir: path.resolve(values.out ?? "backups") });
  const counts = Object.entries(manifest.counts).map(([table, n]) => `${table} ${n}`).join(", ");
  console.log(`Backup written: ${archive}`);
  console.log(`  database ${manifest.source.databaseFile} (${manifest.database.bytes} bytes, ${manifest.migrations.length} migrations; ${counts})`);
  console.log(`  uploads ${manifest.source.uploadsDir} (${manifest.uploads.files} files, ${manifest.uploads.bytes} bytes)`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
