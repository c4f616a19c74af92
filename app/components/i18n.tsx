import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useSyncExternalStore } from "react";
import { messagesVersion, PAGE_MESSAGES_ID, provideAbsentKeys, provideMessages, subscribeMessages, translator, whenMessageMissing, type Translate } from "~/domain/i18n";
import { LOCALES, isOneOf, type Locale } from "~/domain/enums";
import type { loader as rootLoader } from "~/root";
import { loadOnce } from "~/utils/load-once";
import { LocaleProvider, useLocale } from "./locale";

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>("root");
}

/** The language the root loader chose for the reader (cookie, then the browser's preference). */
export function useRootLocale(): Locale {
  return useRootData()?.locale ?? "id";
}

export { LocaleProvider, useLocale };

/** Re-renders the calling view when the browser is given more strings (the dictionary, loaded on first use). */
export function useMessagesArrival(): void {
  useSyncExternalStore(subscribeMessages, messagesVersion, messagesVersion);
}

export function useT(): Translate {
  useMessagesArrival();
  return translator(useLocale());
}

const languages: Record<Locale, () => Promise<void>> = {
  id: loadOnce(() => import("~/domain/dictionary-id").then(({ messages }) => provideMessages("id", messages))),
  en: loadOnce(() => import("~/domain/dictionary-en").then(({ messages }) => provideMessages("en", messages))),
};

/** A language's whole dictionary, fetched once (its own script, cached by the browser like the others). */
export function loadAllMessages(locale: Locale): Promise<void> {
  return languages[locale]();
}

const FIRST_USE = ["pointerdown", "keydown", "focusin", "touchstart", "click", "submit"] as const;

/**
 * In the browser, before hydration: the strings the server rendered into the page are given to
 * the translators; the rest of the page's language is loaded when the user first touches, types,
 * focuses, clicks or submits anything, or as soon as a view asks for a string the page did not
 * bring (then in that string's language). A page only read never loads it.
 */
export function startPageMessages(document: Document): void {
  const element = document.getElementById(PAGE_MESSAGES_ID);
  if (element?.textContent) {
    const page = JSON.parse(element.textContent) as { strings?: Record<string, Record<string, string>>; absent?: string[] };
    provideAbsentKeys(page.absent ?? []);
    for (const [locale, table] of Object.entries(page.strings ?? {})) if (isOneOf(LOCALES, locale)) provideMessages(locale, table);
  }
  pageLocale = isOneOf(LOCALES, document.documentElement?.lang) ? document.documentElement.lang : "id";
  const loadSoon = (locale: Locale = pageLocale) =>
    void loadAllMessages(locale).catch(() => listenForFirstUse(document, loadSoon)); // offline: the next use tries again
  whenMessageMissing((locale) => queueMicrotask(() => loadSoon(locale)));
  listenForFirstUse(document, loadSoon);
}

let pageLocale: Locale = "id";

let listening = false;

function listenForFirstUse(document: Document, load: () => void): void {
  if (listening) return; // one set of listeners, however many fetches failed
  listening = true;
  const onFirstUse = () => {
    listening = false;
    for (const type of FIRST_USE) document.removeEventListener(type, onFirstUse, true);
    load();
  };
  for (const type of FIRST_USE) document.addEventListener(type, onFirstUse, { capture: true, passive: true });
}

type Router = { navigate: (...args: never[]) => Promise<void> };
const waiting = new WeakSet<Router>();

/**
 * A new screen never shows without its words: the router's navigations (links, forms, and the
 * redirects they lead to) first wait for the reader's language, at once when it is already here.
 * If it cannot be fetched the navigation goes on, and the next use tries again.
 */
export function navigationsAwaitMessages(router: Router, locale: Locale): void {
  if (waiting.has(router)) return;
  waiting.add(router);
  const navigate = router.navigate;
  router.navigate = (...args) =>
    loadAllMessages(locale)
      .catch(() => undefined)
      .then(() => navigate(...args));
}

/** Once, after hydration: Remix's router (the one its links and forms call) waits for the language. */
export function useMessagesBeforeNavigation(): void {
  useEffect(() => {
    const router = (window as { __remixRouter?: Router }).__remixRouter;
    if (router) navigationsAwaitMessages(router, pageLocale);
  }, []);
}
