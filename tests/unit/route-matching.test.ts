import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server's route matching with patches/@remix-run+router+1.23.3.patch (issue #17): the ranked
// branches of a routes array are kept with it and a pattern's expression compiled once. The server
// (Remix's server runtime) loads the router's CommonJS build, which is the file patched.

const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "items", path: "items/:itemId" },
      { id: "itemEdit", path: "items/:itemId/edit" },
      { id: "campus", path: "campuses/:slug" },
      { id: "exact", path: "Laporan", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (path: string, within: typeof routes = routes) => router.matchRoutes(within, path)?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("is the patched build", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPaths");
  });

  it("matches every path against one routes array as it did before the patch", () => {
    expect(ids("/")).toEqual(["root", "home"]);
    expect(ids("/items/abc")).toEqual(["root", "items"]);
    expect(router.matchRoutes(routes, "/items/abc")?.at(-1)?.params).toEqual({ itemId: "abc" });
    expect(ids("/items/abc/edit")).toEqual(["root", "itemEdit"]);
    expect(router.matchRoutes(routes, "/campuses/itb")?.at(-1)?.params).toEqual({ slug: "itb" });
    expect(ids("/tidak-ada/lagi")).toEqual(["root", "splat"]);
    // the same array again, after its branches are kept: still the most specific route wins
    expect(ids("/items/xyz")).toEqual(["root", "items"]);
  });

  it("keeps a case-sensitive pattern apart from the same path without case", () => {
    expect(ids("/Laporan")).toEqual(["root", "exact"]);
    expect(ids("/laporan")).toEqual(["root", "splat"]);
    expect(router.matchPath({ path: "/laporan", caseSensitive: false }, "/LAPORAN")).not.toBeNull();
    expect(router.matchPath({ path: "/laporan", caseSensitive: true }, "/LAPORAN")).toBeNull();
    expect(router.matchPath({ path: "/laporan", end: false }, "/laporan/2026")).not.toBeNull();
    expect(router.matchPath({ path: "/laporan", end: true }, "/laporan/2026")).toBeNull();
  });

  it("matches another routes array by its own routes", () => {
    const other = [{ id: "only", path: "items/:itemId" }];
    expect(ids("/items/abc", other as typeof routes)).toEqual(["only"]);
    expect(ids("/campuses/itb", other as typeof routes)).toBeNull();
    expect(ids("/campuses/itb")).toEqual(["root", "campus"]);
  });

  it("finds a route discovered lazily (added to a routes array it has already ranked)", async () => {
    const lazyRouter = router.createRouter({
      routes: [{ id: "home", path: "/" }],
      history: router.createMemoryHistory(),
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === "/nanti") patch(null, [{ id: "later", path: "nanti" }]);
      },
    }).initialize();
    expect(lazyRouter.state.matches.map((m) => m.route.id)).toEqual(["home"]);
    await lazyRouter.navigate("/nanti");
    expect(lazyRouter.state.matches.map((m) => m.route.id)).toEqual(["later"]);
    lazyRouter.dispose();
  });
});
