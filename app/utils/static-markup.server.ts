import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { StaticRenderer } from "~/components/static-markup";
import { newMessageNotes, noteMessages, notingMessages, type MessageNotes } from "./page-messages.server";

// The HTML of each StaticMarkup part, per source object: when a cached query replaces its value
// (the data changed), the old object and the HTML rendered from it go with it.
const rendered = new WeakMap<object, Map<string, { html: string; messages: MessageNotes }>>();

/** Renders a part once per source and key (the language); the strings it used are noted for every page that shows it. */
export const renderStaticMarkup: StaticRenderer = (source: object, key: string, element: () => ReactElement) => {
  let byKey = rendered.get(source);
  if (!byKey) rendered.set(source, (byKey = new Map()));
  let part = byKey.get(key);
  if (!part) {
    const messages = newMessageNotes();
    const html = notingMessages(messages, () => renderToStaticMarkup(element()));
    part = { html, messages };
    byKey.set(key, part);
  }
  noteMessages(part.messages);
  return part.html;
};
