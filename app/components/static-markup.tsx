import { createContext, useContext, useState, type ReactElement } from "react";
import { LocaleProvider, useLocale } from "./locale";

// The long read-only lists of the busiest pages (the campus workspace's items, the dashboard's
// tables) cost most of their server time in React rendering the same elements for every viewer.
// A StaticMarkup part is rendered to HTML once per value of its source (an object kept by a cached
// query until the data changes: app/utils/data-cache.server.ts) and language, and that HTML is sent
// as it is until the source is replaced (docs/decisions/004, "Pages that only read, and lists rendered once").
//
// The part's HTML must depend on nothing but its source and the language: its render reads only
// the source it is given (one object holding all the part shows, e.g. the dashboard's
// `table`: rows, sort and filters), and it uses no Remix hook (its links are PageLinks or plain
// anchors). A source is shared only by viewers who may see all of it: it comes from a query whose
// key holds the viewer's scope, or is derived once per kind of viewer (the item page's history,
// with or without the evidence). Two parts never share a source object: the HTML kept for a source
// is the first part's (the item page's chart has a source of its own beside its history's).

/** The server's renderer (app/utils/static-markup.server.ts), given by app/entry.server.tsx. */
export type StaticRenderer = (source: object, key: string, element: () => ReactElement) => string;

export const StaticMarkupContext = createContext<StaticRenderer | null>(null);

let hydrated = false;

/** Called once the document has hydrated: a part mounted later (a navigation) renders itself. */
export function documentHydrated(): void {
  hydrated = true;
}

/** The HTML the server sent for the part with this id (read while the document hydrates). */
function serverHtml(id: string): string | null {
  return document.querySelector(`[data-markup="${CSS.escape(id)}"]`)?.innerHTML ?? null;
}

export function StaticMarkup<T extends object>({
  name: id,
  source,
  className,
  render,
}: {
  /**
   * The part's name, one per page: the browser finds the server's HTML of the part by it (not an id
   * from useId: React's on the server and Preact's in the browser differ, decision 012).
   */
  name: string;
  /** One object holding all the part shows (its HTML is kept as long as this object is the value). */
  source: T;
  className?: string;
  render: (source: T) => ReactElement;
}) {
  const locale = useLocale();
  const renderer = useContext(StaticMarkupContext);
  // mounted while the document hydrates: the server's HTML stays until the data changes (a render
  // without the renderer and without a document, as in a test, renders the part itself)
  const [kept] = useState(() => (renderer || hydrated || typeof document === "undefined" ? null : { source, html: serverHtml(id) }));
  if (renderer) {
    const html = renderer(source, locale, () => <LocaleProvider value={locale}>{render(source)}</LocaleProvider>);
    return <div data-markup={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  if (kept && kept.source === source && kept.html !== null) {
    return <div key="server" data-markup={id} className={className} dangerouslySetInnerHTML={{ __html: kept.html }} />;
  }
  return (
    <div key="live" data-markup={id} className={className}>
      {render(source)}
    </div>
  );
}
