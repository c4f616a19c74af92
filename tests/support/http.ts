// Build real Requests for loaders and actions, and sign in as a given user.
import { prisma } from "~/utils/db.server";
import { login } from "~/models/user.server";
import { commitCookieSession, getCookieSession } from "~/utils/session.server";

export const ORIGIN = "http://localhost";
export const CONTEXT = { clientIp: "203.0.113.7" };

type Body = Record<string, string | string[] | File> | FormData;

export function makeRequest(
  path: string,
  options: { method?: string; form?: Body; cookie?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
): Request {
  const method = options.method ?? (options.form ? "POST" : "GET");
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (method !== "GET" && options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  let body: FormData | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    body = new FormData();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
  }
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/** A Cookie header for a fresh session of the user with this email (password login). */
export async function cookieFor(email: string, password = "kolaborasi2025"): Promise<string> {
  const result = await login({ email, password }, { ip: "198.51.100.1", userAgent: "vitest" });
  if (!result.ok) throw new Error(`cannot sign in ${email}: ${result.reason}`);
  const session = await getCookieSession(new Request(ORIGIN));
  session.set("sessionId", result.sessionId);
  const setCookie = await commitCookieSession(session);
  return setCookie.split(";")[0]!;
}

function isDataWithResponseInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** Calls a loader or action and returns its Response, whether returned or thrown. */
export async function call(
  fn: (args: { request: Request; params: Record<string, string>; context: typeof CONTEXT }) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await fn({ request, params, context: CONTEXT });
    if (result instanceof Response) return result;
    // `data(value, init)` (single fetch): the value with the status and headers Remix answers with
    if (isDataWithResponseInit(result)) return new Response(JSON.stringify(result.data), result.init ?? undefined);
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    if (isDataWithResponseInit(thrown)) return new Response(JSON.stringify(thrown.data), thrown.init ?? undefined);
    throw thrown;
  }
}

export async function jsonOf<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The ids of the reference campuses, by slug. */
export async function campusIds(): Promise<Record<string, string>> {
  const campuses = await prisma.campus.findMany({ select: { id: true, slug: true } });
  return Object.fromEntries(campuses.map((c) => [c.slug, c.id]));
}
