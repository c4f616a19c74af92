import { describe, expect, it } from "vitest";
import { secureCookieDropped } from "~/domain/secure-cookie";

describe("secureCookieDropped", () => {
  it("is true for a Secure cookie over plain http from another machine (a phone on the LAN)", () => {
    expect(secureCookieDropped("http://192.168.1.20:3000/login", true)).toBe(true);
    expect(secureCookieDropped("http://kolaborasi.lan/login", true)).toBe(true);
  });
  it("is false over https, from this machine, or when cookies are not Secure", () => {
    expect(secureCookieDropped("https://192.168.1.20/login", true)).toBe(false);
    expect(secureCookieDropped("http://localhost:3000/login", true)).toBe(false);
    expect(secureCookieDropped("http://127.0.0.1:3000/login", true)).toBe(false);
    expect(secureCookieDropped("http://[::1]:3000/login", true)).toBe(false);
    expect(secureCookieDropped("http://192.168.1.20:3000/login", false)).toBe(false);
  });
});
