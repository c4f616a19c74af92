import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_FILE_BYTES, MAX_FILES } from "~/domain/evidence";
import { isSameOriginRequest } from "./origin";

// The one way a request body enters the app. Every action reads its form through `readFormData`,
// and server.mjs screens every request with `screenRequest` before Remix sees it, so a body the
// app cannot use is answered with a 4xx at once: never parsed at length, never a 500.

/** urlencoded forms and each text part of a multipart form */
export const MAX_FORM_BYTES = 1024 * 1024;
/** a whole multipart body: the evidence files at their limit plus the text beside them */
export const MAX_MULTIPART_BYTES = MAX_FILES * MAX_FILE_BYTES + MAX_FORM_BYTES;

const SAFE_METHODS = new Set(["GET", "HEAD"]);
const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

export type RequestProblem = { status: 400 | 403 | 405 | 411 | 413 | 415; message: string };

type HeaderSource = { get(name: string): string | null | undefined };

function mediaType(headers: HeaderSource): string {
  return (headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * What is wrong with a request before its body is read, or null. GET and HEAD pass; the app
 * takes forms by POST only, from its own origin, within the size limits. On the wire
 * (`requireLength`, server.mjs) a form must declare its length, as browsers always do: a body
 * streamed without one could only be refused after reading it.
 */
export function screenRequest(
  method: string,
  headers: HeaderSource,
  { fallbackHost, requireLength = false }: { fallbackHost?: string; requireLength?: boolean } = {},
): RequestProblem | null {
  const verb = method.toUpperCase();
  if (SAFE_METHODS.has(verb)) return null;
  if (verb !== "POST") return { status: 405, message: "Method Not Allowed" };
  // Remix compares Origin with X-Forwarded-Host when present (and throws a 500 when they differ),
  // this app with Host: a request must satisfy both.
  const origin = headers.get("Origin") ?? null;
  const referer = headers.get("Referer") ?? null;
  const forwardedHost = headers.get("X-Forwarded-Host")?.split(",")[0]?.trim() || null;
  const hosts = [headers.get("Host") || fallbackHost || null, forwardedHost].filter((h): h is string => !!h);
  for (const host of hosts.length ? hosts : [null]) {
    if (!isSameOriginRequest({ method: verb, host, origin, referer })) return { status: 403, message: "Forbidden" };
  }
  const type = mediaType(headers);
  if (type !== URLENCODED && type !== MULTIPART) return { status: 415, message: "Unsupported Media Type" };
  if (type === MULTIPART && !/boundary=/i.test(headers.get("Content-Type") ?? "")) {
    return { status: 400, message: "Bad Request" };
  }
  const length = headers.get("Content-Length");
  if ((length == null || length === "") && requireLength) return { status: 411, message: "Length Required" };
  if (length != null && length !== "") {
    if (!/^\d+$/.test(length)) return { status: 400, message: "Bad Request" };
    if (Number(length) > (type === MULTIPART ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES)) {
      return { status: 413, message: "Payload Too Large" };
    }
  }
  return null;
}

function problemResponse(problem: RequestProblem): Response {
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8" };
  if (problem.status === 405) headers.Allow = "GET, HEAD, POST";
  return new Response(problem.message, { status: problem.status, headers });
}

/** A copy of `body` that errors once more than `limit` bytes have passed (a body without Content-Length). */
function capped(body: ReadableStream<Uint8Array>, limit: number, onOverflow: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          onOverflow();
          controller.error(new Error("body too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body, or null past MAX_FORM_BYTES (the rest is not read). */
async function readBytes(body: ReadableStream<Uint8Array>): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FORM_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readText(body: ReadableStream<Uint8Array>): Promise<string | null> {
  return (await readBytes(body))?.toString("utf8") ?? null;
}

/**
 * A multipart form declared within the form limit (every form without files, and one with small
 * files) is read whole, like an urlencoded one, and parsed at once by the platform's parser:
 * Remix's streaming parser took about 350 µs for a progress report's eleven fields, more than
 * any other part of its server time but the writes (docs/decisions/004). Every part still goes through the upload
 * handler, so the rules on files are the same either way. What the platform's parser refuses, or
 * reads differently (a file part without a type: it says text/plain), goes to Remix's parser, so
 * both ways take the same bodies; the one difference left is that a name's `%22` comes back as the
 * quote the browser encoded.
 */
async function readWholeMultipart(body: ReadableStream<Uint8Array>, contentType: string, uploadHandler: UploadHandler): Promise<FormData> {
  let bytes: Buffer | null;
  try {
    bytes = await readBytes(body);
  } catch {
    throw problemResponse({ status: 400, message: "Bad Request" });
  }
  if (bytes === null) throw problemResponse({ status: 413, message: "Payload Too Large" });
  const headers = { "Content-Type": contentType };
  // a Buffer is a Uint8Array over an ArrayBuffer (the types allow a shared one)
  const view = bytes as Uint8Array<ArrayBuffer>;
  let parsed: FormData | null = null;
  try {
    parsed = await new Response(view, { headers }).formData();
  } catch {
    // refused: parsed below the other way, which answers 400 if it refuses too
  }
  if (!parsed || [...parsed.values()].some((value) => typeof value !== "string" && value.type === "text/plain")) {
    try {
      return await parseMultipartFormData(new Request("http://form.invalid/", { method: "POST", headers, body: view }), uploadHandler);
    } catch {
      throw problemResponse({ status: 400, message: "Bad Request" });
    }
  }
  const form = new FormData();
  for (const [name, value] of parsed) {
    const file = typeof value === "string" ? null : value;
    const data = file ? new Uint8Array(await file.arrayBuffer()) : Buffer.from(value as string);
    const kept = await uploadHandler({
      name,
      // only the base name, as Remix's parser passes it
      filename: file ? file.name.split(/[/\\]/).pop() : undefined,
      contentType: file ? file.type : "text/plain",
      data: oneChunk(data),
    });
    if (kept !== undefined && kept !== null) form.append(name, kept);
  }
  return form;
}

async function* oneChunk(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}

/** Keeps the text parts of a multipart form (each within the form limit) and drops its files. */
export const textPartsOnly: UploadHandler = async (part) => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.data) {
    size += chunk.byteLength;
    if (size <= MAX_FORM_BYTES) chunks.push(chunk);
  }
  if (part.filename || size > MAX_FORM_BYTES) return undefined;
  return Buffer.concat(chunks).toString("utf8");
};

/**
 * The highest list index a field name may carry (`rows[299].itemId`). Conform turns
 * `rows[100000].x` into a sparse array whose every hole Zod visits before a `.max()` refuses it:
 * seconds of CPU from a few bytes. No form here has lists this long (the check-in stops at 300).
 */
export const MAX_FIELD_INDEX = 999;

function hasOversizedIndex(form: FormData): boolean {
  for (const name of form.keys()) {
    for (const [, index] of name.matchAll(/\[(\d+)\]/g)) if (index!.length > 4 || Number(index) > MAX_FIELD_INDEX) return true;
  }
  return false;
}

/**
 * The submitted form, or a thrown 4xx Response: 405 for a method other than POST, 403 for a
 * foreign origin, 415 for a body that is not a form, 413 past the size limits, 400 for a form
 * that cannot be parsed (a multipart body without boundary, truncated, malformed) or whose
 * field names carry a list index past MAX_FIELD_INDEX.
 */
export async function readFormData(request: Request, uploadHandler: UploadHandler = textPartsOnly): Promise<FormData> {
  const form = await readFormDataUnchecked(request, uploadHandler);
  if (hasOversizedIndex(form)) throw problemResponse({ status: 400, message: "Bad Request" });
  return form;
}

async function readFormDataUnchecked(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  const problem = screenRequest(request.method, request.headers, { fallbackHost: new URL(request.url).host });
  if (problem) throw problemResponse(problem);
  const multipart = mediaType(request.headers) === MULTIPART;
  if (!request.body) return new FormData();
  if (!multipart) {
    let text: string | null;
    try {
      text = await readText(request.body);
    } catch {
      throw problemResponse({ status: 400, message: "Bad Request" });
    }
    if (text === null) throw problemResponse({ status: 413, message: "Payload Too Large" });
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
    return form;
  }
  const declared = request.headers.get("Content-Length");
  if (declared && Number(declared) <= MAX_FORM_BYTES) return readWholeMultipart(request.body, request.headers.get("Content-Type")!, uploadHandler);
  let overflow = false;
  const body = capped(request.body, MAX_MULTIPART_BYTES, () => (overflow = true));
  const limited = new Request(request.url, { method: "POST", headers: request.headers, body, duplex: "half" } as RequestInit);
  try {
    return await parseMultipartFormData(limited, uploadHandler);
  } catch {
    throw problemResponse(overflow ? { status: 413, message: "Payload Too Large" } : { status: 400, message: "Bad Request" });
  }
}
