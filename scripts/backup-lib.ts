// Backup and restore of the whole installation: the SQLite database and the uploaded evidence,
// in one .tar.gz with a manifest. Used by scripts/backup.ts, scripts/restore.ts and the tests.
import crypto from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { databaseFile, databaseUrl, uploadsDir } from "../app/utils/database-url.mjs";

const run = promisify(execFile);

export const MANIFEST_FORMAT = "kolaborasi-backup";
export const MANIFEST_VERSION = 1;
const MANIFEST = "manifest.json";
const UPLOADS = "uploads";
/** Tables whose row counts the manifest records, so an operator can tell one archive from another. */
const COUNTED_TABLES = ["Campus", "User", "RoadmapItem", "ProgressUpdate", "Evidence", "Milestone", "AuditEvent"] as const;
/** What sits beside a SQLite file while a connection has it open or after a crash. */
const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;
/**
 * Pages per backup step: more than any database has, so the copy is ONE sqlite3_backup_step call.
 * A step holds one read transaction, so the copy is the database as of one commit; WAL lets the
 * server keep writing meanwhile. With small steps, every commit between two steps restarts the
 * copy, which may never finish while the server is busy.
 */
const ALL_PAGES = 0x7fffffff;

export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  createdAt: string;
  source: { databaseFile: string; uploadsDir: string };
  database: { file: string; bytes: number; sha256: string; pageSize: number; pageCount: number; integrityCheck: string };
  migrations: string[];
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
  uploads: { files: number; bytes: number };
};

/** Where the app keeps its data, resolved exactly as the app does (app/utils/database-url.ts). */
export function installationPaths(env: NodeJS.ProcessEnv = process.env) {
  return { databaseFile: databaseFile(databaseUrl(env)), uploadsDir: uploadsDir(env) };
}

/** YYYYMMDD-HHMMSS in UTC, for archive names and set-aside suffixes. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

// ---------- backup ----------

/**
 * Takes an online backup while the server may be running and writing: the database first (one
 * consistent snapshot through the SQLite backup API), then the uploads. Files are written before
 * the transaction that records them commits and are never deleted once recorded, so every file the
 * snapshot refers to is already there when the uploads are copied (a few newer files may come along
 * unreferenced; they are harmless).
 */
export async function createBackup({
  env = process.env,
  outDir,
  now = new Date(),
}: {
  env?: NodeJS.ProcessEnv;
  outDir: string;
  now?: Date;
}): Promise<{ archive: string; manifest: BackupManifest }> {
  const source = installationPaths(env);
  if (!fs.existsSync(source.databaseFile)) throw new Error(`No database at ${source.databaseFile} (check DATA_DIR / DATABASE_URL).`);
  const dbName = path.basename(source.databaseFile);
  if (dbName === MANIFEST || dbName === UPLOADS) throw new Error(`The database file may not be named ${dbName}.`);

  await fsp.mkdir(outDir, { recursive: true });
  const staging = await fsp.mkdtemp(path.join(path.resolve(outDir), ".backup-"));
  try {
    const snapshot = path.join(staging, dbName);
    const live = new Database(source.databaseFile, { fileMustExist: true, timeout: 10_000 });
    try {
      await live.backup(snapshot, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }

    const db = new Database(snapshot, { fileMustExist: true });
    let described: Omit<BackupManifest["database"], "bytes" | "sha256"> & Pick<BackupManifest, "migrations" | "counts">;
    try {
      // a self-contained file in the archive; restore turns WAL back on
      db.pragma("journal_mode = DELETE");
      described = { file: dbName, ...describeDatabase(db) };
    } finally {
      db.close();
    }
    const uploads = await copyTree(source.uploadsDir, path.join(staging, UPLOADS));
    const { migrations, counts, ...database } = described;
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: now.toISOString(),
      source,
      database: { ...database, bytes: (await fsp.stat(snapshot)).size, sha256: await sha256(snapshot) },
      migrations,
      counts,
      uploads,
    };
    await fsp.writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);

    const partial = path.join(staging, "archive.tar.gz");
    await run("tar", ["-czf", partial, "-C", staging, MANIFEST, dbName, UPLOADS]);
    const archive = await placeWithoutOverwriting(partial, path.resolve(outDir), `kolaborasi-${timestamp(now)}`, ".tar.gz");
    return { archive, manifest };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

function describeDatabase(db: Database.Database) {
  const integrityCheck = integrityOf(db);
  // no archive that would not restore: with a damaged database, stop the server and copy the files
  if (integrityCheck !== "ok") throw new Error(`PRAGMA integrity_check of the snapshot failed:\n${integrityCheck}`);
  const migrations = (
    db
      .prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
      .all() as { name: string }[]
  ).map((m) => m.name);
  const counts = Object.fromEntries(
    COUNTED_TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]),
  ) as BackupManifest["counts"];
  return {
    pageSize: db.pragma("page_size", { simple: true }) as number,
    pageCount: db.pragma("page_count", { simple: true }) as number,
    integrityCheck,
    migrations,
    counts,
  };
}

/** "ok", or SQLite's list of problems (or the error a badly damaged file raises before any list). */
export function integrityOf(db: Database.Database): string {
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("\n");
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Copies a folder that may be changing: files that vanish meanwhile are skipped. */
async function copyTree(from: string, to: string, totals = { files: 0, bytes: 0 }) {
  await fsp.mkdir(to, { recursive: true });
  let entries: fs.Dirent[];
  try {
    entries = await fsp.readdir(from, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return totals;
    throw error;
  }
  for (const entry of entries) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(src, dst, totals);
    else if (entry.isFile()) {
      try {
        await fsp.copyFile(src, dst, fs.constants.COPYFILE_FICLONE);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      totals.files += 1;
      totals.bytes += (await fsp.stat(dst)).size;
    }
  }
  return totals;
}

/** Moves `file` to `<dir>/<base><ext>`, or `<base>-2<ext>`… if that name is taken; never replaces a file. */
async function placeWithoutOverwriting(file: string, dir: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const target = path.join(dir, `${base}${n === 1 ? "" : `-${n}`}${ext}`);
    try {
      await fsp.link(file, target);
      await fsp.rm(file);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

// ---------- restore ----------

/** The operator's mistake or a bad archive: the message says what to do, and nothing was changed. */
export class RestoreRefused extends Error {}

export type RestoreResult = {
  databaseFile: string;
  uploadsDir: string;
  manifest: BackupManifest;
  /** The previous files, renamed with a timestamp suffix (only with force). */
  setAside: string[];
  removed: string[];
  warnings: string[];
};

/**
 * Restores an archive into DATA_DIR (or DATABASE_URL's file). The server must be stopped. Refuses to
 * replace an existing database unless `force`; when forced, the previous database (with its -wal and
 * -shm, so uncheckpointed commits stay with it) and uploads folder are renamed aside, never deleted.
 * The archive is unpacked and checked (checksum, PRAGMA integrity_check) before anything is touched.
 */
export async function restoreBackup({
  archive,
  env = process.env,
  force = false,
  now = new Date(),
}: {
  archive: string;
  env?: NodeJS.ProcessEnv;
  force?: boolean;
  now?: Date;
}): Promise<RestoreResult> {
  if (!fs.existsSync(archive)) throw new RestoreRefused(`No archive at ${archive}.`);
  const target = installationPaths(env);
  const existing = await existingData(target);
  if (existing.length && !force) {
    throw new RestoreRefused(
      `Refusing to overwrite existing data (${existing.join(", ")}). Re-run with --force to restore anyway: ` +
        `the current files are then renamed aside with a timestamp suffix, not deleted.`,
    );
  }
  if (fs.existsSync(target.databaseFile) && databaseInUse(target.databaseFile)) {
    throw new RestoreRefused(`${target.databaseFile} is open in another process: stop the server before restoring.`);
  }

  await fsp.mkdir(path.dirname(target.databaseFile), { recursive: true });
  // unpacked beside the target database, so installing it is a rename on the same file system
  const staging = await fsp.mkdtemp(path.join(path.dirname(target.databaseFile), ".restore-"));
  try {
    await run("tar", ["-xzf", path.resolve(archive), "-C", staging, "--no-same-owner"]);
    const manifest = await readManifest(staging);
    const unpacked = path.join(staging, manifest.database.file);
    await assertPlainFiles(staging);
    if (!fs.existsSync(unpacked)) throw new RestoreRefused(`The archive has no ${manifest.database.file}.`);
    if ((await sha256(unpacked)) !== manifest.database.sha256) {
      throw new RestoreRefused(`${manifest.database.file} in the archive does not match its manifest checksum: the archive is damaged.`);
    }
    const db = new Database(unpacked, { fileMustExist: true });
    try {
      const integrity = integrityOf(db);
      if (integrity !== "ok") throw new RestoreRefused(`PRAGMA integrity_check failed on the restored database:\n${integrity}`);
      db.pragma("journal_mode = WAL"); // as scripts/prepare-database.mjs leaves every database
    } finally {
      db.close();
    }
    const warnings = unknownMigrations(manifest.migrations).map(
      (name) => `The backup has migration ${name}, which this version of the app does not know: it was taken by a newer version.`,
    );

    const stamp = timestamp(now);
    const setAside: string[] = [];
    const removed: string[] = [];
    if (fs.existsSync(target.databaseFile)) {
      const aside = `${target.databaseFile}.before-restore-${stamp}`;
      for (const suffix of ["", ...SIDE_FILES]) {
        if (fs.existsSync(target.databaseFile + suffix)) {
          await fsp.rename(target.databaseFile + suffix, aside + suffix);
          setAside.push(aside + suffix);
        }
      }
    } else {
      // side files without their database belong to nothing: stale
      for (const suffix of SIDE_FILES) {
        if (fs.existsSync(target.databaseFile + suffix)) {
          await fsp.rm(target.databaseFile + suffix);
          removed.push(target.databaseFile + suffix);
        }
      }
    }
    if ((await fsp.readdir(target.uploadsDir).catch(() => [])).length) {
      const aside = `${target.uploadsDir}.before-restore-${stamp}`;
      await fsp.rename(target.uploadsDir, aside);
      setAside.push(aside);
    }
    // an empty uploads folder may be left; rmdir fails rather than delete anything in it
    await fsp.rmdir(target.uploadsDir).catch((error) => {
      if (!isMissing(error)) throw error;
    });
    await fsp.rename(unpacked, target.databaseFile);
    await fsp.mkdir(path.dirname(target.uploadsDir), { recursive: true });
    await move(path.join(staging, UPLOADS), target.uploadsDir);
    return { ...target, manifest, setAside, removed, warnings };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/** What a restore would replace: the database, and an uploads folder that holds anything. */
async function existingData(target: { databaseFile: string; uploadsDir: string }): Promise<string[]> {
  const found: string[] = [];
  if (fs.existsSync(target.databaseFile)) found.push(target.databaseFile);
  const uploads = await fsp.readdir(target.uploadsDir).catch(() => []);
  if (uploads.length) found.push(target.uploadsDir);
  return found;
}

/**
 * Whether another connection has the database open: taking SQLite's exclusive lock fails while any
 * other connection (a running server holds one all the time in WAL mode) is open.
 */
export function databaseInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    db.close();
  }
}

async function readManifest(staging: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await fsp.readFile(path.join(staging, MANIFEST), "utf8"));
  } catch {
    throw new RestoreRefused(`The archive has no readable ${MANIFEST}: it is not a backup made by npm run backup.`);
  }
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== MANIFEST_VERSION) {
    throw new RestoreRefused(`Unknown archive format ${manifest.format} version ${manifest.version}.`);
  }
  const file = manifest.database?.file;
  if (typeof file !== "string" || file !== path.basename(file) || [MANIFEST, UPLOADS, "", ".", ".."].includes(file)) {
    throw new RestoreRefused(`The manifest names an invalid database file: ${String(file)}.`);
  }
  return manifest;
}

/** Archives made by createBackup hold regular files and folders only; refuse anything else (links). */
async function assertPlainFiles(dir: string): Promise<void> {
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await assertPlainFiles(full);
    else if (!entry.isFile()) throw new RestoreRefused(`The archive holds ${path.basename(full)}, which is not a regular file.`);
  }
}

function unknownMigrations(names: string[]): string[] {
  const folder = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
  if (!fs.existsSync(folder)) return [];
  const known = new Set(fs.readdirSync(folder));
  return names.filter((name) => !known.has(name));
}

async function move(from: string, to: string): Promise<void> {
  try {
    await fsp.rename(from, to);
  } catch (error) {
    // DATA_DIR on another file system than the database's folder
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await fsp.cp(from, to, { recursive: true });
    await fsp.rm(from, { recursive: true, force: true });
  }
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}
