import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

// The server-rendered page is complete and works without JavaScript: let the browser paint it
// first, then hydrate (a timeout queued from an animation frame runs after that frame's paint).
// On a slow phone hydrating the item page takes seconds of CPU; before, it delayed the first paint.
if (document.visibilityState === "hidden") setTimeout(hydrate, 0);
else requestAnimationFrame(() => setTimeout(hydrate, 0));
