// The server the end-to-end tests run against: production build, a fresh database with demo data.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-database.mjs";

const dir = path.resolve(`tests/.tmp/e2e-${process.env.PORT ?? 3210}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dir,
  DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
  DEMO_DATA: "true",
  SESSION_SECRET: "e2e-secret-0123456789abcdef",
};
if (!process.env.E2E_SKIP_BUILD) execFileSync("npx", ["remix", "build"], { stdio: "inherit", env });
prepareDatabase({ env, quiet: true });
const server = spawn(process.execPath, ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
