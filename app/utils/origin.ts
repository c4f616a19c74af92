/**
 * Cross-site request check for every non-GET request: the Origin (or, failing that, the
 * Referer) must name the host the request was sent to. Requests without either header are
 * refused in browsers' place only when they claim a foreign origin; plain HTML forms in every
 * current browser send Origin on POST.
 */
export function isSameOriginRequest(input: {
  method: string;
  host: string | null;
  origin: string | null;
  referer: string | null;
}): boolean {
  const method = input.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  const source = input.origin && input.origin !== "null" ? input.origin : input.referer;
  if (!source) return input.origin !== "null";
  try {
    return !!input.host && new URL(source).host === input.host;
  } catch {
    return false;
  }
}

export function isSameOrigin(request: Request): boolean {
  const url = new URL(request.url);
  return isSameOriginRequest({
    method: request.method,
    host: request.headers.get("Host") ?? url.host,
    origin: request.headers.get("Origin"),
    referer: request.headers.get("Referer"),
  });
}
