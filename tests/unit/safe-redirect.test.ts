import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "~/utils/origin";
import { safeRedirect } from "~/utils/safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/items/abc?tab=1")).toBe("/items/abc?tab=1");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/ok\r\nSet-Cookie: x"])(
    "refuses %s",
    (to) => {
      expect(safeRedirect(to as string, "/home")).toBe("/home");
    },
  );
});

describe("isSameOriginRequest", () => {
  const base = { method: "POST", host: "localhost:3000", referer: null };
  it("lets GET through whatever its origin", () => {
    expect(isSameOriginRequest({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
  });
  it("accepts a POST from the same host", () => {
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3000" })).toBe(true);
  });
  it("refuses a POST from a foreign origin, or an opaque one", () => {
    expect(isSameOriginRequest({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "null" })).toBe(false);
  });
  it("falls back to the Referer when Origin is missing", () => {
    expect(isSameOriginRequest({ ...base, origin: null, referer: "https://evil.example/x" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: null, referer: "http://localhost:3000/x" })).toBe(true);
  });
});

describe("safeRedirect and long paths", () => {
  it("falls back for a path longer than any page's (a huge Location header would become a 502)", () => {
    expect(safeRedirect(`/items/${"x".repeat(3000)}`, "/dashboard")).toBe("/dashboard");
    expect(safeRedirect("/items/abc?tab=1", "/dashboard")).toBe("/items/abc?tab=1");
  });
});
