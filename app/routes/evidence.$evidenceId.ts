import fs from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getEvidence } from "~/models/roadmap-item.server";
import { assertCanSee, notFound, requireUser } from "~/utils/auth.server";
import { storedFilePath } from "~/utils/uploads.server";

const INLINE = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);

/** Serves an evidence file only to users who may see its item's internal records. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const evidence = await getEvidence(params.evidenceId ?? "");
  if (!evidence || evidence.kind !== "FILE" || !evidence.item || !evidence.storagePath) throw notFound();
  assertCanSee(user, "item.internal.read", evidence.item);
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
