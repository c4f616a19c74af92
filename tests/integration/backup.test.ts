// Backup and restore (scripts/backup.ts, scripts/restore.ts, scripts/backup-lib.ts): `npm run backup`
// runs in its own process while a liaison keeps posting progress updates through the item page's
// action in this one, as a server would; the archive is then restored into a fresh folder.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, toIsoDate, todayInBanten } from "~/domain/dates";
import * as itemPage from "~/routes/items.$itemId._index";
import { prisma } from "~/utils/db.server";
import { uploadsDir } from "~/utils/uploads.server";
import { createItem } from "../../prisma/factories";
import { RestoreRefused, installationPaths, restoreBackup, type RestoreResult } from "../../scripts/backup-lib";
import { TMP_DIR } from "../setup/paths";
import { call, makeRequest } from "../support/http";
import { buildWorld } from "../support/world";

const execFileAsync = promisify(execFile);

let workDir: string;
let outDir: string;
let restoreDir: string;
let itemId: string;
/** Narratives of the updates whose post was acknowledged (the action answered), in that order. */
const acknowledged: string[] = [];
/** Those acknowledged before the backup command was started. */
let acknowledgedBefore: string[];
/** Uploaded files (path under uploads/ → bytes) present before the backup command was started. */
let uploadsBefore: Map<string, Buffer>;
let backupRun: { code: number; stdout: string; stderr: string };
let archive: string;
let restored: RestoreResult;
let stopPosting = false;
let posting: Promise<void> | undefined;

/** Runs one of the operator scripts the way `npm run` does (tsx), in its own process. */
async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
      env,
      timeout: 90_000,
      killSignal: "SIGKILL",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Every file under a folder, by path relative to it, with its bytes. */
function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return files;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full), fs.readFileSync(full));
  }
  return files;
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Posts updates one after another, as the item's liaison, until told to stop; every 4th carries a file. */
async function postUpdates(cookie: string) {
  const reportedOn = toIsoDate(addDays(todayInBanten(), -1));
  for (let n = 1; !stopPosting; n++) {
    const narrative = `Laporan berkala ${n}`;
    const form = new FormData();
    form.append("intent", "post-update");
    form.append("reportedOn", reportedOn);
    form.append("progress", String(n % 101));
    form.append("status", "ON_TRACK");
    form.append("narrative", narrative);
    if (n % 4 === 1) {
      form.append("files", new File([Buffer.from(`%PDF-1.4\n% daftar hadir ${n}\n%%EOF\n`)], `hadir-${n}.pdf`, { type: "application/pdf" }));
    }
    const response = await call(itemPage.action, makeRequest(`/items/${itemId}`, { form, cookie }), { itemId });
    if (response.status !== 302) throw new Error(`update ${n} was answered with ${response.status}`);
    acknowledged.push(narrative);
  }
}

/** The environment of an installation in the fresh folder (DATA_DIR only, no DATABASE_URL). */
const restoreEnv = (): NodeJS.ProcessEnv => ({ ...process.env, DATA_DIR: restoreDir, DATABASE_URL: undefined });

function openReadOnly(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(TMP_DIR, "backup-"));
  outDir = path.join(workDir, "out");
  restoreDir = path.join(workDir, "restored");
  const w = await buildWorld();
  itemId = (await createItem(prisma, { campusId: w.own, priorityAreaId: w.area.id, visibility: "PUBLISHED", title: "Program dicadangkan" })).id;

  posting = postUpdates(w.cookies.LIAISON_OWN!);
  // some updates, two with files, are in before the backup starts
  while (acknowledged.length < 8) {
    await Promise.race([posting, nextTick()]);
  }
  acknowledgedBefore = [...acknowledged];
  uploadsBefore = filesUnder(uploadsDir());

  backupRun = await runScript("backup.ts", ["--out", outDir], process.env);
  // posting went on for the whole backup: stop only once one more post came back after it
  const afterBackup = acknowledged.length;
  while (acknowledged.length === afterBackup) await Promise.race([posting, nextTick()]);
  stopPosting = true;
  await posting;

  archive = /Backup written: (.+\.tar\.gz)/.exec(backupRun.stdout)?.[1] ?? "";
  restored = await restoreBackup({ archive, env: restoreEnv() });
}, 180_000);

afterAll(async () => {
  stopPosting = true;
  await posting?.catch(() => undefined);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("npm run backup while updates are being posted", () => {
  it("writes one dated archive into --out and says where", () => {
    expect(backupRun.stderr).toBe("");
    expect(backupRun.code).toBe(0);
    expect(path.dirname(archive)).toBe(outDir);
    expect(path.basename(archive)).toMatch(/^kolaborasi-\d{8}-\d{6}\.tar\.gz$/);
    // nothing else is left in the folder (no staging copy, no partial archive)
    expect(fs.readdirSync(outDir)).toEqual([path.basename(archive)]);
  });

  it("restores a database that passes integrity_check and holds every update acknowledged before the backup began", () => {
    expect(restored.databaseFile).toBe(path.join(restoreDir, "app.db"));
    const db = openReadOnly(restored.databaseFile);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const inBackup = (
        db.prepare(`SELECT "narrative" FROM "ProgressUpdate" WHERE "itemId" = ?`).all(itemId) as { narrative: string }[]
      ).map((u) => u.narrative);
      expect(inBackup).toEqual(expect.arrayContaining(acknowledgedBefore));
      // one moment of the database: the updates were posted one after another, so the backup
      // holds the first k of them, none missing in between
      expect(new Set(inBackup)).toEqual(new Set(acknowledged.slice(0, inBackup.length)));
      // and whole transactions: each update came with its audit event and its evidence row
      const audited = db.prepare(`SELECT COUNT(*) FROM "AuditEvent" WHERE "entity" = 'ProgressUpdate' AND "itemId" = ?`).pluck().get(itemId);
      expect(audited).toBe(inBackup.length);
      const files = db
        .prepare(`SELECT COUNT(*) FROM "Evidence" e JOIN "ProgressUpdate" u ON u."id" = e."updateId" WHERE u."itemId" = ? AND e."kind" = 'FILE'`)
        .pluck()
        .get(itemId);
      expect(files).toBe(inBackup.filter((narrative) => Number(narrative.split(" ").pop()) % 4 === 1).length);
    } finally {
      db.close();
    }
  });

  it("restores every uploaded file that existed before the backup began, and every file the restored database refers to", () => {
    expect(restored.uploadsDir).toBe(path.join(restoreDir, "uploads"));
    const restoredFiles = filesUnder(restored.uploadsDir);
    expect(uploadsBefore.size).toBeGreaterThanOrEqual(2);
    for (const [relative, bytes] of uploadsBefore) expect(restoredFiles.get(relative), relative).toEqual(bytes);

    const db = openReadOnly(restored.databaseFile);
    try {
      const referenced = db.prepare(`SELECT "storagePath" FROM "Evidence" WHERE "kind" = 'FILE'`).pluck().all() as string[];
      expect(referenced.length).toBeGreaterThanOrEqual(2);
      for (const storagePath of referenced) expect(restoredFiles.has(storagePath), storagePath).toBe(true);
    } finally {
      db.close();
    }
  });

  it("describes the snapshot in the archive's manifest", async () => {
    const { manifest } = restored;
    const migrations = await prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(manifest.migrations).toEqual(migrations.map((m) => m.name));
    expect(manifest.database).toMatchObject({ file: path.basename(installationPaths().databaseFile), integrityCheck: "ok" });
    expect(manifest.source).toEqual(installationPaths());
    const db = openReadOnly(restored.databaseFile);
    try {
      for (const [table, count] of Object.entries(manifest.counts)) {
        expect(db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get(), table).toBe(count);
      }
    } finally {
      db.close();
    }
    expect(manifest.uploads.files).toBe(filesUnder(restored.uploadsDir).size);
  });

  it("finds the uploads folder where the app puts uploads", () => {
    expect(installationPaths(process.env).uploadsDir).toBe(uploadsDir());
  });
});

describe("npm run restore onto existing data", () => {
  it("refuses to overwrite the database without --force, and changes nothing", async () => {
    const before = { listing: fs.readdirSync(restoreDir).sort(), sha: sha256(restored.databaseFile) };
    const run = await runScript("restore.ts", [archive], restoreEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Refusing to overwrite existing data");
    expect(run.stderr).toContain("--force");
    expect(fs.readdirSync(restoreDir).sort()).toEqual(before.listing);
    expect(sha256(restored.databaseFile)).toBe(before.sha);
  }, 120_000);

  it("refuses, even with --force, while another connection has the database open (a running server)", async () => {
    const server = new Database(restored.databaseFile);
    try {
      server.prepare(`SELECT COUNT(*) FROM "Campus"`).get();
      await expect(restoreBackup({ archive, env: restoreEnv(), force: true })).rejects.toThrow(RestoreRefused);
      await expect(restoreBackup({ archive, env: restoreEnv(), force: true })).rejects.toThrow(/stop the server/);
    } finally {
      server.close();
    }
    expect(fs.readdirSync(restoreDir).filter((name) => name.includes("before-restore"))).toEqual([]);
  });

  it("with --force keeps the previous database (with what only its -wal held) and uploads aside, and leaves no stale -wal/-shm", async () => {
    const target = restored.databaseFile;
    // what a server killed mid-flight leaves: the main file without its last commit, the commit in the -wal
    const scratch = path.join(workDir, "crashed.db");
    fs.copyFileSync(target, scratch);
    const crashed = new Database(scratch);
    try {
      crashed.pragma("wal_autocheckpoint = 0");
      crashed.exec(`CREATE TABLE "Marker" ("note" TEXT); INSERT INTO "Marker" VALUES ('committed before the crash')`);
      fs.copyFileSync(`${scratch}-wal`, `${target}-wal`);
      fs.copyFileSync(`${scratch}-shm`, `${target}-shm`);
    } finally {
      crashed.close();
    }
    const oldUploads = filesUnder(restored.uploadsDir);

    const again = await restoreBackup({ archive, env: restoreEnv(), force: true, now: new Date(Date.UTC(2026, 10, 30, 8, 15, 0)) });

    const asideDb = path.join(restoreDir, "app.db.before-restore-20261130-081500");
    const asideUploads = path.join(restoreDir, "uploads.before-restore-20261130-081500");
    expect(again.setAside).toEqual(expect.arrayContaining([asideDb, asideUploads]));
    expect(filesUnder(asideUploads)).toEqual(oldUploads);
    const previous = openReadOnly(asideDb);
    try {
      expect(previous.prepare(`SELECT "note" FROM "Marker"`).pluck().all()).toEqual(["committed before the crash"]);
    } finally {
      previous.close();
    }

    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${target}-shm`)).toBe(false);
    const db = openReadOnly(target);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE "name" = 'Marker'`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    // the archive's uploads, as the first restore put them
    expect(filesUnder(again.uploadsDir)).toEqual(oldUploads);
  });
});
