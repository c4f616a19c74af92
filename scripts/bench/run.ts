// `npm run bench -- --scales 1,10 --duration 10`: builds a dataset per scale in its own database,
// starts the production server on it and measures the main routes. See bench/README.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { todayInBanten, toIsoDate } from "../../app/domain/dates";
import { BENCH_SEED, buildDataset } from "./dataset";
import { routeScripts } from "./route-scripts";
import { measure, measureDownload, stopCurrentRun, warmUp, type Download, type Measurement, type RunOptions, type Target } from "./measure";
import {
  GROWING_ROUTES,
  ROUTES,
  exportStreamSummary,
  growthTable,
  markdown,
  medianRun,
  pairedGrowthOf,
  scaleTable,
  verdicts,
  verdictTable,
  type ExportStream,
  type PairedGrowth,
  type Report,
  type ScaleResult,
} from "./report";
import {
  describeMachine,
  fetchPage,
  killServers,
  loadAverage,
  currentRss,
  processTree,
  peakRss,
  pageScriptWeight,
  progressUpdateForm,
  signIn,
  snapshotBuild,
  startServer,
  type RunningServer,
} from "./server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DATA = path.join(ROOT, "bench", ".data");
/** The streamed export measured one download at a time (issue #17): every progress update the reviewer may see. */
const EXPORT_STREAM_PATH = "/exports/updates.csv";
/** Downloads measured after one warm-up download (the first one also loads code and warms caches). */
const EXPORT_STREAM_RUNS = 3;
/** Measured runs of the progress-update POST, after its warm-up; the median one is judged. */
const POST_RUNS = 3;
/** Where another engineer's CSV export may live; the first that answers 200 is measured. */
const CSV_CANDIDATES = ["/exports/items.csv", "/exports/items", "/export/items.csv", "/items.csv"];

const HELP = `Usage: npm run bench -- [options]
  --scales 1,10        dataset scales to run (scale 1 = 12 campuses, 600 items, 25,000 updates)
  --duration 10        seconds measured per route
  --warmup 3           seconds of a warm-up round (not measured); a route is warmed in rounds until
                       its rate stops rising (a round at most 5 % faster than the one before), at most 5
                       (after the scales, the read routes' p95 growth is measured again in pairs: both
                       servers up, 3 pairs of min(--duration, 5) s per route; the target is judged on it;
                       the progress-update POST is measured in ${POST_RUNS} runs of about --duration s, judged on the median)
  --connections 10     concurrent connections
  --seed ${BENCH_SEED}      dataset seed
  --csv /path          CSV export path to measure (default: the first of ${CSV_CANDIDATES.join(", ")} that exists)
  --analyze            run ANALYZE on each dataset (the app never does; shows what statistics change)
  --rebuild            run \`remix build\` even if the build looks current
  --skip-build         use the existing build as is
  --out FILE           report file (default bench/results.md; bench/.data/results-smoke.md when every scale < 1)`;

function options() {
  const { values } = parseArgs({
    options: {
      scales: { type: "string", default: "1,10" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      seed: { type: "string", default: String(BENCH_SEED) },
      csv: { type: "string" },
      analyze: { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const scales = values.scales.split(",").map((s) => Number(s.trim()));
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${value}"`);
    return n;
  };
  if (scales.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error(`--scales must be positive numbers, got "${values.scales}"`);
  const smoke = scales.every((s) => s < 1);
  return {
    scales,
    run: {
      duration: number("duration", values.duration, 1),
      warmup: number("warmup", values.warmup, 0),
      connections: Math.round(number("connections", values.connections, 1)),
    } satisfies RunOptions,
    seed: Math.round(number("seed", values.seed, 0)),
    csv: values.csv ?? null,
    analyze: values.analyze,
    rebuild: values.rebuild,
    skipBuild: values["skip-build"],
    out: path.resolve(values.out ?? (smoke ? path.join(DATA, "results-smoke.md") : path.join(ROOT, "bench", "results.md"))),
  };
}

function countUpdates(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "ProgressUpdate"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Waits until requests abandoned at the end of a timed run have finished writing. */
async function settledCount(file: string): Promise<number> {
  let last = countUpdates(file);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = countUpdates(file);
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LOCK = path.join(DATA, ".lock");

function lockHolder(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK, "pid"), "utf8"));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** One benchmark at a time in this checkout: two runs would rebuild each other's databases. */
async function acquireLock() {
  fs.mkdirSync(DATA, { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      process.on("exit", () => fs.rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch {
      const holder = lockHolder();
      if (holder === null) {
        // left behind by a run that died
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) console.log(`Another benchmark (pid ${holder}) is running in this checkout; waiting for it to finish…`);
      await sleep(2000);
    }
  }
}

async function healthzMs(origin: string): Promise<number> {
  const started = performance.now();
  await fetch(`${origin}/healthz`)
    .then((r) => r.arrayBuffer())
    .catch(() => null);
  return performance.now() - started;
}

/**
 * Waits until the server is idle: /healthz shares the database connection with every page, so
 * while abandoned requests are still running it answers late.
 */
async function waitIdle(origin: string, baselineMs: number) {
  const limit = Math.max(25, baselineMs * 3);
  const deadline = Date.now() + 180_000;
  let quick = 0;
  while (Date.now() < deadline && quick < 3) {
    quick = (await healthzMs(origin)) < limit ? quick + 1 : 0;
    await sleep(100);
  }
}

/** A fresh server's idle /healthz time (the median of seven) and the wait for it to be idle again. */
async function idleBaseline(origin: string) {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push(await healthzMs(origin));
  const baselineMs = samples.sort((a, b) => a - b)[3]!;
  return { baselineMs, settle: () => waitIdle(origin, baselineMs) };
}

function line(m: Measurement) {
  const bad = m.failures + m.errors;
  console.log(
    `  ${m.method} ${new URL(m.url).pathname}: ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.latencyMs.p50.toFixed(1)} ms, ` +
      `p95 ${m.latencyMs.p95.toFixed(1)} ms, p99 ${m.latencyMs.p99.toFixed(1)} ms${bad ? `, ${bad} failed ${JSON.stringify({ ...m.statuses, ...m.errorKinds })}` : ""}`,
  );
}

async function runScale(scale: number, opts: ReturnType<typeof options>, appDir: string): Promise<ScaleResult> {
  const dir = path.join(DATA, `scale-${scale}`);
  const loadBefore = loadAverage();
  const cores = describeMachine().cores;
  console.log(`\n== scale ${scale}: generating the dataset in ${path.relative(ROOT, dir)}`);
  const started = performance.now();
  const { file, summary } = buildDataset(dir, { scale, seed: opts.seed });
  if (opts.analyze) {
    const db = new Database(file);
    db.exec("ANALYZE");
    db.close();
  }
  const datasetMs = performance.now() - started;
  const c = summary.counts;
  console.log(`  ${c.campuses} campuses, ${c.items} items, ${c.updates} updates, ${c.milestones} milestones in ${(datasetMs / 1000).toFixed(1)} s`);

  const server: RunningServer = await startServer({ appDir, dataDir: dir, dbFile: file, logFile: path.join(dir, "server.log") });
  const result: ScaleResult = {
    scale,
    dataset: summary,
    datasetMs,
    paths: {},
    routes: {},
    notes: [],
    js: { dashboard: null, item: null },
    cold: {},
    memory: {},
    exportStream: null,
    itemsExportStream: null,
    peakRssBytes: null,
    writes: null,
    load: { before: loadBefore, after: [] },
  };
  if (opts.analyze) result.notes.push("ANALYZE was run on this dataset (--analyze): the query planner had table statistics, which the app's own databases never get.");
  if (loadBefore[0] > cores * 0.75) {
    const warning =
      `The machine was busy when this scale started (1-minute load average ${loadBefore[0].toFixed(1)} on ${cores} cores, ` +
      "including this run's previous scale): figures may be pessimistic.";
    console.warn(`  warning: ${warning}`);
    result.notes.push(warning);
  }
  try {
    const { origin } = server;
    const { baselineMs, settle } = await idleBaseline(origin);
    const minResponses = opts.run.connections * 3;
    console.log(`  server pid ${server.pid} at ${origin} (idle /healthz ${baselineMs.toFixed(1)} ms)`);
    const reviewer = await signIn(origin, summary.accounts.reviewer, summary.accounts.password);
    const liaison = await signIn(origin, summary.accounts.liaison, summary.accounts.password);
    result.serverProcesses = processTree(server.pid).length;
    console.log(`  ${result.serverProcesses} server process${result.serverProcesses === 1 ? "" : "es"}`);
    const item = summary.benchItem;
    const reads: { key: keyof ScaleResult["routes"]; path: string; cookie?: string }[] = [
      { key: "healthz", path: "/healthz" },
      { key: "login", path: "/login" },
      { key: "dashboard", path: "/dashboard", cookie: reviewer },
      { key: "campus", path: `/campuses/${item.campusSlug}`, cookie: reviewer },
      { key: "item", path: `/items/${item.id}`, cookie: reviewer },
      // a word in thousands of item titles at scale 10 (every "Kajian …" programme), as typed in the header
      { key: "search", path: "/search?q=kajian", cookie: reviewer },
      // a word in most milestone titles ("Laporan antara", "Laporan akhir": 18,000 of 30,000 at scale 10)
      { key: "searchMilestones", path: "/search?q=laporan", cookie: reviewer },
    ];

    // the CSV export, if someone has built it by now
    const csvPaths = opts.csv ? [opts.csv] : CSV_CANDIDATES;
    const probes: string[] = [];
    for (const candidate of csvPaths) {
      const page = await fetchPage(`${origin}${candidate}`, reviewer);
      probes.push(`${candidate} → ${page.status}`);
      if (page.status === 200) {
        reads.push({ key: "csv", path: candidate, cookie: reviewer });
        result.notes.push(`CSV export measured at \`${candidate}\` (${page.type.split(";")[0]}, ${page.body.length.toLocaleString("en-US")} bytes).`);
        break;
      }
    }
    if (!reads.some((r) => r.key === "csv")) {
      const note = `CSV export: not built yet (${probes.join(", ")}); skipped.`;
      console.log(`  ${note}`);
      result.notes.push(note);
    }

    for (const read of reads) {
      // a redirect here would mean a lost session or a wrong route: measuring it would mislead
      const page = await fetchPage(`${origin}${read.path}`, read.cookie);
      if (page.status !== 200) throw new Error(`GET ${read.path} answered ${page.status}, not 200: see ${server.logFile}`);
      result.paths[read.key] = read.path;
      const target: Target = { title: read.key, url: `${origin}${read.path}`, headers: read.cookie ? { Cookie: read.cookie } : {} };
      const m = await measure(target, { ...opts.run, settle, minResponses });
      result.routes[read.key] = m;
      result.memory[read.key] = { rss: currentRss(server.pid), peak: peakRss(server.pid) };
      if (m.errors) result.notes.push(`GET ${read.path}: ${m.errors} requests got no response (${JSON.stringify(m.errorKinds)}).`);
      if (m.mode === "amount") {
        result.notes.push(
          `GET ${read.path}: fewer than ${minResponses} responses in ${opts.run.duration} s, so it was measured over ${minResponses} requests instead (${m.seconds.toFixed(1)} s).`,
        );
      }
      line(m);
    }

    // the exports, one download at a time: first byte, rows per second, the server's memory while it streams
    const downloads = async (exportPath: string): Promise<ExportStream> => {
      const target: Target = { title: "export-stream", url: `${origin}${exportPath}`, headers: { Cookie: reviewer } };
      const rss = () => currentRss(server.pid);
      const warmup = await measureDownload(target, { rss });
      if (warmup.status !== 200) throw new Error(`GET ${exportPath} answered ${warmup.status}, not 200: see ${server.logFile}`);
      const runs: Download[] = [];
      for (let i = 0; i < EXPORT_STREAM_RUNS; i++) {
        await settle();
        runs.push(await measureDownload(target, { rss }));
      }
      const stream = { path: exportPath, warmup, runs };
      const summary = exportStreamSummary(stream);
      console.log(
        `  GET ${exportPath}, one at a time (${runs.length} after a warm-up): ${summary.rows.toLocaleString("en-US")} rows, ` +
          `first byte ${summary.firstByteMs.toFixed(0)} ms (worst ${summary.worstFirstByteMs.toFixed(0)} ms), ${summary.rowsPerSecond.toFixed(0)} rows/s, ` +
          `${(summary.totalMs / 1000).toFixed(1)} s, RSS growth ${summary.worstRssGrowth === null ? "–" : `${(summary.worstRssGrowth / 1e6).toFixed(0)} MB`}` +
          `${summary.complete ? "" : ", INCOMPLETE download"}`,
      );
      return stream;
    };
    result.exportStream = await downloads(EXPORT_STREAM_PATH);
    // the CSV export measured under load, downloaded the same way: it grows with the province, so its download is what is judged
    if (result.paths.csv) result.itemsExportStream = await downloads(result.paths.csv);

    // the progress update a liaison posts (the form the item page sends)
    const form = progressUpdateForm({
      intent: "post-update",
      reportedOn: toIsoDate(todayInBanten()),
      progress: "60",
      status: "ON_TRACK",
      narrative: "Laporan kemajuan (benchmark): kegiatan lapangan dan koordinasi dengan perangkat daerah.",
      achievements: "Rapat koordinasi selesai.",
      obstacles: "",
      nextSteps: "Penyusunan draf rekomendasi.",
      correctsId: "",
      links: "",
    });
    const postOneUpdate = async () => {
      const response = await fetch(`${origin}/items/${item.id}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: liaison, Origin: origin, "Content-Type": form.contentType },
        body: form.body,
      });
      if (response.status !== 302 && response.status !== 303) throw new Error(`POST /items/${item.id} answered ${response.status}`);
    };

    // pages may be cached until the data changes: time the first request after a change too
    // (a posted progress update; sign-ins do not count as changes for the cache)
    for (const read of reads.filter((r) => r.key === "dashboard" || r.key === "campus" || r.key === "item")) {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        await postOneUpdate();
        const t = performance.now();
        const page = await fetchPage(`${origin}${read.path}`, read.cookie);
        samples.push(performance.now() - t);
        if (page.status !== 200) throw new Error(`GET ${read.path} answered ${page.status} after a change`);
      }
      samples.sort((a, b) => a - b);
      result.cold[read.key] = { median: samples[2]!, max: samples[4]!, samples: samples.length };
      console.log(`  GET ${read.path} after a change, one at a time: median ${samples[2]!.toFixed(1)} ms, max ${samples[4]!.toFixed(1)} ms`);
    }

    for (const [key, pagePath] of [["dashboard", "/dashboard"], ["item", `/items/${item.id}`]] as const) {
      const page = await fetchPage(`${origin}${pagePath}`, reviewer);
      const weight = await pageScriptWeight(origin, page.body);
      result.js[key] = weight;
      console.log(
        `  JavaScript for ${pagePath}: ${weight.files} files, ${(weight.gzipped / 1000).toFixed(1)} kB gzipped; ` +
          `${weight.inline.scripts} inline, ${(weight.inline.gzipped / 1000).toFixed(1)} kB gzipped`,
      );
    }

    // writes: a liaison posting progress updates to the item of their campus
    const post: Target = {
      title: "post",
      url: `${origin}/items/${item.id}`,
      method: "POST",
      headers: { Cookie: liaison, Origin: origin, "Content-Type": form.contentType },
      body: form.body,
    };
    result.paths.post = `/items/${item.id}`;
    let warmRate = 50;
    let warmupRounds = 0;
    if (opts.run.warmup > 0) {
      const warm = await warmUp(post, { connections: opts.run.connections, settle }, opts.run.warmup);
      warmRate = warm.rates[warm.rates.length - 1]!;
      warmupRounds = warm.rates.length;
      console.log(`  POST warm-up: ${warm.rates.map((r) => r.toFixed(0)).join(" → ")} req/s`);
      if (warm.ok === 0) throw new Error(`POST /items/${item.id} never succeeded in the warm-up: ${JSON.stringify(warm.statuses)}`);
    }
    // a fixed number of requests per run, so every response is received and the row count can be
    // checked; several runs, judged on the median one (a burst of the shared host's load in one run
    // does not decide the figure), every run's failures counted
    const before = await settledCount(file);
    const amount = Math.max(opts.run.connections * 10, Math.round(warmRate * opts.run.duration));
    const runs: Measurement[] = [];
    for (let i = 0; i < POST_RUNS; i++) {
      const run = { ...(await measure(post, { ...opts.run, warmup: 0, amount, settle })), warmupRounds };
      runs.push(run);
      if (run.errors) result.notes.push(`POST /items/:id, run ${i + 1}: ${run.errors} requests got no response (${JSON.stringify(run.errorKinds)}).`);
      line(run);
    }
    const after = await settledCount(file);
    const m = medianRun(runs);
    result.routes.post = m;
    result.postRuns = runs;
    result.memory.post = { rss: currentRss(server.pid), peak: peakRss(server.pid) };
    const ok = runs.reduce((n, run) => n + run.ok, 0);
    result.writes = { before, after, ok, lost: ok - (after - before) };
    console.log(
      `  POST, median of ${runs.length} runs: ${m.requestsPerSecond.toFixed(0)} req/s; ` +
        `writes: ${ok} accepted, rows ${before} → ${after}: ${result.writes.lost === 0 ? "no lost write" : `${result.writes.lost} LOST`}`,
    );

    result.peakRssBytes = peakRss(server.pid);
  } finally {
    await server.stop();
    result.load.after = loadAverage();
  }
  return result;
}

/** Pairs per read route in the paired growth check, and the seconds of each half of a pair (at most `--duration`). */
const GROWTH_PAIRS = 3;
const GROWTH_PAIR_SECONDS = 5;

/**
 * The read routes' p95 growth measured in pairs: the base scale's server and the largest scale's
 * run side by side, and each route is measured on one then the other, back to back (the order
 * alternating from pair to pair), so that the host's own speed, which drifts over the minutes
 * between two scales' runs, weighs on both halves of a pair alike. The CSV export is left out (its
 * growth is not judged). Each server is warmed per route first, as in the main runs.
 */
async function pairedGrowth(base: ScaleResult, top: ScaleResult, opts: ReturnType<typeof options>, appDir: string): Promise<PairedGrowth> {
  const seconds = Math.min(opts.run.duration, GROWTH_PAIR_SECONDS);
  console.log(`\n== p95 growth in pairs: scale ${base.scale} and scale ${top.scale} side by side (${GROWTH_PAIRS} pairs of ${seconds} s per route)`);
  const servers: { result: ScaleResult; server: RunningServer; cookie: string; settle: () => Promise<void> }[] = [];
  try {
    for (const result of [base, top]) {
      const dir = path.join(DATA, `scale-${result.scale}`);
      const server = await startServer({ appDir, dataDir: dir, dbFile: path.join(dir, "app.db"), logFile: path.join(dir, "server.log") });
      const { settle } = await idleBaseline(server.origin);
      const cookie = await signIn(server.origin, result.dataset.accounts.reviewer, result.dataset.accounts.password);
      servers.push({ result, server, cookie, settle });
    }
    const growth: PairedGrowth = { base: base.scale, top: top.scale, seconds, routes: {} };
    for (const route of ROUTES.filter((r) => r.read && !GROWING_ROUTES.has(r.key))) {
      if (!base.paths[route.key] || !top.paths[route.key]) continue;
      // signed in as in the runs above: every read route but /healthz and /login
      const signedIn = route.key !== "healthz" && route.key !== "login";
      const targets = servers.map(({ result, server, cookie }): Target => {
        const headers: Record<string, string> = signedIn ? { Cookie: cookie } : {};
        return { title: route.key, url: `${server.origin}${result.paths[route.key]}`, headers };
      });
      for (const [i, target] of targets.entries()) await warmUp(target, { connections: opts.run.connections, settle: servers[i]!.settle }, opts.run.warmup);
      const pairs: { base: number; top: number }[] = [];
      for (let pair = 0; pair < GROWTH_PAIRS; pair++) {
        const order = pair % 2 === 0 ? [0, 1] : [1, 0];
        const p95 = [NaN, NaN];
        for (const i of order) {
          const m = await measure(targets[i]!, { ...opts.run, duration: seconds, warmup: 0, settle: servers[i]!.settle });
          p95[i] = m.latencyMs.p95;
        }
        pairs.push({ base: p95[0]!, top: p95[1]! });
      }
      growth.routes[route.key] = pairs;
      const summary = pairedGrowthOf(pairs);
      console.log(
        `  ${route.label}: p95 ${pairs.map((p) => `${p.base.toFixed(1)} → ${p.top.toFixed(1)}`).join(", ")} ms; median ratio ×${summary.median.toFixed(2)}`,
      );
    }
    return growth;
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

async function main() {
  const opts = options();
  const machine = describeMachine();
  console.log(`Benchmark on ${machine.cpu} × ${machine.cores}, Node ${machine.node}; scales ${opts.scales.join(", ")}`);
  await acquireLock();
  const appDir = path.join(DATA, "app");
  const { built } = snapshotBuild(appDir, { force: opts.rebuild, skip: opts.skipBuild });
  console.log(built ? "Built the app; serving a snapshot of it." : "Build is current; serving a snapshot of it.");
  const scripts = routeScripts(path.join(appDir, "public"));
  console.log(
    `JavaScript per route (build manifest, gzipped), the largest: ` +
      scripts.slice(0, 5).map((r) => `${r.route} ${(r.gzipped / 1000).toFixed(1)} kB`).join(", "),
  );

  const results: ScaleResult[] = [];
  for (const scale of opts.scales) {
    const result = await runScale(scale, opts, appDir);
    results.push(result);
    console.log(`\n${scaleTable(result)}`);
  }
  const base = results.find((r) => r.scale === 1) ?? [...results].sort((a, b) => a.scale - b.scale)[0];
  const top = [...results].sort((a, b) => b.scale - a.scale)[0];
  const paired = base && top && top !== base ? await pairedGrowth(base, top, opts, appDir) : null;
  const report: Report = { machine, options: { ...opts.run, seed: opts.seed }, results, pairedGrowth: paired, routeScripts: scripts };
  const growth = growthTable(results);
  if (growth) console.log(`\n${growth}`);
  console.log(`\n${verdictTable(verdicts(results, paired, scripts))}`);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, markdown(report));
  fs.writeFileSync(path.join(DATA, "results.json"), JSON.stringify(report, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, opts.out)} and bench/.data/results.json`);
}

// never leave a server behind: on errors, Ctrl-C and termination
process.on("exit", killServers);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopCurrentRun();
    killServers();
    process.exit(130);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  killServers();
  process.exitCode = 1;
});
