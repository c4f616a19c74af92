import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { startPageMessages } from "./components/i18n";
import { holdEventsUntil } from "./utils/hold-events";

startPageMessages(document);

// React hydrates in a transition, and RemixBrowser suspends it until the page's data is decoded. A
// tap or keystroke in that time made React hydrate synchronously, met the suspension with no
// boundary to catch it, and gave up (React error 345): on a slow phone, a page filled in at once
// never hydrated. Until Remix's router exists (the data decoded), the page's events go to the
// browser alone, as on a page without scripts; from then on React hydrates on them as designed.
holdEventsUntil(document, () => "__remixRouter" in window);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
