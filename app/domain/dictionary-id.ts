// The Indonesian half of the dictionary: every area's `id` table (app/domain/messages/<area>.ts).
// The server merges it with the English half (dictionary.ts); the browser loads it alone, on first
// use, when the reader's language is Indonesian (app/components/i18n.tsx). A new area is added here
// and to dictionary-en.ts (tests/unit/i18n.test.ts checks every area is in both).
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

export const AREAS = [admin, agreements, audit, briefing, checkIn, core, dashboard, exportsMessages, indicators, importMessages, items, mail, reminders, search, milestones, pages, quarters, roadmap, teams, units, unitAdmin, obstacles] as const;

export const messages = Object.assign({}, ...AREAS.map((area) => area.id)) as Record<keyof UnionToIntersection<(typeof AREAS)[number]["id"]> & string, string>;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
