// The allowed values of every enumerated column (stored as strings in SQLite).

/** UNIT: a government unit's focal point (PIC Perangkat Daerah) */
export const ROLES = ["ADMIN", "REVIEWER", "LIAISON", "OBSERVER", "UNIT"] as const;
export type Role = (typeof ROLES)[number];

export const CAMPUS_TYPES = ["INSTITUT", "UNIVERSITAS", "SEKOLAH_TINGGI"] as const;
export type CampusType = (typeof CAMPUS_TYPES)[number];

export const AGREEMENT_KINDS = ["MOU", "PKS", "IA"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const TRI_DHARMA_FIELDS = ["EDUCATION", "RESEARCH", "COMMUNITY_SERVICE", "DEVELOPMENT"] as const;
export type TriDharmaField = (typeof TRI_DHARMA_FIELDS)[number];

export const MEMBER_SIDES = ["CAMPUS", "GOVERNMENT", "INDUSTRY"] as const;
export type MemberSide = (typeof MEMBER_SIDES)[number];

export const MEMBER_ROLES = ["KETUA", "SEKRETARIS", "ANGGOTA"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Status reported in a progress update. */
export const UPDATE_STATUSES = ["ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED", "CANCELLED"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Status of an item: that of its latest update, or NOT_STARTED before the first one. */
export const ITEM_STATUSES = ["NOT_STARTED", ...UPDATE_STATUSES] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_VISIBILITIES = ["DRAFT", "PUBLISHED"] as const;
export type ItemVisibility = (typeof ITEM_VISIBILITIES)[number];

export const MILESTONE_STATES = [
  "PENDING",
  "SUBMITTED",
  "MET",
  "PARTIALLY_MET",
  "NOT_MET",
  "RETURNED",
  "DEFERRED",
] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/** What a reviewer may decide about a submitted milestone. */
export const MILESTONE_DECISIONS = ["MET", "PARTIALLY_MET", "NOT_MET", "RETURNED", "DEFERRED"] as const;
export type MilestoneDecision = (typeof MILESTONE_DECISIONS)[number];

/** Kinds of provincial government unit (perangkat daerah). */
export const UNIT_KINDS = ["BADAN", "DINAS", "BIRO"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Whose work it is to clear an obstacle: the campus, or a government unit. */
export const OBSTACLE_OWNER_SIDES = ["CAMPUS", "GOVERNMENT"] as const;
export type ObstacleOwnerSide = (typeof OBSTACLE_OWNER_SIDES)[number];

export const OBSTACLE_STATUSES = ["OPEN", "RESOLVED"] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
