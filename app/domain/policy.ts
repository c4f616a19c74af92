import type { ItemVisibility, Role } from "./enums";

// The one permission policy: every loader, action and button asks `can`. No route decides by itself.

export type Actor = { id: string; role: Role; campusIds: readonly string[] };

/** What an action is done to: the campus it belongs to and, for items, whether it is a draft. */
export type Resource = { campusId?: string | null; visibility?: ItemVisibility | string | null };

export const ACTIONS = [
  // reading
  "campus.read",
  "item.read",
  "dashboard.read",
  "review.read",
  "export.read",
  "report.read",
  "audit.read",
  // campus content (liaisons of the campus)
  "team.manage",
  // members' email and phone: the team's managers and the governor's office
  "team.contacts.read",
  "item.create",
  "item.edit",
  "update.create",
  "obstacle.manage",
  "milestone.manage",
  "milestone.submit",
  /** evidence files, change history, discussion and contacts of an item */
  "item.internal.read",
  // governor's office
  "milestone.evaluate",
  "quarter.close",
  "reminder.send",
  "indicator.record",
  // shared
  "comment.create",
  // administration
  "user.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const CAMPUS_CONTENT: ReadonlySet<Action> = new Set<Action>([
  "team.manage",
  "item.create",
  "item.edit",
  "update.create",
  "obstacle.manage",
  "milestone.manage",
  "milestone.submit",
]);

const READ_PUBLISHED: ReadonlySet<Action> = new Set<Action>([
  "campus.read",
  "dashboard.read",
  "export.read",
  "report.read",
]);

function servesCampus(actor: Actor, campusId: string | null | undefined): boolean {
  return !!campusId && actor.campusIds.includes(campusId);
}

function isDraft(resource: Resource | undefined): boolean {
  return resource?.visibility === "DRAFT";
}

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "REVIEWER":
      // the governor's office reads and evaluates everything but never edits campus content
      if (CAMPUS_CONTENT.has(action) || action === "user.manage") return false;
      return true;
    case "OBSERVER":
      if (READ_PUBLISHED.has(action)) return true;
      if (action === "item.read" || action === "item.internal.read") return !isDraft(resource);
      return false;
    case "LIAISON": {
      const own = servesCampus(actor, resource?.campusId);
      if (CAMPUS_CONTENT.has(action)) return own;
      if (READ_PUBLISHED.has(action)) return action !== "export.read" || own;
      if (action === "item.read") return own || !isDraft(resource);
      // evidence files and discussion stay with the campus and the governor's office
      if (action === "item.internal.read" || action === "comment.create" || action === "team.contacts.read") return own;
      return false;
    }
    default:
      return false;
  }
}

/**
 * Which campuses' draft items an actor may see, for list queries: every campus, none, or the
 * listed ones. Must agree with `can(actor, "item.read", …)`.
 */
export function draftScope(actor: Actor): "ALL" | readonly string[] {
  if (actor.role === "ADMIN" || actor.role === "REVIEWER") return "ALL";
  if (actor.role === "LIAISON") return actor.campusIds;
  return [];
}
