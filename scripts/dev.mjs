// `npm run dev`: prepare the database, then Remix's dev server with live reload.
import { spawn } from "node:child_process";
import { prepareDatabase } from "./prepare-database.mjs";

prepareDatabase();
const dev = spawn("npx", ["remix", "dev", "-c", "node server.mjs"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
