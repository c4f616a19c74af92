// Production (and dev) HTTP server: Express serving the Remix build.
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import * as build from "./build/index.js";

const port = Number(process.env.PORT ?? 3000);
const app = express();

app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY (e.g. "1" or "loopback") so client IPs are right.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());
// Documents get their security headers in app/entry.server.tsx; static files get them here.
const staticHeaders = (res) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
};
// Fingerprinted assets are immutable; everything else in public/ may change.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", setHeaders: staticHeaders }));
app.use(express.static("public", { maxAge: "1h", setHeaders: staticHeaders }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Kolaborasi Banten listening on http://localhost:${port}`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
