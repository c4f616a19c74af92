import { useEffect, useState } from "react";
import { PRINT_ATTRIBUTE } from "~/utils/plain-page";
import { useT } from "./i18n";

// Printing the briefing: its print style sheet (briefing-print.css) is linked in the document's
// head by the briefing route alone (a <style> in the body is invalid HTML).

/**
 * Opens the browser's print dialog. Until the page is hydrated, or on a document load of the
 * briefing (sent without React, like the dashboard), until the page's inline script has run
 * (app/utils/plain-page.ts, which puts the same button in the box), and so always without
 * JavaScript, the button could do nothing: a hint to use the browser's own menu stands in its
 * place. A <noscript> would do the same without JavaScript but not before hydration.
 */
export function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  // translated on the server too, though only the browser shows it: the page then brings the
  // button's label with its strings (app/utils/page-messages.server.ts)
  const print = t("briefing.print");
  return (
    <div className="no-print flex flex-wrap items-center gap-2" {...{ [PRINT_ATTRIBUTE]: print }}>
      {ready ? (
        <button type="button" className="btn" onClick={() => window.print()}>
          {print}
        </button>
      ) : (
        <p className="text-sm text-slate-700">{t("briefing.printHint")}</p>
      )}
    </div>
  );
}
