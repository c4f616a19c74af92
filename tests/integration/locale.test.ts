// The language of a first visit follows the browser; a choice made in the app wins afterwards.
import { describe, expect, it } from "vitest";
import * as root from "~/root";
import { localeCookie } from "~/utils/session.server";
import { call, makeRequest } from "../support/http";

const rootLoader = root.loader as unknown as Parameters<typeof call>[0];

async function localeOf(headers: Record<string, string>) {
  const response = await call(rootLoader, makeRequest("/publik", { headers }));
  return ((await response.json()) as { locale: string }).locale;
}

describe("the interface language", () => {
  it("is the browser's on a first visit, Bahasa Indonesia when it names neither, and the chosen one once chosen", async () => {
    expect(await localeOf({ "Accept-Language": "en-GB,en;q=0.9" })).toBe("en");
    expect(await localeOf({ "Accept-Language": "id-ID,id;q=0.9,en;q=0.8" })).toBe("id");
    expect(await localeOf({ "Accept-Language": "fr-FR" })).toBe("id");
    expect(await localeOf({})).toBe("id");
    const chosen = (await localeCookie.serialize("id")).split(";")[0]!;
    expect(await localeOf({ "Accept-Language": "en", Cookie: chosen })).toBe("id");
  });
});
