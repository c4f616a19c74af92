// The English half of the dictionary: every area's `en` table (app/domain/messages/en/<area>.ts).
// The server merges it with the Indonesian half (dictionary.ts); the browser loads it alone, on
// first use, when the reader's language is English (app/components/i18n.tsx).
import type { messages as indonesian } from "./dictionary-id";
import { en as admin } from "./messages/en/admin";
import { en as agreements } from "./messages/en/agreements";
import { en as audit } from "./messages/en/audit";
import { en as briefing } from "./messages/en/briefing";
import { en as checkIn } from "./messages/en/check-in";
import { en as core } from "./messages/en/core";
import { en as dashboard } from "./messages/en/dashboard";
import { en as exportsMessages } from "./messages/en/exports";
import { en as indicators } from "./messages/en/indicators";
import { en as importMessages } from "./messages/en/import";
import { en as items } from "./messages/en/items";
import { en as mail } from "./messages/en/mail";
import { en as reminders } from "./messages/en/reminders";
import { en as search } from "./messages/en/search";
import { en as milestones } from "./messages/en/milestones";
import { en as pages } from "./messages/en/pages";
import { en as quarters } from "./messages/en/quarters";
import { en as roadmap } from "./messages/en/roadmap";
import { en as teams } from "./messages/en/teams";
import { en as units } from "./messages/en/units";
import { en as unitAdmin } from "./messages/en/unit-admin";
import { en as obstacles } from "./messages/en/obstacles";

// the same keys as the Indonesian half
export const messages: Record<keyof typeof indonesian, string> = Object.assign({}, admin, agreements, audit, briefing, checkIn, core, dashboard, exportsMessages, indicators, importMessages, items, mail, reminders, search, milestones, pages, quarters, roadmap, teams, units, unitAdmin, obstacles);
