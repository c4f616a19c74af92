import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import type { Role } from "~/domain/enums";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit, type AuditActor } from "./audit.server";

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

async function rateLimit(email: string, ip: string): Promise<number | null> {
  const { LOGIN_WINDOW_MINUTES, LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP } = env();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { email, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const blocking = [
    byAccount.length >= LOGIN_MAX_FAILURES_PER_ACCOUNT ? byAccount[byAccount.length - LOGIN_MAX_FAILURES_PER_ACCOUNT] : null,
    byIp.length >= LOGIN_MAX_FAILURES_PER_IP ? byIp[byIp.length - LOGIN_MAX_FAILURES_PER_IP] : null,
  ].filter((a): a is { createdAt: Date } => !!a);
  if (blocking.length === 0) return null;
  const until = Math.max(...blocking.map((a) => a.createdAt.getTime() + LOGIN_WINDOW_MINUTES * 60_000));
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

export async function login(
  input: { email: string; password: string },
  context: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const retryAfter = await rateLimit(email, context.ip);
  if (retryAfter !== null) return { ok: false, reason: "rate-limited", retryAfterMinutes: retryAfter };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches || !user.active) {
    await prisma.loginAttempt.create({ data: { email, ip: context.ip, success: false } });
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
      entity: "Session",
      entityId: user.id,
    });
  });
  return { ok: true, sessionId, userId: user.id, expiresAt };
}

export async function logout(sessionId: string, actor: AuditActor) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId } });
    if (count > 0 && actor.userId) {
      await recordAudit(tx, actor, { action: "logout", entity: "Session", entityId: actor.userId });
    }
  });
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  campusIds: string[];
};

/** The active user behind a live session, or null. */
export async function getSessionUser(sessionId: string): Promise<SessionUser | null> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          locale: true,
          active: true,
          campuses: { select: { campusId: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= new Date() || !session.user.active) return null;
  const { campuses, active: _active, ...user } = session.user;
  return { ...user, role: user.role as Role, campusIds: campuses.map((c) => c.campusId) };
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
