import { createCookie } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/request-body.server";
import { newToken } from "./user.server";

// A form posted after the session expired is stashed here, so it can be restored after login.

const DRAFT_TTL_MS = 24 * 3_600_000;
const MAX_DRAFT_BYTES = 64 * 1024;
const NEVER_KEPT = /password|token|^intent$/i;

function draftCookie() {
  return createCookie("__draft", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().cookieSecure,
    secrets: env().sessionSecrets,
    maxAge: DRAFT_TTL_MS / 1000,
  });
}

/** Drafts one (expired) session may keep at a time: the newest replace the oldest. */
export const MAX_DRAFTS_PER_SESSION = 5;

/**
 * Stores the text fields of a submission refused because its session ended; returns the
 * Set-Cookie value, or null. Only a request that carries a session this server once issued
 * (`sessionId`, read from the signed cookie) may keep a draft, and each such session keeps at
 * most MAX_DRAFTS_PER_SESSION, one per page: an anonymous post stores nothing.
 */
export async function saveDraft(request: Request, path: string, sessionId: string | null): Promise<string | null> {
  if (!sessionId) return null;
  let form: FormData;
  try {
    form = await readFormData(request.clone());
  } catch {
    return null;
  }
  const fields: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !NEVER_KEPT.test(name)) fields.push([name, value]);
  }
  const data = JSON.stringify(fields);
  if (fields.length === 0 || data.length > MAX_DRAFT_BYTES) return null;
  const id = newToken();
  // housekeeping happens here, on a POST: reading a draft back (a GET) never writes
  // in a transaction, like every write (see app/utils/db.server.ts)
  await prisma.$transaction(async (tx) => {
    await tx.formDraft.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date() } }, { sessionId, path }] } });
    const kept = await tx.formDraft.findMany({
      where: { sessionId },
      orderBy: { createdAt: "desc" },
      skip: MAX_DRAFTS_PER_SESSION - 1,
      select: { id: true },
    });
    if (kept.length) await tx.formDraft.deleteMany({ where: { id: { in: kept.map((d) => d.id) } } });
    await tx.formDraft.create({ data: { id, path, data, sessionId, expiresAt: new Date(Date.now() + DRAFT_TTL_MS) } });
  });
  return draftCookie().serialize(id);
}

/**
 * The stashed fields for this page, if this browser has some. Returns them once, with the
 * Set-Cookie value that makes this browser forget them (the row itself expires).
 */
export async function takeDraft(request: Request): Promise<{ fields: [string, string][]; cookie: string } | null> {
  const id = await draftCookie().parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const url = new URL(request.url);
  const draft = await prisma.formDraft.findUnique({ where: { id } });
  if (!draft || draft.path !== `${url.pathname}${url.search}`) return null;
  const cookie = await draftCookie().serialize("", { maxAge: 0 });
  if (draft.expiresAt < new Date()) return { fields: [], cookie };
  return { fields: JSON.parse(draft.data) as [string, string][], cookie };
}
