import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { login } from "~/models/user.server";
import { getSessionUser } from "~/utils/auth.server";
import { action, loader } from "~/routes/account";
import { getCookieSession } from "~/utils/session.server";
import { createUser } from "../../prisma/factories";
import { call, campusIds, CONTEXT, cookieFor, jsonOf, makeRequest } from "../support/http";

const PASSWORD = "kolaborasi2025";
const NEW_PASSWORD = "sandi-baru-yang-panjang";
const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

let n = 0;
let email: string;
let userId: string;

beforeEach(async () => {
  email = `akun-${n++}@test.local`;
  const campuses = await campusIds();
  const user = await createUser(prisma, { email, name: "Siti Penghubung", role: "LIAISON", campusIds: [campuses.itb!, campuses.umt!] });
  userId = user.id;
});

async function sessionIdOf(cookie: string): Promise<string> {
  const session = await getCookieSession(makeRequest("/", { cookie }));
  return session.get("sessionId")!;
}

async function passwordHash() {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
}

const auditCount = () => prisma.auditEvent.count({ where: { entityId: userId, action: "password.change" } });

describe("GET /account", () => {
  it("shows the signed-in user's name, email, role and campuses", async () => {
    const response = await call(loader, makeRequest("/account", { cookie: await cookieFor(email) }));
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.account).toEqual({ name: "Siti Penghubung", email, role: "LIAISON" });
    expect(data.campuses.map((c: { slug: string }) => c.slug).sort()).toEqual(["itb", "umt"]);
  });

  it("sends an anonymous visitor to sign in and back", async () => {
    const response = await call(loader, makeRequest("/account"));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/account");
  });
});

describe("POST /account (change password)", () => {
  const invalid: { name: string; form: Record<string, string>; errors: Record<string, string[]> }[] = [
    {
      name: "nothing filled in",
      form: {},
      errors: { currentPassword: ["form.required"], newPassword: ["form.required"], confirmPassword: ["form.required"] },
    },
    {
      name: "a new password that is too short",
      form: { currentPassword: PASSWORD, newPassword: "pendek", confirmPassword: "pendek" },
      errors: { newPassword: ["form.passwordTooShort"] },
    },
    {
      name: "a confirmation that does not match",
      form: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` },
      errors: { confirmPassword: ["form.passwordMismatch"] },
    },
    {
      name: "a new password that is too long",
      form: { currentPassword: PASSWORD, newPassword: "x".repeat(201), confirmPassword: "x".repeat(201) },
      errors: { newPassword: ["form.tooLong"] },
    },
  ];

  for (const c of invalid) {
    it(`refuses ${c.name} with 400, errors next to the fields, passwords not echoed`, async () => {
      const cookie = await cookieFor(email);
      const hash = await passwordHash();
      const response = await call(action, makeRequest("/account", { cookie, form: { intent: "change-password", ...c.form } }));
      expect(response.status).toBe(400);
      const body = await response.text();
      const { result } = JSON.parse(body);
      expect(result.status).toBe("error");
      expect(result.error).toEqual(c.errors);
      // every typed value comes back, except passwords, which are all this form has
      for (const field of PASSWORD_FIELDS) expect(result.initialValue?.[field]).toBeUndefined();
      for (const typed of Object.values(c.form)) expect(body).not.toContain(typed);
      expect(await passwordHash()).toBe(hash);
      expect(await auditCount()).toBe(0);
    });
  }

  it("refuses a wrong current password next to that field and changes nothing", async () => {
    const cookie = await cookieFor(email);
    await cookieFor(email);
    const hash = await passwordHash();
    const response = await call(
      action,
      makeRequest("/account", { cookie, form: { intent: "change-password", currentPassword: "bukan-sandinya", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
    );
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body).result.error).toEqual({ currentPassword: ["account.wrongPassword"] });
    expect(body).not.toContain(NEW_PASSWORD);
    expect(await passwordHash()).toBe(hash);
    expect(await prisma.session.count({ where: { userId } })).toBe(2);
    expect(await auditCount()).toBe(0);
  });

  it("changes the password, ends the other sessions only and audits it once", async () => {
    const other = await cookieFor(email);
    const otherId = await sessionIdOf(other);
    const cookie = await cookieFor(email);
    const keptId = await sessionIdOf(cookie);
    expect(keptId).not.toBe(otherId);

    const response = await call(
      action,
      makeRequest("/account", { cookie, form: { intent: "change-password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");

    // this session stays, the other one ends
    expect(await getSessionUser(keptId)).not.toBeNull();
    expect(await getSessionUser(otherId)).toBeNull();
    expect(await prisma.session.findMany({ where: { userId }, select: { id: true } })).toEqual([{ id: keptId }]);

    // the cookie still signs in and carries the toast to the next page
    const setCookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await call(loader, makeRequest("/account", { cookie: setCookie }));
    expect(page.status).toBe(200);
    const session = await getCookieSession(makeRequest("/account", { cookie: setCookie }));
    expect(session.get("toast")).toEqual({ type: "success", key: "account.passwordChanged" });

    const events = await prisma.auditEvent.findMany({ where: { entityId: userId, action: "password.change" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: userId, entity: "User", ip: CONTEXT.clientIp });
    expect(events[0]!.after).not.toContain(NEW_PASSWORD);

    const context = { ip: "198.51.100.9", userAgent: "vitest" };
    expect((await login({ email, password: PASSWORD }, context)).ok).toBe(false);
    expect((await login({ email, password: NEW_PASSWORD }, context)).ok).toBe(true);
  });

  it("sends an anonymous submission to sign in, changing nothing", async () => {
    const hash = await passwordHash();
    const response = await call(
      action,
      makeRequest("/account", { form: { intent: "change-password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Faccount/);
    expect(await passwordHash()).toBe(hash);
  });

  it("refuses a cross-site submission", async () => {
    const cookie = await cookieFor(email);
    const hash = await passwordHash();
    const response = await call(
      action,
      makeRequest("/account", {
        cookie,
        origin: "https://evil.example",
        form: { intent: "change-password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      }),
    );
    expect(response.status).toBe(403);
    expect(await passwordHash()).toBe(hash);
  });
});
