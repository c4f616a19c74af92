import type { ItemVisibility, Role } from "./enums";

// The one permission policy: every loader, action and button asks `can`. No route decides by itself.

/**
 * Who asks, as the policy sees them: the signed-in user's id, role, campuses (a liaison's) and
 * government units (a unit focal point's). (An audit trail's "who did it and from where" is an
 * AuditActor, app/domain/audit-actor.ts.)
 */
export type Principal = { id: string; role: Role; campusIds: readonly string[]; unitIds?: readonly string[] };

/**
 * What an action is done to: the campus it belongs to, for items whether it is a draft, and the
 * government unit it concerns (an item's counterpart unit; an obstacle's owning unit).
 */
export type Resource = { campusId?: string | null; visibility?: ItemVisibility | string | null; unitId?: string | null };

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
  // government units
  /** the unit pages: a unit's items, the obstacles it owns, its members in joint teams */
  "unit.read",
  /** add, rename and retire government units */
  "unit.manage",
  /** hand an obstacle to the campus or to a government unit, with owner and due date */
  "obstacle.assign",
  /** mark an obstacle resolved (the resource's unitId is the obstacle's owning unit) */
  "obstacle.resolve",
  /** a government unit's note on an item where it is the counterpart */
  "unit.note.create",
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Principal, resource: Resource | undefined) => boolean;

function servesCampus(actor: Principal, resource: Resource | undefined): boolean {
  return !!resource?.campusId && actor.campusIds.includes(resource.campusId);
}

function servesUnit(actor: Principal, resource: Resource | undefined): boolean {
  return !!resource?.unitId && (actor.unitIds ?? []).includes(resource.unitId);
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
/** a unit focal point, on a published item their unit is the counterpart of (or an obstacle of a
 * published item that their unit owns) */
const ownUnitPublished: Rule = (actor, resource) => servesUnit(actor, resource) && !isDraft(resource);

// Every action × every role, written out: a new action does not compile until each role's answer
// is decided here. The governor's office (REVIEWER) reads and evaluates everything but never edits
// campus content; a liaison works on their own campus and reads other campuses' published items
// without their internals; an observer reads what is published. A government unit's focal point
// (UNIT) reads what is published, and on the items its unit is the counterpart of reads their
// internals, comments and posts the unit's notes; it resolves the obstacles assigned to its unit
// and never edits a campus's content.
const POLICY: Record<Action, Record<Role, Rule>> = {
  "campus.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  "item.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownOrPublished, UNIT: published },
  "dashboard.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  "review.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "export.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: ownCampus, UNIT: yes },
  "report.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  "audit.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "team.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "team.contacts.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "item.create": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "item.edit": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "update.create": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "milestone.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "milestone.submit": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "item.internal.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownCampus, UNIT: ownUnitPublished },
  "milestone.evaluate": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "quarter.close": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "reminder.send": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "indicator.record": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "comment.create": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: ownUnitPublished },
  "user.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no, UNIT: no },
  "outbox.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no, UNIT: no },
  // what a feed contains is decided by item.read, as on every page
  "mail.preferences": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  "calendar.subscribe": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  // agreements: the governor's office registers and keeps them; a campus proposes its own and
  // uploads the signed copy; drafts and documents not marked public stay with the campus and the office
  "agreement.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: published, LIAISON: ownOrPublished, UNIT: published },
  "agreement.register": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: no, UNIT: no },
  "agreement.propose": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "agreement.edit": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownDraft, UNIT: no },
  "agreement.document.upload": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "agreement.document.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "agreement.item.link": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  // government units: administered by the administrator; an obstacle is handed to its owner by the
  // governor's office or the campus's liaisons, and cleared by whoever owns it (the campus, or the
  // unit it was assigned to)
  "unit.read": { ADMIN: yes, REVIEWER: yes, OBSERVER: yes, LIAISON: yes, UNIT: yes },
  "unit.manage": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no, UNIT: no },
  "obstacle.assign": { ADMIN: yes, REVIEWER: yes, OBSERVER: no, LIAISON: ownCampus, UNIT: no },
  "obstacle.resolve": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: ownCampus, UNIT: ownUnitPublished },
  "unit.note.create": { ADMIN: yes, REVIEWER: no, OBSERVER: no, LIAISON: no, UNIT: ownUnitPublished },
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
