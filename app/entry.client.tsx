import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { startPageMessages } from "./components/i18n";
import { holdEventsUntil } from "./utils/hold-events";

startPageMessages(document);

// A production build hydrates with Preact's React compatibility layer, development with React
// (docs/decisions/012-preact-in-the-browser.md). Until Remix's router exists (the data decoded, the
// first render begun), the page's events go to the browser alone, as on a page without scripts: with
// React, a tap or keystroke while RemixBrowser was suspended made React hydrate synchronously, meet
// the suspension with no boundary to catch it, and give up (React error 345).
holdEventsUntil(document, () => "__remixRouter" in window);

/**
 * The page's data decoded. RemixBrowser suspends until the data stream in the document is decoded
 * (single fetch): React absorbs that in its root transition, Preact has nothing at the root to hold
 * it. So hydration starts once the data is here: RemixBrowser's first call, outside any render,
 * starts the decoding and throws its promise (before it reaches any hook).
 */
async function pageDataDecoded(): Promise<void> {
  // no data stream to decode: nothing to wait for (RemixBrowser would not suspend)
  if (!(window as unknown as { __remixContext?: { stream?: unknown } }).__remixContext?.stream) return;
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (thrown) {
    if (thrown instanceof Promise) return thrown.then(() => undefined);
    throw thrown;
  }
}

/**
 * Where the document is hydrated. React takes the document. Preact hydrates the children of the node
 * it is given (matching each element against that node's children), so it gets a stand-in parent
 * whose one child is <html>, the element the root renders.
 */
function documentContainer(): Document | Element {
  if (process.env.BROWSER_RENDERER !== "preact") return document;
  const html = document.documentElement;
  const replace = (node: Node) => document.replaceChild(node, html);
  return { childNodes: [html], firstChild: html, insertBefore: replace, appendChild: replace } as unknown as Element;
}

void pageDataDecoded().then(() =>
  startTransition(() => {
    hydrateRoot(
      documentContainer(),
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
