// The English of app/domain/messages/pages.ts: the same keys (the type of `en` says so).
import type { id } from "../pages";

export const en: Record<keyof typeof id, string> = {
  "meta.login": "Sign in to Kolaborasi Banten, the tracker of the joint agreement between the Province of Banten and 12 universities.",
  "meta.dashboard": "The governor's office dashboard: which campuses are behind and why, headline figures, breakdowns by priority and field.",
  "meta.campuses": "The twelve signatory campuses of the joint agreement, each with the status of its roadmap items.",
  "meta.campus": "A campus workspace: what needs attention, roadmap items, evaluation milestones, obstacles, joint teams and agreements.",
  "meta.teams": "A campus's joint teams: campus, government and industry members, their roles and decrees.",
  "meta.item": "A roadmap item: progress reports, obstacles, evaluation milestones and its history.",
  "meta.checkIn": "A campus's monthly check-in: every running item on one page.",
  "meta.roadmap": "The roadmap timeline by quarter, with evaluation milestones and items past their schedule.",
  "meta.review": "The review queue: evaluation milestones awaiting the governor's office's decision, oldest first.",
  "meta.indicators": "RPJMD indicators: targets, values, trajectory and contributing items.",
  "meta.quarters": "Closed quarters: items frozen as they stood at the end of a quarter, and quarters compared.",
  "meta.notifications": "Your notifications: reminders, milestone decisions and comments.",
  "meta.briefing": "The one-page briefing for the Governor: campuses, milestones, obstacles and indicators.",
  "meta.import": "Import roadmap items from a spreadsheet: template, preview, all at once.",
  "meta.reminders": "Reminders to campuses whose items have gone unreported for long.",
  "login.insecureTitle": "A session cannot be kept over plain http",
  "login.insecure": "This address was opened over http without TLS, while the server sends its session cookie as Secure (https only). The browser will drop that cookie and bring you back here after signing in. Open the app over https (behind a TLS reverse proxy) or, only to try it on a local network, start the server with COOKIE_SECURE=false.",
};
