import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "./database-url";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Comma-separated list; the first signs new cookies, all verify (rotation). */
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(24 * 7),
  COOKIE_SECURE: flag.optional(),
  DEMO_DATA: flag.default("true"),
  DEMO_PASSWORD: z.string().min(8).default("kolaborasi2025"),
  STALE_AFTER_DAYS: z.coerce.number().int().positive().default(30),
  /** Failed sign-ins allowed per account and per IP within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  PASSWORD_RESET_TTL_HOURS: z.coerce.number().int().positive().default(48),
});

export type Env = z.infer<typeof schema> & { sessionSecrets: string[]; cookieSecure: boolean };

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${JSON.stringify(parsed.error.flatten().fieldErrors)}`);
  }
  const env = parsed.data;
  return {
    ...env,
    sessionSecrets: env.SESSION_SECRET ? env.SESSION_SECRET.split(",").map((s) => s.trim()) : [localSecret()],
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
  };
}

// Without SESSION_SECRET a random secret is kept in the data directory, so a fresh install is
// safe out of the box and sessions survive restarts.
function localSecret(): string {
  const file = path.join(dataDir(), ".session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

let cached: Env | undefined;
/** The validated environment, read once. */
export function env(): Env {
  return (cached ??= readEnv());
}

/** The few values the browser may see. */
export function publicEnv() {
  return { demo: env().DEMO_DATA };
}
