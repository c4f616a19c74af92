const DEFAULT_REDIRECT = "/";
/** No page of the app needs a longer path; a longer Location header is refused by proxies (a 502). */
export const MAX_REDIRECT_LENGTH = 2048;

/**
 * Only same-site relative paths are followed; anything else (absolute URLs, protocol-relative
 * "//host", backslash tricks) and overlong paths fall back to the default.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || /[\r\n\t]/.test(to)) return fallback;
  return to;
}
