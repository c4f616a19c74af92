// User administration (/admin/users, /admin/users/:userId) and password reset links (/reset/:token),
// through their loaders and actions with real Requests against a real database.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { hashToken, login, newToken } from "~/models/user.server";
import { getSessionUser } from "~/utils/auth.server";
import * as indexRoute from "~/routes/admin.users._index";
import * as userRoute from "~/routes/admin.users.$userId";
import * as resetRoute from "~/routes/reset.$token";
import { prisma } from "~/utils/db.server";
import { getCookieSession } from "~/utils/session.server";
import { createUser } from "../../prisma/factories";
import { call, campusIds, cookieFor, jsonOf, makeRequest, ORIGIN } from "../support/http";

let admin: { id: string; email: string };
let adminCookie: string;
let reviewerCookie: string;
let campuses: Record<string, string>;
let n = 0;

beforeAll(async () => {
  campuses = await campusIds();
  admin = await createUser(prisma, { email: "admin@users.test", role: "ADMIN", name: "Admin Satu" });
  adminCookie = await cookieFor(admin.email);
  const reviewer = await createUser(prisma, { email: "reviewer@users.test", role: "REVIEWER" });
  reviewerCookie = await cookieFor(reviewer.email);
});

/** A fresh liaison of itb to act on. */
function newTarget(input: { role?: "LIAISON" | "OBSERVER"; active?: boolean } = {}) {
  n += 1;
  const role = input.role ?? "LIAISON";
  return createUser(prisma, {
    email: `target${n}@users.test`,
    name: `Target ${n}`,
    role,
    active: input.active,
    campusIds: role === "LIAISON" ? [campuses.itb!] : [],
  });
}

async function sessionIdOf(cookie: string): Promise<string> {
  const session = await getCookieSession(new Request(ORIGIN, { headers: { Cookie: cookie } }));
  return session.get("sessionId")!;
}

async function toastOf(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) return null;
  const session = await getCookieSession(new Request(ORIGIN, { headers: { Cookie: setCookie.split(";")[0]! } }));
  return session.get("toast") ?? null;
}

/** Runs a request and returns its response with the audit events it wrote. */
async function audited(run: () => Promise<Response>) {
  const seen = new Set((await prisma.auditEvent.findMany({ select: { id: true } })).map((e) => e.id));
  const response = await run();
  const events = (await prisma.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).filter((e) => !seen.has(e.id));
  return { response, count: events.length, events };
}

const parse = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

function postIndex(form: Record<string, string | string[]>, cookie = adminCookie) {
  return call(indexRoute.action, makeRequest("/admin/users", { form: { intent: "create", ...form }, cookie }));
}

function postUser(userId: string, form: Record<string, string | string[]>, cookie = adminCookie) {
  return call(userRoute.action, makeRequest(`/admin/users/${userId}`, { form, cookie }), { userId });
}

function postReset(token: string, form: Record<string, string>, origin?: string) {
  return call(resetRoute.action, makeRequest(`/reset/${token}`, { form, origin }), { token });
}

const VALID = { email: "Baru@Users.Test", name: "Siti Penghubung", role: "LIAISON", campuses: ["itb", "umt"], password: "sandi-awal-2025" };

describe("/admin/users loader", () => {
  it("lists every account with role, campuses, status, last sign-in and live sessions", async () => {
    const target = await newTarget();
    await cookieFor(target.email);
    await cookieFor(target.email);
    const response = await call(indexRoute.loader, makeRequest("/admin/users", { cookie: adminCookie }));
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    const row = data.users.find((u: { id: string }) => u.id === target.id);
    expect(row).toMatchObject({
      email: target.email,
      name: target.name,
      role: "LIAISON",
      active: true,
      activeSessions: 2,
      campuses: [{ slug: "itb" }],
    });
    expect(row.lastLoginAt).not.toBeNull();
    expect(data.campuses).toHaveLength(12);
  });

  it("is for administrators only", async () => {
    expect((await call(indexRoute.loader, makeRequest("/admin/users", { cookie: reviewerCookie }))).status).toBe(403);
    const anonymous = await call(indexRoute.loader, makeRequest("/admin/users"));
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fadmin%2Fusers/);
  });
});

describe("create a user", () => {
  it("creates a liaison bound to campuses, who can sign in, with one audit event", async () => {
    const { response, count, events } = await audited(() => postIndex(VALID));
    expect(response.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "baru@users.test" },
      include: { campuses: { include: { campus: true } } },
    });
    expect(response.headers.get("Location")).toBe(`/admin/users/${user.id}`);
    expect(await toastOf(response)).toMatchObject({ key: "users.created", params: { email: "baru@users.test" } });
    expect(user).toMatchObject({ name: "Siti Penghubung", role: "LIAISON", active: true });
    expect(user.campuses.map((c) => c.campus.slug).sort()).toEqual(["itb", "umt"]);
    expect(user.passwordHash).not.toContain("sandi-awal");
    expect((await login({ email: "baru@users.test", password: "sandi-awal-2025" }, { ip: "192.0.2.1", userAgent: null })).ok).toBe(true);

    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "create", entity: "User", entityId: user.id, actorId: admin.id, ip: "203.0.113.7" });
    expect(parse(events[0]!.after)).toEqual({
      email: "baru@users.test",
      name: "Siti Penghubung",
      role: "LIAISON",
      campuses: ["itb", "umt"],
      units: [],
      active: true,
    });
  });

  it("keeps no campus for roles other than liaison", async () => {
    const response = await postIndex({ ...VALID, email: "pemantau@users.test", role: "OBSERVER", campuses: ["itb"] });
    expect(response.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "pemantau@users.test" }, include: { campuses: true } });
    expect(user.role).toBe("OBSERVER");
    expect(user.campuses).toEqual([]);
  });

  const invalid: [string, Record<string, string | string[]>, string, string][] = [
    ["missing email", { email: "" }, "email", "form.required"],
    ["malformed email", { email: "bukan-email" }, "email", "form.invalidEmail"],
    ["missing name", { name: "   " }, "name", "form.required"],
    ["unknown role", { role: "GOVERNOR" }, "role", "form.invalidChoice"],
    ["short password", { password: "pendek" }, "password", "form.passwordTooShort"],
    ["liaison without campus", { campuses: [] }, "campuses", "users.campusRequired"],
    ["unknown campus", { campuses: ["itb", "atlantis"] }, "campuses", "users.unknownCampus"],
    ["duplicate email (any case)", { email: "ADMIN@users.test" }, "email", "users.emailTaken"],
  ];
  for (const [label, change, field, message] of invalid) {
    it(`refuses a ${label} with the error next to ${field}, keeping what was typed`, async () => {
      const usersBefore = await prisma.user.count();
      const { response, count } = await audited(() => postIndex({ ...VALID, email: `ok-${field}@users.test`, ...change }));
      expect(response.status).toBe(400);
      const { result } = await jsonOf(response);
      expect(result.error[field]).toEqual([message]);
      expect(result.initialValue.name).toBe(change.name ?? VALID.name);
      expect(result.initialValue.password).toBeUndefined();
      expect(await prisma.user.count()).toBe(usersBefore);
      expect(count).toBe(0);
    });
  }

  it("is refused to a reviewer, and nothing is created", async () => {
    const response = await postIndex({ ...VALID, email: "sneaky@users.test" }, reviewerCookie);
    expect(response.status).toBe(403);
    expect(await prisma.user.findUnique({ where: { email: "sneaky@users.test" } })).toBeNull();
  });
});

describe("edit a user", () => {
  it("shows the account to an administrator and 404s an unknown one", async () => {
    const target = await newTarget();
    const ok = await call(userRoute.loader, makeRequest(`/admin/users/${target.id}`, { cookie: adminCookie }), { userId: target.id });
    expect(await jsonOf(ok)).toMatchObject({ user: { id: target.id, email: target.email, campuses: [{ slug: "itb" }] }, isSelf: false });
    const missing = await call(userRoute.loader, makeRequest("/admin/users/nope", { cookie: adminCookie }), { userId: "nope" });
    expect(missing.status).toBe(404);
    const forbidden = await call(userRoute.loader, makeRequest(`/admin/users/${target.id}`, { cookie: reviewerCookie }), { userId: target.id });
    expect(forbidden.status).toBe(403);
  });

  it("changes role and campuses as one 'permission' event with before and after", async () => {
    const target = await newTarget();
    const { response, count, events } = await audited(() =>
      postUser(target.id, { intent: "update", name: "Nama Baru", role: "LIAISON", campuses: ["umt", "itb"] }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/users/${target.id}`);
    expect(await toastOf(response)).toMatchObject({ key: "users.saved" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: target.id }, include: { campuses: { include: { campus: true } } } });
    expect(user.name).toBe("Nama Baru");
    expect(user.campuses.map((c) => c.campus.slug).sort()).toEqual(["itb", "umt"]);
    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "permission", entity: "User", entityId: target.id, actorId: admin.id });
    expect(parse(events[0]!.before)).toEqual({ name: target.name, campuses: ["itb"] });
    expect(parse(events[0]!.after)).toEqual({ name: "Nama Baru", campuses: ["itb", "umt"] });

    const promoted = await audited(() => postUser(target.id, { intent: "update", name: "Nama Baru", role: "REVIEWER" }));
    expect(promoted.count).toBe(1);
    expect(promoted.events[0]!.action).toBe("permission");
    expect(parse(promoted.events[0]!.before)).toEqual({ role: "LIAISON", campuses: ["itb", "umt"] });
    expect(parse(promoted.events[0]!.after)).toEqual({ role: "REVIEWER", campuses: [] });
    expect(await prisma.userCampus.count({ where: { userId: target.id } })).toBe(0);
  });

  it("audits a name-only change as 'update', and writes nothing when nothing changed", async () => {
    const target = await newTarget({ role: "OBSERVER" });
    const renamed = await audited(() => postUser(target.id, { intent: "update", name: "Hanya Nama", role: "OBSERVER" }));
    expect(renamed.count).toBe(1);
    expect(renamed.events[0]).toMatchObject({ action: "update", entityId: target.id });
    expect(parse(renamed.events[0]!.after)).toEqual({ name: "Hanya Nama" });
    const same = await audited(() => postUser(target.id, { intent: "update", name: "Hanya Nama", role: "OBSERVER" }));
    expect(same.response.status).toBe(302);
    expect(same.count).toBe(0);
  });

  it("refuses invalid fields with errors next to them", async () => {
    const target = await newTarget();
    const noName = await postUser(target.id, { intent: "update", name: "", role: "LIAISON", campuses: ["itb"] });
    expect(noName.status).toBe(400);
    expect((await jsonOf(noName)).result.error.name).toEqual(["form.required"]);
    const noCampus = await postUser(target.id, { intent: "update", name: "Nama", role: "LIAISON" });
    expect(noCampus.status).toBe(400);
    const { result } = await jsonOf(noCampus);
    expect(result.error.campuses).toEqual(["users.campusRequired"]);
    expect(result.initialValue.name).toBe("Nama");
    const badRole = await postUser(target.id, { intent: "update", name: "Nama", role: "RAJA", campuses: ["itb"] });
    expect((await jsonOf(badRole)).result.error.role).toEqual(["form.invalidChoice"]);
    expect(await prisma.userCampus.count({ where: { userId: target.id } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(target.name);
  });

  it("does not let an administrator demote themselves", async () => {
    const { response, count } = await audited(() => postUser(admin.id, { intent: "update", name: "Admin Satu", role: "OBSERVER" }));
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).result.error.role).toEqual(["users.cannotDemoteSelf"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(count).toBe(0);
  });

  it("404s an unknown user and refuses an unknown intent", async () => {
    expect((await postUser("nope", { intent: "deactivate" })).status).toBe(404);
    const target = await newTarget();
    expect((await postUser(target.id, { intent: "delete" })).status).toBe(400);
  });
});

describe("deactivate, activate, revoke sessions", () => {
  it("deactivating ends every session at once and blocks sign-in; activating restores sign-in", async () => {
    const target = await newTarget();
    const sessionId = await sessionIdOf(await cookieFor(target.email));
    expect(await getSessionUser(sessionId)).not.toBeNull();

    const { response, count, events } = await audited(() => postUser(target.id, { intent: "deactivate" }));
    expect(response.status).toBe(302);
    expect(await toastOf(response)).toMatchObject({ key: "users.deactivated" });
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
    expect((await login({ email: target.email, password: "kolaborasi2025" }, { ip: "192.0.2.9", userAgent: null })).ok).toBe(false);
    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "deactivate", entity: "User", entityId: target.id, actorId: admin.id });
    expect(parse(events[0]!.after)).toEqual({ active: false, sessionsEnded: 1 });

    const activated = await audited(() => postUser(target.id, { intent: "activate" }));
    expect(activated.response.status).toBe(302);
    expect(await toastOf(activated.response)).toMatchObject({ key: "users.activated" });
    expect(activated.count).toBe(1);
    expect(activated.events[0]).toMatchObject({ action: "activate", entityId: target.id });
    expect((await login({ email: target.email, password: "kolaborasi2025" }, { ip: "192.0.2.9", userAgent: null })).ok).toBe(true);
  });

  it("does not let an administrator deactivate themselves", async () => {
    const { response, count } = await audited(() => postUser(admin.id, { intent: "deactivate" }));
    expect(response.status).toBe(400);
    const refused = await jsonOf(response);
    expect(refused.intent).toBe("deactivate");
    expect(refused.result.error[""]).toEqual(["users.cannotDeactivateSelf"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    expect(await getSessionUser(await sessionIdOf(adminCookie))).not.toBeNull();
    expect(count).toBe(0);
  });

  it("revokes every session of a user without deactivating them", async () => {
    const target = await newTarget();
    const first = await sessionIdOf(await cookieFor(target.email));
    const second = await sessionIdOf(await cookieFor(target.email));
    const { response, count, events } = await audited(() => postUser(target.id, { intent: "revoke-sessions" }));
    expect(response.status).toBe(302);
    expect(await toastOf(response)).toMatchObject({ key: "users.sessionsRevoked" });
    expect(await getSessionUser(first)).toBeNull();
    expect(await getSessionUser(second)).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "sessions.revoke", entityId: target.id, actorId: admin.id });
    expect(parse(events[0]!.after)).toEqual({ sessionsEnded: 2 });
  });

  it("an administrator revoking their own sessions keeps the one in use", async () => {
    const otherAdminSession = await sessionIdOf(await cookieFor(admin.email));
    const response = await postUser(admin.id, { intent: "revoke-sessions" });
    expect(response.status).toBe(302);
    expect(await getSessionUser(otherAdminSession)).toBeNull();
    expect(await getSessionUser(await sessionIdOf(adminCookie))).not.toBeNull();
  });
});

describe("password reset links", () => {
  async function issue(userId: string): Promise<{ token: string; link: string }> {
    const { response, count, events } = await audited(() => postUser(userId, { intent: "issue-reset" }));
    expect(response.status).toBe(200);
    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "password.reset-issued", entityId: userId, actorId: admin.id });
    const data = await jsonOf(response);
    expect(data.hours).toBe(48);
    expect(data.resetLink).toMatch(/^http:\/\/localhost\/reset\/[A-Za-z0-9_-]{43}$/);
    return { link: data.resetLink, token: data.resetLink.split("/reset/")[1] };
  }

  const NEW = { newPassword: "sandi-pulih-2025", confirmPassword: "sandi-pulih-2025" };

  it("sets a new password once, ends old sessions, and refuses a replay", async () => {
    const target = await newTarget();
    const oldSession = await sessionIdOf(await cookieFor(target.email));
    const { token } = await issue(target.id);

    const page = await call(resetRoute.loader, makeRequest(`/reset/${token}`), { token });
    expect(page.status).toBe(200);
    expect(await jsonOf(page)).toEqual({ valid: true, email: target.email });

    const mismatch = await postReset(token, { ...NEW, confirmPassword: "sandi-lain-2025" });
    expect(mismatch.status).toBe(400);
    expect((await jsonOf(mismatch)).result.error.confirmPassword).toEqual(["form.passwordMismatch"]);
    const short = await postReset(token, { newPassword: "pendek", confirmPassword: "pendek" });
    expect((await jsonOf(short)).result.error.newPassword).toEqual(["form.passwordTooShort"]);

    const { response, count, events } = await audited(() => postReset(token, NEW));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(await toastOf(response)).toMatchObject({ key: "reset.done" });
    expect(count).toBe(1);
    expect(events[0]).toMatchObject({ action: "password.reset", entityId: target.id, actorId: target.id });
    expect(await getSessionUser(oldSession)).toBeNull();
    const ctx = { ip: "192.0.2.44", userAgent: null };
    expect((await login({ email: target.email, password: "sandi-pulih-2025" }, ctx)).ok).toBe(true);
    expect((await login({ email: target.email, password: "kolaborasi2025" }, ctx)).ok).toBe(false);

    // the same link again: refused with the message, nothing changes
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash;
    const replay = await audited(() => postReset(token, { newPassword: "sandi-ketiga-2025", confirmPassword: "sandi-ketiga-2025" }));
    expect(replay.response.status).toBe(410);
    expect(await jsonOf(replay.response)).toMatchObject({ valid: false });
    expect(replay.count).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(hash);
    const again = await call(resetRoute.loader, makeRequest(`/reset/${token}`), { token });
    expect(again.status).toBe(410);
    expect(await jsonOf(again)).toMatchObject({ valid: false });
  });

  it("refuses an expired link and a made-up one", async () => {
    const target = await newTarget();
    const { token } = await issue(target.id);
    await prisma.passwordReset.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash;
    expect((await call(resetRoute.loader, makeRequest(`/reset/${token}`), { token })).status).toBe(410);
    const expired = await audited(() => postReset(token, NEW));
    expect(expired.response.status).toBe(410);
    expect(expired.count).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(hash);

    const madeUp = newToken();
    expect((await call(resetRoute.loader, makeRequest(`/reset/${madeUp}`), { token: madeUp })).status).toBe(410);
    expect((await postReset(madeUp, NEW)).status).toBe(410);
  });

  it("only the newest link works", async () => {
    const target = await newTarget();
    const first = await issue(target.id);
    const second = await issue(target.id);
    expect((await postReset(first.token, NEW)).status).toBe(410);
    expect((await postReset(second.token, NEW)).status).toBe(302);
  });

  it("is not issued for a deactivated account", async () => {
    const target = await newTarget({ active: false });
    const { response, count } = await audited(() => postUser(target.id, { intent: "issue-reset" }));
    expect(response.status).toBe(400);
    const refused = await jsonOf(response);
    expect(refused.intent).toBe("issue-reset");
    expect(refused.result.error[""]).toEqual(["users.resetInactive"]);
    expect(count).toBe(0);
    expect(await prisma.passwordReset.count({ where: { userId: target.id } })).toBe(0);
  });

  it("refuses a reset posted from another site", async () => {
    const target = await newTarget();
    const { token } = await issue(target.id);
    expect((await postReset(token, NEW, "https://evil.example")).status).toBe(403);
    expect((await call(resetRoute.loader, makeRequest(`/reset/${token}`), { token })).status).toBe(200);
  });
});

describe("npm run user:create", () => {
  // the real command, run by tsx against this test file's database
  function run(args: string[]) {
    const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/create-user.ts", ...args], {
      env: { ...process.env },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it("creates the first administrator with a generated password, audited as the system", async () => {
    const { code, stdout, stderr } = run(["--email", "Kepala@Banten.go.id", "--role", "ADMIN", "--name", "Kepala Biro"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const password = /Generated password \(shown once, store it safely\): (\S+)/.exec(stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "kepala@banten.go.id" } });
    expect(user).toMatchObject({ role: "ADMIN", name: "Kepala Biro", active: true });
    expect((await login({ email: user.email, password: password! }, { ip: "192.0.2.50", userAgent: null })).ok).toBe(true);
    const events = await prisma.auditEvent.findMany({ where: { entity: "User", entityId: user.id, action: "create" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBeNull();

    const again = run(["--email", "kepala@banten.go.id", "--role", "OBSERVER", "--password", "sandi-panjang-2025"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN");
  });

  it("refuses invalid arguments and unknown campuses without writing anything", async () => {
    const before = await prisma.user.count();
    const invalid = run(["--email", "x@y.id", "--role", "LIAISON"]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("--campus: A campus liaison must serve at least one campus.");
    const unknown = run(["--email", "x@y.id", "--role", "LIAISON", "--campus", "atlantis", "--password", "sandi-panjang-2025"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Known campuses:");
    expect(await prisma.user.count()).toBe(before);
  });
});
