import type { MetaDescriptor } from "@remix-run/node";
import { LOCALES, isOneOf } from "~/domain/enums";
import { translator, type MessageKey, type Translate } from "~/domain/i18n";

// A page's <title> and meta description in the reader's language: the root loader's locale is in
// every route's meta matches, so titles follow the language switch like the rest of the page.

type Matches = readonly { id: string; data?: unknown }[];

export function metaTranslator(matches: Matches): Translate {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return translator(isOneOf(LOCALES, locale) ? locale : "id");
}

/** "<title> · Kolaborasi Banten" and the page's description, both from the dictionary. */
export function pageMeta(matches: Matches, title: MessageKey | ((t: Translate) => string), description: MessageKey): MetaDescriptor[] {
  const t = metaTranslator(matches);
  const text = typeof title === "function" ? title(t) : t(title);
  return [{ title: `${text} · ${t("app.name")}` }, { name: "description", content: t(description) }];
}
