// The Indonesian half of the dictionary, for the browser: loaded once, on first use, in the
// reader's language only (app/components/i18n.tsx). The same areas as app/domain/dictionary.ts
// (tests/unit/browser-messages.test.ts checks both halves hold every key).
import { id as admin } from "./messages/admin";
import { id as agreements } from "./messages/agreements";
import { id as audit } from "./messages/audit";
import { id as briefing } from "./messages/briefing";
import { id as checkIn } from "./messages/check-in";
import { id as core } from "./messages/core";
import { id as dashboard } from "./messages/dashboard";
import { id as exportsMessages } from "./messages/exports";
import { id as indicators } from "./messages/indicators";
import { id as importMessages } from "./messages/import";
import { id as items } from "./messages/items";
import { id as mail } from "./messages/mail";
import { id as reminders } from "./messages/reminders";
import { id as search } from "./messages/search";
import { id as milestones } from "./messages/milestones";
import { id as pages } from "./messages/pages";
import { id as quarters } from "./messages/quarters";
import { id as roadmap } from "./messages/roadmap";
import { id as teams } from "./messages/teams";
import { id as units } from "./messages/units";
import { id as unitAdmin } from "./messages/unit-admin";
import { id as obstacles } from "./messages/obstacles";

export const messages = Object.assign({}, admin, agreements, audit, briefing, checkIn, core, dashboard, exportsMessages, indicators, importMessages, items, mail, reminders, search, milestones, pages, quarters, roadmap, teams, units, unitAdmin, obstacles);
