// The English of app/domain/messages/obstacles.ts: the same keys (the type of `en` says so).
import type { id } from "../obstacles";

export const en: Record<keyof typeof id, string> = {
  "obstacle.ownedBy": "Owner",
  "obstacle.assignedOn": "assigned {date}",
  "obstacle.assign.open": "Hand over obstacle",
  "obstacle.assign.legend": "Who clears this obstacle?",
  "obstacle.assign.side": "Handled by",
  "obstacle.assign.unit": "Government unit",
  "obstacle.assign.chooseUnit": "— choose a government unit —",
  "obstacle.assign.ownerName": "Person responsible",
  "obstacle.assign.submit": "Save owner",
  "obstacle.assigned": "The obstacle's owner was saved.",
  "obstacle.unitRequired": "Choose the government unit that handles this obstacle.",
  "obstacle.unitInvalid": "This government unit does not exist or is retired.",
  "obstacle.waitingOnUnit": "Waiting on a government unit (optional)",
  "obstacle.waitingOnUnit.none": "— no, the campus handles it —",

  "governmentNote.title": "Government unit notes",
  "governmentNote.badge": "Note from {unit}",
  "governmentNote.by": "by {name}",
  "governmentNote.body": "Note (what the government unit delivered or needs)",
  "governmentNote.hint": "The note goes into the item's history and changes neither its progress nor its status.",
  "governmentNote.post": "Post note",
  "governmentNote.posted": "Government unit note posted.",

  "notify.obstacleAssigned": "The obstacle \"{obstacle}\" on \"{item}\" was handed to your government unit.",
  "notify.obstacleResolvedByUnit": "{unit} resolved the obstacle \"{obstacle}\" on \"{item}\".",
  "notify.governmentNote": "{unit} added a note on \"{item}\".",
  "mail.subject.notify.obstacleAssigned": "Obstacle handed to your government unit: \"{item}\" · {campus}",
  "mail.subject.notify.obstacleResolvedByUnit": "Obstacle resolved by {unit}: \"{item}\" · {campus}",
  "mail.subject.notify.governmentNote": "Note from {unit} on \"{item}\" · {campus}",

  "mail.digest.subjectUnit": "Weekly digest · {unit}",
  "mail.digest.introUnit": "What waits for {unit} this week. Each link takes you straight to where you act.",
  "mail.digest.unitObstacles": "Obstacles {unit} handles (past due first)",
  "mail.digest.lineUnitObstacle": "{obstacle} ({item} · {campus}), due {due}",
  "mail.digest.lineUnitObstaclePastDue": "PAST DUE: {obstacle} ({item} · {campus}), due {due}",
  "mail.digest.unitUpdates": "This week's progress updates on the items {unit} is the counterpart of",
  "mail.digest.lineUnitUpdate": "{item} · {campus}: {progress}% on {date}",
};
