// A form error is a dictionary key; a few must also carry values (which agreement, which day).
// They travel through Conform's reply as one string, "key?name=value&…", read back where shown.

/** `key` with its parameters, as one error string. */
export function messageWithParams(key: string, params?: Record<string, string | number>): string {
  if (!params || Object.keys(params).length === 0) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** The key and parameters of an error string (a plain key has none). */
export function splitMessage(text: string): { key: string; params: Record<string, string> | undefined } {
  const at = text.indexOf("?");
  if (at < 0) return { key: text, params: undefined };
  return { key: text.slice(0, at), params: Object.fromEntries(new URLSearchParams(text.slice(at + 1))) };
}
