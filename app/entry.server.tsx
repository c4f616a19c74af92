import crypto from "node:crypto";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { StaticMarkupContext } from "./components/static-markup";
import { NonceProvider } from "./utils/nonce";
import { newMessageNotes, notingMessages, pageMessagesScript } from "./utils/page-messages.server";
import { applySecurityHeaders } from "./utils/security-headers";
import { renderStaticMarkup } from "./utils/static-markup.server";

// server.mjs validates the environment with this at boot, and screens every request with
// screenRequest before Remix sees it (one definition each, taken from the build).
export { env } from "./utils/env.server";
export { screenRequest } from "./utils/request-body.server";
export { runInRequestScope } from "./utils/request-scope.server";
// ...and starts the mail sender and the scheduler once it listens (never in tests)
export { startBackgroundWork } from "./jobs/background.server";

// Single fetch (remix.config.js) hands the loader data to the document as a stream that a suspending
// component writes into the page, so the document is rendered with renderToPipeableStream: a
// string render would send the Suspense fallback, and the page would hydrate without its data.
// No route defers data, so the whole document is awaited (onAllReady) and sent as one buffer: one
// Content-Length, no Node stream turned into a web stream and back (decision 004 measured that).
/** Remix rejects any promise still unsettled in the data stream after this long (nothing defers). */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString("base64");
  // the strings this page renders go with it (the browser's bundle has no dictionary)
  const messages = newMessageNotes();
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        applySecurityHeaders(responseHeaders, { nonce });
        // bytes, not a string: a string body is scanned and copied again by undici's USVString
        // conversion (and the document is never decoded and encoded again here)
        const html = wellFormed(chunks, () => pageMessagesScript(messages));
        resolve(new Response(html as Uint8Array<ArrayBuffer>, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = notingMessages(messages, () =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <StaticMarkupContext.Provider value={renderStaticMarkup}>
            {/* the context as Remix gave it, never a copy: its data stream is a property made only
                when read (patches/@remix-run+server-runtime+2.17.5.patch), which a copy would lose */}
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </StaticMarkupContext.Provider>
        </NonceProvider>,
        {
          nonce,
          onAllReady: () => pipe(sink),
          onShellError: (error) => {
            clearTimeout(timer);
            reject(error);
          },
          onError: (error) => {
            responseStatusCode = 500;
            if (!request.signal.aborted) console.error(error);
          },
        },
      ),
    );
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

const DOCTYPE = Buffer.from("<!DOCTYPE html>");
const END = Buffer.from("</body></html>");
const HYDRATION_SCRIPT = Buffer.from("window.__remixContext");

/**
 * The document as valid HTML: no NUL padding, one doctype (React writes its own before a root <html>), and the
 * single-fetch data scripts React streams after </html> moved inside the body, where a parser
 * puts them anyway (the W3C validator calls them stray: tests/e2e/html-validity.spec.ts). A page
 * that hydrates gets its strings (`pageMessages()`) last in the body; a page without scripts none.
 * Done on the bytes: a NUL byte is never part of a UTF-8 character, and the markers are ASCII.
 */
function wellFormed(chunks: Buffer[], pageMessages: () => string): Buffer {
  // React 18.3's renderToPipeableStream pads a 2 KB chunk with a NUL byte when a multi-byte
  // character (the "·" of many labels) does not fit at its end (writeStringChunk writes the whole
  // view): the padding is dropped here. A NUL is never text of a page (tests/e2e/html-validity.spec.ts).
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    let start = 0;
    for (let nul = chunk.indexOf(0); nul >= 0; nul = chunk.indexOf(0, start)) {
      if (nul > start) parts.push(chunk.subarray(start, nul));
      start = nul + 1;
    }
    if (start < chunk.length) parts.push(start === 0 ? chunk : chunk.subarray(start));
  }
  const html = Buffer.concat(parts);
  const head = html.subarray(0, DOCTYPE.length).equals(DOCTYPE) ? [] : [DOCTYPE];
  const end = html.indexOf(END);
  if (end < 0) return Buffer.concat([...head, html]);
  const hydrates = html.lastIndexOf(HYDRATION_SCRIPT, end) >= 0;
  const messages = hydrates ? [Buffer.from(pageMessages())] : [];
  return Buffer.concat([...head, html.subarray(0, end), html.subarray(end + END.length), ...messages, END]);
}

// Remix logs every error a request meets, with its stack. A refusal it answers itself (a POST to a
// page without an action: 405; a route that does not exist: 404) is the client's mistake, not
// the server's, and an aborted request is nobody's: only the rest is logged.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};
