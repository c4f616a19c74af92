/** Headers set on every document response (see entry.server.tsx and server.mjs). */
export function applySecurityHeaders(headers: Headers, options: { nonce?: string } = {}) {
  const script = options.nonce ? `'self' 'nonce-${options.nonce}'` : "'self'";
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${script}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      // the dev server's live reload uses a websocket
      process.env.NODE_ENV === "development" ? "connect-src 'self' ws://localhost:*" : "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}
