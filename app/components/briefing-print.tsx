import { useEffect, useState } from "react";
import { useT } from "./i18n";

// Printing the briefing: A4 portrait, the app's header, navigation and footer hidden (they carry
// "no-print"), small type so the briefing fits on one sheet. Scoped to this page by being rendered
// by it; `@page` applies to the whole printed document, which is this page.
const PRINT_CSS = `
@page { size: A4; margin: 14mm; }
@media print {
  /* every Tailwind size is in rem: a smaller root shrinks type and spacing alike (text-sm ≈ 7.5 pt) */
  html { font-size: 11.5px; }
  html, body { background: #fff !important; }
  /* min-h-screen is a full sheet in print: with anything above it, a blank second page */
  body { min-height: 0 !important; }
  #main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .briefing { line-height: 1.3; color: #000; }
  .briefing .text-sm, .briefing .text-xs, .briefing li { line-height: 1.3; }
  .briefing ul > li + li { margin-top: 0.15rem !important; }
  .briefing .card { box-shadow: none !important; padding: 1.5mm 2mm !important; border-color: #cbd5e1 !important; }
  .briefing .table-wrap { overflow: visible !important; border: 0 !important; }
  .briefing .table-wrap th, .briefing .table-wrap td { padding: 0.4mm 1.5mm !important; }
  .briefing section { break-inside: avoid; }
  .briefing a { color: inherit !important; text-decoration: none !important; }
  .briefing * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function BriefingPrintStyle() {
  return <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />;
}

/**
 * Opens the browser's print dialog. Until the page is hydrated (and so always without
 * JavaScript) the button could do nothing: a hint to use the browser's own menu stands in its
 * place. A <noscript> would do the same without JavaScript but not before hydration.
 */
export function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      {ready ? (
        <button type="button" className="btn" onClick={() => window.print()}>
          {t("briefing.print")}
        </button>
      ) : (
        <p className="text-sm text-slate-700">{t("briefing.printHint")}</p>
      )}
    </div>
  );
}
