import type { ItemVisibility, Role } from "./enums";

// The one permission policy: every loader, action and button asks `can`. No route decides by itself.

/**
 * Who asks, as the policy sees them: the signed-in user's id, role and campuses. (An audit trail's
 * "who did it and from where" is an AuditActor, app/domain/audit-actor.ts.)
 */
export type Principal = { id: string; role: Role; campusIds: readonly string[] };

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
  /** the e-mail outbox and every user's delivery state (read-only) */
  "outbox.manage",
  // one's own account: e-mail preferences and the secret calendar feed
  "mail.preferences",
  "calendar.subscribe",
  // the agreement chain (a proposal not yet confirmed is passed as visibility "DRAFT")
  "agreement.read",
  /** register, confirm, amend and renew agreements: the governor's office */
  "agreement.register",
  /** propose a draft PKS/IA for a campus */
  "agreement.propose",
  /** edit an agreement's record: the governor's office; a liaison their own campus's proposal */
  "agreement.edit",
  /** upload the signed copy of a campus's agreement */
  "agreement.document.upload",
  /** read a signed copy not marked public (a public one is open to everyone) */
  "agreement.document.read",
  /** attach a campus's roadmap item to the PKS/IA it implements */
  "agreement.item.link",
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Principal, resource: Resource | undefined) => boolean;

function servesCampus(actor: Principal, resource: Resource | undefined): boolean {
  return !!resource?.campusId && actor.campusIds.includes(resource.campusId);
}

function isDraft(resource: Resource | undefined): boolean {
  return resource?.visibility === "DRAFT";
}

const yes: Rule = () => true;
const no: Rule = () => false;
/** the liaisons of the resource's campus */
const ownCampus: Rule = (actor, resource) => servesCampus(actor, resource);
const published: Rule = (_actor, resource) => !isDraft(resource);
const ownOrPublished: Rule = (actor, resource) => servesCampus(actor, resource) || !isDraft(resource);
/** the liaisons of the resource's campus, while it is a draft (a proposal not yet confirmed) */
const ownDraft: Rule = (actor, resource) => servesCampus(actor, resource) && isDraft(resource);

// Every action × every role, written out: a new action does not compile until each role's answer
// is decided here. The governor's office (REVIEWER) reads and evaluates everything but never edits
// campus content; a liaison works on their own campus and reads other campuses' published items
// without their internals; an observer reads what is published.
const POLICY: Record<Action, Record<Role, Rule>> = {
  "campus.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes },
  "item.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownOrPublished },
  "dashboard.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes },
  "review.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "export.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: ownCampus },
  "report.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes },
  "audit.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "team.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "team.contacts.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
  "item.create": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "item.edit": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "update.create": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "obstacle.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "milestone.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "milestone.submit": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus },
  "item.internal.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownCampus },
  "milestone.evaluate": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "quarter.close": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "reminder.send": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "indicator.record": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "comment.create": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
  "user.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no },
  "outbox.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no },
  // what a feed contains is decided by item.read, as on every page
  "mail.preferences": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes },
  "calendar.subscribe": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes },
  // agreements: the governor's office registers and keeps them; a campus proposes its own and
  // uploads the signed copy; drafts and documents not marked public stay with the campus and the office
  "agreement.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownOrPublished },
  "agreement.register": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no },
  "agreement.propose": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
  "agreement.edit": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownDraft },
  "agreement.document.upload": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
  "agreement.document.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
  "agreement.item.link": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus },
};

export function can(actor: Principal | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  // an action or role this table does not know (a typo cast past the compiler, a row edited by
  // hand) is refused: nothing is allowed without a decision written above
  const byRole = Object.hasOwn(POLICY, action) ? POLICY[action] : undefined;
  const rule = byRole && Object.hasOwn(byRole, actor.role) ? byRole[actor.role] : undefined;
  return rule ? rule(actor, resource) : false;
}

/** "ALL", or the campuses whose drafts are visible. */
export type DraftScope = "ALL" | readonly string[];

/**
 * Which campuses' draft items an actor may see, for list queries: every campus, none, or the
 * listed ones. Must agree with `can(actor, "item.read", …)`.
 */
export function draftScope(actor: Principal): DraftScope {
  const rule = Object.hasOwn(POLICY["item.read"], actor.role) ? POLICY["item.read"][actor.role] : undefined;
  // a rule that allows another campus's draft allows every draft
  if (rule?.(actor, { campusId: "\u0000any-campus", visibility: "DRAFT" })) return "ALL";
  return actor.campusIds.filter((campusId) => rule?.(actor, { campusId, visibility: "DRAFT" }));
}
