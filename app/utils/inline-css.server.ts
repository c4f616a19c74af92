import fs from "node:fs";
import path from "node:path";

const cache = new Map<string, string | null>();

/**
 * The text of a stylesheet of the build (`/build/_assets/…css`), read once from public/, so the
 * document can carry it inline: on a phone the page then paints without waiting for one more
 * round trip. Null where the file is not there (a test rendering without a build): the page then
 * links it as before.
 */
export function builtStylesheet(href: string): string | null {
  if (!cache.has(href)) {
    let text: string | null = null;
    if (href.startsWith("/build/") && !href.includes("..")) {
      try {
        text = fs.readFileSync(path.join(process.cwd(), "public", href), "utf8");
      } catch {
        text = null;
      }
    }
    cache.set(href, text);
  }
  return cache.get(href)!;
}
