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
// locale's formatters are made once and reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)));
  return formatter;
}

export function numberFormatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return formatter;
}

export function formatDate(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return dateFormatter(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(date));
}

export function formatDateTime(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return dateFormatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(date));
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number, locale: Locale, digits = 0): string {
  return `${formatNumber(value, locale, digits)} %`;
}

export function formatIdr(value: number, locale: Locale): string {
  return numberFormatter(locale, { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(value);
}
