// Who did something, as the audit trail records it. Two of the three "who" shapes of the app live
// here; the third, the permission policy's Principal, lives in ./policy.

/** Who did something and from where; no user for the system or an anonymous request (a sign-in). */
export type AuditActor = { userId: string | null; ip: string | null };

/**
 * An AuditActor known to be a signed-in user: the author of a progress update, comment, milestone
 * submission or reminder, whose id the written rows carry (authorId, createdById, sentById).
 */
export type Author = AuditActor & { userId: string };
