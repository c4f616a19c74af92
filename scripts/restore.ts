// npm run restore -- <archive> [--force]
// Puts a backup made by `npm run backup` back into DATA_DIR (or DATABASE_URL's file).
import { parseArgs } from "node:util";
import { RestoreRefused, restoreBackup } from "./backup-lib";

const USAGE = `Usage: npm run restore -- <archive> [--force]

STOP THE SERVER FIRST: a restore under a running server is refused.

Restores the database and the uploads folder of an archive made by npm run backup into DATA_DIR
(or DATABASE_URL's file). Refuses to replace an existing database or uploads folder unless
--force is given; with --force the current files are renamed aside with a
.before-restore-YYYYMMDD-HHMMSS suffix (nothing is deleted). The restored database must pass
PRAGMA integrity_check before anything is replaced. Start the server again afterwards.`;

async function main(): Promise<number> {
  let parsed: { values: { force?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`error: give exactly one archive.\n\n${USAGE}`);
    return 2;
  }
  const archive = parsed.positionals[0]!;
  try {
    const result = await restoreBackup({ archive, force: parsed.values.force ?? false });
    const { manifest } = result;
    console.log(`Restored the backup of ${manifest.createdAt} from ${archive}:`);
    console.log(`  database ${result.databaseFile} (integrity_check ok)`);
    console.log(`  uploads ${result.uploadsDir} (${manifest.uploads.files} files)`);
    for (const file of result.setAside) console.log(`  previous file kept as ${file}`);
    for (const file of result.removed) console.log(`  removed stale ${file}`);
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log("Start the server again (npm start); it applies any newer migrations.");
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`error: ${error.message}\nNothing was changed.`);
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  });
