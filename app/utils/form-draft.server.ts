import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { FORM_ID_FIELD, type RestoredDraft } from "~/domain/form-draft";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { readFormData } from "./request-body.server";

// A form posted after the session ended is stashed here, so it can be restored after signing in,
// into the form it came from (its Conform id, sent in the FORM_ID_FIELD hidden field). This is
// request plumbing tied to the cookie session, like the session itself: it lives with the sessions
// in app/utils, is written only by the action entry (form-action.server.ts) and read by the root.

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

/** What a FormDraft row's `data` holds: whose it is, for which form, what was typed. */
type StoredDraft = { userId: string; formId: string; fields: [string, string][] };

/**
 * Stores the text fields of a submission refused because its session ended; returns the
 * Set-Cookie value, or null. Only a request that carries a session this server once issued
 * (`sessionId`, read from the signed cookie) may keep a draft, and each such session keeps at
 * most MAX_DRAFTS_PER_SESSION, one per page: an anonymous post stores nothing. A submission that
 * does not name its form (FORM_ID_FIELD) could not be restored anywhere and is not kept. The
 * draft belongs to the session's user and is given back only to them (a shared computer).
 */
export async function saveDraft(request: Request, path: string, sessionId: string | null): Promise<string | null> {
  if (!sessionId) return null;
  let form: FormData;
  try {
    form = await readFormData(request.clone());
  } catch {
    return null;
  }
  const formId = form.get(FORM_ID_FIELD);
  if (typeof formId !== "string" || !formId) return null;
  // the session row outlives its expiry until signing out deletes it; without it, nobody to give it back to
  const owner = await prisma.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!owner) return null;
  const fields: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && name !== FORM_ID_FIELD && !NEVER_KEPT.test(name)) fields.push([name, value]);
  }
  const data = JSON.stringify({ userId: owner.userId, formId, fields } satisfies StoredDraft);
  if (fields.length === 0 || data.length > MAX_DRAFT_BYTES) return null;
  const id = crypto.randomBytes(32).toString("base64url");
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

function parseStored(data: string): StoredDraft | null {
  try {
    const value = JSON.parse(data) as Partial<StoredDraft>;
    return typeof value?.userId === "string" && typeof value.formId === "string" && Array.isArray(value.fields)
      ? { userId: value.userId, formId: value.formId, fields: value.fields }
      : null;
  } catch {
    return null;
  }
}

/**
 * The stashed submission for this page, if this browser has one and it is `userId`'s. Returns it
 * once, with the Set-Cookie value that makes this browser forget it (the row itself expires);
 * `draft` is null for an expired or unreadable one, or one typed by somebody else.
 */
export async function takeDraft(request: Request, userId: string): Promise<{ draft: RestoredDraft | null; cookie: string } | null> {
  const id = await draftCookie().parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const url = new URL(request.url);
  const row = await prisma.formDraft.findUnique({ where: { id } });
  if (!row || row.path !== `${url.pathname}${url.search}`) return null;
  const cookie = await draftCookie().serialize("", { maxAge: 0 });
  const stored = row.expiresAt < new Date() ? null : parseStored(row.data);
  const theirs = stored && stored.userId === userId && stored.fields.length ? stored : null;
  return { draft: theirs ? { formId: theirs.formId, fields: theirs.fields } : null, cookie };
}
