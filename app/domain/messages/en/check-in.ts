// The English of app/domain/messages/check-in.ts: the same keys (the type of `en` says so).
import type { id } from "../check-in";

export const en: Record<keyof typeof id, string> = {
  "checkIn.title": "Monthly check-in",
  "checkIn.link": "Do the monthly check-in",
  "checkIn.linkHint": "Every running item on one page.",
  "checkIn.intro": "Every running item of {campus}, overdue and long-unreported ones first. Change the progress or status and write one sentence, or tick \"No change\". Rows left as they are are not sent.",
  "checkIn.reportedOn": "Report date (for every row)",
  "checkIn.none": "No running items.",
  "checkIn.current": "Now: {progress} % · {status}",
  "checkIn.overdue": "Past its planned end",
  "checkIn.stale": "{days, plural, one {Not reported for more than # day} other {Not reported for more than # days}}",
  "checkIn.lastUpdate": "Last report: {date}",
  "checkIn.never": "Never reported",
  "checkIn.narrative": "One sentence of progress",
  "checkIn.noChange": "No change",
  "checkIn.noChangeNarrative": "No change since the previous report.",
  "checkIn.submit": "Send the monthly check-in",
  "checkIn.posted": "{count, plural, one {# progress report sent.} other {# progress reports sent.}}",
  "checkIn.nothingToSend": "No row was changed yet: change a progress or status, write a sentence, or tick \"No change\".",
  "checkIn.itemGone": "One of the items is no longer running (someone changed it). Reload the page and send again.",
  "checkIn.rowLabel": "{title}: {field}",
  "checkIn.draftBadge": "Draft",
  "item.olderUpdates": "{count, plural, one {# earlier report} other {# earlier reports}}",
  "progress.warnDrop": "Progress drops from {previous} % to {next} %. Make sure the figure is right (it can still be sent).",
  "progress.warnJump": "Progress jumps from {previous} % to {next} %. Make sure the figure is right (it can still be sent).",
};
