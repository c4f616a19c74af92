// `npm run bench:lighthouse`: Lighthouse's mobile run (simulated slow 4G, 4x CPU slowdown, Moto G
// Power screen) with Debian's Chromium on the pages of issue #17, against the production build and a
// copy of the scale-1 bench database, signed in through the login form. Writes bench/lighthouse.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { BENCH_DOMAIN, BENCH_PASSWORD } from "./dataset";
import { kb, lighthouseMarkdown, medianRun, ms, summarize, type LighthouseResult, type PageFigures, type PageResult } from "./lighthouse-report";
import { describeMachine, loadAverage, fetchPage, killServers, pageScriptWeight, signIn, snapshotBuild, startServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DATA = path.join(ROOT, "bench", ".data");

const HELP = `Usage: npm run bench:lighthouse -- [options]
  --runs 3           Lighthouse runs per page (the median score is reported)
  --pages a,b        only these pages (login, publik, campus, item, dashboard)
  --skip-build       use the existing build as is (default: rebuild if stale)
  --app DIR          measure a build already made in DIR (build/, public/, server.mjs; DIR inside this
                     checkout, e.g. an older commit built under bench/.data), not this checkout's
  --json DIR         also keep every Lighthouse report (JSON) in DIR
  --out FILE         report file (default bench/lighthouse.md)`;

async function retryOnce<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    await new Promise((r) => setTimeout(r, 500));
    return task();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      pages: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      app: { type: "string" },
      json: { type: "string" },
      out: { type: "string", default: path.join(ROOT, "bench", "lighthouse.md") },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath}: install Debian's chromium or set CHROME_PATH`);

  const source = path.join(DATA, "scale-1", "app.db");
  if (!fs.existsSync(source)) throw new Error(`No scale-1 bench database at ${source}: run \`npm run bench -- --scales 1\` once`);
  // the app writes (sessions, audit of sign-ins): it runs on a copy, never on the bench database
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  const appDir = values.app ? path.resolve(values.app) : path.join(DATA, "lighthouse-app");
  try {
    if (!values.app) {
      const { built } = snapshotBuild(appDir, { skip: values["skip-build"] });
      if (built) console.log("Built the app.");
    } else if (!fs.existsSync(path.join(appDir, "build", "index.js"))) throw new Error(`No build in ${appDir}`);
    const dbFile = path.join(work, "app.db");
    const sourceDb = new Database(source, { readonly: true, fileMustExist: true });
    await sourceDb.backup(dbFile);
    // an item of the first campus with an average number of updates, as the bench's item page
    const item = sourceDb
      .prepare(
        `SELECT i.id, c.slug FROM "RoadmapItem" i JOIN "Campus" c ON c.id = i."campusId"
         WHERE i.visibility = 'PUBLISHED'
         ORDER BY (SELECT COUNT(*) FROM "ProgressUpdate" u WHERE u."itemId" = i.id) DESC, i.id LIMIT 1 OFFSET 300`,
      )
      .get() as { id: string; slug: string } | undefined;
    sourceDb.close();
    if (!item) throw new Error("No published item in the scale-1 database");

    const server = await startServer({ appDir, dataDir: work, dbFile, logFile: path.join(DATA, "lighthouse-server.log") });
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const cookie = await signIn(server.origin, `reviewer@${BENCH_DOMAIN}`, BENCH_PASSWORD);
      const all = [
        { name: "login", path: "/login", signedIn: false },
        { name: "publik", path: "/publik", signedIn: false },
        { name: "campus", path: `/campuses/${item.slug}`, signedIn: true },
        { name: "item", path: `/items/${item.id}`, signedIn: true },
        { name: "dashboard", path: "/dashboard", signedIn: true },
      ];
      const wanted = values.pages?.split(",").map((p) => p.trim());
      const pages = wanted ? all.filter((p) => wanted.includes(p.name)) : all;
      const results: PageResult[] = [];
      const loadBefore = loadAverage();
      for (const page of pages) {
        const url = `${server.origin}${page.path}`;
        // once more on a dropped connection: a kept-alive socket may close while Lighthouse runs
        const weight = await retryOnce(async () => {
          const html = await fetchPage(url, page.signedIn ? cookie : undefined);
          if (html.status !== 200) throw new Error(`GET ${page.path}: HTTP ${html.status}`);
          return pageScriptWeight(server.origin, html.body);
        });
        const figures: PageFigures[] = [];
        for (let n = 0; n < runs; n++) {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] },
            page.signedIn ? { extends: "lighthouse:default", settings: { extraHeaders: { Cookie: cookie } } } : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          if (values.json) {
            fs.mkdirSync(values.json, { recursive: true });
            fs.writeFileSync(path.join(values.json, `${page.name}-${n + 1}.json`), JSON.stringify(result.lhr));
          }
          const f = summarize(result.lhr as unknown as LighthouseResult);
          figures.push(f);
          console.log(`${page.path} run ${n + 1}: score ${f.score}, FCP ${ms(f.fcp)}, LCP ${ms(f.lcp)}, TBT ${ms(f.tbt)}, JS ${kb(f.jsTransferred)}`);
        }
        results.push({ ...page, runs: figures, median: medianRun(figures), scriptGzip: { files: weight.files, gzipped: weight.gzipped + weight.inline.gzipped, inlineScripts: weight.inline.scripts } });
      }
      const lighthouseVersion = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")).version as string;
      const chromium = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser: string };
      const report = lighthouseMarkdown({
        pages: results,
        machine: values.app
          ? { ...describeMachine(), git: `${path.relative(ROOT, appDir)} (given with --app)` } : describeMachine(),
        lighthouseVersion,
        chromium: chromium.Browser,
        runs,
        account: `reviewer@${BENCH_DOMAIN}`,
        loadAverage: { before: loadBefore, after: loadAverage() },
      });
      fs.writeFileSync(values.out, report);
      console.log(`\n${report}\nWritten to ${path.relative(ROOT, values.out)}`);
    } finally {
      chrome.kill();
      await server.stop();
    }
  } finally {
    killServers();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      killServers();
      process.exit(130);
    });
  main().catch((error) => {
    killServers();
    console.error(error instanceof Error ? error.stack ?? error.message : error, error instanceof Error && error.cause ? error.cause : "");
    process.exit(1);
  });
}
