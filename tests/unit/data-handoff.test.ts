import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Links, Meta, Outlet, RemixServer, Scripts, useLoaderData } from "@remix-run/react";
import { Writable } from "node:stream";
import { createElement as h } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

// With patches/@remix-run+server-runtime+2.17.5.patch and patches/@remix-run+react+2.17.5.patch
// (issue #17): a document's loader data is encoded for the browser (turbo-stream) only when the page
// renders <Scripts>; a page sent without scripts (`handle = { hydrate: false }`) never pays for it.
// Here through Remix's own request handler, with a small build of one root route.

const LOADER_DATA = { greeting: "Selamat datang di Banten" };

function appBuild(withScripts: boolean, reads: { handoff: number }, failFirstRender = false): ServerBuild {
  let renders = 0;
  function Root() {
    const data = useLoaderData<typeof LOADER_DATA>();
    return h(
      "html",
      { lang: "id" },
      h("head", null, h(Meta), h(Links)),
      h("body", null, h("p", null, data.greeting), h(Outlet), withScripts ? h(Scripts) : null),
    );
  }
  function ErrorBoundary() {
    return h("html", { lang: "id" }, h("head", null, h(Meta), h(Links)), h("body", null, h("p", null, "Terjadi kesalahan"), h(Scripts)));
  }
  function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
    renders += 1;
    // Remix renders a second time, with the error, when the first render throws
    if (failFirstRender && renders === 1) throw new Error("the first render fails");
    // count every read of the encoded data (the patched context encodes it on the first read)
    const lazy = Object.getOwnPropertyDescriptor(context, "serverHandoffStream");
    expect(lazy?.get).toBeTypeOf("function");
    Object.defineProperty(context, "serverHandoffStream", {
      get() {
        reads.handoff += 1;
        return lazy!.get!.call(context);
      },
    });
    return new Promise<Response>((resolve, reject) => {
      let html = "";
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          html += chunk.toString("utf8");
          done();
        },
        final(done) {
          resolve(new Response(html, { status, headers: { ...Object.fromEntries(headers), "Content-Type": "text/html" } }));
          done();
        },
      });
      const { pipe } = renderToPipeableStream(h(RemixServer, { context, url: request.url }), {
        onAllReady: () => pipe(sink),
        onShellError: reject,
      });
    });
  }
  return {
    mode: "production",
    entry: { module: { default: handleRequest } },
    routes: {
      root: { id: "root", path: "", module: { default: Root, loader: () => LOADER_DATA, ErrorBoundary } },
    },
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: {
        root: { id: "root", path: "", module: "/build/root.js", hasAction: false, hasLoader: true, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: true },
      },
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function page(withScripts: boolean, failFirstRender = false) {
  const reads = { handoff: 0 };
  const handler = createRequestHandler(appBuild(withScripts, reads, failFirstRender), "production");
  const response = await handler(new Request("http://localhost/"));
  return { status: response.status, html: await response.text(), reads: reads.handoff };
}

describe("a document's data for the browser", () => {
  it("is not encoded for a page without scripts", async () => {
    const { status, html, reads } = await page(false);
    expect(status).toBe(200);
    expect(html).toContain("Selamat datang di Banten");
    expect(html).not.toMatch(/<script\b/);
    expect(reads).toBe(0);
  });

  it("is encoded into the page that hydrates, as before the patch", async () => {
    const { status, html, reads } = await page(true);
    expect(status).toBe(200);
    expect(reads).toBe(1);
    const enqueued = /streamController\.enqueue\((".*?")\);/.exec(html)?.[1];
    expect(enqueued).toBeDefined();
    // the loader's data, in turbo-stream's encoding
    expect(JSON.parse(enqueued!)).toContain("Selamat datang di Banten");
    expect(html).toContain("window.__remixContext.streamController.close()");
  });

  it("is encoded again for the second render Remix makes after a failed one", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const { status, html, reads } = await page(true, true);
      expect(status).toBe(500);
      expect(html).toContain("Terjadi kesalahan");
      // only the second render read (and so encoded) the data: the one the browser receives
      expect(reads).toBe(1);
      expect(html).toMatch(/streamController\.enqueue\(".*?"\);/);
      expect(html).toContain("window.__remixContext.streamController.close()");
    } finally {
      console.error = original;
    }
  });
});
