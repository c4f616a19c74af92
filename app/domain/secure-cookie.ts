// When a browser drops the session cookie: it is marked Secure and the page came over plain http
// from a host other than this machine (browsers take Secure cookies from http://localhost only).

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function secureCookieDropped(url: string, cookieSecure: boolean): boolean {
  if (!cookieSecure) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && !LOOPBACK.has(hostname) && !hostname.endsWith(".localhost");
}
