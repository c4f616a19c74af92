import { createCookie, createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import { preferredLocale, type MessageKey } from "~/domain/i18n";
import { LOCALES, type Locale, isOneOf } from "~/domain/enums";
import { env } from "./env.server";

export type Toast = { type: "success" | "error" | "info"; key: MessageKey; params?: Record<string, string | number> };

type SessionData = { sessionId: string };
type FlashData = { toast: Toast };

let storage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().cookieSecure,
      secrets: env().sessionSecrets,
      // every commit (a flash message too) keeps the cookie as long as the server-side session and
      // a day more: a form posted just after the session expired still names it, so it can be kept
      maxAge: env().SESSION_TTL_HOURS * 3600 + COOKIE_GRACE_SECONDS,
    },
  });
}

/** How long the session cookie outlives its server-side session (the draft window). */
export const COOKIE_GRACE_SECONDS = 24 * 3600;

/** The signed cookie holding the server-side session id and flash messages. */
export function sessionStorage() {
  return (storage ??= createStorage());
}

export async function getCookieSession(request: Request): Promise<Session<SessionData, FlashData>> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export async function commitCookieSession(session: Session<SessionData, FlashData>, maxAgeSeconds?: number) {
  return sessionStorage().commitSession(session, maxAgeSeconds ? { maxAge: maxAgeSeconds } : undefined);
}

/** The Set-Cookie header value carrying a flash message, shown once by the root loader. */
async function flashToast(request: Request, toast: Toast): Promise<string> {
  const session = await getCookieSession(request);
  session.flash("toast", toast);
  return commitCookieSession(session);
}

/**
 * How every successful mutation answers: a redirect (so reloading never posts again) carrying a
 * toast that the page it leads to shows once.
 */
export async function redirectWithToast(request: Request, to: string, toast: Toast): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await flashToast(request, toast) } });
}

export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The language the user chose (cookie); on a first visit the browser's (Accept-Language); else Bahasa Indonesia. */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = await localeCookie.parse(request.headers.get("Cookie"));
  if (isOneOf(LOCALES, chosen)) return chosen;
  return preferredLocale(request.headers.get("Accept-Language")) ?? "id";
}
