import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readManifest, routeScripts } from "../../scripts/bench/route-scripts";
import { verdicts } from "../../scripts/bench/report";

// JavaScript per route from the build's manifest (issue #17): the entry and its imports, then the
// modules of the route and of the routes above it with their imports, each file once.

let publicDir: string;
const files: Record<string, string> = {
  "/build/entry.client-A.js": "import './_shared/react-B.js';" + "x".repeat(50),
  "/build/_shared/react-B.js": "export const react = " + JSON.stringify("r".repeat(400) + Math.random().toString(36).repeat(40)) + ";",
  "/build/root-C.js": "export default function Root() {}",
  "/build/_shared/forms-D.js": "export const forms = " + JSON.stringify(Array.from({ length: 60 }, (_, i) => `field${i}`)) + ";",
  "/build/routes/items.new-E.js": "export default function NewItem() {}",
  "/build/routes/teams.$id-F.js": "export default function Team() { return 'team'; }",
};
const manifest = {
  entry: { module: "/build/entry.client-A.js", imports: ["/build/_shared/react-B.js"] },
  routes: {
    root: { id: "root", module: "/build/root-C.js", imports: ["/build/_shared/react-B.js"] },
    "routes/items.new": { id: "routes/items.new", parentId: "root", module: "/build/routes/items.new-E.js", imports: ["/build/_shared/forms-D.js"] },
    "routes/teams.$id": {
      id: "routes/teams.$id",
      parentId: "root",
      module: "/build/routes/teams.$id-F.js",
      imports: ["/build/_shared/forms-D.js", "/build/_shared/react-B.js"],
    },
  },
};
const gz = (url: string) => zlib.gzipSync(Buffer.from(files[url]!)).length;

beforeAll(() => {
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "route-scripts-"));
  for (const [url, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(publicDir, url)), { recursive: true });
    fs.writeFileSync(path.join(publicDir, url), text);
  }
  fs.writeFileSync(path.join(publicDir, "build", "manifest-0123ABCD.js"), `window.__remixManifest=${JSON.stringify(manifest)};`);
});
afterAll(() => fs.rmSync(publicDir, { recursive: true, force: true }));

describe("JavaScript per route", () => {
  test("the manifest is read from the file Remix writes", () => {
    expect(readManifest(publicDir)).toEqual(manifest);
  });

  test("a route counts the entry, its parents' modules and its own imports, each file once, largest first", () => {
    const base = gz("/build/entry.client-A.js") + gz("/build/_shared/react-B.js");
    const root = base + gz("/build/root-C.js");
    expect(routeScripts(publicDir)).toEqual([
      { route: "routes/teams.$id", files: 5, gzipped: root + gz("/build/routes/teams.$id-F.js") + gz("/build/_shared/forms-D.js") },
      { route: "routes/items.new", files: 5, gzipped: root + gz("/build/routes/items.new-E.js") + gz("/build/_shared/forms-D.js") },
      { route: "root", files: 3, gzipped: root },
    ]);
  });

  test("the verdict names the largest route and counts those above 100 kB", () => {
    const list = [
      { route: "routes/teams.$id", files: 20, gzipped: 116_900 },
      { route: "routes/items.new", files: 18, gzipped: 99_000 },
    ];
    const verdict = verdicts([], null, list).find((v) => v.target.startsWith("every route's JavaScript"));
    expect(verdict).toEqual({
      target: "every route's JavaScript ≤ 100 kB gzipped (build manifest, 2 routes)",
      value: "largest 116.9 kB (routes/teams.$id); 1 above",
      met: false,
    });
    expect(verdicts([], null, list.slice(1)).find((v) => v.target.startsWith("every route's JavaScript"))?.met).toBe(true);
  });
});
