// Zod-free, so /account can list the choices without loading the schemas (issue #17).

/** How often a user gets the e-mail digest. */
export const DIGEST_CHOICES = ["WEEKLY", "OFF"] as const;
