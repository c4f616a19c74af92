// Production (and dev) HTTP server: Express serving the Remix build, in WEB_CONCURRENCY processes.
import cluster from "node:cluster";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";

// The environment is validated once, here, before anything is served: a bad value stops the start
// with the variable's name (the build reads it while loading, so the import is inside the check).
// A server started by hand is a production one (npm run dev sets development itself).
process.env.NODE_ENV ??= "production";
let build;
let config;
try {
  build = await import("./build/index.js");
  config = build.entry.module.env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) supervise(config.WEB_CONCURRENCY);
else serve();

/**
 * With more than one process, this one (the primary) serves nothing itself: it starts that many
 * workers, which share the port, and starts again one that stops. They share the one database:
 * SQLite lets one write in at a time, and a transaction waits for its turn at BEGIN (decision 004,
 * "Several processes"). One worker runs the mail sender and the scheduled jobs; its replacement
 * takes them over. A worker that stops before it ever listened stops the server (a port in use, a
 * broken build): starting it again would fail the same way.
 */
function supervise(count) {
  let stopping = false;
  let listening = 0;
  const start = (runsBackgroundWork) => {
    const worker = cluster.fork({ SERVER_BACKGROUND_WORK: runsBackgroundWork ? "1" : "0" });
    let listened = false;
    worker.on("listening", () => {
      listened = true;
      if (++listening === count) console.log(`Kolaborasi Banten listening on http://localhost:${config.PORT} (${count} processes)`);
    });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (!listened) {
        console.error(`A server process stopped while starting (${signal ?? `code ${code}`}); stopping the server.`);
        stopAll(1);
        return;
      }
      console.error(`A server process stopped (${signal ?? `code ${code}`}); starting another.`);
      start(runsBackgroundWork);
    });
  };
  let exitCode = 0;
  const stopAll = (code) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(exitCode);
    for (const worker of workers) worker.process.kill("SIGTERM");
  };
  cluster.on("exit", () => {
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));
  for (let i = 0; i < count; i++) start(i === 0);
}

function serve() {
  const app = express();

  app.disable("x-powered-by");
  // Behind a reverse proxy set TRUST_PROXY (e.g. "1" or "loopback") so client IPs are right.
  if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
  app.use(compression());
  // Before Remix: a method, origin, content type or size the app never takes is answered here at
  // once (Remix's own origin check would throw a 500; a huge body would be read whole). Over the
  // limit the connection is closed without reading the rest of the body.
  const { screenRequest } = build.entry.module;
  app.use((req, res, next) => {
    const problem = screenRequest(req.method, { get: (name) => req.get(name) ?? null }, { requireLength: true });
    if (!problem) return next();
    if (problem.status === 405) res.set("Allow", "GET, HEAD, POST");
    if (problem.status === 413 || problem.status === 411) res.set("Connection", "close");
    res.status(problem.status).type("text/plain").send(problem.message);
  });
  // Documents get their security headers in app/entry.server.tsx; static files get them here.
  const staticHeaders = (res) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  };
  // Fingerprinted assets are immutable; everything else in public/ may change.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", setHeaders: staticHeaders }));
  app.use(express.static("public", { maxAge: "1h", setHeaders: staticHeaders }));
  /**
   * Backpressure for streamed responses. Remix's adapter writes each chunk of a response body as soon
   * as it is read, without waiting for the client, and never cancels the body when the client goes
   * away. A body that awaits `clientReady()` before its next chunk (the exports) is read only as fast
   * as the client takes it, and stops when it answers false: the client is gone. `res.write` here is
   * the one the compression middleware installed: when it refuses more, its "drain" says when to go on.
   */
  function clientReadiness(res) {
    let full = false;
    let gone = false;
    let waiting = [];
    let listening = false;
    const release = () => {
      full = false;
      const resolved = waiting;
      waiting = [];
      for (const resolve of resolved) resolve(!gone);
    };
    res.on("close", () => {
      gone = !res.writableFinished;
      release();
    });
    const write = res.write;
    res.write = function (...args) {
      const accepted = write.apply(this, args);
      if (accepted === false) {
        full = true;
        // listened to from the first refusal on, before its "drain" can come (by then the
        // compression stream, if any, exists: its "drain" is the one that follows this refusal)
        if (!listening) {
          listening = true;
          res.on("drain", release);
        }
      }
      return accepted;
    };
    return () => {
      if (gone || res.destroyed) return Promise.resolve(false);
      return full ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(true);
    };
  }

  const handleWithRemix = createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", clientReady: clientReadiness(res) }),
  });
  // each request in its own scope: who is signed in and the data version are read once per request
  // (app/utils/request-scope.server.ts)
  const { runInRequestScope } = build.entry.module;
  app.all("*", (req, res, next) => runInRequestScope(() => handleWithRemix(req, res, next)));

  let background;
  const server = app.listen(config.PORT, () => {
    if (cluster.isPrimary) console.log(`Kolaborasi Banten listening on http://localhost:${config.PORT}`);
    // the outbox's sender and the scheduled jobs (app/jobs/background.server.ts), in one process
    if (cluster.isPrimary || process.env.SERVER_BACKGROUND_WORK === "1") background = build.entry.module.startBackgroundWork(config);
    // only under `remix dev` (npm run dev), which sets REMIX_DEV_ORIGIN; a plain `node server.mjs` has none
    if (build.mode === "development" && process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
  });

  // On a stop signal: no new connections, idle keep-alive ones closed at once; requests under way get
  // 10 s to finish (a long download to a stalled client would otherwise keep the process alive).
  const SHUTDOWN_GRACE_MS = 10_000;
  // once: under a terminal's Ctrl-C a worker gets a signal from it and another from the primary
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      server.close(() => (background ? background.stop() : Promise.resolve()).finally(() => process.exit(0)));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    });
  }
}
