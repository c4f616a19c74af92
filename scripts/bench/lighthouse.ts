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
import { describeMachine, fetchPage, killServers, scriptUrls, scriptWeight, signIn, snapshotBuild, startServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DATA = path.join(ROOT, "bench", ".data");

/** The figures kept from one Lighthouse report. Times in milliseconds, sizes in bytes. */
export type PageFigures = {
  score: number | null;
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  speedIndex: number | null;
  /** bytes over the wire (gzipped when the server compresses) of every script under /build */
  jsTransferred: number;
  jsFiles: number;
  /** the stylesheets' bytes over the wire */
  cssTransferred: number;
  renderBlocking: string[];
  unusedJs: number | null;
  mainThreadMs: number | null;
  runtimeError: string | null;
};

type Audit = { numericValue?: number; score?: number | null; details?: { items?: Array<Record<string, unknown>> } };
type LighthouseResult = {
  categories: { performance?: { score: number | null } };
  audits: Record<string, Audit | undefined>;
  runtimeError?: { code: string; message: string };
};

const numeric = (lhr: LighthouseResult, id: string) => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

/** Reads the figures of issue #17 from a Lighthouse result (the `lhr` JSON). */
export function summarize(lhr: LighthouseResult): PageFigures {
  const requests = (lhr.audits["network-requests"]?.details?.items ?? []) as Array<{ url?: string; resourceType?: string; transferSize?: number }>;
  const scripts = requests.filter((r) => r.resourceType === "Script" && typeof r.url === "string" && new URL(r.url).pathname.startsWith("/build/"));
  const styles = requests.filter((r) => r.resourceType === "Stylesheet");
  const blocking = (lhr.audits["render-blocking-resources"]?.details?.items ?? []) as Array<{ url?: string }>;
  const score = lhr.categories.performance?.score;
  return {
    score: typeof score === "number" ? Math.round(score * 100) : null,
    fcp: numeric(lhr, "first-contentful-paint"),
    lcp: numeric(lhr, "largest-contentful-paint"),
    tbt: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    speedIndex: numeric(lhr, "speed-index"),
    jsTransferred: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    jsFiles: scripts.length,
    cssTransferred: styles.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    renderBlocking: blocking.map((b) => (b.url ? new URL(b.url).pathname : "?")),
    unusedJs: ((): number | null => {
      const audit = lhr.audits["unused-javascript"];
      if (!audit?.details?.items) return null;
      return (audit.details.items as Array<{ wastedBytes?: number }>).reduce((sum, i) => sum + (i.wastedBytes ?? 0), 0);
    })(),
    mainThreadMs: numeric(lhr, "mainthread-work-breakdown"),
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

/** The run with the median performance score (Lighthouse's own advice for noisy machines). */
export function medianRun(runs: PageFigures[]): PageFigures {
  const scored = runs.filter((r) => r.score !== null).sort((a, b) => a.score! - b.score! || (a.lcp ?? 0) - (b.lcp ?? 0));
  if (scored.length === 0) return runs[0]!;
  return scored[Math.floor((scored.length - 1) / 2)]!;
}

export type PageResult = { name: string; path: string; signedIn: boolean; runs: PageFigures[]; median: PageFigures; scriptGzip: { files: number; gzipped: number } };

const ms = (v: number | null) => (v === null ? "–" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const kb = (v: number | null) => (v === null ? "–" : `${(v / 1000).toFixed(1)} kB`);

/** bench/lighthouse.md */
export function lighthouseMarkdown(input: {
  pages: PageResult[];
  machine: ReturnType<typeof describeMachine>;
  lighthouseVersion: string;
  chromium: string;
  runs: number;
}): string {
  const { pages, machine } = input;
  const targets = pages.filter((p) => p.name !== "dashboard");
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
  const lines = [
    "# Lighthouse, mobile",
    "",
    `Written by \`npm run bench:lighthouse\` (scripts/bench/lighthouse.ts); see bench/README.md, section "Lighthouse".`,
    "",
    `- Commit ${machine.git}, ${machine.date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, ${machine.platform}, Node ${machine.node}`,
    `- Lighthouse ${input.lighthouseVersion}, ${input.chromium}, headless; mobile preset (simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; 4x CPU slowdown)`,
    `- Production build against a copy of the scale-1 bench database; signed-in pages as \`reviewer@${BENCH_DOMAIN}\` (cookie from the login form)`,
    `- ${input.runs} run(s) per page; the row is the run with the median score`,
    "",
    "| page | score | FCP | LCP | TBT | CLS | Speed Index | JS over the wire | JS gzipped (zlib) | CSS over the wire | unused JS | main-thread work |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...pages.map((p) => {
      const m = p.median;
      return `| \`${p.path}\`${p.signedIn ? " (signed in)" : ""} | ${m.score ?? "–"} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${m.cls === null ? "–" : m.cls.toFixed(3)} | ${ms(m.speedIndex)} | ${kb(m.jsTransferred)} (${m.jsFiles} files) | ${kb(p.scriptGzip.gzipped)} (${p.scriptGzip.files} files) | ${kb(m.cssTransferred)} | ${kb(m.unusedJs)} | ${ms(m.mainThreadMs)} |`;
    }),
    "",
    "Scores of every run: " + pages.map((p) => `\`${p.path}\` ${p.runs.map((r) => r.score ?? "–").join(", ")}`).join("; ") + ".",
    "",
    "## Targets (issue #17)",
    "",
    "| page | score ≥ 98 | LCP ≤ 1.5 s | JS ≤ 100 kB gzipped |",
    "|---|---|---|---|",
    ...targets.map((p) => {
      const m = p.median;
      return `| \`${p.path}\` | ${verdict((m.score ?? 0) >= 98)} (${m.score ?? "–"}) | ${verdict(m.lcp !== null && m.lcp <= 1500)} (${ms(m.lcp)}) | ${verdict(p.scriptGzip.gzipped <= 100_000)} (${kb(p.scriptGzip.gzipped)}) |`;
    }),
    "",
  ];
  const blocking = pages.filter((p) => p.median.renderBlocking.length > 0);
  if (blocking.length) lines.push(`Render-blocking: ${blocking.map((p) => `\`${p.path}\` ${p.median.renderBlocking.join(", ")}`).join("; ")}.`, "");
  const errors = pages.flatMap((p) => p.runs.filter((r) => r.runtimeError).map((r) => `\`${p.path}\`: ${r.runtimeError}`));
  if (errors.length) lines.push("Lighthouse errors: " + errors.join("; "), "");
  return lines.join("\n");
}

const HELP = `Usage: npm run bench:lighthouse -- [options]
  --runs 3           Lighthouse runs per page (the median score is reported)
  --pages a,b        only these pages (login, publik, campus, item, dashboard)
  --skip-build       use the existing build as is (default: rebuild if stale)
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
  const appDir = path.join(DATA, "lighthouse-app");
  try {
    const { built } = snapshotBuild(appDir, { skip: values["skip-build"] });
    if (built) console.log("Built the app.");
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
      for (const page of pages) {
        const url = `${server.origin}${page.path}`;
        // once more on a dropped connection: a kept-alive socket may close while Lighthouse runs
        const weight = await retryOnce(async () => {
          const html = await fetchPage(url, page.signedIn ? cookie : undefined);
          if (html.status !== 200) throw new Error(`GET ${page.path}: HTTP ${html.status}`);
          return scriptWeight(server.origin, scriptUrls(html.body));
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
        results.push({ ...page, runs: figures, median: medianRun(figures), scriptGzip: { files: weight.files, gzipped: weight.gzipped } });
      }
      const lighthouseVersion = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")).version as string;
      const chromium = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser: string };
      const report = lighthouseMarkdown({ pages: results, machine: describeMachine(), lighthouseVersion, chromium: chromium.Browser, runs });
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
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  });
}
