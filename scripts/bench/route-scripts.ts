import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// JavaScript per route (issue #17), from the build's manifest: what a document load of the route
// brings when the route is hydrated, that is the entry and its imports, then the modules (and their
// imports) of the route and of every route above it, each file once, gzipped on its own as the
// server's compression sends it. A route sent without scripts (`handle.hydrate === false`) brings
// none of it on a document load; the figure is then what the browser loads to render it after a
// navigation inside the app. The bench prints it for every route of the build.

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

export type RouteScripts = { route: string; files: number; gzipped: number };

/** The manifest Remix wrote into `publicDir`/build (`window.__remixManifest={…};`). */
export function readManifest(publicDir: string): Manifest {
  const dir = path.join(publicDir, "build");
  const file = fs.readdirSync(dir).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error(`No Remix manifest in ${dir}: build the app first`);
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

/** Every route's script files and their gzipped size, largest first. */
export function routeScripts(publicDir: string, manifest: Manifest = readManifest(publicDir)): RouteScripts[] {
  const sizes = new Map<string, number>();
  const gzipped = (url: string) => {
    let size = sizes.get(url);
    if (size === undefined) sizes.set(url, (size = zlib.gzipSync(fs.readFileSync(path.join(publicDir, url))).length));
    return size;
  };
  return Object.values(manifest.routes)
    .map((route) => {
      const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
      const chain: ManifestRoute[] = [];
      for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) chain.unshift(r);
      for (const r of chain) for (const url of [r.module, ...(r.imports ?? [])]) files.add(url);
      return { route: route.id, files: files.size, gzipped: [...files].reduce((sum, url) => sum + gzipped(url), 0) };
    })
    .sort((a, b) => b.gzipped - a.gzipped || a.route.localeCompare(b.route));
}
