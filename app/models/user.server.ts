import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import type { Role } from "~/domain/enums";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notifyUsers } from "./notification.server";
import { recordAudit, SESSION_ENTITY, type AuditActor } from "./audit.server";

const BCRYPT_ROUNDS = 10;
// Compared against when the account does not exist, so timing does not reveal which emails exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_ROUNDS);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// ---------- sign-in, rate limiting and sessions ----------

export type LoginResult =
  | { ok: true; sessionId: string; userId: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterMinutes: number };

// Sign-in throttling that never locks a correct password out of another account: failures are
// counted per account and IP (a cool-down for that pair), per account over every IP (a cool-down
// for that account, against guessing spread over many addresses), and per IP over every account.
// The last one only slows the IP down (a delay that grows with its failures) and never refuses:
// behind a reverse proxy without TRUST_PROXY every user shares one IP.
type Throttle = { retryAfterMinutes: number | null; delayMs: number };

/** How much longer, in minutes, the `limit`-th newest failure keeps blocking; null below the limit. */
function coolDown(failures: { createdAt: Date }[], limit: number, windowMs: number): number | null {
  if (failures.length < limit) return null;
  const until = failures[failures.length - limit]!.createdAt.getTime() + windowMs;
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

async function throttle(email: string, ip: string): Promise<Throttle> {
  const { LOGIN_WINDOW_MINUTES, LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP, LOGIN_IP_DELAY_MS } = env();
  const windowMs = LOGIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const failures = (where: { email?: string; ip?: string }) =>
    prisma.loginAttempt.findMany({ where: { ...where, success: false, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const [byPair, byAccount, byIp] = await Promise.all([failures({ email, ip }), failures({ email }), failures({ ip })]);
  const waits = [
    coolDown(byPair, LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs),
    coolDown(byAccount, LOGIN_MAX_FAILURES_PER_ACCOUNT * ACCOUNT_WIDE_FACTOR, windowMs),
  ].filter((m): m is number => m !== null);
  const excess = byIp.length - LOGIN_MAX_FAILURES_PER_IP;
  return {
    retryAfterMinutes: waits.length ? Math.max(...waits) : null,
    delayMs: excess >= 0 ? Math.min(MAX_IP_DELAY_STEPS, excess + 1) * LOGIN_IP_DELAY_MS : 0,
  };
}

/** An account is cooled down everywhere after this many times the per-IP limit of failures. */
export const ACCOUNT_WIDE_FACTOR = 3;
/** The IP delay grows by LOGIN_IP_DELAY_MS per failure past the limit, up to this many steps. */
const MAX_IP_DELAY_STEPS = 10;

export async function login(
  input: { email: string; password: string },
  context: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const { retryAfterMinutes, delayMs } = await throttle(email, context.ip);
  if (retryAfterMinutes !== null) return { ok: false, reason: "rate-limited", retryAfterMinutes };
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches || !user.active) {
    // in a transaction, like every write (see app/utils/db.server.ts)
    await prisma.$transaction((tx) => tx.loginAttempt.create({ data: { email, ip: context.ip, success: false } }));
    return { ok: false, reason: "invalid" };
  }

  const sessionId = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + env().SESSION_TTL_HOURS * 3_600_000);
  await prisma.$transaction(async (tx) => {
    await tx.session.create({
      data: { id: sessionId, userId: user.id, expiresAt, ip: context.ip, userAgent: context.userAgent?.slice(0, 300) },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await tx.loginAttempt.create({ data: { email, ip: context.ip, success: true } });
    await recordAudit(tx, { userId: user.id, ip: context.ip }, {
      action: "login",
      entity: SESSION_ENTITY,
      entityId: user.id,
    });
  });
  return { ok: true, sessionId, userId: user.id, expiresAt };
}

export async function logout(sessionId: string, actor: AuditActor) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId } });
    if (count > 0 && actor.userId) {
      await recordAudit(tx, actor, { action: "logout", entity: SESSION_ENTITY, entityId: actor.userId });
    }
  });
}

// ---------- own account ----------

export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string,
  actor: AuditActor,
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) return { ok: false, reason: "wrong-password" };
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
    await recordAudit(tx, actor, {
      action: "password.change",
      entity: "User",
      entityId: userId,
      before: { passwordHash: "old" },
      after: { passwordHash: "new" },
    });
  });
  return { ok: true };
}

// ---------- password reset links ----------

export async function issuePasswordReset(userId: string, actor: AuditActor): Promise<{ token: string; hours: number }> {
  const token = newToken();
  const hours = env().PASSWORD_RESET_TTL_HOURS;
  await prisma.$transaction(async (tx) => {
    // only the newest link works
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    const reset = await tx.passwordReset.create({
      data: {
        userId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + hours * 3_600_000),
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "password.reset-issued",
      entity: "User",
      entityId: userId,
      after: { resetId: reset.id, expiresAt: reset.expiresAt },
    });
    // the user hears of it (in the app and by e-mail); the link itself is given by the administrator only
    await notifyUsers(tx, [userId], { kind: "notify.resetIssued", params: { hours } });
  });
  return { token, hours };
}

/** The user a reset link is for, if the link is unused, unexpired and the account active. */
export async function findValidReset(token: string) {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, active: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !reset.user.active) return null;
  return reset;
}

export async function consumePasswordReset(token: string, newPassword: string, ip: string | null): Promise<boolean> {
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    // the update succeeds once: a replayed or concurrent use finds usedAt already set
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await recordAudit(tx, { userId: reset.userId, ip }, {
      action: "password.reset",
      entity: "User",
      entityId: reset.userId,
      before: { passwordHash: "old" },
      after: { passwordHash: "new" },
    });
    return true;
  });
}

// =====================================================================================
// ---------- administration (ADMIN only: /admin/users, scripts/create-user.ts) ----------
// =====================================================================================

/** A liaison serves campuses; for every other role campus bindings mean nothing, so none are kept. */
function campusSlugsFor(role: Role, slugs: readonly string[]): string[] {
  return role === "LIAISON" ? [...new Set(slugs)].sort() : [];
}

async function campusIdsBySlug(tx: Tx, slugs: readonly string[]): Promise<string[] | null> {
  if (slugs.length === 0) return [];
  const campuses = await tx.campus.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true } });
  return campuses.length === slugs.length ? campuses.map((c) => c.id) : null;
}

/** A unit focal point serves government units; for every other role unit bindings mean nothing, so none are kept. */
function unitCodesFor(role: Role, codes: readonly string[]): string[] {
  return role === "UNIT" ? [...new Set(codes)].sort() : [];
}

/**
 * The ids of the units with these codes, or null when one is unknown or retired: a retired unit
 * takes no new focal points, but an account already serving it (`userId`) may keep it.
 */
async function unitIdsByCode(tx: Tx, codes: readonly string[], userId: string | null): Promise<string[] | null> {
  if (codes.length === 0) return [];
  const units = await tx.governmentUnit.findMany({
    where: { code: { in: [...codes] }, OR: [{ retiredAt: null }, ...(userId ? [{ users: { some: { userId } } }] : [])] },
    select: { id: true },
  });
  return units.length === codes.length ? units.map((u) => u.id) : null;
}

function liveSessions() {
  return { sessions: { where: { expiresAt: { gt: new Date() } } } } as const;
}

const ADMIN_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  campuses: { select: { campus: { select: { slug: true, abbreviation: true, name: true, position: true } } } },
  units: { select: { unit: { select: { code: true, abbreviation: true, name: true, retiredAt: true } } } },
} as const;

type AdminUserRow = {
  campuses: { campus: { slug: string; abbreviation: string | null; name: string; position: number } }[];
  units: { unit: { code: string; abbreviation: string | null; name: string; retiredAt: Date | null } }[];
  _count: { sessions: number };
  role: string;
};

function toAdminUser<T extends AdminUserRow>(row: T) {
  const { campuses, units, _count, ...rest } = row;
  return {
    ...rest,
    role: rest.role as Role,
    campuses: campuses
      .map((c) => c.campus)
      .sort((a, b) => a.position - b.position)
      .map(({ slug, abbreviation, name }) => ({ slug, abbreviation, name })),
    units: units.map((u) => u.unit).sort((a, b) => a.name.localeCompare(b.name)),
    activeSessions: _count.sessions,
  };
}

/** Every account with its campuses, units and number of live sessions (counted in SQL). */
export async function listUsers() {
  const rows = await prisma.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { ...ADMIN_USER_SELECT, _count: { select: liveSessions() } },
  });
  return rows.map(toAdminUser);
}

export async function getUserForAdmin(userId: string) {
  const row = await prisma.user.findUnique({
    where: { id: userId },
    select: { ...ADMIN_USER_SELECT, _count: { select: liveSessions() } },
  });
  return row ? toAdminUser(row) : null;
}

export type CreateUserInput = { email: string; name: string; role: Role; campuses: string[]; units: string[]; password: string };

export type AdminResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "email-taken" | "unknown-campus" | "unknown-unit" | "not-found" | "self-demote" | "self-deactivate" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createUser(input: CreateUserInput, actor: AuditActor): Promise<AdminResult<{ userId: string }>> {
  const email = normaliseEmail(input.email);
  const slugs = campusSlugsFor(input.role, input.campuses);
  const codes = unitCodesFor(input.role, input.units);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        return { ok: false, reason: "email-taken" } as const;
      }
      const campusIds = await campusIdsBySlug(tx, slugs);
      if (!campusIds) return { ok: false, reason: "unknown-campus" } as const;
      const unitIds = await unitIdsByCode(tx, codes, null);
      if (!unitIds) return { ok: false, reason: "unknown-unit" } as const;
      const user = await tx.user.create({
        data: {
          email,
          name: input.name,
          role: input.role,
          passwordHash,
          campuses: campusIds.length ? { create: campusIds.map((campusId) => ({ campusId })) } : undefined,
          units: unitIds.length ? { create: unitIds.map((unitId) => ({ unitId })) } : undefined,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "create",
        entity: "User",
        entityId: user.id,
        after: { email, name: input.name, role: input.role, campuses: slugs, units: codes, active: true },
      });
      return { ok: true, userId: user.id } as const;
    });
  } catch (error) {
    // two admins creating the same email at once: the unique index decides
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}

export type UpdateUserInput = { name: string; role: Role; campuses: string[]; units: string[] };

/**
 * Changes name, role, campuses and units. A role, campus or unit change is a change of permissions and is
 * audited as action "permission"; a name-only change as "update"; nothing changed, nothing written.
 */
export async function updateUser(userId: string, input: UpdateUserInput, actor: AuditActor): Promise<AdminResult> {
  if (actor.userId === userId && input.role !== "ADMIN") return { ok: false, reason: "self-demote" };
  const slugs = campusSlugsFor(input.role, input.campuses);
  const codes = unitCodesFor(input.role, input.units);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: {
        name: true,
        role: true,
        campuses: { select: { campus: { select: { slug: true } } } },
        units: { select: { unit: { select: { code: true } } } },
      },
    });
    if (!before) return { ok: false, reason: "not-found" } as const;
    const campusIds = await campusIdsBySlug(tx, slugs);
    if (!campusIds) return { ok: false, reason: "unknown-campus" } as const;
    const unitIds = await unitIdsByCode(tx, codes, userId);
    if (!unitIds) return { ok: false, reason: "unknown-unit" } as const;
    const beforeSlugs = before.campuses.map((c) => c.campus.slug).sort();
    const beforeCodes = before.units.map((u) => u.unit.code).sort();
    const permissionChanged = before.role !== input.role || beforeSlugs.join() !== slugs.join() || beforeCodes.join() !== codes.join();
    if (!permissionChanged && before.name === input.name) return { ok: true } as const;

    await tx.user.update({ where: { id: userId }, data: { name: input.name, role: input.role } });
    if (beforeSlugs.join() !== slugs.join()) {
      await tx.userCampus.deleteMany({ where: { userId } });
      if (campusIds.length) await tx.userCampus.createMany({ data: campusIds.map((campusId) => ({ userId, campusId })) });
    }
    if (beforeCodes.join() !== codes.join()) {
      await tx.userUnit.deleteMany({ where: { userId } });
      if (unitIds.length) await tx.userUnit.createMany({ data: unitIds.map((unitId) => ({ userId, unitId })) });
    }
    await recordAudit(tx, actor, {
      action: permissionChanged ? "permission" : "update",
      entity: "User",
      entityId: userId,
      before: { name: before.name, role: before.role, campuses: beforeSlugs, units: beforeCodes },
      after: { name: input.name, role: input.role, campuses: slugs, units: codes },
    });
    return { ok: true } as const;
  });
}

/** Deactivating ends every session of the account in the same transaction. */
export async function setActive(userId: string, active: boolean, actor: AuditActor): Promise<AdminResult> {
  if (!active && actor.userId === userId) return { ok: false, reason: "self-deactivate" };
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!user) return { ok: false, reason: "not-found" } as const;
    if (user.active === active) return { ok: true } as const;
    await tx.user.update({ where: { id: userId }, data: { active } });
    const { count } = active ? { count: 0 } : await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: active ? "activate" : "deactivate",
      entity: "User",
      entityId: userId,
      before: { active: user.active },
      after: active ? { active } : { active, sessionsEnded: count },
    });
    return { ok: true } as const;
  });
}

/** Ends the user's sessions; an administrator revoking their own keeps the one they are using. */
export async function revokeSessions(
  userId: string,
  actor: AuditActor,
  keepSessionId?: string | null,
): Promise<AdminResult<{ count: number }>> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
      return { ok: false, reason: "not-found" } as const;
    }
    const { count } = await tx.session.deleteMany({
      where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    });
    await recordAudit(tx, actor, {
      action: "sessions.revoke",
      entity: "User",
      entityId: userId,
      after: { sessionsEnded: count },
    });
    return { ok: true, count } as const;
  });
}
