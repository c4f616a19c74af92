import type { Locale } from "./enums";
import type { MessageKey } from "./dictionary";
// The whole dictionary, on the server only: in the browser a `.server` module is empty, and the
// page's strings come from the document, the rest on first use (provideMessages, app/components/i18n.tsx).
import * as everything from "./dictionary.server";

export type { MessageKey } from "./dictionary";

// The strings this process knows. The server knows them all; the browser starts with the strings
// the server rendered into the page (1–5 kB instead of the ≈40 kB gzipped dictionary)
// and is given the rest when the user first does something on the page.
const known: Record<Locale, Partial<Record<MessageKey, string>>> = everything.dictionaries
  ? everything.dictionaries
  : { id: {}, en: {} };
const complete = Boolean(everything.dictionaries);

let version = 0;
const listeners = new Set<() => void>();
let onMissing: ((locale?: Locale) => void) | undefined;
let onUse: ((locale: Locale, key: MessageKey) => void) | undefined;
let onAbsent: ((key: string) => void) | undefined;
// texts the server asked about and found not to be keys (a field without a label of its own…): the
// browser then answers the same without waiting for its dictionary
const absent = new Set<string>();

/** Texts the server found not to be keys while rendering the page (the browser's `isMessageKey` answers false). */
export function provideAbsentKeys(keys: readonly string[]): void {
  for (const key of keys) absent.add(key);
}

/** Adds strings to what the browser knows (the page's own, or a whole language); views re-render. */
export function provideMessages(locale: Locale, table: Partial<Record<MessageKey, string>>): void {
  Object.assign(known[locale], table);
  version += 1;
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`: the views that translate re-render when strings arrive. */
export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function messagesVersion(): number {
  return version;
}

/** Called (in the browser) when a view asks for a string it does not have yet. */
export function whenMessageMissing(handler: (locale?: Locale) => void): void {
  onMissing = handler;
}

/** A message as written, its {parameters} unfilled (undefined when not known here). */
export function messageText(locale: Locale, key: MessageKey): string | undefined {
  return known[locale][key];
}

/** The id of the document's JSON with the strings the page rendered. */
export const PAGE_MESSAGES_ID = "app-messages";

/** Called (on the server) with every text `isMessageKey` finds not to be a key. */
export function whenMessageAbsent(handler: (key: string) => void): void {
  onAbsent = handler;
}

/** Called (on the server) with every string a render uses, to send them with the page. */
export function whenMessageUsed(handler: (locale: Locale, key: MessageKey) => void): void {
  onUse = handler;
}

/**
 * A translator: only dictionary keys are accepted (a misspelt key does not compile). Keys built
 * from stored values go through `labelKey`, texts that may or may not be keys (a schema's error
 * message, a notification's kind) through `textKey`.
 */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// the shape of every key (tests/unit/i18n.test.ts): a text of another shape (a name, a title, a
// sentence) is not asked of the dictionary, nor noted as absent, nor waited for in the browser
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

export function isMessageKey(key: string): key is MessageKey {
  if (!KEY_SHAPE.test(key)) return false;
  if (complete) {
    if (key in known.id) return true;
    onAbsent?.(key);
    return false;
  }
  // the browser answers from what it knows: the keys the page rendered and the texts the server
  // found not to be keys, every key once its language has loaded
  if (key in known.id || key in known.en) return true;
  if (!absent.has(key)) onMissing?.();
  return false;
}

/** Families of keys named `<family>.<value>`, for values stored as text (statuses, states, roles…). */
export type LabelFamily =
  | "status"
  | "milestone.state"
  | "verdict"
  | "verdict.sentence"
  | "triDharma"
  | "item.visibility"
  | "campusType"
  | "indicator.direction"
  | "role"
  | "memberSide"
  | "memberSideShort"
  | "memberRole"
  | "quarters.compare"
  | "publik.scope"
  | "briefing.light"
  | "agreement.status"
  | "agreement.kind"
  | "export.visibility"
  | "export.obstacleStatus"
  | "unitKind"
  | "obstacle.ownerSide";

/** The key naming `value` in `family`; a value the dictionary does not know reads "unknown". */
export function labelKey(family: LabelFamily, value: string): MessageKey {
  const key = `${family}.${value}`;
  return isMessageKey(key) ? key : "label.unknown";
}

/** `text` if it is a dictionary key, else `fallback` (a raw text is never shown in its place). */
export function textKey(text: string, fallback: MessageKey): MessageKey {
  return isMessageKey(text) ? text : fallback;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

// A message may choose its words by a number, in ICU's form:
// "{count, plural, one {# item} other {# items}}" (`=0 {…}` for an exact value; `#` is the number).
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function choosePlural(locale: Locale, text: string, params: Record<string, string | number>): string {
  return text.replace(PLURAL, (_, name: string, cases: string) => {
    const n = Number(params[name]);
    const forms = new Map<string, string>();
    for (const [, selector, form] of cases.matchAll(PLURAL_CASE)) forms.set(selector!, form!);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_LOCALE[locale])));
    const form = forms.get(`=${n}`) ?? forms.get(rules.select(n)) ?? forms.get("other") ?? "";
    return form.replace(/#/g, String(params[name]));
  });
}

/** A translator for a locale. */
export function translator(locale: Locale): Translate {
  const dictionary = known[locale];
  return (key, params) => {
    onUse?.(locale, key);
    let text = dictionary[key];
    if (text === undefined) {
      if (complete) return key;
      // the browser has not been given this string yet: asked for, and the view re-renders with it
      onMissing?.(locale);
      text = "";
    }
    if (!params) return text;
    return choosePlural(locale, text, params).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/**
 * The first of our languages in a browser's Accept-Language (by q-value, then order), or null
 * when it names neither: "en-US,en;q=0.9,id;q=0.8" → en, "id-ID,id" → id, "fr" → null.
 */
export function preferredLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.find((p) => p.startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.weight > 0 && !Number.isNaN(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { language } of ranked) {
    if (language === "id" || language === "in") return "id";
    if (language === "en") return "en";
  }
  return null;
}

// Building an Intl formatter is costly (about 100 µs); a page formats thousands of values, so each
// locale's formatters are made once and reused. They are keyed by the options object itself (the
// options below are constants), so a call costs a lookup, not a JSON.stringify of the options.
const formatters = new WeakMap<object, Partial<Record<Locale, Intl.DateTimeFormat | Intl.NumberFormat>>>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(locale: Locale, options: object, make: () => F): F {
  let byLocale = formatters.get(options);
  if (!byLocale) formatters.set(options, (byLocale = {}));
  return ((byLocale[locale] as F | undefined) ??= make());
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeZone: "UTC" };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" };
/** Whole numbers, one decimal, two decimals… (index = digits). */
const FIXED_DIGITS: Intl.NumberFormatOptions[] = [0, 1, 2, 3, 4].map((d) => ({ minimumFractionDigits: d, maximumFractionDigits: d }));
const UP_TO_TWO_DIGITS: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const RUPIAH: Intl.NumberFormatOptions = { style: "currency", currency: "IDR", maximumFractionDigits: 0 };

function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(locale, options, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options));
}

function numberFormatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(locale, options, () => new Intl.NumberFormat(INTL_LOCALE[locale], options));
}

export function formatDate(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return dateFormatter(locale, DATE).format(new Date(date));
}

export function formatDateTime(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return dateFormatter(locale, DATE_TIME).format(new Date(date));
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  const options = FIXED_DIGITS[digits] ?? { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return numberFormatter(locale, options).format(value);
}

/** Up to two decimals, without trailing zeros (indicator values). */
export function formatUpToTwoDecimals(value: number, locale: Locale): string {
  return numberFormatter(locale, UP_TO_TWO_DIGITS).format(value);
}

export function formatPercent(value: number, locale: Locale, digits = 0): string {
  return `${formatNumber(value, locale, digits)} %`;
}

export function formatIdr(value: number, locale: Locale): string {
  return numberFormatter(locale, RUPIAH).format(value);
}
