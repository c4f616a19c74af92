import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { dataDir, databaseUrl } from "./database-url.mjs";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * Express's `trust proxy`: "true"/"false", a hop count ("1"), or addresses and names
 * ("loopback, 10.0.0.0/8"). A count given as text would be taken for an address, so it is a number here.
 */
const trustProxy = z
  .string()
  .trim()
  .min(1)
  .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  TRUST_PROXY: trustProxy.optional(),
  /** how many processes serve requests (server.mjs); default one per core, at most MAX_DEFAULT_PROCESSES */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** database, uploads and the generated session secret; default ./data */
  DATA_DIR: z.string().trim().min(1).optional(),
  /** the SQLite file as `file:<path>`; default <DATA_DIR>/app.db */
  DATABASE_URL: z.string().trim().startsWith("file:", "must be a file: URL (SQLite)").optional(),
  /** Comma-separated list; the first signs new cookies, all verify (rotation). */
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(24 * 7),
  COOKIE_SECURE: flag.optional(),
  /** Demo accounts and data in an empty database: on by default except in production. */
  DEMO_DATA: flag.optional(),
  DEMO_PASSWORD: z.string().min(8).default("kolaborasi2025"),
  STALE_AFTER_DAYS: z.coerce.number().int().positive().default(30),
  /** Failed sign-ins within LOGIN_WINDOW_MINUTES before one account cools down from one IP (and, at three times as many, from every IP). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  /** Failed sign-ins from one IP (any account) before its attempts are slowed down (never refused). */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  /** The delay added per failure past LOGIN_MAX_FAILURES_PER_IP (at most ten times this). */
  LOGIN_IP_DELAY_MS: z.coerce.number().int().nonnegative().default(1000),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  PASSWORD_RESET_TTL_HOURS: z.coerce.number().int().positive().default(48),
  /** smtp:// or smtps:// with credentials; without it e-mails stay in the outbox (/admin/outbox) */
  SMTP_URL: z
    .string()
    .trim()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** the sender of every e-mail, e.g. "Kolaborasi Banten <noreply@bantenprov.go.id>" */
  MAIL_FROM: z.string().trim().min(3).default("Kolaborasi Banten <noreply@localhost>"),
  /** the public base URL of the app, for absolute links in e-mails and feeds; default http://localhost:PORT */
  APP_URL: z
    .string()
    .trim()
    .url()
    .refine((v) => /^https?:\/\//.test(v), "must be an http:// or https:// URL")
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
});

export type Env = Omit<z.infer<typeof schema>, "DEMO_DATA" | "APP_URL" | "WEB_CONCURRENCY"> & {
  /** the processes that serve requests (WEB_CONCURRENCY or its default) */
  WEB_CONCURRENCY: number;
  DEMO_DATA: boolean;
  /** without a trailing slash */
  APP_URL: string;
  sessionSecrets: string[];
  cookieSecure: boolean;
  /** where the data lives (app/utils/database-url.mjs) */
  dataDir: string;
  databaseUrl: string;
};

/**
 * Without WEB_CONCURRENCY a production server runs one process per core up to this many: each holds
 * its own copy of the app (about 300 MB under load), and the database takes one write at a time, so
 * past a few processes memory grows faster than throughput (measured on two cores only; decision 004).
 */
export const MAX_DEFAULT_PROCESSES = 4;

/**
 * The environment read from `source` (process.env at boot); throws on an invalid value. `cores` is
 * the machine's (what Node may use), given by the tests.
 */
export function parseEnv(source: Record<string, string | undefined>, cores = os.availableParallelism()): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${JSON.stringify(parsed.error.flatten().fieldErrors)}`);
  }
  const env = parsed.data;
  return {
    ...env,
    dataDir: dataDir(source),
    databaseUrl: databaseUrl(source),
    // a production deployment never gets demo accounts (with their published password) unless it asks
    DEMO_DATA: env.DEMO_DATA ?? env.NODE_ENV !== "production",
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    // one per core unless set (decision 004, "Several processes"); npm run dev always runs one
    WEB_CONCURRENCY: env.NODE_ENV === "development" ? 1 : (env.WEB_CONCURRENCY ?? Math.max(1, Math.min(cores, MAX_DEFAULT_PROCESSES))),
    sessionSecrets: env.SESSION_SECRET ? env.SESSION_SECRET.split(",").map((s) => s.trim()) : [localSecret(dataDir(source))],
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
  };
}

// Without SESSION_SECRET a random secret is kept in the data directory, so a fresh install is
// safe out of the box and sessions survive restarts.
function localSecret(directory: string): string {
  const file = path.join(directory, ".session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // written whole under another name, then linked into place: of two processes starting at once,
    // the first link wins and the other reads the winner's secret
    const secret = crypto.randomBytes(32).toString("base64url");
    const draft = `${file}.${process.pid}`;
    fs.writeFileSync(draft, secret, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
      return secret;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      return fs.readFileSync(file, "utf8").trim();
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
}

let cached: Env | undefined;
/** The validated environment, read once. */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}
