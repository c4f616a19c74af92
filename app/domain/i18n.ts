import type { Locale } from "./enums";
import * as admin from "./messages/admin";
import * as audit from "./messages/audit";
import * as briefing from "./messages/briefing";
import * as core from "./messages/core";
import * as dashboard from "./messages/dashboard";
import * as exportsMessages from "./messages/exports";
import * as indicators from "./messages/indicators";
import * as items from "./messages/items";
import * as reminders from "./messages/reminders";
import * as milestones from "./messages/milestones";
import * as quarters from "./messages/quarters";
import * as roadmap from "./messages/roadmap";
import * as teams from "./messages/teams";

// The dictionary: every text a user reads, Bahasa Indonesia first. Each area keeps its messages
// in app/domain/messages/<area>.ts as an `id` table and an `en` table with exactly the same keys
// (the type of `en` enforces it); add a new area to MODULES.
const MODULES = [core, audit, teams, admin, items, dashboard, milestones, quarters, reminders, roadmap, exportsMessages, indicators, briefing] as const;

type Merge<T extends readonly { id: Record<string, string> }[]> = T[number]["id"];
type Ids = { [K in keyof UnionToIntersection<Merge<typeof MODULES>>]: string };
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export type MessageKey = keyof Ids & string;

const id = Object.assign({}, ...MODULES.map((m) => m.id)) as Record<MessageKey, string>;
const en = Object.assign({}, ...MODULES.map((m) => m.en)) as Record<MessageKey, string>;


const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

/** A translator for a locale. Unknown keys are returned as they are (e.g. free text). */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = isMessageKey(key) ? dictionary[key] : key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

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
