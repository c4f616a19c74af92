import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "~/domain/enums";
import { messageText, PAGE_MESSAGES_ID, whenMessageAbsent, whenMessageUsed, type MessageKey } from "~/domain/i18n";

// The strings a page renders travel with the page, so the browser's bundle carries no dictionary
// (≈40 kB gzipped): while a document renders, every key its translators use is noted, and the
// document ends with those strings as JSON (about 1–5 kB), which app/entry.client.tsx gives to the
// browser's translators before it hydrates. The whole dictionary is loaded on first use.

export type MessageNotes = { keys: Map<Locale, Set<MessageKey>>; absent: Set<string> };
type Used = MessageNotes;

const rendering = new AsyncLocalStorage<Used>();

whenMessageUsed((locale, key) => {
  const used = rendering.getStore();
  if (!used) return;
  let keys = used.keys.get(locale);
  if (!keys) used.keys.set(locale, (keys = new Set()));
  keys.add(key);
});

// a text the render asked about and found not to be a key: the browser must answer the same
whenMessageAbsent((key) => rendering.getStore()?.absent.add(key));

/** Runs `render` noting the strings it (and the work it schedules) translates. */
export function notingMessages<T>(used: Used, render: () => T): T {
  return rendering.run(used, render);
}

/** Adds strings noted earlier (a part rendered once and sent again) to the page being rendered. */
export function noteMessages(notes: Used): void {
  const used = rendering.getStore();
  if (!used) return;
  for (const [locale, keys] of notes.keys) {
    let into = used.keys.get(locale);
    if (!into) used.keys.set(locale, (into = new Set()));
    for (const key of keys) into.add(key);
  }
  for (const text of notes.absent) used.absent.add(text);
}

export function newMessageNotes(): Used {
  return { keys: new Map(), absent: new Set() };
}

/**
 * The `<script type="application/json">` with the strings a render used, per language
 * (`strings`), and the texts it found not to be keys (`absent`).
 */
export function pageMessagesScript(used: Used): string {
  const tables: Partial<Record<Locale, Record<string, string>>> = {};
  for (const [locale, keys] of used.keys) {
    const table: Record<string, string> = {};
    // the text as written (with its {params}): the browser's translator fills them
    for (const key of keys) table[key] = messageText(locale, key) ?? key;
    tables[locale] = table;
  }
  return `<script type="application/json" id="${PAGE_MESSAGES_ID}">${jsonInScript({ strings: tables, absent: [...used.absent] })}</script>`;
}

/** JSON to put inside a <script> element: every `<` escaped, so no text can end the element or open a comment. */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
