import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { decode } from "turbo-stream";
import { DEMO_PASSWORD } from "./support";

// Robustness in plain HTTP against the production server: every route module, as every role, with
// malformed bodies, wrong methods, foreign origins, invalid ids and dates, and a 50 MB body. No
// answer may be a 5xx, a refused request may write nothing, and /healthz keeps answering.
// Every failure of a test is collected and listed at once, so one run shows them all.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const HOST = `localhost:${PORT}`;
const ORIGIN = `http://${HOST}`;
const DB_FILE = path.resolve(`tests/.tmp/e2e-${PORT}/e2e.db`);
const CONCURRENCY = 8;
const HEALTHZ_BOUND_MS = 2_000;
/** Over the 1 MB form limit (request-body.server.ts), well under the multipart limit. */
const HUGE_FIELD_BYTES = 1_500_000;
/** Every field this long: the form stays under 1 MB but no schema takes such values. */
const LONG_FIELD_BYTES = 100_000;
const HUGE_BODY_BYTES = 50 * 1024 * 1024;
/** Response headers past this are refused by Node's and common proxies' parsers (a 502 in production). */
const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

// Campuses no other spec uses, so a write slipping through here disturbs nothing they check.
const OWN_CAMPUS = "ukri";
const OTHER_CAMPUS = "untara";
const TARGET_USER = "liaison.setia-budhi@demo.test";
const INVALID_TOKEN = "robustness-invalid-reset-token-0123456789abcdef";

const ROLES = ["anonymous", "admin", "reviewer", "observer", "liaison-own", "liaison-other"] as const;
type Role = (typeof ROLES)[number];
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@demo.test",
  reviewer: "reviewer@demo.test",
  observer: "observer@demo.test",
  "liaison-own": `liaison.${OWN_CAMPUS}@demo.test`,
  "liaison-other": `liaison.${OTHER_CAMPUS}@demo.test`,
};

type Fields = [string, string][];

// ---------- plain HTTP ----------

/** `reset`: the connection was reset while a large body was being sent, before an answer was read. */
type Reply = { status: number; reset?: boolean; headers: http.IncomingHttpHeaders; headerBytes: number; body: string };
type Probe = {
  kind: string;
  label: string;
  role: Role;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};
type Failure = { method: string; path: string; role: Role; case: string; status: number | string; detail?: string };

// A fresh connection per request: no keep-alive races after a server closes a connection early.
const agent = new http.Agent({ keepAlive: false });
/** Bodies past this are sent with care for an early answer (see send). */
const LARGE_BODY_BYTES = 256 * 1024;

/**
 * One request; the answer's status, headers and the start of its body. A large body is sent
 * the way a refusal can be heard: asking to keep the connection (so a server answering early
 * without a reason to close reads and drops the rest rather than resetting the connection),
 * headers first with a pause for an answer made on them alone, then 64 KB writes with the
 * socket read between them and none after an answer. A server that does close on it (413)
 * may still reset the connection before its answer is read: that is `reset`, not a failure.
 */
function send(probe: Omit<Probe, "kind" | "label" | "role">, timeoutMs = 30_000, keepBody = 4_000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = probe.body === undefined ? undefined : Buffer.isBuffer(probe.body) ? probe.body : Buffer.from(probe.body, "utf8");
    const large = !!body && body.length > LARGE_BODY_BYTES;
    const headers: Record<string, string> = { Host: HOST, ...(large ? { Connection: "keep-alive" } : {}), ...probe.headers };
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) headers["Content-Length"] = String(body.length);
    let settled = false;
    let reply: Omit<Reply, "body"> | null = null;
    let text = "";
    let raw = "";
    const done = (err: NodeJS.ErrnoException | null) => {
      if (settled) return;
      settled = true;
      req.destroy();
      const line = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (reply) resolve({ ...reply, body: text });
      else if (line)
        resolve({ status: Number(line[1]), headers: {}, headerBytes: 0, body: `(connection reset after the status line: ${String(err)})` });
      else if (large && (err?.code === "EPIPE" || err?.code === "ECONNRESET"))
        resolve({ status: 0, reset: true, headers: {}, headerBytes: 0, body: String(err) });
      else reject(err ?? new Error("no response"));
    };
    const req = http.request(
      { host: "127.0.0.1", port: PORT, method: probe.method, path: probe.path, headers, agent, maxHeaderSize: 4 * 1024 * 1024 },
      (res) => {
        const headerBytes = res.rawHeaders.reduce((n, h) => n + h.length + 2, 0);
        reply = { status: res.statusCode ?? 0, headers: res.headers, headerBytes };
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < keepBody) text += chunk;
        });
        res.on("end", () => done(null));
        res.on("error", () => done(null));
        res.on("aborted", () => done(null));
      }
    );
    req.on("socket", (socket) =>
      socket.on("data", (data: Buffer) => {
        if (raw.length < 64) raw += data.toString("latin1");
      })
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", (err) => done(err));
    if (!large) {
      req.end(body);
      return;
    }
    req.flushHeaders();
    void (async () => {
      for (let waited = 0; waited < 100 && !reply && !settled; waited += 10) await new Promise((resume) => setTimeout(resume, 10));
      const step = 64 * 1024;
      for (let offset = 0; offset < body!.length && !reply && !settled; offset += step) {
        if (!req.write(body!.subarray(offset, offset + step))) {
          await new Promise((resume) => {
            req.once("drain", resume);
            req.once("close", resume);
          });
        }
        await new Promise((resume) => setImmediate(resume));
      }
      if (!reply && !settled) req.end();
    })();
  });
}

function short(p: string): string {
  return p.length > 120 ? `${p.slice(0, 100)}…(${p.length} chars)` : p;
}

/** Runs the probes `CONCURRENCY` at a time; a 5xx or a request without an answer is a failure. */
async function runProbes(probes: Probe[], cookies: Record<Role, string | null>) {
  const failures: Failure[] = [];
  const statuses = new Map<string, Map<string, number>>();
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const cookie = cookies[probe.role];
      const headers = { ...probe.headers, ...(cookie ? { Cookie: cookie } : {}) };
      let outcome: string;
      try {
        const reply = await send({ ...probe, headers });
        outcome = reply.reset ? "reset while sending" : String(reply.status);
        if (reply.headerBytes > MAX_RESPONSE_HEADER_BYTES) {
          failures.push({
            method: probe.method,
            path: short(probe.path),
            role: probe.role,
            case: probe.label,
            status: `${reply.status} with ${Math.round(reply.headerBytes / 1024)} KB of response headers`,
            detail: Object.entries(reply.headers)
              .filter(([, v]) => String(v).length > 1024)
              .map(([h, v]) => `${h}: ${String(v).slice(0, 60)}… (${String(v).length} chars)`)
              .join("; "),
          });
        }
        if (reply.status >= 500) {
          failures.push({
            method: probe.method,
            path: short(probe.path),
            role: probe.role,
            case: probe.label,
            status: reply.status,
            detail: reply.body.replace(/\s+/g, " ").slice(0, 200),
          });
        }
      } catch (error) {
        outcome = "no answer";
        failures.push({
          method: probe.method,
          path: short(probe.path),
          role: probe.role,
          case: probe.label,
          status: "no answer",
          detail: String(error),
        });
      }
      const byKind = statuses.get(probe.kind) ?? new Map<string, number>();
      byKind.set(outcome, (byKind.get(outcome) ?? 0) + 1);
      statuses.set(probe.kind, byKind);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { failures, statuses };
}

function describeStatuses(title: string, count: number, statuses: Map<string, Map<string, number>>): string {
  const lines = [...statuses].map(
    ([kind, byStatus]) =>
      `  ${kind}: ${[...byStatus]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}`
  );
  return `${title}: ${count} requests\n${lines.join("\n")}`;
}

function formatFailures(failures: Failure[]): string {
  return failures.map((f) => `${f.status} ${f.method} ${f.path} as ${f.role} [${f.case}]${f.detail ? ` — ${f.detail}` : ""}`).join("\n");
}

// ---------- bodies ----------

const urlencoded = (fields: Fields) => new URLSearchParams(fields).toString();

function multipart(fields: Fields, boundary = `----robustness${crypto.randomBytes(8).toString("hex")}`) {
  const body = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  return { boundary, body: `${body}--${boundary}--\r\n` };
}

/** How a browser encodes a form with enctype="text/plain". */
const textPlain = (fields: Fields) => fields.map(([name, value]) => `${name}=${value}\r\n`).join("");

/** A form's fields in order, written as an object. */
const form = (values: Record<string, string>): Fields => Object.entries(values);

/** A form whose intent no route knows: refused by every action, whatever else it says. */
const PROBE_FORM: Fields = form({ intent: "robustness-probe" });

/** The URL the browser posts a form to (and loads data from) with single fetch: `/path.data?query`. */
function dataPath(pathname: string): string {
  const url = new URL(pathname, ORIGIN);
  url.pathname = `${url.pathname === "/" ? "/_root" : url.pathname}.data`;
  return `${url.pathname}${url.search}`;
}

const sameOrigin = { Origin: ORIGIN };
const formType = { "Content-Type": "application/x-www-form-urlencoded" };

/** The malformed bodies, each a POST from the app's own origin. */
function malformedBodies(form: Fields): { label: string; headers: Record<string, string>; body: string }[] {
  const fields = form.length ? form : PROBE_FORM;
  const { boundary, body } = multipart(fields);
  // cut inside the value of a last part: the parts before it are whole, no closing boundary comes
  const tail = "truncated-part-value";
  const whole = multipart([...fields, ["robustness-tail", tail]], boundary).body;
  const truncated = whole.slice(0, whole.lastIndexOf(tail) + tail.length / 2);
  // multipart: a text part over the limit is dropped by design and the rest still counts, so
  // the rest here is a form no action takes
  const huge = multipart([...PROBE_FORM, ["filler", "x".repeat(HUGE_FIELD_BYTES)]]);
  return [
    { label: "JSON body", headers: { "Content-Type": "application/json" }, body: JSON.stringify(Object.fromEntries(fields)) },
    { label: "text/plain body", headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: textPlain(fields) },
    { label: "multipart without boundary", headers: { "Content-Type": "multipart/form-data" }, body },
    { label: "multipart truncated", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: truncated },
    { label: "urlencoded %%%", headers: formType, body: "%%%" },
    {
      label: "urlencoded invalid UTF-8 escapes",
      headers: formType,
      body: "intent=%FF%FE%FD&email=%C0%AF%E0%80%80&body=%ED%A0%80&%E0%A4%A=%ZZ%&password=%F8%88%80%80%80",
    },
    {
      label: "urlencoded huge field (1.5 MB)",
      headers: formType,
      body: `${urlencoded(fields)}&filler=${"x".repeat(HUGE_FIELD_BYTES)}`,
    },
    {
      label: "multipart huge field (1.5 MB)",
      headers: { "Content-Type": `multipart/form-data; boundary=${huge.boundary}` },
      body: huge.body,
    },
    {
      label: "every field 100 KB long",
      headers: formType,
      body: urlencoded(fields.map(([name, value]) => [name, value + "x".repeat(LONG_FIELD_BYTES)])),
    },
  ];
}

// ---------- the database digest ----------

// The outbox is also written by the server's mail sender in the background (attempts, retries): an
// e-mail a request writes always comes with its notification, which stays digested.
const NOT_DIGESTED = new Set(["Session", "LoginAttempt", "FormDraft", "_prisma_migrations", "DataVersion", "OutboundMessage"]);
type Digest = Map<string, { hash: string; rows: string[] }>;

/** Every row of every table that a refused request must leave alone, read-only. */
function digestDatabase(): Digest {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    const digest: Digest = new Map();
    for (const { name } of tables) {
      if (NOT_DIGESTED.has(name)) continue;
      const sql = name === "AuditEvent" ? `SELECT * FROM "AuditEvent" WHERE entity <> 'Session'` : `SELECT * FROM "${name}"`;
      const rows = (db.prepare(sql).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
      digest.set(name, { hash: crypto.createHash("sha256").update(rows.join("\n")).digest("hex"), rows });
    }
    return digest;
  } finally {
    db.close();
  }
}

/** What changed between two digests: one line per table, with a few of the rows. */
function digestChanges(before: Digest, after: Digest): string[] {
  const changes: string[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table);
    const b = after.get(table);
    if (a?.hash === b?.hash) continue;
    const old = new Set(a?.rows ?? []);
    const now = new Set(b?.rows ?? []);
    const added = (b?.rows ?? []).filter((r) => !old.has(r));
    const removed = (a?.rows ?? []).filter((r) => !now.has(r));
    const sample = (sign: string, rows: string[]) =>
      rows.slice(0, 5).map((r) => `    ${sign} ${r.length > 400 ? `${r.slice(0, 400)}…` : r}`);
    changes.push(
      [
        `${table}: ${added.length} rows new or changed, ${removed.length} gone or changed`,
        ...sample("now", added),
        ...sample("was", removed),
      ].join("\n")
    );
  }
  return changes;
}

// ---------- the app's data ----------

type Known = {
  campusOwnId: string;
  itemId: string;
  itemProgress: number;
  itemStatus: string;
  draftItemId: string;
  teamId: string;
  team: { name: string; decreeRef: string | null; mandate: string | null; version: number };
  milestoneId: string;
  milestoneVersion: number;
  indicatorId: string;
  indicatorVersion: number;
  evidenceId: string;
  targetUserId: string;
  /** a seeded government unit (Bappeda) */
  unitId: string;
  closedQuarter: string;
  closableQuarter: string;
  itemForm: Fields;
  /** the Kesepakatan Bersama (reference data) and its version */
  agreementId: string;
  agreementVersion: number;
};

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Today's calendar date in Banten (UTC+7), as the app counts it. */
function todayInBanten(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function daysFromToday(days: number): string {
  return new Date(Date.parse(todayInBanten()) + days * 86_400_000).toISOString().slice(0, 10);
}

function previousQuarter(): string {
  const [y, m] = todayInBanten().split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

async function signInOnce(email: string): Promise<string> {
  const reply = await send({
    method: "POST",
    path: "/login",
    headers: { ...sameOrigin, ...formType },
    body: urlencoded(form({ email, password: DEMO_PASSWORD, redirectTo: "" })),
  });
  const setCookie = reply.headers["set-cookie"] ?? [];
  const session = setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("__session="));
  if (reply.status !== 302 || !session) throw new Error(`signing in as ${email} answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  return session;
}

/**
 * One session per account for the whole run: sign-in is throttled, so each account signs in
 * once and the cookies are kept beside the run's database (a fresh directory every run), where
 * the worker that follows a failed test finds them.
 */
/** Every role without a session cookie yet. */
function noCookies(): Record<Role, string | null> {
  return Object.fromEntries(ROLES.map((role) => [role, null])) as Record<Role, string | null>;
}

async function sessionCookies(): Promise<Record<Role, string | null>> {
  const file = path.join(path.dirname(DB_FILE), "robustness-sessions.json");
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<Role, string | null>) : null;
  const cookies = noCookies();
  for (const role of ROLES) {
    if (role === "anonymous") continue;
    const cookie = kept?.[role];
    // a session a failed test ended (reported there) is replaced, so the next tests still test something
    const alive = cookie ? (await send({ method: "GET", path: "/account", headers: { Cookie: cookie } })).status === 200 : false;
    cookies[role] = alive ? cookie! : await signInOnce(ACCOUNTS[role]);
  }
  fs.writeFileSync(file, JSON.stringify(cookies));
  return cookies;
}

/** One route's loader data, asked for as the browser does with single fetch (`/path.data?_routes=`). */
async function loaderData<T>(pathname: string, routeId: string, cookie: string): Promise<T> {
  const url = new URL(pathname, "http://localhost");
  url.pathname = `${url.pathname === "/" ? "/_root" : url.pathname}.data`;
  url.searchParams.set("_routes", routeId);
  const reply = await send({ method: "GET", path: `${url.pathname}${url.search}`, headers: { Cookie: cookie } }, 30_000, Infinity);
  if (reply.status !== 200) throw new Error(`${pathname} (${routeId}) answered ${reply.status}`);
  const decoded = await decode(new Blob([reply.body]).stream());
  await decoded.done;
  const result = (decoded.value as Record<string, { data?: T; error?: unknown }>)[routeId];
  if (!result || !("data" in result)) throw new Error(`${pathname} (${routeId}) sent no data: ${JSON.stringify(result)}`);
  return result.data as T;
}

/** A real evidence file on the item: the first one there, or one uploaded now (before any digest). */
async function ensureEvidence(item: { itemId: string; itemProgress: number; itemStatus: string }, cookie: string): Promise<string> {
  const find = () =>
    readDatabase(
      (db) =>
        db
          .prepare(
            `SELECT e.id FROM Evidence e LEFT JOIN ProgressUpdate u ON u.id = e.updateId LEFT JOIN Milestone m ON m.id = e.milestoneId
           WHERE e.kind = 'FILE' AND (u.itemId = ? OR m.itemId = ?) ORDER BY e.createdAt LIMIT 1`
          )
          .get(item.itemId, item.itemId) as { id: string } | undefined
    );
  const existing = find();
  if (existing) return existing.id;
  const boundary = `----robustness${crypto.randomBytes(8).toString("hex")}`;
  const text = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  const body =
    text("intent", "post-update") +
    text("reportedOn", todayInBanten()) +
    text("progress", String(item.itemProgress)) +
    text("status", item.itemStatus) +
    text("narrative", "Bukti untuk uji ketahanan (robustness spec).") +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bukti-uji.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n` +
    `--${boundary}--\r\n`;
  const reply = await send({
    method: "POST",
    path: `/items/${item.itemId}`,
    headers: { ...sameOrigin, "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie },
    body,
  });
  const created = find();
  if (!created) throw new Error(`uploading evidence answered ${reply.status} and stored no file: ${reply.body.slice(0, 300)}`);
  return created.id;
}

async function discover(cookies: Record<Role, string | null>): Promise<Known> {
  const base = readDatabase((db) => {
    const one = <T>(sql: string, ...args: unknown[]) => {
      const row = db.prepare(sql).get(...args) as T | undefined;
      if (!row) throw new Error(`demo data missing: ${sql}`);
      return row;
    };
    const campus = one<{ id: string }>(`SELECT id FROM Campus WHERE slug = ?`, OWN_CAMPUS);
    // a published item with a milestone waiting for a decision
    const item = one<{ id: string; progress: number; status: string; teamId: string; milestoneId: string; milestoneVersion: number }>(
      `SELECT i.id, i.progress, i.status, i.teamId, m.id AS milestoneId, m.version AS milestoneVersion
       FROM RoadmapItem i JOIN Milestone m ON m.itemId = i.id
       WHERE i.campusId = ? AND i.visibility = 'PUBLISHED' AND i.teamId IS NOT NULL AND m.state = 'SUBMITTED' AND i.status <> 'NOT_STARTED'
       ORDER BY i.createdAt, m.createdAt LIMIT 1`,
      campus.id
    );
    const draft = one<{ id: string }>(`SELECT id FROM RoadmapItem WHERE campusId = ? AND visibility = 'DRAFT' LIMIT 1`, campus.id);
    const team = one<{ name: string; decreeRef: string | null; mandate: string | null; version: number }>(
      `SELECT name, decreeRef, mandate, version FROM JointTeam WHERE id = ?`,
      item.teamId
    );
    const indicator = one<{ id: string; version: number }>(`SELECT id, version FROM Indicator ORDER BY code LIMIT 1`);
    const target = one<{ id: string }>(`SELECT id FROM User WHERE email = ?`, TARGET_USER);
    const unit = one<{ id: string }>(`SELECT id FROM GovernmentUnit WHERE code = 'bappeda'`);
    const closed = db.prepare(`SELECT quarter FROM QuarterClose ORDER BY quarter DESC LIMIT 1`).get() as { quarter: string } | undefined;
    const agreement = one<{ id: string; version: number }>(`SELECT id, version FROM Agreement WHERE kind = 'MOU' LIMIT 1`);
    return {
      campusOwnId: campus.id,
      itemId: item.id,
      itemProgress: item.progress,
      itemStatus: item.status,
      draftItemId: draft.id,
      teamId: item.teamId,
      team,
      milestoneId: item.milestoneId,
      milestoneVersion: item.milestoneVersion,
      indicatorId: indicator.id,
      indicatorVersion: indicator.version,
      targetUserId: target.id,
      unitId: unit.id,
      closedQuarter: closed?.quarter ?? previousQuarter(),
      agreementId: agreement.id,
      agreementVersion: agreement.version,
    };
  });
  const edit = await loaderData<{ item: { version: number; startedAt: string }; defaultValue: Record<string, string | null> }>(
    `/items/${base.itemId}/edit`,
    "routes/items.$itemId.edit",
    cookies["liaison-own"]!
  );
  const itemForm: Fields = Object.entries(edit.defaultValue)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([k, v]) => [k, String(v)]);
  itemForm.push(["version", String(edit.item.version)], ["startedAt", edit.item.startedAt]);
  const quarters = await loaderData<{ closable: string[] }>("/quarters", "routes/quarters._index", cookies.reviewer!);
  const evidenceId = await ensureEvidence(base, cookies["liaison-own"]!);
  return { ...base, itemForm, evidenceId, closableQuarter: quarters.closable[0] ?? previousQuarter() };
}

// ---------- the routes ----------

type RouteCase = { module: string; path: string; form: Fields | null };

/**
 * One real URL per route module (two for the exports), with the form its action takes: valid
 * where that costs nothing to state, so a request wrongly let through shows up as a write.
 * `null`: the module has no action.
 */
function routeCases(k: Known): RouteCase[] {
  const itemFormNew = k.itemForm
    .filter(([name]) => name !== "version" && name !== "startedAt")
    .map(([n, v]): [string, string] => [n, n === "visibility" ? "DRAFT" : v]);
  return [
    { module: "$.tsx", path: "/robustness-no-such-page", form: null },
    { module: "_index.tsx", path: "/", form: null },
    {
      module: "account.tsx",
      path: "/account",
      // the same password again: nothing a later spec depends on changes, yet a write shows
      form: form({ intent: "change-password", currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }),
    },
    { module: "admin.outbox.tsx", path: "/admin/outbox", form: form({ intent: "retry-all" }) },
    { module: "admin.users.$userId.tsx", path: `/admin/users/${k.targetUserId}`, form: form({ intent: "issue-reset" }) },
    // without the ticked confirmation: refused even to an administrator, so nothing is retired
    { module: "admin.units.$unitId.tsx", path: `/admin/units/${k.unitId}`, form: form({ intent: "retire", version: "1" }) },
    { module: "admin.units._index.tsx", path: "/admin/units", form: form({ intent: "create", name: "", kind: "DINAS" }) },
    {
      module: "admin.users._index.tsx",
      path: "/admin/users",
      form: form({
        intent: "create",
        email: "robustness.probe@demo.test",
        password: "robustness-probe-password",
        name: "Robustness Probe",
        role: "OBSERVER",
      }),
    },
    { module: "agreements._index.tsx", path: "/agreements", form: null },
    {
      module: "agreements.new.tsx",
      path: "/agreements/new",
      form: form({ kind: "PKS", parentId: k.agreementId, campusId: k.campusOwnId, title: "PKS uji ketahanan", validFrom: "2026-01-05", validUntil: "2027-01-04" }),
    },
    // the Kesepakatan Bersama is never edited: even an allowed role's valid form writes nothing
    {
      module: "agreements.$agreementId.tsx",
      path: `/agreements/${k.agreementId}`,
      form: form({ intent: "update", title: "Diubah oleh uji ketahanan", validFrom: "2025-11-26", validUntil: "2030-11-25", version: String(k.agreementVersion) }),
    },
    { module: "audit.tsx", path: "/audit", form: null },
    { module: "calendar.$file.ts", path: "/calendar/robustness-no-such-secret-0000000000.ics", form: null },
    { module: "campuses.$slug.tsx", path: `/campuses/${OWN_CAMPUS}`, form: null },
    {
      module: "campuses.$slug_.teams.tsx",
      path: `/campuses/${OWN_CAMPUS}/teams`,
      form: form({ intent: "create-team", name: "Tim Uji Ketahanan" }),
    },
    // a check-in that changes no row: refused with its message, nothing written
    { module: "campuses.$slug_.check-in.tsx", path: `/campuses/${OWN_CAMPUS}/check-in`, form: form({ reportedOn: daysFromToday(0) }) },
    { module: "campuses._index.tsx", path: "/campuses", form: null },
    { module: "search.tsx", path: "/search?q=nelayan", form: null },
    // an import without a file: refused with its message, nothing written
    { module: "campuses.$slug_.import.tsx", path: `/campuses/${OWN_CAMPUS}/import`, form: form({ intent: "preview" }) },
    { module: "campuses.$slug_.import[.xlsx].ts", path: `/campuses/${OWN_CAMPUS}/import.xlsx`, form: null },
    { module: "dashboard.tsx", path: "/dashboard", form: null },
    { module: "evidence.$evidenceId.ts", path: `/evidence/${k.evidenceId}`, form: null },
    { module: "exports.$file.ts", path: "/exports/items.csv", form: null },
    { module: "exports.$file.ts", path: "/exports/tracker.xlsx", form: null },
    { module: "healthz.ts", path: "/healthz", form: null },
    {
      module: "indicators.$id.tsx",
      path: `/indicators/${k.indicatorId}`,
      form: form({ intent: "link-item", itemId: k.itemId, version: String(k.indicatorVersion) }),
    },
    { module: "indicators._index.tsx", path: "/indicators", form: null },
    {
      module: "items.$itemId._index.tsx",
      path: `/items/${k.itemId}`,
      form: form({ intent: "comment", body: "Komentar uji ketahanan." }),
    },
    { module: "items.$itemId.edit.tsx", path: `/items/${k.itemId}/edit`, form: k.itemForm },
    {
      module: "items.$itemId.milestones.new.tsx",
      path: `/items/${k.itemId}/milestones/new`,
      form: form({ title: "Tonggak uji ketahanan", dueDate: daysFromToday(30), successCriteria: "Laporan diterima." }),
    },
    { module: "items.new.tsx", path: `/items/new?campus=${OWN_CAMPUS}`, form: itemFormNew },
    {
      module: "locale.tsx",
      path: "/locale",
      form: form({ locale: "en", redirectTo: "/" }),
    },
    {
      module: "login.tsx",
      path: "/login",
      // right credentials: a refused sign-in writes nothing, an accepted one would (lastLoginAt);
      // never wrong ones, which would count against the sign-in throttle of every later spec
      form: form({ email: ACCOUNTS.observer, password: DEMO_PASSWORD, redirectTo: "" }),
    },
    // signed-in roles get their own test at the end (a wrongly accepted request ends the session)
    { module: "logout.tsx", path: "/logout", form: [] },
    {
      module: "milestones.$milestoneId.tsx",
      path: `/milestones/${k.milestoneId}`,
      form: form({
        intent: "evaluate",
        version: String(k.milestoneVersion),
        decision: "MET",
        relevanceScore: "4",
        sustainabilityScore: "4",
        feedback: "Dinilai oleh uji ketahanan.",
      }),
    },
    { module: "notifications.tsx", path: "/notifications", form: form({ intent: "mark-read" }) },
    { module: "publik.tsx", path: "/publik", form: null },
    { module: "quarters.$quarter.tsx", path: `/quarters/${k.closedQuarter}`, form: null },
    {
      module: "quarters._index.tsx",
      path: "/quarters",
      form: form({ intent: "close", quarter: k.closableQuarter }),
    },
    { module: "quarters.compare.tsx", path: "/quarters/compare", form: null },
    {
      module: "reminders.tsx",
      path: "/reminders",
      form: form({ intent: "send", campusId: k.campusOwnId }),
    },
    { module: "reports.briefing.tsx", path: "/reports/briefing", form: null },
    {
      module: "reset.$token.tsx",
      path: `/reset/${INVALID_TOKEN}`,
      form: form({ newPassword: "robustness-probe-password", confirmPassword: "robustness-probe-password" }),
    },
    { module: "review.tsx", path: "/review", form: null },
    { module: "roadmap.tsx", path: "/roadmap", form: null },
    {
      module: "teams.$teamId.tsx",
      path: `/teams/${k.teamId}`,
      form: form({ intent: "add-member", name: "Anggota Uji Ketahanan", side: "CAMPUS", role: "ANGGOTA" }),
    },
    { module: "units._index.tsx", path: "/units", form: null },
    { module: "units.$slug.tsx", path: "/units/bappeda", form: null },
  ];
}

/** Every route as every role, but /logout only anonymously (see the last test). */
function* everyRouteAndRole(routes: RouteCase[]) {
  for (const route of routes) for (const role of ROLES) if (route.module !== "logout.tsx" || role === "anonymous") yield { route, role };
}

const BAD_IDS = [
  { label: "does-not-exist", value: "does-not-exist" },
  { label: "../../etc/passwd (escaped)", value: "..%2F..%2Fetc%2Fpasswd" },
  { label: "../../etc/passwd (raw)", value: "../../etc/passwd" },
  { label: "500-char id", value: "a".repeat(500) },
  { label: "%00", value: "%00" },
];

const BAD_DATES = ["2026-02-30", "0000-01-01", "99999-01-01", "abc"];

// ---------- the tests ----------

// Not serial: a failing test must not skip the others (each has its own digest and assertions).
// With one worker the tests still run in file order, /logout last.
test.describe("robustness: malformed and refused requests", () => {
  test.describe.configure({ timeout: 180_000 });
  const cookies = noCookies();
  let known: Known;
  let routes: RouteCase[];
  const summary: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    Object.assign(cookies, await sessionCookies());
    known = await discover(cookies);
    routes = routeCases(known);
  });

  test.afterAll(() => {
    if (summary.length) console.log(`\nrobustness summary\n${summary.join("\n")}`);
  });

  /** Runs probes between two digests; asserts no 5xx, no write, live sessions and a live /healthz. */
  async function check(title: string, probes: Probe[]) {
    const before = digestDatabase();
    const started = Date.now();
    const { failures, statuses } = await runProbes(probes, cookies);
    summary.push(`${describeStatuses(title, probes.length, statuses)}\n  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    failures.push(...(await sessionsLost()));
    const writes = digestChanges(before, digestDatabase());
    const health = await healthz();
    expect.soft(health, "GET /healthz afterwards").toEqual({ status: 200, withinBound: true });
    expect.soft(writes.length, `tables written by refused requests:\n${writes.join("\n")}`).toBe(0);
    expect(failures.length, `${failures.length} failures:\n${formatFailures(failures)}`).toBe(0);
  }

  /** A request refused with a malformed body or method must not end the session it carried. */
  async function sessionsLost(): Promise<Failure[]> {
    const lost: Failure[] = [];
    for (const role of ROLES) {
      const cookie = cookies[role];
      if (!cookie) continue;
      const reply = await send({ method: "GET", path: "/account", headers: { Cookie: cookie } });
      if (reply.status !== 200) lost.push({ method: "GET", path: "/account", role, case: "session still valid", status: reply.status });
    }
    return lost;
  }

  test("malformed bodies to every route, as every role, answer 4xx and write nothing", async () => {
    // a route module added later fails here until it is given a real URL above (the files
    // remix.config.js ignores are no routes)
    const modules = fs
      .readdirSync(path.resolve("app/routes"))
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith(".") && !/\.(server|test)\./.test(f));
    expect
      .soft(
        modules.filter((m) => !routes.some((r) => r.module === m)),
        "route modules the spec does not probe"
      )
      .toEqual([]);
    const probes: Probe[] = [];
    for (const { route, role } of everyRouteAndRole(routes)) {
      for (const bad of malformedBodies(route.form ?? PROBE_FORM)) {
        // the document URL (a form without JavaScript) and the single-fetch URL (with it)
        for (const [suffix, target] of [["", route.path], [" (.data)", dataPath(route.path)]] as const) {
          probes.push({
            kind: `${bad.label}${suffix}`,
            label: bad.label,
            role,
            method: "POST",
            path: target,
            headers: { ...sameOrigin, ...bad.headers },
            body: bad.body,
          });
        }
      }
    }
    await check("malformed bodies", probes);
  });

  test("PUT, PATCH, DELETE and OPTIONS on every route, as every role, answer 4xx and write nothing", async () => {
    const probes: Probe[] = [];
    for (const { route, role } of everyRouteAndRole(routes)) {
      const body = urlencoded(route.form ?? PROBE_FORM);
      const add = (label: string, method: string, withBody: boolean) =>
        probes.push({
          kind: label,
          label,
          role,
          method,
          path: route.path,
          headers: withBody ? { ...sameOrigin, ...formType } : sameOrigin,
          body: withBody ? body : undefined,
        });
      add("PUT with a form", "PUT", true);
      add("PATCH with a form", "PATCH", true);
      add("DELETE without body", "DELETE", false);
      add("DELETE with a form", "DELETE", true);
      add("OPTIONS", "OPTIONS", false);
    }
    await check("wrong methods", probes);
  });

  test("foreign, malformed and missing origins and a mismatched X-Forwarded-Host answer 4xx and write nothing", async () => {
    const probes: Probe[] = [];
    for (const { route, role } of everyRouteAndRole(routes)) {
      const body = urlencoded(route.form ?? PROBE_FORM);
      const add = (label: string, method: string, headers: Record<string, string>, form: string | undefined) => {
        probes.push({ kind: label, label, role, method, path: route.path, headers, body: form });
        probes.push({ kind: `${label} (.data)`, label, role, method, path: dataPath(route.path), headers, body: form });
      };
      add("POST, foreign Origin", "POST", { ...formType, Origin: "https://evil.example", Referer: "https://evil.example/form" }, body);
      add("POST, malformed Origin", "POST", { ...formType, Origin: "not a url" }, body);
      add("POST, malformed Origin, Referer of the app", "POST", { ...formType, Origin: "not a url", Referer: `${ORIGIN}/` }, body);
      add("POST, Origin null", "POST", { ...formType, Origin: "null" }, body);
      add("POST, X-Forwarded-Host differs from Origin", "POST", { ...formType, ...sameOrigin, "X-Forwarded-Host": "evil.example" }, body);
      // without Origin and Referer a request may be a legitimate non-browser client: the form is one no action takes
      add("POST, no Origin and no Referer", "POST", formType, urlencoded(PROBE_FORM));
      add("GET, foreign Origin", "GET", { Origin: "https://evil.example" }, undefined);
      add("GET, X-Forwarded-Host differs from Host", "GET", { "X-Forwarded-Host": "evil.example" }, undefined);
    }
    await check("origins", probes);
  });

  test("invalid ids in params, query strings and forms answer 4xx and write nothing", async () => {
    const k = known;
    const probes: Probe[] = [];
    const formOf = (module: string) => routes.find((r) => r.module === module)?.form ?? PROBE_FORM;
    for (const bad of BAD_IDS) {
      const x = bad.value;
      const q = x === "%00" ? x : encodeURIComponent(x);
      const paths: { module: string; path: string; post: boolean }[] = [
        { module: "campuses.$slug.tsx", path: `/campuses/${x}`, post: false },
        { module: "campuses.$slug_.teams.tsx", path: `/campuses/${x}/teams`, post: true },
        { module: "campuses.$slug_.check-in.tsx", path: `/campuses/${x}/check-in`, post: true },
        { module: "campuses.$slug_.import.tsx", path: `/campuses/${x}/import`, post: true },
        { module: "campuses.$slug_.import[.xlsx].ts", path: `/campuses/${x}/import.xlsx`, post: false },
        { module: "teams.$teamId.tsx", path: `/teams/${x}`, post: true },
        { module: "agreements.$agreementId.tsx", path: `/agreements/${x}`, post: true },
        { module: "agreements._index.tsx", path: `/agreements?campus=${q}&unit=${q}&kind=${q}&status=${q}`, post: false },
        { module: "agreements.new.tsx", path: `/agreements/new?parent=${q}&kind=${q}`, post: false },
        { module: "items.$itemId._index.tsx", path: `/items/${x}`, post: true },
        { module: "items.$itemId.edit.tsx", path: `/items/${x}/edit`, post: true },
        { module: "items.$itemId.milestones.new.tsx", path: `/items/${x}/milestones/new`, post: true },
        { module: "milestones.$milestoneId.tsx", path: `/milestones/${x}`, post: true },
        { module: "indicators.$id.tsx", path: `/indicators/${x}`, post: true },
        { module: "evidence.$evidenceId.ts", path: `/evidence/${x}`, post: false },
        { module: "exports.$file.ts", path: `/exports/${x}`, post: false },
        { module: "quarters.$quarter.tsx", path: `/quarters/${x}`, post: false },
        { module: "reset.$token.tsx", path: `/reset/${x}`, post: true },
        { module: "admin.users.$userId.tsx", path: `/admin/users/${x}`, post: true },
        { module: "admin.units.$unitId.tsx", path: `/admin/units/${x}`, post: true },
        { module: "calendar.$file.ts", path: `/calendar/${x}`, post: false },
        { module: "calendar.$file.ts", path: `/calendar/${x}.ics`, post: false },
        { module: "admin.outbox.tsx", path: `/admin/outbox?state=${q}&cursor=${q}`, post: false },
        { module: "items.new.tsx", path: `/items/new?campus=${q}`, post: true },
        { module: "dashboard.tsx", path: `/dashboard?campus=${q}&area=${q}&status=${q}&sort=${q}&dir=${q}&page=${q}`, post: false },
        { module: "roadmap.tsx", path: `/roadmap?campus=${q}&area=${q}&unit=${q}&page=${q}&overdue=${q}`, post: false },
        { module: "units.$slug.tsx", path: `/units/${x}`, post: false },
        { module: "audit.tsx", path: `/audit?entity=${q}&action=${q}&actor=${q}&item=${q}&cursor=${q}`, post: false },
        { module: "notifications.tsx", path: `/notifications?cursor=${q}`, post: false },
        { module: "exports.$file.ts", path: `/exports/items.csv?campus=${q}&area=${q}&unit=${q}&status=${q}`, post: false },
        { module: "reports.briefing.tsx", path: `/reports/briefing?quarter=${q}`, post: false },
        { module: "quarters.compare.tsx", path: `/quarters/compare?a=${q}&b=${q}`, post: false },
        { module: "login.tsx", path: `/login?redirectTo=${q}`, post: false },
        { module: "review.tsx", path: `/review?page=${q}&returnedPage=${q}`, post: false },
        { module: "publik.tsx", path: `/publik?page=${q}`, post: false },
      ];
      // real routes, invalid ids inside the form (each otherwise as the form would be sent)
      const v = x === "%00" ? "\u0000" : decodeURIComponent(x);
      const forms: { path: string; form: Fields }[] = [
        {
          path: `/indicators/${k.indicatorId}`,
          form: form({ intent: "link-item", itemId: v, version: String(k.indicatorVersion) }),
        },
        {
          path: `/indicators/${k.indicatorId}`,
          form: form({ intent: "unlink-item", itemId: v, version: String(k.indicatorVersion) }),
        },
        {
          path: `/teams/${k.teamId}`,
          form: form({ intent: "update-member", memberId: v, name: "Anggota Uji", side: "CAMPUS", role: "ANGGOTA", version: "1" }),
        },
        {
          path: `/teams/${k.teamId}`,
          form: form({ intent: "remove-member", memberId: v, version: "1" }),
        },
        {
          path: `/items/${k.itemId}`,
          form: form({ intent: "resolve-obstacle", obstacleId: v, resolution: "Selesai." }),
        },
        {
          path: `/items/${k.itemId}`,
          form: form({
            intent: "post-update",
            reportedOn: todayInBanten(),
            progress: String(k.itemProgress),
            status: k.itemStatus,
            narrative: "Koreksi uji ketahanan.",
            correctsId: v,
          }),
        },
        {
          path: "/reminders",
          form: form({ intent: "send", campusId: v }),
        },
        {
          path: `/admin/users/${k.targetUserId}`,
          form: form({ intent: "update", name: "Penghubung Uji", role: "LIAISON", campuses: v }),
        },
        {
          path: "/admin/users",
          form: form({
            intent: "create",
            email: "robustness.ids@demo.test",
            password: "robustness-probe-password",
            name: "Uji",
            role: "LIAISON",
            campuses: v,
          }),
        },
        {
          path: `/items/new?campus=${OWN_CAMPUS}`,
          form: k.itemForm
            .filter(([n]) => n !== "version" && n !== "startedAt")
            .map(([n, value]): [string, string] => [n, n === "priorityAreaId" || n === "teamId" || n === "governmentUnitId" ? v : value]),
        },
        {
          path: `/items/${k.itemId}/edit`,
          form: k.itemForm.map(([n, value]): [string, string] => [n, n === "teamId" || n === "governmentUnitId" ? v : value]),
        },
        {
          path: `/milestones/${k.milestoneId}`,
          form: form({ intent: "evaluate", version: v, decision: v }),
        },
        {
          path: `/quarters`,
          form: form({ intent: "close", quarter: v }),
        },
      ];
      for (const role of ROLES) {
        for (const p of paths) {
          probes.push({ kind: "GET with an invalid id", label: `GET ${bad.label}`, role, method: "GET", path: p.path });
          if (p.post) {
            probes.push({
              kind: "POST with an invalid id in the URL",
              label: `POST ${bad.label}`,
              role,
              method: "POST",
              path: p.path,
              headers: { ...sameOrigin, ...formType },
              body: urlencoded(formOf(p.module)),
            });
          }
        }
        for (const f of forms) {
          probes.push({
            kind: "POST with an invalid id in the form",
            label: `form ${bad.label}`,
            role,
            method: "POST",
            path: f.path,
            headers: { ...sameOrigin, ...formType },
            body: urlencoded(f.form),
          });
        }
      }
    }
    // a real id the role may not see (a campus's draft): answered as if it did not exist, for
    // everyone but its campus and the governor's office; the form is one no action takes
    for (const role of ROLES) {
      for (const path of [`/items/${k.draftItemId}`, `/items/${k.draftItemId}/edit`, `/items/${k.draftItemId}/milestones/new`]) {
        probes.push({ kind: "a draft's id", label: "GET a draft", role, method: "GET", path });
        probes.push({
          kind: "a draft's id",
          label: "POST to a draft",
          role,
          method: "POST",
          path,
          headers: { ...sameOrigin, ...formType },
          body: urlencoded(PROBE_FORM),
        });
      }
    }
    await check("invalid ids", probes);
  });

  test("invalid dates in query strings and forms answer 4xx and write nothing", async () => {
    const k = known;
    const probes: Probe[] = [];
    for (const date of BAD_DATES) {
      const d = encodeURIComponent(date);
      const queries = [
        `/dashboard?period=${d}`,
        `/dashboard?period=${d}&campus=${OWN_CAMPUS}&sort=lastUpdate&dir=desc`,
        `/roadmap?from=${d}&to=${d}`,
        `/roadmap?from=2026-Q1&to=${d}&overdue=1`,
        `/audit?from=${d}&to=${d}`,
        `/audit?from=2026-01-01&to=${d}`,
        `/reports/briefing?quarter=${d}`,
        `/quarters/compare?a=${d}&b=${d}`,
        `/quarters/${d}`,
        `/exports/items.csv?period=${d}`,
        `/exports/tracker.xlsx?period=${d}&campus=${OWN_CAMPUS}`,
        `/review?page=${d}`,
        `/publik?page=${d}`,
      ];
      const progress = (extra: Fields): Fields => [
        ["intent", "post-update"],
        ["progress", String(k.itemProgress)],
        ["status", k.itemStatus],
        ["narrative", "Laporan uji ketahanan dengan tanggal tidak sah."],
        ...extra,
      ];
      const withDate = (form: Fields, field: string): Fields => form.map(([n, v]): [string, string] => [n, n === field ? date : v]);
      const forms: { label: string; path: string; form: Fields; multipart?: boolean }[] = [
        {
          label: "indicator record-value observedOn",
          path: `/indicators/${k.indicatorId}`,
          form: form({
            intent: "record-value",
            year: "2025",
            observedOn: date,
            value: "47.5",
            source: "BPS (uji)",
            version: String(k.indicatorVersion),
          }),
        },
        { label: "progress update reportedOn", path: `/items/${k.itemId}`, form: progress(form({ reportedOn: date })) },
        {
          label: "progress update reportedOn (multipart)",
          path: `/items/${k.itemId}`,
          form: progress(form({ reportedOn: date })),
          multipart: true,
        },
        {
          label: "progress update obstacleDueDate",
          path: `/items/${k.itemId}`,
          form: progress(form({ reportedOn: todayInBanten(), obstacleDescription: "Kendala uji.", obstacleDueDate: date })),
        },
        {
          label: "new milestone dueDate",
          path: `/items/${k.itemId}/milestones/new`,
          form: form({ title: "Tonggak tanggal tidak sah", dueDate: date, successCriteria: "Laporan diterima." }),
        },
        { label: "item edit plannedStart", path: `/items/${k.itemId}/edit`, form: withDate(k.itemForm, "plannedStart") },
        { label: "item edit plannedEnd", path: `/items/${k.itemId}/edit`, form: withDate(k.itemForm, "plannedEnd") },
        {
          label: "new item plannedStart",
          path: `/items/new?campus=${OWN_CAMPUS}`,
          form: withDate(
            k.itemForm.filter(([n]) => n !== "version" && n !== "startedAt"),
            "plannedStart"
          ),
        },
        {
          label: "team update decreeDate",
          path: `/teams/${k.teamId}`,
          form: form({
            intent: "update-team",
            name: k.team.name,
            decreeRef: k.team.decreeRef ?? "",
            decreeDate: date,
            mandate: k.team.mandate ?? "",
            version: String(k.team.version),
            startedAt: new Date().toISOString(),
          }),
        },
        {
          label: "new team decreeDate",
          path: `/campuses/${OWN_CAMPUS}/teams`,
          form: form({ intent: "create-team", name: "Tim tanggal tidak sah", decreeDate: date }),
        },
        {
          label: "quarter close",
          path: "/quarters",
          form: form({ intent: "close", quarter: date }),
        },
      ];
      for (const role of ROLES) {
        for (const path of queries)
          probes.push({ kind: "GET, invalid date in the query", label: `query ${date}`, role, method: "GET", path });
        for (const f of forms) {
          const encoded = f.multipart ? multipart(f.form) : null;
          probes.push({
            kind: "POST, invalid date in the form",
            label: `${f.label} ${date}`,
            role,
            method: "POST",
            path: f.path,
            headers: {
              ...sameOrigin,
              "Content-Type": encoded ? `multipart/form-data; boundary=${encoded.boundary}` : formType["Content-Type"],
            },
            body: encoded ? encoded.body : urlencoded(f.form),
          });
        }
      }
    }
    await check("invalid dates", probes);
  });

  test("a 50 MB body to /login, with Content-Length (413) and chunked (413 or 411), is refused while /healthz keeps answering", async () => {
    const before = digestDatabase();
    const failures: string[] = [];
    for (const chunked of [false, true]) {
      const mode = chunked ? "chunked" : "Content-Length";
      const started = Date.now();
      const result = await hugeUpload(chunked);
      const answer = `${result.status ?? "no answer"}${result.error ? ` then ${result.error}` : ""}`;
      const sent = `${(result.bytesSent / 1048576).toFixed(1)} MB sent in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      summary.push(
        `50 MB POST /login (${mode}): ${answer} after ${sent}; /healthz in flight: ${result.inFlight.status} in ${result.inFlight.ms} ms`
      );
      // chunked, there is no length to judge: 411 refuses it before reading a byte (decision 005)
      const refused = result.status === 413 || (chunked && result.status === 411);
      if (!refused) failures.push(`${mode}: answered ${result.status ?? "nothing"}${result.error ? ` (${result.error})` : ""}`);
      if (result.inFlight.status !== 200 || result.inFlight.ms > HEALTHZ_BOUND_MS) {
        failures.push(`${mode}: /healthz during the upload answered ${result.inFlight.status} in ${result.inFlight.ms} ms`);
      }
    }
    const writes = digestChanges(before, digestDatabase());
    const health = await healthz();
    expect.soft(health, "GET /healthz afterwards").toEqual({ status: 200, withinBound: true });
    expect.soft(writes.length, `tables written by the refused uploads:\n${writes.join("\n")}`).toBe(0);
    expect(failures.length, failures.join("\n")).toBe(0);
  });

  test("/logout as a signed-in user: malformed, foreign and wrong-method requests leave the session alone", async () => {
    // Last: a request wrongly accepted here ends the session the other tests use. Only requests
    // that must be refused are sent (a same-origin form, whatever it holds, legitimately signs out).
    const before = digestDatabase();
    const failures: Failure[] = [];
    const cases: { label: string; method: string; headers: Record<string, string>; body?: string }[] = [
      ...malformedBodies([])
        .filter((b) => /JSON|text\/plain|without boundary|urlencoded huge/.test(b.label))
        .map((b) => ({ label: b.label, method: "POST", headers: { ...sameOrigin, ...b.headers }, body: b.body })),
      { label: "PUT with a form", method: "PUT", headers: { ...sameOrigin, ...formType }, body: "" },
      { label: "PATCH with a form", method: "PATCH", headers: { ...sameOrigin, ...formType }, body: "" },
      { label: "DELETE without body", method: "DELETE", headers: sameOrigin },
      { label: "DELETE with a form", method: "DELETE", headers: { ...sameOrigin, ...formType }, body: "" },
      { label: "OPTIONS", method: "OPTIONS", headers: sameOrigin },
      { label: "POST, foreign Origin", method: "POST", headers: { ...formType, Origin: "https://evil.example" }, body: "" },
      { label: "POST, malformed Origin", method: "POST", headers: { ...formType, Origin: "not a url" }, body: "" },
      { label: "POST, Origin null", method: "POST", headers: { ...formType, Origin: "null" }, body: "" },
      {
        label: "POST, X-Forwarded-Host differs from Origin",
        method: "POST",
        headers: { ...formType, ...sameOrigin, "X-Forwarded-Host": "evil.example" },
        body: "",
      },
    ];
    let sent = 0;
    await Promise.all(
      ROLES.filter((r) => r !== "anonymous").map(async (role) => {
        for (const c of cases) {
          sent++;
          let status: number | string;
          try {
            status = (await send({ method: c.method, path: "/logout", headers: { ...c.headers, Cookie: cookies[role]! }, body: c.body }))
              .status;
          } catch (error) {
            status = `no answer (${String(error)})`;
          }
          if (typeof status !== "number" || status >= 500)
            failures.push({ method: c.method, path: "/logout", role, case: c.label, status });
          const alive = await send({ method: "GET", path: "/account", headers: { Cookie: cookies[role]! } });
          if (alive.status !== 200) {
            failures.push({
              method: c.method,
              path: "/logout",
              role,
              case: `${c.label}: the session ended (answer ${status})`,
              status: alive.status,
            });
            cookies[role] = null;
            return; // signed out: the rest of this role's cases would test nothing
          }
        }
      })
    );
    summary.push(`/logout as signed-in roles: ${sent} requests`);
    const writes = digestChanges(before, digestDatabase());
    const health = await healthz();
    expect.soft(health, "GET /healthz afterwards").toEqual({ status: 200, withinBound: true });
    expect.soft(writes.length, `tables written by refused sign-outs:\n${writes.join("\n")}`).toBe(0);
    expect(failures.length, `${failures.length} failures:\n${formatFailures(failures)}`).toBe(0);
  });
});

// ---------- liveness ----------

async function timedHealthz(): Promise<{ status: number | string; ms: number }> {
  const started = performance.now();
  try {
    const reply = await send({ method: "GET", path: "/healthz" }, 10_000);
    return { status: reply.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: String(error), ms: Math.round(performance.now() - started) };
  }
}

async function healthz() {
  const { status, ms } = await timedHealthz();
  return { status, withinBound: ms <= HEALTHZ_BOUND_MS };
}

/**
 * POSTs 50 MB of urlencoded form to /login, declared with Content-Length or sent chunked: the
 * headers, a 200 ms pause, then 64 KB writes until the server answers. While the upload is in flight (after
 * the first 64 KB, or 512 KB chunked: under every limit) it measures /healthz on another
 * connection. The status line is also read off the socket, so a reset right after the server
 * answered still tells what it answered.
 */
async function hugeUpload(chunked: boolean) {
  const headers: Record<string, string> = { Host: HOST, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };
  if (!chunked) headers["Content-Length"] = String(HUGE_BODY_BYTES);
  const state = { status: null as number | null, error: null as string | null, raw: "", bytesSent: 0, answered: false };
  const req = http.request({ host: "127.0.0.1", port: PORT, method: "POST", path: "/login", headers, agent: false });
  req.on("socket", (socket) =>
    socket.on("data", (data: Buffer) => {
      if (state.raw.length < 64) state.raw += data.toString("latin1");
    })
  );
  const settled = new Promise<void>((resolve) => {
    const sniff = () => {
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(state.raw);
      if (state.status === null && m) state.status = Number(m[1]);
    };
    const settle = () => {
      sniff();
      state.answered = true;
      resolve();
    };
    req.on("response", (res) => {
      state.status = res.statusCode ?? null;
      res.resume();
      settle();
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      state.error ??= err.code ?? err.message;
      settle();
    });
    req.on("close", () => {
      if (state.status === null && state.error === null) state.error = "connection closed";
      settle();
    });
  });
  const write = (data: Buffer) =>
    new Promise<void>((ok) => {
      if (req.destroyed || state.answered) return ok();
      state.bytesSent += data.length;
      if (req.write(data)) return ok();
      const go = () => {
        req.off("drain", go);
        req.off("close", go);
        ok();
      };
      req.once("drain", go);
      req.once("close", go);
    });
  const chunk = Buffer.alloc(64 * 1024, "a");
  const prefix = Buffer.from("email=&password=&filler=");
  const measureAfter = chunked ? 512 * 1024 : chunk.length;
  let inFlight: { status: number | string; ms: number } | null = null;
  // the headers alone first: a server that refuses on them answers before a body byte is
  // written, so its answer is read rather than lost to a write on a closed connection (EPIPE)
  req.flushHeaders();
  let pause: NodeJS.Timeout | undefined;
  await Promise.race([settled, new Promise<void>((resolve) => (pause = setTimeout(resolve, 200)))]);
  clearTimeout(pause);
  await write(prefix);
  while (state.bytesSent < HUGE_BODY_BYTES && !state.answered) {
    const left = HUGE_BODY_BYTES - state.bytesSent;
    await write(left < chunk.length ? chunk.subarray(0, left) : chunk);
    // let the socket be read between writes: an answer is seen before the next write hits a closed connection
    await new Promise((resolve) => setImmediate(resolve));
    if (!inFlight && state.bytesSent >= measureAfter) inFlight = await timedHealthz();
  }
  // answered before the mark: the connection is still open, measure now
  inFlight ??= await timedHealthz();
  if (!state.answered) req.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, 120_000)))]);
  clearTimeout(timer);
  req.destroy();
  return { status: state.status, error: state.error, bytesSent: state.bytesSent, inFlight };
}
