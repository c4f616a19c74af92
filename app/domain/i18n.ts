import type { Locale } from "./enums";
import * as admin from "./messages/admin";
import * as agreements from "./messages/agreements";
import * as audit from "./messages/audit";
import * as briefing from "./messages/briefing";
import * as checkIn from "./messages/check-in";
import * as core from "./messages/core";
import * as dashboard from "./messages/dashboard";
import * as exportsMessages from "./messages/exports";
import * as indicators from "./messages/indicators";
import * as importMessages from "./messages/import";
import * as items from "./messages/items";
import * as mail from "./messages/mail";
import * as reminders from "./messages/reminders";
import * as search from "./messages/search";
import * as milestones from "./messages/milestones";
import * as pages from "./messages/pages";
import * as quarters from "./messages/quarters";
import * as roadmap from "./messages/roadmap";
import * as teams from "./messages/teams";
import * as units from "./messages/units";
import * as unitAdmin from "./messages/unit-admin";
import * as obstacles from "./messages/obstacles";

// The dictionary: every text a user reads, Bahasa Indonesia first. Each area keeps its messages
// in app/domain/messages/<area>.ts as an `id` table and an `en` table with exactly the same keys
// (the type of `en` enforces it); add a new area to MODULES.
const MODULES = [core, audit, teams, admin, items, dashboard, milestones, quarters, reminders, roadmap, exportsMessages, indicators, briefing, mail, checkIn, agreements, search, importMessages, pages, units, unitAdmin, obstacles] as const;

type Merge<T extends readonly { id: Record<string, string> }[]> = T[number]["id"];
type Ids = { [K in keyof UnionToIntersection<Merge<typeof MODULES>>]: string };
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export type MessageKey = keyof Ids & string;

const id = Object.assign({}, ...MODULES.map((m) => m.id)) as Record<MessageKey, string>;
const en = Object.assign({}, ...MODULES.map((m) => m.en)) as Record<MessageKey, string>;


const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

/**
 * A translator: only dictionary keys are accepted (a misspelt key does not compile). Keys built
 * from stored values go through `labelKey`, texts that may or may not be keys (a schema's error
 * message, a notification's kind) through `textKey`.
 */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
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
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key] ?? key;
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
  return numberFormatter(locale, { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(value);
}
