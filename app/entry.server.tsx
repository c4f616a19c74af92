import crypto from "node:crypto";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";
import { applySecurityHeaders } from "./utils/security-headers";

// server.mjs validates the environment with this at boot, and screens every request with
// screenRequest before Remix sees it (one definition each, taken from the build).
export { env } from "./utils/env.server";
export { screenRequest } from "./utils/request-body.server";
// ...and starts the mail sender and the scheduler once it listens (never in tests)
export { startBackgroundWork } from "./jobs/background.server";

// Documents are rendered to a string, not streamed: no route defers data (no <Await>/Suspense),
// so streaming only added work (a Node stream turned into a web stream and back, and a 5 s abort
// timer per request). Switch back to renderToPipeableStream if a route starts to use defer().
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString("base64");
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  applySecurityHeaders(responseHeaders, { nonce });
  // bytes, not a string: a string body is scanned and copied by undici's USVString conversion
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

// Remix logs every error a request meets, with its stack. A refusal it answers itself (a POST to a
// page without an action: 405; a route that does not exist: 404) is the client's mistake, not
// the server's, and an aborted request is nobody's: only the rest is logged.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};
