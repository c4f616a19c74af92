const DEFAULT_REDIRECT = "/";

/**
 * Only same-site relative paths are followed; anything else (absolute URLs, protocol-relative
 * "//host", backslash tricks) falls back to the default.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || /[\r\n\t]/.test(to)) return fallback;
  return to;
}
