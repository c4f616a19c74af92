import type { Locale } from "./enums";
import { messages as en } from "./dictionary-en";
import { messages as id } from "./dictionary-id";

// The dictionary: every text a user reads, Bahasa Indonesia first. Each area keeps its messages in
// app/domain/messages/<area>.ts (the `id` table) and app/domain/messages/en/<area>.ts (the `en`
// table, with exactly the same keys: its type enforces it); a new area is listed in
// dictionary-id.ts and dictionary-en.ts. The server imports it whole (dictionary.server.ts); the
// browser loads the reader's language on first use (dictionary-<locale>.ts, app/components/i18n.tsx).

export type MessageKey = keyof typeof id & string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };
