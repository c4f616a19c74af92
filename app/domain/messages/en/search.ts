// The English of app/domain/messages/search.ts: the same keys (the type of `en` says so).
import type { id } from "../search";

export const en: Record<keyof typeof id, string> = {
  "search.title": "Search",
  "search.label": "Search",
  "search.placeholder": "Search campuses, items, teams…",
  "search.submit": "Search",
  "search.intro": "Search by name: campuses, roadmap items, joint teams and their members, evaluation milestones, indicators.",
  "search.tooShort": "{min, plural, one {Type at least # letter.} other {Type at least # letters.}}",
  "search.resultsFor": "Results for \"{q}\"",
  "search.none": "Nothing matches \"{q}\".",
  "search.campuses": "Campuses",
  "search.items": "Roadmap items",
  "search.teams": "Joint teams",
  "search.members": "Team members",
  "search.milestones": "Evaluation milestones",
  "search.indicators": "Indicators",
  "search.memberOf": "{role} · {team}",
  "search.metaDescription": "Search the campuses, roadmap items, joint teams, evaluation milestones and indicators of Kolaborasi Banten.",
};
