import { redirect } from "@remix-run/node";
import type { AuditActor, Author } from "~/domain/audit-actor";
import type { Role } from "~/domain/enums";
import { can, type Action, type Principal, type Resource } from "~/domain/policy";
import { readPrepared } from "./db.server";
import { oncePerRequest } from "./request-scope.server";
import { getCookieSession } from "./session.server";
import { isSameOrigin } from "./origin";

// Guards: who is asking and what they may do. They read, throw a Response when the answer is no,
// and never write (keeping the form of a refused submission is the action entry's step,
// app/utils/form-action.server.ts).

/** What the server knows about the request beyond the Request itself (set by server.mjs). */
export type AppLoadContext = {
  clientIp?: string;
  /** resolves once the client has taken what the response sent so far, false when it is gone (server.mjs; streamed exports wait on it) */
  clientReady?: () => Promise<boolean>;
};

export function clientIp(context: AppLoadContext | undefined | null): string {
  return context?.clientIp ?? "unknown";
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  campusIds: string[];
  /** the government units a unit focal point serves */
  unitIds: string[];
};

/**
 * The active user behind a live session, or null. Every request asks, so it is one prepared
 * statement (Prisma's nested select compiled to ~1.5 ms, its raw query ~0.3 ms; this ~5 µs).
 */
export function getSessionUser(sessionId: string): Promise<SessionUser | null> {
  // a page's loaders (the root's and the route's) ask once per request (request-scope.server.ts)
  return oncePerRequest(`session-user:${sessionId}`, () => readSessionUser(sessionId));
}

async function readSessionUser(sessionId: string): Promise<SessionUser | null> {
  const rows = readPrepared<{ id: string; email: string; name: string; role: string; locale: string; campusIds: string | null; unitIds: string | null }>(
    `SELECT u."id", u."email", u."name", u."role", u."locale",
      (SELECT group_concat(uc."campusId", ' ') FROM "UserCampus" uc WHERE uc."userId" = u."id") AS campusIds,
      (SELECT group_concat(uu."unitId", ' ') FROM "UserUnit" uu WHERE uu."userId" = u."id") AS unitIds
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ? AND s."expiresAt" > ? AND u."active" = 1`,
    sessionId,
    Date.now(),
  );
  const row = rows[0];
  if (!row) return null;
  const { campusIds, unitIds, ...user } = row;
  return {
    ...user,
    role: user.role as Role,
    campusIds: campusIds ? campusIds.split(" ").sort() : [],
    unitIds: unitIds ? unitIds.split(" ").sort() : [],
  };
}

/** The signed-in user (the session is looked up once per request: getSessionUser). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  return sessionId ? getSessionUser(sessionId) : null;
}

/** The id of the session this browser was once given (signed cookie), live or not. */
export function getSessionId(request: Request): Promise<string | null> {
  // the root's loader and the route's both ask: the cookie's signature is checked once per request
  return oncePerRequest(`session-id:${request.headers.get("Cookie") ?? ""}`, async () => {
    const session = await getCookieSession(request);
    return session.get("sessionId") ?? null;
  });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/** Refuses cross-site mutations (defence in depth beside SameSite cookies and server.mjs). */
export function assertSameOrigin(request: Request) {
  if (!isSameOrigin(request)) throw forbidden();
}

/** The path and query the request was for: where signing in leads back to. */
export function requestPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

const signInRedirects = new WeakSet<Response>();

/** Whether `thrown` is the redirect to /login that `requireUser` throws for a request without a live session. */
export function isSignInRedirect(thrown: unknown): thrown is Response {
  return thrown instanceof Response && signInRedirects.has(thrown);
}

/**
 * The signed-in user, or a thrown redirect to /login that brings them back here afterwards (with
 * `expired=1` for a submission, so the sign-in page says the session ended).
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const params = new URLSearchParams({ redirectTo: requestPath(request) });
  if (request.method !== "GET" && request.method !== "HEAD") params.set("expired", "1");
  const response = redirect(`/login?${params}`);
  signInRedirects.add(response);
  throw response;
}

/** The signed-in user as the permission policy sees them. */
export function toPrincipal(user: SessionUser): Principal {
  return { id: user.id, role: user.role, campusIds: user.campusIds, unitIds: user.unitIds };
}

/** Who made a request that may be anonymous (signing out), as the audit trail records them. */
export function auditActor(user: SessionUser | null, context: AppLoadContext | undefined): AuditActor {
  return { userId: user?.id ?? null, ip: clientIp(context) };
}

/** The signed-in user as the audit trail records them, and as the author of what they write. */
export function authorOf(user: SessionUser, context: AppLoadContext | undefined): Author {
  return { userId: user.id, ip: clientIp(context) };
}

/** Throws 403 unless the policy allows the action. */
export function assertCan(user: SessionUser, action: Action, resource?: Resource) {
  if (!can(toPrincipal(user), action, resource)) throw forbidden();
}

/** Signed-in user who may do `action` on `resource`, or a thrown 403 (or login redirect). */
export async function requirePermission(request: Request, action: Action, resource?: Resource) {
  const user = await requireUser(request);
  assertCan(user, action, resource);
  return user;
}

/**
 * For records a user may not even know exist (another campus's draft): 404 rather than 403.
 */
export function assertCanSee(user: SessionUser, action: Action, resource: Resource) {
  if (!can(toPrincipal(user), action, resource)) throw notFound();
}
