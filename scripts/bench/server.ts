// The production server under test: a snapshot of the build, started on a free loopback port
// against the benchmark database, and the HTTP helpers the harness needs around it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const LOCK = "/tmp/banten-e2e.lock";
const LOOPBACK = "127.0.0.1";

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether build/ is missing, a development build (npm run dev), or older than its sources. */
export function buildIsStale(root = ROOT): boolean {
  const index = path.join(root, "build", "index.js");
  const built = fs.statSync(index, { throwIfNoEntry: false });
  if (!built || !fs.existsSync(path.join(root, "public", "build"))) return true;
  if (!fs.readFileSync(index, "utf8").includes('var mode = "production"')) return true;
  const sources = ["app", "remix.config.js", "tailwind.config.ts", "postcss.config.js", "package.json"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built.mtimeMs);
}

function hasFlock(): boolean {
  try {
    execFileSync("flock", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the app if its build is stale, then copies build/, public/ and server.mjs to `into`, all
 * under the lock the end-to-end runs hold, so nobody rebuilds half-way through the copy and the
 * benchmark keeps serving one consistent build while others rebuild. Node resolves the packages
 * from the snapshot's parent folders, i.e. this checkout's node_modules.
 */
export function snapshotBuild(into: string, options: { force?: boolean; skip?: boolean } = {}): { built: boolean } {
  const build = options.skip ? false : options.force || buildIsStale();
  const steps = [
    build ? "npx remix build" : "true",
    `rm -rf '${into}'`,
    `mkdir -p '${into}'`,
    `cp -R build public server.mjs '${into}/'`,
  ].join(" && ");
  const command = hasFlock() ? ["flock", LOCK, "sh", "-c", steps] : ["sh", "-c", steps];
  execFileSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (!fs.existsSync(path.join(into, "build", "index.js"))) throw new Error("No build to benchmark: run `npx remix build` first");
  return { built: build };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type RunningServer = { pid: number; origin: string; logFile: string; stop(): Promise<void> };

const running = new Set<ChildProcess>();

/** Kills every server this process started (exit paths and signals). */
export function killServers() {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/**
 * Starts `node server.mjs` of a build snapshot with NODE_ENV=production on a free port. A preload
 * makes it listen on the loopback interface only (server.mjs itself listens on every interface).
 */
export async function startServer(input: { appDir: string; dataDir: string; dbFile: string; logFile: string }): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://${LOOPBACK}:${port}`;
  const log = fs.openSync(input.logFile, "a");
  const child = spawn(process.execPath, ["--import", path.join(import.meta.dirname, "loopback.mjs"), "server.mjs"], {
    cwd: input.appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      // absolute: the server runs in the snapshot's folder
      DATA_DIR: path.resolve(input.dataDir),
      DATABASE_URL: `file:${path.resolve(input.dbFile)}`,
      SESSION_SECRET: "bench-secret-0123456789abcdef",
      COOKIE_SECURE: "false",
      DEMO_DATA: "false",
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  let last = "no answer";
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited (code ${child.exitCode}); see ${input.logFile}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) break;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      // not listening yet
      last = error instanceof Error ? `${error.message} ${error.cause ?? ""}` : String(error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Server did not become healthy within 60 s (last: ${last}); see ${input.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { pid: child.pid!, origin, logFile: input.logFile, stop };
}

/** Signs in through the login form, as a browser does; returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: "" }).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("__session="));
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in of ${email} failed: HTTP ${response.status}`);
  return cookie;
}

/** A progress update as the item page's form sends it (multipart, no file chosen). */
export function progressUpdateForm(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = "----BenchFormBoundary7MA4YWxkTrZu0gW";
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** GETs a page without following redirects. */
export async function fetchPage(url: string, cookie?: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, type: response.headers.get("Content-Type") ?? "", body: await response.text() };
}

/** The scripts a page makes the browser download: <script src>, modulepreload links and inline imports under /build. */
export function scriptUrls(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) found.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']modulepreload["']/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) found.add(href);
  }
  // Remix's inline module script imports the manifest, entry and route modules
  for (const script of html.match(/<script\b[^>]*type\s*=\s*["']module["'][^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    for (const m of script.matchAll(/\bimport\s*(?:[^"']*?\bfrom\s*)?["']([^"']+\.js)["']/g)) found.add(m[1]!);
  }
  return [...found].filter((u) => u.startsWith("/build/")).sort();
}

/** Downloads each script uncompressed and sums its raw and gzipped sizes. */
async function scriptWeight(origin: string, urls: string[]) {
  let raw = 0;
  let gzipped = 0;
  for (const url of urls) {
    const response = await fetch(`${origin}${url}`, { headers: { "Accept-Encoding": "identity" } });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    raw += body.length;
    gzipped += zlib.gzipSync(body).length;
  }
  return { files: urls.length, raw, gzipped, urls };
}

/** A script element's `type` that the browser runs as JavaScript (none, a JavaScript MIME type, or a module). */
const runsAsJavaScript = (attributes: string) => {
  const type = /\btype\s*=\s*["']([^"']*)["']/i.exec(attributes)?.[1]?.trim().toLowerCase();
  return !type || type === "module" || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
};

/**
 * The JavaScript written inside a document (scripts without `src`; data such as
 * `type="application/json"` is not counted): a page sent without React has one, the plain page
 * script; a hydrated page has Remix's (its module imports and its data stream). Their text,
 * gzipped together as the document's compression would carry them.
 */
export function inlineScriptWeight(html: string) {
  const bodies = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1]!) && runsAsJavaScript(m[1]!))
    .map((m) => m[2]!);
  const text = Buffer.from(bodies.join(""));
  return { scripts: bodies.length, raw: text.length, gzipped: bodies.length ? zlib.gzipSync(text).length : 0 };
}

/** A page's JavaScript: the script files it loads, and the scripts inside it. */
export async function pageScriptWeight(origin: string, html: string) {
  const files = await scriptWeight(origin, scriptUrls(html));
  return { files: files.files, raw: files.raw, gzipped: files.gzipped, inline: inlineScriptWeight(html) };
}

function procStatus(pid: number, field: string): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`${field}:\\s+(\\d+)\\s*kB`).exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** The parent of a process, from /proc/<pid>/stat (the field after the state; the name may hold spaces). */
function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return null;
  }
}

/**
 * A process and all its descendants (the server's workers when WEB_CONCURRENCY > 1), or just the
 * process where /proc cannot be listed.
 */
export function processTree(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [pid];
  }
  const children = new Map<number, number[]>();
  for (const name of entries) {
    const child = Number(name);
    const parent = parentPid(child);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** A /proc status field summed over a process tree; null when no process reports it. */
function treeStatus(pid: number, field: string): number | null {
  const values = processTree(pid).map((p) => procStatus(p, field)).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/**
 * Peak resident memory of a server (VmHWM), in bytes, summed over its processes (each process's own
 * peak, so an upper bound when they peak at different times), or null where /proc is missing.
 */
export function peakRss(pid: number): number | null {
  return treeStatus(pid, "VmHWM");
}

/** Resident memory of a server now (VmRSS), summed over its processes, in bytes. */
export function currentRss(pid: number): number | null {
  return treeStatus(pid, "VmRSS");
}

export function describeMachine() {
  const cpus = os.cpus();
  let git = "unknown";
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", "app"], { cwd: ROOT, encoding: "utf8" }).trim();
    git = dirty ? `${commit} (app/ has uncommitted changes)` : commit;
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString(),
    git,
  };
}

export function loadAverage(): [number, number, number] {
  return os.loadavg() as [number, number, number];
}
