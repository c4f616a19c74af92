// The benchmark harness at a tiny scale: the dataset generator's counts and invariants, and one
// second of measurement against the real /healthz loader served in process. CI never runs the
// full benchmark (npm run bench).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressUpdateSchema } from "~/domain/schemas/progress";
import { currentState } from "~/domain/roadmap";
import { loader as healthz } from "~/routes/healthz";
import { BENCH_PASSWORD, generateDataset, targetCounts } from "../../scripts/bench/dataset";
import { measure, measureDownload, percentile, type Download } from "../../scripts/bench/measure";
import { exportStreamSummary, markdown, medianRun, pairedGrowthOf, verdicts, type ScaleResult } from "../../scripts/bench/report";
import { progressUpdateForm, scriptUrls } from "../../scripts/bench/server";
import { BASE_DB, TMP_DIR } from "../setup/paths";

const TODAY = new Date(Date.UTC(2026, 10, 25));
const dir = path.join(TMP_DIR, `bench-${crypto.randomBytes(4).toString("hex")}`);

/** A copy of the migrated base database with the reference data, filled at scale 0.01. */
function generated(name: string, seed?: number) {
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(BASE_DB, file);
  const summary = generateDataset(file, { scale: 0.01, today: TODAY, seed });
  return { file, summary };
}

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("benchmark dataset", () => {
  it("has the counts of its scale, respects the schema and keeps each item's state equal to its latest update", async () => {
    const { file, summary } = generated("a");
    const db = new Database(file, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const target = targetCounts(0.01);
    expect(target).toMatchObject({ campuses: 12, items: 6, updates: 250, milestones: 30 });
    expect(count("Campus")).toBe(12);
    expect(count("RoadmapItem")).toBe(target.items);
    expect(count("ProgressUpdate")).toBe(target.updates);
    expect(count("Milestone")).toBe(target.milestones);
    expect(count("Obstacle")).toBe(summary.counts.obstacles);
    expect(summary.counts.obstacles).toBeGreaterThan(0);
    // one liaison per campus, plus admin, reviewer and observer
    expect(count("User")).toBe(12 + 3);
    expect(count("UserCampus")).toBe(12);
    expect(count("AuditEvent")).toBe(summary.counts.auditEvents);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);

    // dates are Unix milliseconds (the app's timestampFormat "unixepoch-ms"), never text
    const types = db.prepare(`SELECT DISTINCT typeof("reportedOn") AS t FROM "ProgressUpdate" UNION SELECT DISTINCT typeof("plannedStart") FROM "RoadmapItem"`).all();
    expect(types).toEqual([{ t: "integer" }]);
    const latest = db.prepare(`SELECT MAX("reportedOn") AS m FROM "ProgressUpdate"`).get() as { m: number };
    expect(latest.m).toBeLessThan(TODAY.getTime());

    const items = db.prepare(`SELECT "id", "status", "progress", "lastUpdateAt", "visibility" FROM "RoadmapItem"`).all() as {
      id: string;
      status: string;
      progress: number;
      lastUpdateAt: number | null;
      visibility: string;
    }[];
    const updatesOf = db.prepare(`SELECT "reportedOn", "createdAt", "progress", "status" FROM "ProgressUpdate" WHERE "itemId" = ?`);
    let withUpdates = 0;
    for (const item of items) {
      const updates = (updatesOf.all(item.id) as { reportedOn: number; createdAt: number; progress: number; status: string }[]).map((u) => ({
        ...u,
        reportedOn: new Date(u.reportedOn),
        createdAt: new Date(u.createdAt),
      }));
      if (updates.length) withUpdates++;
      const state = currentState(updates);
      expect({ status: item.status, progress: item.progress, lastUpdateAt: item.lastUpdateAt }).toEqual({
        status: state.status,
        progress: state.progress,
        lastUpdateAt: state.lastUpdateAt?.getTime() ?? null,
      });
    }
    expect(withUpdates).toBeGreaterThan(0);
    // corrections name an earlier update of the same item
    const strayCorrections = db
      .prepare(`SELECT COUNT(*) AS n FROM "ProgressUpdate" u JOIN "ProgressUpdate" c ON c."id" = u."correctsId" WHERE c."itemId" <> u."itemId"`)
      .get() as { n: number };
    expect(strayCorrections.n).toBe(0);

    // the accounts the harness signs in with exist, with the password it uses
    const liaison = db
      .prepare(`SELECT u."role", u."passwordHash", c."slug" FROM "User" u JOIN "UserCampus" uc ON uc."userId" = u."id" JOIN "Campus" c ON c."id" = uc."campusId" WHERE u."email" = ?`)
      .get(summary.accounts.liaison) as { role: string; passwordHash: string; slug: string };
    expect(liaison).toMatchObject({ role: "LIAISON", slug: summary.benchItem.campusSlug });
    expect(await bcrypt.compare(BENCH_PASSWORD, liaison.passwordHash)).toBe(true);
    const benchItem = db.prepare(`SELECT i."visibility", c."slug" FROM "RoadmapItem" i JOIN "Campus" c ON c."id" = i."campusId" WHERE i."id" = ?`).get(summary.benchItem.id);
    expect(benchItem).toEqual({ visibility: "PUBLISHED", slug: summary.benchItem.campusSlug });
    db.close();
  });

  it("is deterministic: the same seed and day give the same rows, another seed other rows", () => {
    const digest = (file: string) => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare(`SELECT * FROM "ProgressUpdate" ORDER BY "id"`).all();
      db.close();
      return crypto.createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    };
    const a = generated("b", 7);
    const b = generated("c", 7);
    const c = generated("d", 8);
    expect(digest(a.file)).toBe(digest(b.file));
    expect(a.summary.benchItem).toEqual(b.summary.benchItem);
    expect(digest(c.file)).not.toBe(digest(a.file));
  });

  it("refuses a database that already has users", () => {
    const { file } = generated("e");
    expect(() => generateDataset(file, { scale: 0.01, today: TODAY })).toThrow(/already has users/);
  });
});

describe("benchmark measurement", () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    // the real /healthz loader on the test database, behind a minimal Node adapter
    server = http.createServer(async (req, res) => {
      if (req.url === "/stream.csv" || req.url === "/broken.csv") {
        // a CSV in pieces: a quoted field with a line break and a quote inside, a record split across chunks
        res.writeHead(200, { "Content-Type": "text/csv" });
        res.write('\uFEFFa,b\r\n1,"two\r\nlines, ""quoted"""\r\n');
        await new Promise((resolve) => setTimeout(resolve, 120));
        res.write("3,fo");
        if (req.url === "/broken.csv") return res.destroy();
        res.end("ur\r\n5,6\r\n");
        return;
      }
      const response = req.url === "/healthz" ? await healthz() : new Response("Not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("measures requests per second and latency percentiles of /healthz for one second", async () => {
    const m = await measure({ title: "healthz", url: `${origin}/healthz` }, { connections: 2, duration: 1, warmup: 0 });
    expect(m.responses).toBeGreaterThan(10);
    expect(m.statuses).toEqual({ 200: m.responses });
    expect(m.ok).toBe(m.responses);
    expect(m.failures).toBe(0);
    expect(m.errors).toBe(0);
    expect(m.errorKinds).toEqual({});
    expect(m.seconds).toBeGreaterThan(0.9);
    expect(m.requestsPerSecond).toBeCloseTo(m.responses / m.seconds, 5);
    expect(m.latencyMs.p50).toBeGreaterThan(0);
    expect(m.latencyMs.p50).toBeLessThanOrEqual(m.latencyMs.p95);
    expect(m.latencyMs.p95).toBeLessThanOrEqual(m.latencyMs.p99);
    expect(m.latencyMs.p99).toBeLessThanOrEqual(m.latencyMs.max);
  });

  it("counts non-2xx/3xx answers as failures, and a fixed amount of requests is fully answered", async () => {
    const m = await measure({ title: "missing", url: `${origin}/missing` }, { connections: 2, duration: 1, warmup: 0, amount: 20 });
    expect(m.responses).toBe(20);
    expect(m.statuses).toEqual({ 404: 20 });
    expect(m.ok).toBe(0);
    expect(m.failures).toBe(20);
  });

  it("times a download to its first byte and its end, counts CSV records (not line breaks in quotes) and samples memory", async () => {
    const memory = [100, 90, 110, 120, 180, 150];
    const d = await measureDownload({ title: "stream", url: `${origin}/stream.csv` }, { rss: () => memory.shift() ?? 130, intervalMs: 20 });
    expect(d.status).toBe(200);
    expect(d.complete).toBe(true);
    expect(d.rows).toBe(3);
    expect(d.bytes).toBe(Buffer.byteLength('\uFEFFa,b\r\n1,"two\r\nlines, ""quoted"""\r\n3,four\r\n5,6\r\n'));
    expect(d.firstByteMs).toBeGreaterThan(0);
    expect(d.firstBodyByteMs).toBeGreaterThanOrEqual(d.firstByteMs);
    // the second piece came 120 ms after the first: the end is timed, not the first chunk
    expect(d.totalMs).toBeGreaterThanOrEqual(d.firstBodyByteMs + 100);
    expect(d.rowsPerSecond).toBeCloseTo(3 / (d.totalMs / 1000), 5);
    // idle: the median of three samples before the request; peak: the highest during it
    expect(d.rss).toMatchObject({ idle: 100, peak: 180 });
    expect(d.rss.samples).toBeGreaterThanOrEqual(3);
  });

  it("reports a download the server breaks off as incomplete", async () => {
    const d = await measureDownload({ title: "broken", url: `${origin}/broken.csv` });
    expect(d.status).toBe(200);
    expect(d.complete).toBe(false);
    expect(d.rss).toEqual({ idle: null, peak: null, samples: expect.any(Number) });
  });

  it("takes nearest-rank percentiles", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("benchmark helpers", () => {
  it("finds the scripts a Remix page makes the browser download", () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="modulepreload" href="/build/manifest-ABC.js"/><link rel="modulepreload" href="/build/entry.client-DEF.js"/>
      <link rel="stylesheet" href="/build/_assets/tailwind-X.css"/><link rel="modulepreload" href="https://cdn.example/x.js"/>
      </head><body><script nonce="n">window.__remixContext = {};</script>
      <script type="module" async="">import "/build/manifest-ABC.js";
import * as route0 from "/build/root-GHI.js";
import * as route1 from "/build/routes/dashboard-JKL.js";</script>
      <script src="/build/legacy.js"></script></body></html>`;
    expect(scriptUrls(html)).toEqual([
      "/build/entry.client-DEF.js",
      "/build/legacy.js",
      "/build/manifest-ABC.js",
      "/build/root-GHI.js",
      "/build/routes/dashboard-JKL.js",
    ]);
  });

  it("posts a progress update the item page's action accepts", async () => {
    const form = progressUpdateForm({
      intent: "post-update",
      reportedOn: "2026-11-25",
      progress: "60",
      status: "ON_TRACK",
      narrative: "Laporan kemajuan (benchmark).",
      correctsId: "",
      links: "",
    });
    const formData = await new Request("http://127.0.0.1/items/x", {
      method: "POST",
      headers: { "Content-Type": form.contentType },
      body: form.body,
    }).formData();
    expect(formData.get("intent")).toBe("post-update");
    const submission = parseWithZod(formData, { schema: progressUpdateSchema(TODAY) });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({ progress: 60, status: "ON_TRACK", files: [] });
  });

  it("judges the targets: a route with no completed response is not met nor missed", () => {
    const route = (rps: number, p95: number) => ({
      title: "",
      url: "",
      method: "GET",
      connections: 10,
      seconds: 10,
      responses: Number.isFinite(p95) ? rps * 10 : 0,
      requestsPerSecond: rps,
      latencyMs: { p50: p95 / 2, p95, p99: p95, mean: p95 / 2, max: p95 },
      statuses: {},
      ok: rps * 10,
      failures: 0,
      errors: 0,
      warmupRequestsPerSecond: null,
    });
    const scale = (n: number, dashP95: number): ScaleResult =>
      ({
        scale: n,
        routes: { login: route(900, 20), dashboard: route(400, dashP95), campus: route(450, 30), item: route(449, 30), post: route(320, 40) },
        writes: { before: 0, after: 3200, ok: 3200, lost: 0 },
        js: { dashboard: { files: 10, raw: 300_000, gzipped: 110_000 }, item: null },
      }) as unknown as ScaleResult;
    const list = verdicts([scale(1, 20), scale(10, 45)]);
    expect(list.find((v) => v.target.startsWith("/dashboard p95"))?.met).toBe(true);
    expect(list.find((v) => v.target.startsWith("/dashboard req/s ≥ 1/3"))?.met).toBe(true);
    // issue #17: half of /login's throughput, each page judged on its own
    expect(list.find((v) => v.target.startsWith("/dashboard req/s ≥ 1/2"))).toMatchObject({ met: false, value: "0.444 (400 vs 900)" });
    expect(list.find((v) => v.target.startsWith("/campuses/:slug req/s ≥ 1/2"))).toMatchObject({ met: true, value: "0.500 (450 vs 900)" });
    expect(list.find((v) => v.target.startsWith("/items/:id req/s ≥ 1/2"))).toMatchObject({ met: false, value: "0.499 (449 vs 900)" });
    expect(list.find((v) => v.target.startsWith("GET /dashboard (reviewer): p95"))).toMatchObject({ met: false });
    expect(list.filter((v) => v.target.startsWith("POST")).every((v) => v.met)).toBe(true);
    expect(verdicts([scale(10, NaN)]).find((v) => v.target.startsWith("/dashboard p95"))?.met).toBeNull();
  });

  it("judges the POST on the median of its runs, and a failure in any run fails it", () => {
    const run = (rps: number, failures = 0) => ({ requestsPerSecond: rps, failures, errors: 0, latencyMs: { p50: 20, p95: 40, p99: 50, mean: 22, max: 60 } });
    expect(medianRun([run(280), run(340), run(310)]).requestsPerSecond).toBe(310);
    // of an even count, the slower of the middle two
    expect(medianRun([run(400), run(250), run(300), run(350)]).requestsPerSecond).toBe(300);
    expect(() => medianRun([])).toThrow();
    const scale = (runs: ReturnType<typeof run>[], lost = 0): ScaleResult =>
      ({
        scale: 10,
        routes: { post: medianRun(runs) },
        postRuns: runs,
        writes: { before: 0, after: 9000 - lost, ok: 9000, lost },
        js: { dashboard: null, item: null },
      }) as unknown as ScaleResult;
    const judged = (result: ScaleResult) => verdicts([result]).find((v) => v.target.startsWith("POST"));
    expect(judged(scale([run(280), run(340), run(310)]))).toMatchObject({
      target: "POST update ≥ 300/s, no failure, no lost write (scale 10, median of 3 runs)",
      value: "median 310/s (runs 280, 340, 310), 0 failed, 0 lost",
      met: true,
    });
    expect(judged(scale([run(280), run(290), run(340)]))?.met).toBe(false);
    // the failure is in a run that is not the median one
    expect(judged(scale([run(280, 2), run(340), run(310)]))).toMatchObject({ met: false, value: expect.stringContaining("2 failed") });
    expect(judged(scale([run(330), run(340), run(310)], 1))?.met).toBe(false);
  });

  it("judges the streamed updates export: worst first byte, median rows per second, worst memory growth; a cut download fails all", () => {
    const download = (firstByteMs: number, rowsPerSecond: number, idle: number, peak: number, complete = true): Download => ({
      title: "export-stream",
      url: "",
      status: 200,
      firstByteMs,
      firstBodyByteMs: firstByteMs + 1,
      totalMs: (250_000 / rowsPerSecond) * 1000,
      bytes: 67_000_000,
      rows: 250_000,
      rowsPerSecond,
      complete,
      rss: { idle, peak, samples: 100 },
    });
    const withStream = (runs: Download[]): ScaleResult =>
      ({
        scale: 10,
        dataset: { counts: {}, benchItem: { updates: 0, campusSlug: "x" }, milliseconds: 0 },
        routes: {},
        memory: {},
        cold: {},
        notes: [],
        js: { dashboard: null, item: null },
        peakRssBytes: null,
        writes: null,
        load: { before: [0, 0, 0], after: [0, 0, 0] },
        exportStream: { path: "/exports/updates.csv", warmup: download(900, 10_000, 100e6, 400e6), runs },
      }) as unknown as ScaleResult;
    const judged = (runs: Download[]) => {
      const list = verdicts([withStream(runs)]);
      return ["first byte", "rows/s", "peak server RSS"].map((name) => list.find((v) => v.target.startsWith("updates export") && v.target.includes(name))?.met);
    };
    // the warm-up is not judged; the median rate, the worst first byte and the worst growth are
    expect(judged([download(40, 60_000, 200e6, 230e6), download(250, 52_000, 210e6, 255e6), download(60, 30_000, 205e6, 240e6)])).toEqual([true, true, true]);
    expect(judged([download(40, 60_000, 200e6, 230e6), download(350, 48_000, 210e6, 270e6), download(60, 45_000, 205e6, 240e6)])).toEqual([false, false, false]);
    expect(judged([download(40, 60_000, 200e6, 230e6, false)])).toEqual([false, false, true]);
    const summary = exportStreamSummary(withStream([download(40, 60_000, 200e6, 230e6), download(350, 52_000, 210e6, 270e6)]).exportStream!);
    expect(summary).toMatchObject({ worstFirstByteMs: 350, worstRssGrowth: 60e6, idleRss: 210e6, peakRss: 270e6, complete: true });
    const report = markdown({ machine: { cpu: "x", cores: 2, memoryBytes: 1e9, platform: "linux", node: "v20", git: "abc", date: "today" }, options: { connections: 10, duration: 10, warmup: 3, seed: 1 }, results: [withStream([download(40, 60_000, 200e6, 230e6)])] } as never);
    expect(report).toContain("| warm-up (not judged) | 200 | 900 |");
    expect(report).toContain("| run 1 | 200 | 40 | 41 | 250,000 | 60,000 | 4.2 | 67.0 MB | 200 MB → 230 MB (+30 MB) | yes |");
    expect(report).toMatch(/updates export ≥ 50,000 rows\/s at scale 10 \(median of 1\) \| 60,000 rows\/s/);
  });

  /** A read route's measurement, as much of it as the verdicts read. */
  const readRoute = (p95: number) => ({ requestsPerSecond: 100, latencyMs: { p50: p95 / 2, p95, p99: p95, mean: p95 / 2, max: p95 }, failures: 0, errors: 0 });

  it("judges a read route's p95 growth on the median of its pairs when the pairs were measured", () => {
    const scale = (n: number, p95: number): ScaleResult =>
      ({ scale: n, routes: { search: readRoute(p95), csv: readRoute(p95 * 10) }, js: { dashboard: null, item: null }, writes: null }) as unknown as ScaleResult;
    // the runs, minutes apart, say ×2.00; the pairs, side by side, ×1.10, ×1.60 and ×1.20
    const results = [scale(1, 40), scale(10, 80)];
    const pairs = { base: 1, top: 10, seconds: 5, routes: { search: [{ base: 50, top: 55 }, { base: 50, top: 80 }, { base: 50, top: 60 }] } };
    expect(pairedGrowthOf(pairs.routes.search)).toMatchObject({ median: 1.2 });
    const judged = verdicts(results, pairs).find((v) => v.target.startsWith("GET /search?q=kajian (reviewer): p95"));
    expect(judged).toMatchObject({ met: true, value: "×1.20 (pairs 1.10, 1.60, 1.20; in the runs above ×2.00 (40.0 → 80.0 ms))" });
    expect(judged?.target).toContain("(median of 3 pairs)");
    // without pairs (or pairs of other scales) the runs are judged
    expect(verdicts(results).find((v) => v.target.startsWith("GET /search?q=kajian (reviewer): p95"))?.met).toBe(false);
    expect(verdicts(results, { ...pairs, top: 5 }).find((v) => v.target.startsWith("GET /search?q=kajian (reviewer): p95"))?.met).toBe(false);
    // the export's growth stays unjudged either way
    expect(verdicts(results, pairs).find((v) => v.target.startsWith("GET CSV export"))?.met).toBeNull();
    const report = markdown({ machine: { cpu: "x", cores: 2, memoryBytes: 1e9, platform: "linux", node: "v20", git: "abc", date: "today" }, options: { connections: 10, duration: 10, warmup: 3, seed: 1 }, results: [], pairedGrowth: pairs } as never);
    expect(report).toContain("| GET /search?q=kajian (reviewer) | 50.0 → 55.0 (×1.10) | 50.0 → 80.0 (×1.60) | 50.0 → 60.0 (×1.20) | ×1.20 |");
  });

  it("judges the items export by its download, not by the p95 growth of a route whose rows grow with the scale", () => {
    const download = (rowsPerSecond: number): Download => ({
      title: "export-stream",
      url: "",
      status: 200,
      firstByteMs: 8,
      firstBodyByteMs: 9,
      totalMs: (5_700 / rowsPerSecond) * 1000,
      bytes: 2_000_000,
      rows: 5_700,
      rowsPerSecond,
      complete: true,
      rss: { idle: 300e6, peak: 302e6, samples: 3 },
    });
    const scale = (n: number, p95: number, itemsExportStream: ScaleResult["itemsExportStream"]): ScaleResult =>
      ({ scale: n, routes: { csv: readRoute(p95), search: readRoute(p95 / 10) }, js: { dashboard: null, item: null }, writes: null, itemsExportStream }) as unknown as ScaleResult;
    const stream = (rowsPerSecond: number) => ({ path: "/exports/items.csv", warmup: download(10_000), runs: [download(rowsPerSecond)] });
    const list = verdicts([scale(1, 30, null), scale(10, 300, stream(60_000))]);
    // a page's p95 growth is judged; the export's is shown, not judged
    expect(list.find((v) => v.target.startsWith("GET /search?q=kajian (reviewer): p95"))?.met).toBe(false);
    expect(list.find((v) => v.target.startsWith("GET CSV export (reviewer): p95"))).toMatchObject({ value: "×10.00 (30.0 → 300.0 ms)", met: null });
    expect(list.filter((v) => v.target.startsWith("items export")).map((v) => v.met)).toEqual([true, true, true]);
    const slow = verdicts([scale(1, 30, null), scale(10, 300, stream(40_000))]);
    expect(slow.find((v) => v.target.startsWith("items export ≥ 50,000 rows/s"))).toMatchObject({ met: false, value: "40,000 rows/s (5,700 rows in 0.1 s)" });
  });
});
