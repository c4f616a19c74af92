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
import { en as adminEn } from "./messages/en/admin";
import { en as agreementsEn } from "./messages/en/agreements";
import { en as auditEn } from "./messages/en/audit";
import { en as briefingEn } from "./messages/en/briefing";
import { en as checkInEn } from "./messages/en/check-in";
import { en as coreEn } from "./messages/en/core";
import { en as dashboardEn } from "./messages/en/dashboard";
import { en as exportsMessagesEn } from "./messages/en/exports";
import { en as indicatorsEn } from "./messages/en/indicators";
import { en as importMessagesEn } from "./messages/en/import";
import { en as itemsEn } from "./messages/en/items";
import { en as mailEn } from "./messages/en/mail";
import { en as remindersEn } from "./messages/en/reminders";
import { en as searchEn } from "./messages/en/search";
import { en as milestonesEn } from "./messages/en/milestones";
import { en as pagesEn } from "./messages/en/pages";
import { en as quartersEn } from "./messages/en/quarters";
import { en as roadmapEn } from "./messages/en/roadmap";
import { en as teamsEn } from "./messages/en/teams";
import { en as unitsEn } from "./messages/en/units";
import { en as unitAdminEn } from "./messages/en/unit-admin";
import { en as obstaclesEn } from "./messages/en/obstacles";

// The dictionary: every text a user reads, Bahasa Indonesia first. Each area keeps its messages
// in app/domain/messages/<area>.ts (the `id` table) and app/domain/messages/en/<area>.ts (the `en`
// table, with exactly the same keys: its type enforces it); add a new area to MODULES and ENGLISH
// here and to dictionary-id.ts and dictionary-en.ts. The server imports it whole (dictionary.server.ts); the browser loads the
// reader's language on first use (dictionary-<locale>.ts, app/components/i18n.tsx).
const MODULES = [core, audit, teams, admin, items, dashboard, milestones, quarters, reminders, roadmap, exportsMessages, indicators, briefing, mail, checkIn, agreements, search, importMessages, pages, units, unitAdmin, obstacles] as const;

type Merge<T extends readonly { id: Record<string, string> }[]> = T[number]["id"];
type Ids = { [K in keyof UnionToIntersection<Merge<typeof MODULES>>]: string };
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export type MessageKey = keyof Ids & string;

const ENGLISH = [adminEn, agreementsEn, auditEn, briefingEn, checkInEn, coreEn, dashboardEn, exportsMessagesEn, indicatorsEn, importMessagesEn, itemsEn, mailEn, remindersEn, searchEn, milestonesEn, pagesEn, quartersEn, roadmapEn, teamsEn, unitsEn, unitAdminEn, obstaclesEn] as const;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  id: Object.assign({}, ...MODULES.map((m) => m.id)),
  en: Object.assign({}, ...ENGLISH),
};
