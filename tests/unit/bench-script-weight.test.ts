import { describe, expect, test } from "vitest";
import { inlineScriptWeight, scriptUrls } from "../../scripts/bench/server";

// What `npm run bench` and `npm run bench:lighthouse` count as a page's JavaScript (issue #17):
// the script files under /build it makes the browser load, and the JavaScript written inside it.

const hydrated = [
  `<link rel="modulepreload" href="/build/entry.client-A.js"/>`,
  `<script nonce="n">window.__remixContext = {"state":{}};</script>`,
  `<script nonce="n" type="module" async="">import "/build/manifest-B.js"; import * as route0 from "/build/root-C.js";</script>`,
  `<script id="page-messages" type="application/json">{"item.title":"Judul program"}</script>`,
].join("");

describe("a page's JavaScript", () => {
  test("files: modulepreload links, <script src> and a module script's imports, under /build only", () => {
    expect(scriptUrls(`${hydrated}<script src="/build/extra-D.js"></script><script src="https://example.org/x.js"></script>`)).toEqual([
      "/build/entry.client-A.js",
      "/build/extra-D.js",
      "/build/manifest-B.js",
      "/build/root-C.js",
    ]);
  });

  test("inline: every script the browser runs, data (application/json) and files (src) left out", () => {
    const weight = inlineScriptWeight(`${hydrated}<script src="/build/extra-D.js"></script>`);
    expect(weight.scripts).toBe(2);
    expect(weight.raw).toBe(
      'window.__remixContext = {"state":{}};'.length + 'import "/build/manifest-B.js"; import * as route0 from "/build/root-C.js";'.length,
    );
    expect(weight.gzipped).toBeGreaterThan(0);
  });

  test("a page sent without React: its one plain script, and nothing when there is none", () => {
    expect(inlineScriptWeight(`<p>x</p><script nonce="n">(()=>{})();</script>`)).toMatchObject({ scripts: 1, raw: "(()=>{})();".length });
    expect(inlineScriptWeight("<p>no script</p>")).toEqual({ scripts: 0, raw: 0, gzipped: 0 });
  });
});
