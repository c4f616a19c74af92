import { redirect } from "@remix-run/node";
import { can, type Action, type Actor, type Resource } from "~/domain/policy";
import type { AuditActor } from "~/models/audit.server";
import { getSessionUser, type SessionUser } from "~/models/user.server";
import { saveDraft } from "~/models/form-draft.server";
import { getCookieSession } from "./session.server";
import { isSameOrigin } from "./origin";

/** What the server knows about the request beyond the Request itself (set by server.mjs). */
export type AppLoadContext = { clientIp?: string };

export function clientIp(context: AppLoadContext | undefined | null): string {
  return context?.clientIp ?? "unknown";
}

// The root loader and the route's loader run for the same Request: look the session up once.
const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    user = getCookieSession(request).then((session) => {
      const sessionId = session.get("sessionId");
      return sessionId ? getSessionUser(sessionId) : null;
    });
    usersByRequest.set(request, user);
  }
  return user;
}

export async function getSessionId(request: Request): Promise<string | null> {
  const session = await getCookieSession(request);
  return session.get("sessionId") ?? null;
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

/**
 * The signed-in user, or a redirect to /login that brings them back here afterwards. A form
 * posted after the session ended is kept (without files and passwords) and restored after login.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const params = new URLSearchParams({ redirectTo: back });
  const headers = new Headers();
  if (request.method !== "GET" && request.method !== "HEAD") {
    params.set("expired", "1");
    const cookie = await saveDraft(request, back, await getSessionId(request));
    if (cookie) headers.append("Set-Cookie", cookie);
  }
  throw redirect(`/login?${params}`, { headers });
}

export function toActor(user: SessionUser): Actor {
  return { id: user.id, role: user.role, campusIds: user.campusIds };
}

export function auditActor(user: SessionUser | null, context: AppLoadContext | undefined): AuditActor {
  return { userId: user?.id ?? null, ip: clientIp(context) };
}

/** Throws 403 unless the policy allows the action. */
export function assertCan(user: SessionUser, action: Action, resource?: Resource) {
  if (!can(toActor(user), action, resource)) throw forbidden();
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
  if (!can(toActor(user), action, resource)) throw notFound();
}
