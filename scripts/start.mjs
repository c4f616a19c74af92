// `npm start`: build if needed, prepare the database, serve the production build.
// `npm run demo` (`--demo`): the same with the demo accounts and data loaded into an empty database.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-database.mjs";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const buildFile = path.resolve("build/index.js");
const sources = Math.max(newestMtime("app"), fs.statSync("remix.config.js").mtimeMs, fs.statSync("tailwind.config.ts").mtimeMs);
// rebuild when sources changed, or when the build on disk is a development one (npm run dev)
const productionBuild = fs.existsSync(buildFile) && fs.readFileSync(buildFile, "utf8").includes('var mode = "production"');
if (!productionBuild || fs.statSync(buildFile).mtimeMs < sources) {
  console.log("Building the application…");
  execFileSync("npx", ["remix", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}

// production unless told otherwise, for the seed too: a production database gets no demo accounts
// unless DEMO_DATA=true or --demo asks for them
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
if (process.argv.includes("--demo")) env.DEMO_DATA = "true";
prepareDatabase({ env });

const server = spawn(process.execPath, ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
