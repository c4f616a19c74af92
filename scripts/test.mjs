// `npm test`: unit + integration (Vitest), then end-to-end (Playwright, Chromium), and one
// closing line "N passed, N failed" added up from both runners' own JSON reports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const tmp = path.resolve("tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });
const vitestReport = path.join(tmp, "vitest-report.json");
const playwrightReport = path.join(tmp, "playwright-report.json");
fs.rmSync(vitestReport, { force: true });
fs.rmSync(playwrightReport, { force: true });

const only = process.argv[2]; // "unit" | "e2e" | undefined
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let status = 0;

if (only !== "e2e") {
  status |= run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  if (fs.existsSync(vitestReport)) {
    const report = JSON.parse(fs.readFileSync(vitestReport, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else failed += 1;
}

// The end-to-end tests drive Debian's Chromium (Playwright never downloads a browser here).
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${chromium}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
    return false;
  }
  console.log("Installing Debian's chromium package for the end-to-end tests…");
  return run("apt-get", ["update", "-qq"]) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0;
}

// The HTML validity test runs the W3C validator (vnu-jar), which needs Java: Debian's headless JRE.
function ensureJava() {
  if (spawnSync("java", ["-version"], { stdio: "ignore" }).status === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error('Java not found: install Debian\'s "default-jre-headless" package (the HTML validator needs it).');
    return false;
  }
  console.log("Installing Debian's default-jre-headless package for the HTML validator…");
  return run("apt-get", ["update", "-qq"]) === 0 && run("apt-get", ["install", "-y", "-qq", "default-jre-headless"], { DEBIAN_FRONTEND: "noninteractive" }) === 0;
}

if (only !== "unit") {
  if (!ensureChromium() || !ensureJava()) {
    status |= 1;
  } else {
    status |= run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  }
  if (fs.existsSync(playwrightReport)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightReport, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  } else failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
