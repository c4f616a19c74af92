import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "~/domain/enums";
import { messageText, PAGE_MESSAGES_ID, whenMessageUsed, type MessageKey } from "~/domain/i18n";

// The strings a page renders travel with the page, so the browser's bundle carries no dictionary
// (≈40 kB gzipped): while a document renders, every key its translators use is noted, and the
// document ends with those strings as JSON (about 1–3 kB), which app/entry.client.tsx gives to the
// browser's translators before it hydrates. The whole dictionary is loaded on first use.

type Used = Map<Locale, Set<MessageKey>>;

const rendering = new AsyncLocalStorage<Used>();

whenMessageUsed((locale, key) => {
  const used = rendering.getStore();
  if (!used) return;
  let keys = used.get(locale);
  if (!keys) used.set(locale, (keys = new Set()));
  keys.add(key);
});

/** Runs `render` noting the strings it (and the work it schedules) translates. */
export function notingMessages<T>(used: Used, render: () => T): T {
  return rendering.run(used, render);
}

export function newMessageNotes(): Used {
  return new Map();
}

/** The `<script type="application/json">` with the strings a render used, per language. */
export function pageMessagesScript(used: Used): string {
  const tables: Partial<Record<Locale, Record<string, string>>> = {};
  for (const [locale, keys] of used) {
    const table: Record<string, string> = {};
    // the text as written (with its {params}): the browser's translator fills them
    for (const key of keys) table[key] = messageText(locale, key) ?? key;
    tables[locale] = table;
  }
  // `<` escaped: no text can close the script element
  const json = JSON.stringify(tables).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${PAGE_MESSAGES_ID}">${json}</script>`;
}
