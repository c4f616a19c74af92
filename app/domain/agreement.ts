import type { Prisma } from "@prisma/client";
import { AGREEMENT_SIGNED_ON, addDays, startOfDay, toIsoDate } from "./dates";
import type { AgreementKind } from "./enums";
import { sql, type SqlFragment } from "./sql";

// The agreement chain: the Kesepakatan Bersama (MOU) → each campus's cooperation agreement (PKS)
// → implementing arrangements (IA). Every rule about agreements is written here once; the status
// rule has its predicate, Prisma `where` and SQL fragment (alias `a` for Agreement) side by side,
// and tests/integration/agreement-rules.test.ts checks on a real database that they agree.

export const ENDING_SOON_DAYS = 90;
/** Days before the end of an agreement at which its campus's liaisons and the reviewers are told. */
export const EXPIRY_WARNINGS = [90, 30] as const;

/** Recorded state: a liaison's proposal waits as DRAFT until the governor's office confirms it. */
export const AGREEMENT_STATES = ["DRAFT", "CONFIRMED"] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_STATUSES = ["DRAFT", "NOT_YET_VALID", "ACTIVE", "ENDING_SOON", "EXPIRED", "SUPERSEDED"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The kind an agreement's parent must have; the MOU is the root of the chain. */
export const PARENT_KIND: Record<AgreementKind, AgreementKind | null> = { MOU: null, PKS: "MOU", IA: "PKS" };

// ---------- status ----------

type StatusFacts = { validFrom: Date; validUntil: Date; state?: string; supersededById?: string | null };

/**
 * Status of an agreement on `today`: a proposal not yet confirmed is a draft; a confirmed one
 * renewed by another is superseded; otherwise its validity decides — valid through the whole of
 * its last day, "ending soon" when that day is within 90 days.
 */
export function agreementStatus(a: StatusFacts, today: Date = new Date()): AgreementStatus {
  if ((a.state ?? "CONFIRMED") === "DRAFT") return "DRAFT";
  if (a.supersededById) return "SUPERSEDED";
  const day = startOfDay(today);
  if (day < startOfDay(a.validFrom)) return "NOT_YET_VALID";
  const last = startOfDay(a.validUntil);
  if (day > last) return "EXPIRED";
  if (last <= addDays(day, ENDING_SOON_DAYS)) return "ENDING_SOON";
  return "ACTIVE";
}

/** Agreements with this status on `today` (dates are stored as UTC midnight of their day). */
export function agreementStatusWhere(status: AgreementStatus, today: Date): Prisma.AgreementWhereInput {
  const day = startOfDay(today);
  const soon = addDays(day, ENDING_SOON_DAYS);
  const live = { state: "CONFIRMED", supersededById: null };
  switch (status) {
    case "DRAFT":
      return { state: "DRAFT" };
    case "SUPERSEDED":
      return { state: "CONFIRMED", supersededById: { not: null } };
    case "NOT_YET_VALID":
      return { ...live, validFrom: { gt: day } };
    case "EXPIRED":
      return { ...live, validFrom: { lte: day }, validUntil: { lt: day } };
    case "ENDING_SOON":
      return { ...live, validFrom: { lte: day }, validUntil: { gte: day, lte: soon } };
    case "ACTIVE":
      return { ...live, validFrom: { lte: day }, validUntil: { gt: soon } };
  }
}

export function agreementStatusSql(status: AgreementStatus, today: Date): SqlFragment {
  const day = startOfDay(today).getTime();
  const soon = addDays(startOfDay(today), ENDING_SOON_DAYS).getTime();
  const live = sql`a."state" = ${"CONFIRMED"} AND a."supersededById" IS NULL`;
  switch (status) {
    case "DRAFT":
      return sql`a."state" = ${"DRAFT"}`;
    case "SUPERSEDED":
      return sql`a."state" = ${"CONFIRMED"} AND a."supersededById" IS NOT NULL`;
    case "NOT_YET_VALID":
      return sql`${live} AND a."validFrom" > ${day}`;
    case "EXPIRED":
      return sql`${live} AND a."validFrom" <= ${day} AND a."validUntil" < ${day}`;
    case "ENDING_SOON":
      return sql`${live} AND a."validFrom" <= ${day} AND a."validUntil" >= ${day} AND a."validUntil" <= ${soon}`;
    case "ACTIVE":
      return sql`${live} AND a."validFrom" <= ${day} AND a."validUntil" > ${soon}`;
  }
}

/** Needs attention: ending within 90 days or expired (and neither renewed nor a draft). */
export function needsRenewal(a: StatusFacts, today: Date): boolean {
  const status = agreementStatus(a, today);
  return status === "ENDING_SOON" || status === "EXPIRED";
}
export function needsRenewalWhere(today: Date): Prisma.AgreementWhereInput {
  return { OR: [agreementStatusWhere("ENDING_SOON", today), agreementStatusWhere("EXPIRED", today)] };
}

// ---------- the chain ----------

/** How an agreement is named to people: its kind, its numbers and title. */
export function agreementLabel(a: { kind: string; number?: string | null; campusNumber?: string | null; title: string }): string {
  const numbers = [a.number, a.campusNumber].filter(Boolean).join(" / ");
  return numbers ? `${a.kind} ${numbers} — ${a.title}` : `${a.kind} — ${a.title}`;
}

export type ChainParent = {
  kind: string;
  number?: string | null;
  campusNumber?: string | null;
  title: string;
  campusId: string | null;
  validFrom: Date;
  validUntil: Date;
  /** for the MOU: the campuses that signed it */
  signatoryCampusIds?: readonly string[];
};

export type AgreementProblem = {
  field: "parentId" | "campusId" | "validFrom" | "validUntil" | "kind";
  key: string;
  params?: Record<string, string>;
};

const validDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * The rules of one agreement within its chain: a PKS hangs under the MOU and an IA under a PKS;
 * a PKS/IA belongs to the campus of its chain (a PKS to a campus that signed the MOU, an IA to its
 * PKS's campus); its validity lies within its parent's; it ends after it starts.
 */
export function checkAgreementChain(
  a: { kind: string; campusId: string | null; validFrom: Date; validUntil: Date },
  parent: ChainParent | null,
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  const from = validDate(a.validFrom) ? startOfDay(a.validFrom) : null;
  const until = validDate(a.validUntil) ? startOfDay(a.validUntil) : null;
  if (from && until && until < from) problems.push({ field: "validUntil", key: "agreements.endBeforeStart" });
  const wanted = PARENT_KIND[a.kind as AgreementKind];
  if (wanted === undefined) return [...problems, { field: "kind", key: "form.invalidChoice" }];
  if (wanted === null) {
    if (parent) problems.push({ field: "parentId", key: "agreements.mouHasNoParent" });
    return problems;
  }
  if (!parent) return [...problems, { field: "parentId", key: "agreements.parentRequired" }];
  const label = agreementLabel(parent);
  if (parent.kind !== wanted) {
    problems.push({ field: "parentId", key: a.kind === "PKS" ? "agreements.pksUnderMou" : "agreements.iaUnderPks", params: { parent: label } });
    return problems;
  }
  if (!a.campusId) problems.push({ field: "campusId", key: "agreements.campusRequired" });
  else if (parent.kind === "MOU") {
    if (parent.signatoryCampusIds && !parent.signatoryCampusIds.includes(a.campusId))
      problems.push({ field: "campusId", key: "agreements.campusNotSignatory", params: { parent: label } });
  } else if (parent.campusId !== a.campusId) {
    problems.push({ field: "campusId", key: "agreements.campusOfChain", params: { parent: label } });
  }
  if (from && from < startOfDay(parent.validFrom))
    problems.push({ field: "validFrom", key: "agreements.startsBeforeParent", params: { parent: label, from: toIsoDate(parent.validFrom) } });
  if (until && until > startOfDay(parent.validUntil))
    problems.push({ field: "validUntil", key: "agreements.endsAfterParent", params: { parent: label, until: toIsoDate(parent.validUntil) } });
  return problems;
}

/** The campus a PKS/IA belongs to follows its chain: an IA's is its PKS's; a PKS's is chosen among the MOU's signatories. */
export function campusOfChain(kind: string, parent: { campusId: string | null } | null, chosen: string | null): string | null {
  if (kind === "IA") return parent?.campusId ?? null;
  if (kind === "PKS") return chosen;
  return null;
}

// ---------- what lies within an agreement ----------

export type ItemDateProblem = { field: "plannedStart" | "plannedEnd"; key: string; params: Record<string, string> };

/**
 * An item implementing an agreement runs within its validity; each problem names the agreement
 * and why (its validity begins later / ends earlier).
 */
export function itemOutsideAgreement(
  dates: { plannedStart: Date; plannedEnd: Date },
  agreement: { kind: string; number?: string | null; campusNumber?: string | null; title: string; validFrom: Date; validUntil: Date },
): ItemDateProblem[] {
  const problems: ItemDateProblem[] = [];
  const params = { agreement: agreementLabel(agreement), from: toIsoDate(agreement.validFrom), until: toIsoDate(agreement.validUntil) };
  if (validDate(dates.plannedStart) && startOfDay(dates.plannedStart) < startOfDay(agreement.validFrom))
    problems.push({ field: "plannedStart", key: "agreements.itemStartsBefore", params });
  if (validDate(dates.plannedEnd) && startOfDay(dates.plannedEnd) > startOfDay(agreement.validUntil))
    problems.push({ field: "plannedEnd", key: "agreements.itemEndsAfter", params });
  return problems;
}

/** The umbrella agreement's signing: no progress is reported on before it. */
export const UMBRELLA_SIGNED_ON = AGREEMENT_SIGNED_ON;

/**
 * A progress report's date: not after today, not before the umbrella agreement was signed.
 * Null when it may be kept, else the dictionary key of the reason.
 */
export function reportDateProblem(reportedOn: Date, today: Date, umbrellaSignedOn: Date = UMBRELLA_SIGNED_ON): string | null {
  if (startOfDay(reportedOn) > startOfDay(today)) return "progress.future";
  if (startOfDay(reportedOn) < startOfDay(umbrellaSignedOn)) return "progress.beforeAgreement";
  return null;
}

/** Which expiry warning (90 or 30 days) is due on `today` for an agreement ending on `validUntil`, if any. */
export function expiryWarningDue(validUntil: Date, today: Date): (typeof EXPIRY_WARNINGS)[number] | null {
  const left = Math.round((startOfDay(validUntil).getTime() - startOfDay(today).getTime()) / 86_400_000);
  if (left < 0) return null;
  // the nearest warning not yet passed: 30 when 30 or fewer days are left, else 90 when 90 or fewer
  if (left <= EXPIRY_WARNINGS[1]) return EXPIRY_WARNINGS[1];
  if (left <= EXPIRY_WARNINGS[0]) return EXPIRY_WARNINGS[0];
  return null;
}

// ---------- the registry's filters and tree ----------

export type AgreementFilter = { campus: string | null; unit: string | null; kind: AgreementKind | null; status: AgreementStatus | null };

const KINDS: readonly string[] = ["MOU", "PKS", "IA"];

/** The registry's filters from the URL; an unknown value is no filter. */
export function parseAgreementFilter(params: URLSearchParams): AgreementFilter {
  const text = (name: string) => {
    const v = params.get(name)?.trim();
    return v && v.length <= 80 ? v : null;
  };
  const kind = text("kind");
  const status = text("status");
  return {
    campus: text("campus"),
    unit: text("unit"),
    kind: kind && KINDS.includes(kind) ? (kind as AgreementKind) : null,
    status: status && (AGREEMENT_STATUSES as readonly string[]).includes(status) ? (status as AgreementStatus) : null,
  };
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** The chain as a tree: each agreement under its parent when the parent is listed, else a root; MOU, then PKS, then IA, each by start. */
export function agreementTree<T extends { id: string; parentId: string | null; kind: string; validFrom: Date | string }>(rows: readonly T[]): TreeNode<T>[] {
  const order = (a: T, b: T) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || new Date(a.validFrom).getTime() - new Date(b.validFrom).getTime();
  const nodes = new Map<string, TreeNode<T>>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const row of [...rows].sort(order)) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
