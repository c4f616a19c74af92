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
// (the type of `en` enforces it); add a new area to MODULES. The server imports it whole
// (dictionary.server.ts); the browser loads it on first use (app/components/i18n.tsx).
const MODULES = [core, audit, teams, admin, items, dashboard, milestones, quarters, reminders, roadmap, exportsMessages, indicators, briefing, mail, checkIn, agreements, search, importMessages, pages, units, unitAdmin, obstacles] as const;

type Merge<T extends readonly { id: Record<string, string> }[]> = T[number]["id"];
type Ids = { [K in keyof UnionToIntersection<Merge<typeof MODULES>>]: string };
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export type MessageKey = keyof Ids & string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  id: Object.assign({}, ...MODULES.map((m) => m.id)),
  en: Object.assign({}, ...MODULES.map((m) => m.en)),
};
