import fs from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getAgreementDocument, mayReadDocuments } from "~/models/agreement.server";
import { getEvidence } from "~/models/roadmap-item.server";
import { assertCanSee, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { storedFilePath } from "~/utils/uploads.server";

const INLINE = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);

/**
 * Serves an evidence file only to users who may see its item's internal records; an agreement's
 * signed copy to those who may read its documents, or to anyone once it is marked public.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const evidence = (await agreementDocument(request, params.evidenceId ?? "")) ?? (await itemEvidence(request, params.evidenceId ?? ""));
  const file = storedFilePath(evidence.storagePath);
  if (!file || !fs.existsSync(file)) throw notFound();
  const type = evidence.mimeType ?? "application/octet-stream";
  const disposition = INLINE.has(type) ? "inline" : "attachment";
  const stream = createReadableStreamFromReadable(Readable.from(fs.createReadStream(file)));
  return new Response(stream, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(evidence.fileName ?? "file")}`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

type Servable = { storagePath: string; mimeType: string | null; fileName: string | null };

async function itemEvidence(request: Request, evidenceId: string): Promise<Servable> {
  const user = await requireUser(request);
  const evidence = await getEvidence(evidenceId);
  if (!evidence || evidence.kind !== "FILE" || !evidence.item || !evidence.storagePath) throw notFound();
  // the item's campus, visibility and counterpart unit (whose focal points read its internals)
  assertCanSee(user, "item.internal.read", evidence.item);
  return { storagePath: evidence.storagePath, mimeType: evidence.mimeType, fileName: evidence.fileName };
}

/** An agreement's (or amendment's) signed copy, or null when the evidence is no such document. */
async function agreementDocument(request: Request, evidenceId: string): Promise<Servable | null> {
  const doc = await getAgreementDocument(evidenceId);
  const agreement = doc?.agreement ?? doc?.amendment?.agreement ?? null;
  if (!doc || !agreement) return null;
  if (doc.kind !== "FILE" || !doc.storagePath) throw notFound();
  const user = mayReadDocuments(null, agreement) ? null : await requireUser(request);
  if (user && !mayReadDocuments(toPrincipal(user), agreement)) throw notFound();
  return { storagePath: doc.storagePath, mimeType: doc.mimeType, fileName: doc.fileName };
}
