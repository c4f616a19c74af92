import type { Prisma } from "@prisma/client";
import {
  agreementLabel,
  agreementStatus,
  agreementStatusWhere,
  campusOfChain,
  EXPIRY_WARNINGS,
  expiryWarningDue,
  checkAgreementChain,
  itemOutsideAgreement,
  needsRenewalWhere,
  type AgreementFilter,
  type AgreementProblem,
} from "~/domain/agreement";
import type { Author } from "~/domain/audit-actor";
import type { RecordChange } from "~/domain/conflict";
import { addDays, daysBetween, todayInBanten, toIsoDate } from "~/domain/dates";
import { messageWithParams } from "~/domain/form-message";
import { can, draftScope, type Principal } from "~/domain/policy";
import type { AgreementExportRow } from "~/domain/export-columns";
import type { AgreementRecordInput, NewAgreementInput } from "~/domain/schemas/agreement";
import { cachedQuery } from "~/utils/data-cache.server";
import { prisma, type Tx } from "~/utils/db.server";
import { storeFile, removeStoredFile } from "~/utils/uploads.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { changesSince } from "./conflict.server";
import { activeUserIdsWithRoles, campusLiaisonIds, notifyUsers } from "./notification.server";
import { itemsWhereForScope } from "./roadmap-item.server";

// The agreement chain: the Kesepakatan Bersama (MOU), each campus's PKS and the IAs under them,
// their amendments, renewals and signed copies. Every mutation writes its audit event in its
// transaction; the rules are those of app/domain/agreement.ts.

/** Field errors of a refused change, each a dictionary key (with its values, see ~/domain/form-message). */
export type FieldErrors = Record<string, string[]>;
export type Refused = { ok: false; errors: FieldErrors };
/** Refused because the record changed after the form was opened: nothing was written. */
export type Stale = { ok: false; reason: "conflict"; version: number };

// ---------- who sees what ----------

/** Agreements the actor may see: every confirmed one, and drafts where the policy allows. */
export function visibleAgreementsWhere(actor: Principal | null): Prisma.AgreementWhereInput {
  if (!actor) return { state: "CONFIRMED" };
  if (can(actor, "agreement.read", { campusId: "\u0000any-campus", visibility: "DRAFT" })) return {};
  const own = actor.campusIds.filter((campusId) => can(actor, "agreement.read", { campusId, visibility: "DRAFT" }));
  return own.length ? { OR: [{ state: "CONFIRMED" }, { campusId: { in: own } }] } : { state: "CONFIRMED" };
}

/** The resource the policy decides an agreement's actions on. */
export function agreementResource(a: { campusId: string | null; state: string }) {
  return { campusId: a.campusId, visibility: a.state === "DRAFT" ? "DRAFT" : "PUBLISHED" };
}

/** Whether the actor may download the agreement's signed copies: public ones to everyone. */
export function mayReadDocuments(actor: Principal | null, a: { campusId: string | null; state: string; documentPublic: boolean }): boolean {
  if (a.documentPublic && a.state === "CONFIRMED") return true;
  return !!actor && can(actor, "agreement.document.read", agreementResource(a));
}

// ---------- the registry ----------

const ROW_SELECT = {
  id: true,
  kind: true,
  number: true,
  campusNumber: true,
  title: true,
  state: true,
  supersededById: true,
  parentId: true,
  campusId: true,
  signedOn: true,
  place: true,
  validFrom: true,
  validUntil: true,
  scopeResearch: true,
  scopeDevelopment: true,
  scopeCommunityService: true,
  scopeEducation: true,
  governmentSignatory: true,
  campusRepresentative: true,
  documentPublic: true,
  campus: { select: { slug: true, name: true, abbreviation: true } },
  units: { select: { governmentUnit: { select: { id: true, code: true, name: true, abbreviation: true } } } },
  _count: { select: { documents: true } },
} satisfies Prisma.AgreementSelect;

type Row = Prisma.AgreementGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(row: Row, today: Date) {
  const { units, _count, ...rest } = row;
  return {
    ...rest,
    units: units.map((u) => u.governmentUnit),
    hasDocument: _count.documents > 0,
    status: agreementStatus(row, today),
  };
}
export type AgreementRow = ReturnType<typeof toRow>;

function filterWhere(filter: AgreementFilter, today: Date): Prisma.AgreementWhereInput[] {
  const and: Prisma.AgreementWhereInput[] = [];
  if (filter.campus) and.push({ campus: { slug: filter.campus } });
  if (filter.unit) and.push({ units: { some: { governmentUnit: { code: filter.unit } } } });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.status) and.push(agreementStatusWhere(filter.status, today));
  return and;
}

/**
 * The registry: the agreements matching the filters that the actor may see, and the chain above
 * them (their parents, shown as context and marked as outside the filters).
 */
export async function listRegistry(actor: Principal, filter: AgreementFilter, today: Date) {
  const visible = visibleAgreementsWhere(actor);
  const matched = await prisma.agreement.findMany({
    where: { AND: [visible, ...filterWhere(filter, today)] },
    orderBy: [{ validFrom: "asc" }, { id: "asc" }],
    select: ROW_SELECT,
  });
  const rows = new Map(matched.map((r) => [r.id, { ...toRow(r, today), matches: true }]));
  // at most two levels above an IA: its PKS and the MOU
  for (let level = 0; level < 2; level++) {
    const missing = [...rows.values()].map((r) => r.parentId).filter((id): id is string => !!id && !rows.has(id));
    if (missing.length === 0) break;
    const parents = await prisma.agreement.findMany({ where: { AND: [visible, { id: { in: missing } }] }, select: ROW_SELECT });
    for (const p of parents) rows.set(p.id, { ...toRow(p, today), matches: false });
  }
  return { rows: [...rows.values()], matching: matched.length };
}

/** What the registry's filters offer. */
export async function registryFilterOptions() {
  const [campuses, units] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } }),
    prisma.governmentUnit.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true, abbreviation: true } }),
  ]);
  return { campuses, units };
}

/** Agreements ending within 90 days or expired that the actor may see (dashboard, campus page, briefing). */
export async function agreementsNeedingRenewal(actor: Principal | null, today: Date, campus?: { id?: string; slug?: string | null }) {
  const rows = await prisma.agreement.findMany({
    where: {
      AND: [visibleAgreementsWhere(actor), needsRenewalWhere(today), campus?.id ? { campusId: campus.id } : campus?.slug ? { campus: { slug: campus.slug } } : {}],
    },
    orderBy: [{ validUntil: "asc" }, { id: "asc" }],
    select: ROW_SELECT,
  });
  return rows.map((r) => toRow(r, today));
}

/** The same, kept until the data changes (the dashboard's budget of queries), per visibility, day and campus. */
export const cachedAgreementsNeedingRenewal = cachedQuery(
  "agreements-needing-renewal",
  (actor: Principal | null, today: Date, campus?: { id?: string; slug?: string | null }) =>
    `${JSON.stringify(visibleAgreementsWhere(actor))}|${today.toISOString()}|${campus?.id ?? ""}|${campus?.slug ?? ""}`,
  agreementsNeedingRenewal,
);

// ---------- one agreement ----------

const CHAIN_SELECT = { id: true, kind: true, number: true, campusNumber: true, title: true, state: true, campusId: true } as const;
const DOCUMENT_SELECT = { id: true, fileName: true, sizeBytes: true, createdAt: true } as const;

/** Just enough of an agreement to decide who may see or change it. */
export function getAgreementScope(id: string) {
  return prisma.agreement.findUnique({
    where: { id },
    select: { id: true, kind: true, campusId: true, state: true, documentPublic: true, title: true, number: true, campusNumber: true, version: true },
  });
}
export type AgreementScope = NonNullable<Awaited<ReturnType<typeof getAgreementScope>>>;

/**
 * An agreement's page, as the actor may see it: its record, chain, children, amendments, the
 * roadmap items implementing it (drafts only where the policy allows) and, only when the actor may
 * read them, its signed copies.
 */
export async function getAgreementPage(id: string, actor: Principal | null, today: Date) {
  const a = await prisma.agreement.findUnique({
    where: { id },
    select: {
      ...ROW_SELECT,
      documentRef: true,
      summary: true,
      version: true,
      confirmedAt: true,
      parent: { select: CHAIN_SELECT },
      supersededBy: { select: CHAIN_SELECT },
      supersedes: { select: CHAIN_SELECT },
      signatories: { orderBy: { position: "asc" }, select: { campus: { select: { slug: true, name: true } } } },
      documents: { orderBy: { createdAt: "asc" }, select: DOCUMENT_SELECT },
      amendments: {
        orderBy: [{ signedOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, number: true, title: true, signedOn: true, summary: true, documents: { select: DOCUMENT_SELECT } },
      },
    },
  });
  if (!a) return null;
  const visible = visibleAgreementsWhere(actor);
  const showDocuments = mayReadDocuments(actor, a);
  const hidden = <C extends { state: string; campusId: string | null }>(c: C | null): C | null =>
    c && (c.state === "CONFIRMED" || (actor && can(actor, "agreement.read", agreementResource(c)))) ? c : null;
  const [children, items] = await Promise.all([
    prisma.agreement.findMany({ where: { AND: [visible, { parentId: id }] }, orderBy: [{ validFrom: "asc" }, { id: "asc" }], select: ROW_SELECT }),
    prisma.roadmapItem.findMany({
      where: { AND: [{ agreementId: id }, actor ? itemsWhereForScope(draftScope(actor)) : { visibility: "PUBLISHED" }] },
      orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
      select: { id: true, title: true, status: true, progress: true, plannedStart: true, plannedEnd: true, visibility: true, campus: { select: { abbreviation: true, name: true } } },
    }),
  ]);
  const { units, _count, documents, amendments, parent, supersededBy, supersedes, ...rest } = a;
  return {
    ...rest,
    parent: hidden(parent),
    supersededBy: hidden(supersededBy),
    supersedes: hidden(supersedes),
    units: units.map((u) => u.governmentUnit),
    hasDocument: _count.documents > 0,
    status: agreementStatus(a, today),
    showDocuments,
    documents: showDocuments ? documents : [],
    amendments: amendments.map((m) => ({ ...m, documents: showDocuments ? m.documents : [] })),
    children: children.map((c) => toRow(c, today)),
    items,
  };
}

/** The campus's items an agreement's page offers to attach (not yet attached to it). */
export async function attachableItems(agreement: { id: string; campusId: string | null }, actor: Principal): Promise<{ id: string; title: string }[]> {
  if (!agreement.campusId) return [];
  return prisma.roadmapItem.findMany({
    where: { AND: [{ campusId: agreement.campusId }, { OR: [{ agreementId: null }, { agreementId: { not: agreement.id } }] }, itemsWhereForScope(draftScope(actor))] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, title: true },
  });
}

// ---------- forms ----------

/** The parents a new PKS/IA may hang under, as the actor may see them, and the choices of the form. */
export async function newAgreementOptions(actor: Principal) {
  const [parents, campuses, units] = await Promise.all([
    prisma.agreement.findMany({
      where: { AND: [visibleAgreementsWhere(actor), { kind: { in: ["MOU", "PKS"] } }, { supersededById: null }] },
      orderBy: [{ kind: "asc" }, { validFrom: "asc" }],
      select: { id: true, kind: true, number: true, campusNumber: true, title: true, campusId: true, validFrom: true, validUntil: true },
    }),
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } }),
    prisma.governmentUnit.findMany({ where: { retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, abbreviation: true } }),
  ]);
  return { parents: parents.map((p) => ({ ...p, label: agreementLabel(p) })), campuses, units };
}

function problemsToErrors(problems: readonly { field: string; key: string; params?: Record<string, string> }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) (errors[p.field] ??= []).push(messageWithParams(p.key, p.params));
  return errors;
}

async function parentOf(tx: Tx, parentId: string) {
  const parent = await tx.agreement.findUnique({
    where: { id: parentId },
    select: {
      id: true,
      kind: true,
      number: true,
      campusNumber: true,
      title: true,
      campusId: true,
      state: true,
      supersededById: true,
      validFrom: true,
      validUntil: true,
      signatories: { select: { campusId: true } },
    },
  });
  return parent ? { ...parent, signatoryCampusIds: parent.signatories.map((s) => s.campusId) } : null;
}

/** The agreement in force in `parentId`'s place: itself, or the renewal that superseded it (and so on). */
async function liveParentOf(tx: Tx, parentId: string) {
  let parent = await parentOf(tx, parentId);
  for (let hops = 0; parent?.supersededById && hops < 50; hops++) parent = await parentOf(tx, parent.supersededById);
  return parent;
}

function recordData(input: AgreementRecordInput) {
  return {
    number: input.number ?? null,
    campusNumber: input.campusNumber ?? null,
    title: input.title,
    signedOn: input.signedOn ?? null,
    place: input.place ?? null,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    scopeResearch: !!input.scopeResearch,
    scopeDevelopment: !!input.scopeDevelopment,
    scopeCommunityService: !!input.scopeCommunityService,
    scopeEducation: !!input.scopeEducation,
    governmentSignatory: input.governmentSignatory ?? null,
    campusRepresentative: input.campusRepresentative ?? null,
    documentRef: input.documentRef ?? null,
    summary: input.summary ?? null,
    documentPublic: !!input.documentPublic,
  };
}

/** Whether a unit is unknown, or retired and not already a party to `agreementId` (a retired unit joins no new agreement). */
async function unknownUnits(tx: Tx, unitIds: readonly string[], agreementId?: string): Promise<boolean> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return false;
  const where = { id: { in: unique }, OR: [{ retiredAt: null }, ...(agreementId ? [{ agreements: { some: { agreementId } } }] : [])] };
  return (await tx.governmentUnit.count({ where })) !== unique.length;
}

async function setUnits(tx: Tx, agreementId: string, unitIds: readonly string[]) {
  await tx.agreementUnit.deleteMany({ where: { agreementId } });
  const unique = [...new Set(unitIds)];
  if (unique.length) await tx.agreementUnit.createMany({ data: unique.map((governmentUnitId) => ({ agreementId, governmentUnitId })) });
}

async function attachDocument(tx: Tx, stored: StoredFile | null, owner: { agreementId?: string; amendmentId?: string }, actor: AuditActor) {
  if (!stored) return null;
  return tx.evidence.create({ data: { kind: "FILE", ...stored, ...owner, uploadedById: actor.userId }, select: { id: true, fileName: true } });
}

type StoredFile = Awaited<ReturnType<typeof storeFile>>;

/** Stores the file before the transaction; removed again when the transaction refuses or fails. */
async function withStoredFile<T extends { ok: boolean }>(file: File | undefined, run: (stored: StoredFile | null) => Promise<T>): Promise<T> {
  const stored = file ? await storeFile(file) : null;
  try {
    const result = await run(stored);
    if (!result.ok && stored) await removeStoredFile(stored.storagePath);
    return result;
  } catch (error) {
    if (stored) await removeStoredFile(stored.storagePath);
    throw error;
  }
}

/**
 * Registers (the governor's office: confirmed at once) or proposes (a campus's liaison: a draft) a
 * PKS or IA under its parent. The chain's rules decide; the campus of an IA is its PKS's.
 */
export async function createAgreement(
  actor: Author,
  principal: Principal,
  input: Omit<NewAgreementInput, "file">,
  file: File | undefined,
  mode: "register" | "propose",
): Promise<{ ok: true; agreement: { id: string; title: string } } | Refused | { ok: false; forbidden: true }> {
  return withStoredFile(file, (stored) =>
    prisma.$transaction(async (tx) => {
      const parent = await parentOf(tx, input.parentId);
      // a parent the actor may not see (another campus's draft) is no parent at all
      if (!parent || parent.state !== "CONFIRMED" || parent.supersededById) return { ok: false as const, errors: { parentId: ["form.invalidChoice"] } };
      const campusId = campusOfChain(input.kind, parent, input.campusId ?? null);
      const data = recordData(input);
      const problems: AgreementProblem[] = checkAgreementChain({ kind: input.kind, campusId, validFrom: data.validFrom, validUntil: data.validUntil }, parent);
      // another campus's chain is not the actor's to propose in: refused as a permission, not as input
      if (campusId && !can(principal, mode === "register" ? "agreement.register" : "agreement.propose", { campusId })) return { ok: false as const, forbidden: true as const };
      const errors = problemsToErrors(problems);
      if (await unknownUnits(tx, input.unitIds)) errors.unitIds = ["form.invalidChoice"];
      if (Object.keys(errors).length) return { ok: false as const, errors };
      const state = mode === "register" ? "CONFIRMED" : "DRAFT";
      const agreement = await tx.agreement.create({
        data: {
          kind: input.kind,
          parentId: parent.id,
          campusId,
          state,
          ...data,
          proposedById: mode === "propose" ? actor.userId : null,
          confirmedById: state === "CONFIRMED" ? actor.userId : null,
          confirmedAt: state === "CONFIRMED" ? new Date() : null,
        },
        select: { id: true, title: true },
      });
      await setUnits(tx, agreement.id, input.unitIds);
      const document = await attachDocument(tx, stored, { agreementId: agreement.id }, actor);
      await recordAudit(tx, actor, {
        action: "create",
        entity: "Agreement",
        entityId: agreement.id,
        campusId,
        after: { kind: input.kind, parentId: parent.id, campusId, state, ...data, unitIds: input.unitIds, document: document?.fileName ?? null },
      });
      return { ok: true as const, agreement };
    }),
  );
}

/** Children and items that a new validity would leave outside it (a shorter PKS must not strand its IAs). */
async function strandedBy(tx: Tx, agreementId: string, validity: { validFrom: Date; validUntil: Date; kind: string; title: string; number: string | null; campusNumber: string | null }) {
  const [children, items] = await Promise.all([
    tx.agreement.findMany({ where: { parentId: agreementId, state: "CONFIRMED" }, select: { kind: true, number: true, campusNumber: true, title: true, validFrom: true, validUntil: true } }),
    tx.roadmapItem.findMany({ where: { agreementId }, select: { title: true, plannedStart: true, plannedEnd: true } }),
  ]);
  const errors: FieldErrors = {};
  for (const c of children) {
    if (c.validFrom < validity.validFrom) (errors.validFrom ??= []).push(messageWithParams("agreements.childOutside", { child: agreementLabel(c) }));
    if (c.validUntil > validity.validUntil) (errors.validUntil ??= []).push(messageWithParams("agreements.childOutside", { child: agreementLabel(c) }));
  }
  for (const item of items) {
    for (const p of itemOutsideAgreement(item, validity)) {
      const field = p.field === "plannedStart" ? "validFrom" : "validUntil";
      (errors[field] ??= []).push(messageWithParams("agreements.itemsOutside", { item: item.title }));
    }
  }
  return errors;
}

const EDITABLE = {
  kind: true,
  parentId: true,
  campusId: true,
  state: true,
  supersededById: true,
  version: true,
  number: true,
  campusNumber: true,
  title: true,
  signedOn: true,
  place: true,
  validFrom: true,
  validUntil: true,
  scopeResearch: true,
  scopeDevelopment: true,
  scopeCommunityService: true,
  scopeEducation: true,
  governmentSignatory: true,
  campusRepresentative: true,
  documentRef: true,
  summary: true,
  documentPublic: true,
  units: { select: { governmentUnitId: true } },
} satisfies Prisma.AgreementSelect;

/**
 * Saves an agreement's record edited from `version`: a conflict (nothing written) when someone saved
 * in between; refused when the new validity leaves its parent, its children or its items.
 */
export async function updateAgreement(
  actor: AuditActor,
  id: string,
  input: AgreementRecordInput & { version: number },
  principal: Principal,
): Promise<{ ok: true } | Stale | Refused | { ok: false; forbidden: true }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.agreement.findUniqueOrThrow({ where: { id }, select: EDITABLE });
    // decided again on the record as it is now: a liaison's proposal confirmed since the request
    // was checked is no longer theirs to edit
    if (!can(principal, "agreement.edit", agreementResource(current))) return { ok: false as const, forbidden: true as const };
    if (current.version !== input.version) return { ok: false as const, reason: "conflict" as const, version: current.version };
    const data = recordData(input);
    const parent = current.parentId ? await parentOf(tx, current.parentId) : null;
    const errors = problemsToErrors(checkAgreementChain({ kind: current.kind, campusId: current.campusId, validFrom: data.validFrom, validUntil: data.validUntil }, parent));
    const stranded = await strandedBy(tx, id, { ...data, kind: current.kind });
    for (const [field, list] of Object.entries(stranded)) (errors[field] ??= []).push(...list);
    if (await unknownUnits(tx, input.unitIds, id)) errors.unitIds = ["form.invalidChoice"];
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const { count } = await tx.agreement.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new Error("concurrent agreement update");
    await setUnits(tx, id, input.unitIds);
    const { units, version: _v, kind: _k, parentId: _p, state: _s, supersededById: _r, campusId, ...before } = current;
    await recordAudit(tx, actor, {
      action: "update",
      entity: "Agreement",
      entityId: id,
      campusId,
      before: { ...before, unitIds: units.map((u) => u.governmentUnitId).sort() },
      after: { ...data, unitIds: [...new Set(input.unitIds)].sort() },
    });
    return { ok: true as const };
  });
}

/** The governor's office confirms a campus's proposal: it becomes an agreement in force. */
export async function confirmAgreement(actor: AuditActor, id: string, version: number): Promise<{ ok: true } | Stale | Refused> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.agreement.findUniqueOrThrow({
      where: { id },
      select: { version: true, state: true, kind: true, campusId: true, parentId: true, validFrom: true, validUntil: true },
    });
    if (current.version !== version) return { ok: false as const, reason: "conflict" as const, version: current.version };
    if (current.state !== "DRAFT") return { ok: false as const, errors: { "": ["agreements.notADraft"] } };
    // the chain is checked again as it stands today: the parent may have been renewed, or shortened, since the proposal
    const parent = current.parentId ? await parentOf(tx, current.parentId) : null;
    if (parent && (parent.state !== "CONFIRMED" || parent.supersededById))
      return { ok: false as const, errors: { "": [messageWithParams("agreements.parentNotInForce", { parent: agreementLabel(parent) })] } };
    const problems = checkAgreementChain(current, parent);
    if (problems.length) return { ok: false as const, errors: { "": problems.map((p) => messageWithParams(p.key, p.params)) } };
    const confirmedAt = new Date();
    await tx.agreement.updateMany({
      where: { id, version },
      data: { state: "CONFIRMED", confirmedById: actor.userId, confirmedAt, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, { action: "state", entity: "Agreement", entityId: id, campusId: current.campusId, before: { state: "DRAFT" }, after: { state: "CONFIRMED" } });
    return { ok: true as const };
  });
}

/** Records an addendum (and its signed copy) on an agreement opened at `version`. */
export async function amendAgreement(
  actor: AuditActor,
  id: string,
  input: { number?: string; title: string; signedOn: Date; summary?: string; version: number },
  file: File | undefined,
): Promise<{ ok: true } | Stale | Refused> {
  return withStoredFile(file, (stored) =>
    prisma.$transaction(async (tx) => {
      const current = await tx.agreement.findUniqueOrThrow({ where: { id }, select: { version: true, campusId: true, signedOn: true, validFrom: true } });
      if (current.version !== input.version) return { ok: false as const, reason: "conflict" as const, version: current.version };
      const since = current.signedOn ?? current.validFrom;
      if (input.signedOn < since) return { ok: false as const, errors: { signedOn: [messageWithParams("agreements.amendBeforeAgreement", { from: toIsoDate(since) })] } };
      const amendment = await tx.agreementAmendment.create({
        data: { agreementId: id, number: input.number ?? null, title: input.title, signedOn: input.signedOn, summary: input.summary ?? null, createdById: actor.userId },
        select: { id: true },
      });
      const document = await attachDocument(tx, stored, { amendmentId: amendment.id }, actor);
      await tx.agreement.updateMany({ where: { id, version: input.version }, data: { version: { increment: 1 } } });
      await recordAudit(tx, actor, {
        action: "amend",
        entity: "Agreement",
        entityId: id,
        campusId: current.campusId,
        after: { amendment: input.title, number: input.number ?? null, signedOn: input.signedOn, document: document?.fileName ?? null },
      });
      return { ok: true as const };
    }),
  );
}

/**
 * Renews an agreement opened at `version`: a new confirmed agreement in the same place of the chain
 * (same kind, parent and campus) that supersedes it. The old one keeps its record, children and items.
 */
export async function renewAgreement(
  actor: AuditActor,
  id: string,
  input: AgreementRecordInput & { version: number },
  file: File | undefined,
): Promise<{ ok: true; agreement: { id: string } } | Stale | Refused> {
  return withStoredFile(file, (stored) =>
    prisma.$transaction(async (tx) => {
      const current = await tx.agreement.findUniqueOrThrow({ where: { id }, select: EDITABLE });
      if (current.version !== input.version) return { ok: false as const, reason: "conflict" as const, version: current.version };
      if (current.supersededById) return { ok: false as const, errors: { "": ["agreements.alreadyRenewed"] } };
      if (current.state !== "CONFIRMED") return { ok: false as const, errors: { "": ["agreements.notADraft"] } };
      const data = recordData(input);
      // an IA whose PKS has itself been renewed is renewed under the PKS in force
      const parent = current.parentId ? await liveParentOf(tx, current.parentId) : null;
      const errors = problemsToErrors(checkAgreementChain({ kind: current.kind, campusId: current.campusId, validFrom: data.validFrom, validUntil: data.validUntil }, parent));
      if (await unknownUnits(tx, input.unitIds, id)) errors.unitIds = ["form.invalidChoice"];
      if (Object.keys(errors).length) return { ok: false as const, errors };
      const renewal = await tx.agreement.create({
        data: { kind: current.kind, parentId: parent?.id ?? null, campusId: current.campusId, state: "CONFIRMED", ...data, confirmedById: actor.userId, confirmedAt: new Date() },
        select: { id: true },
      });
      await setUnits(tx, renewal.id, input.unitIds);
      await attachDocument(tx, stored, { agreementId: renewal.id }, actor);
      const { count } = await tx.agreement.updateMany({ where: { id, version: input.version }, data: { supersededById: renewal.id, version: { increment: 1 } } });
      if (count !== 1) throw new Error("concurrent agreement renewal");
      await recordAudit(tx, actor, { action: "create", entity: "Agreement", entityId: renewal.id, campusId: current.campusId, after: { kind: current.kind, parentId: parent?.id ?? null, supersedes: id, ...data } });
      await recordAudit(tx, actor, { action: "state", entity: "Agreement", entityId: id, campusId: current.campusId, before: { supersededById: null }, after: { supersededById: renewal.id } });
      return { ok: true as const, agreement: renewal };
    }),
  );
}

/** Adds a signed copy to an agreement (a liaison for their campus, or the governor's office). */
export async function uploadDocument(actor: AuditActor, agreement: AgreementScope, file: File) {
  return withStoredFile(file, (stored) =>
    prisma.$transaction(async (tx) => {
      const document = await attachDocument(tx, stored, { agreementId: agreement.id }, actor);
      await recordAudit(tx, actor, { action: "create", entity: "AgreementDocument", entityId: document!.id, campusId: agreement.campusId, after: { agreementId: agreement.id, fileName: document!.fileName } });
      return { ok: true as const };
    }),
  );
}

/**
 * Attaches a roadmap item to the PKS/IA it implements: the item must be of the agreement's campus
 * and run within its validity (the refusal names the agreement and why).
 */
export async function linkItem(actor: AuditActor, agreementId: string, itemId: string, principal: Principal): Promise<{ ok: true; title: string } | Refused> {
  return prisma.$transaction(async (tx) => {
    const agreement = await tx.agreement.findUniqueOrThrow({
      where: { id: agreementId },
      select: { id: true, kind: true, number: true, campusNumber: true, title: true, campusId: true, validFrom: true, validUntil: true, state: true, supersededById: true },
    });
    const item = await tx.roadmapItem.findUnique({ where: { id: itemId }, select: { id: true, title: true, campusId: true, visibility: true, agreementId: true, plannedStart: true, plannedEnd: true } });
    if (!item || !can(principal, "item.read", item)) return { ok: false as const, errors: { itemId: ["form.invalidChoice"] } };
    if (item.campusId !== agreement.campusId) return { ok: false as const, errors: { itemId: ["agreements.itemOtherCampus"] } };
    if (agreement.state !== "CONFIRMED" || agreement.supersededById) return { ok: false as const, errors: { itemId: ["agreements.linkNeedsConfirmed"] } };
    const problems = itemOutsideAgreement(item, agreement);
    if (problems.length) return { ok: false as const, errors: { itemId: problems.map((p) => messageWithParams(p.key, p.params)) } };
    await tx.roadmapItem.update({ where: { id: itemId }, data: { agreementId, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "update", entity: "RoadmapItem", entityId: itemId, itemId, campusId: item.campusId, before: { agreementId: item.agreementId }, after: { agreementId } });
    return { ok: true as const, title: item.title };
  });
}

/** Changes to an agreement saved after `since` (listed on a conflict). */
export function agreementChangesSince(id: string, since: Date): Promise<RecordChange[]> {
  return changesSince([{ entity: "Agreement", entityIds: [id], actions: ["update", "state", "amend"] }], since);
}

/** Of an agreement, whether the viewer made its latest saved change (their form may reopen on it). */
export async function lastSavedByViewer(userId: string, id: string): Promise<boolean> {
  const latest = await prisma.auditEvent.findFirst({ where: { entity: "Agreement", entityId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorId: true } });
  return latest?.actorId === userId;
}

// ---------- documents ----------

/** A signed copy with what decides who may read it. */
export function getAgreementDocument(evidenceId: string) {
  return prisma.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      kind: true,
      fileName: true,
      storagePath: true,
      mimeType: true,
      agreement: { select: { campusId: true, state: true, documentPublic: true } },
      amendment: { select: { agreement: { select: { campusId: true, state: true, documentPublic: true } } } },
    },
  });
}

// ---------- /publik ----------

/**
 * The confirmed PKS and IAs for the public page: numbers, dates, scope, parties and status; a
 * signed copy only when it is marked public. Nothing of a draft, nothing personal.
 */
export async function publicAgreements(today: Date) {
  const rows = await prisma.agreement.findMany({
    where: { state: "CONFIRMED", kind: { in: ["PKS", "IA"] } },
    orderBy: [{ campus: { position: "asc" } }, { kind: "desc" }, { validFrom: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      number: true,
      campusNumber: true,
      title: true,
      signedOn: true,
      place: true,
      validFrom: true,
      validUntil: true,
      supersededById: true,
      state: true,
      scopeResearch: true,
      scopeDevelopment: true,
      scopeCommunityService: true,
      scopeEducation: true,
      documentPublic: true,
      campus: { select: { name: true, abbreviation: true } },
      units: { select: { governmentUnit: { select: { name: true, abbreviation: true } } } },
      documents: { select: { id: true, fileName: true } },
    },
  });
  return rows.map(({ documents, units, documentPublic, state: _s, supersededById: _r, ...a }) => ({
    ...a,
    units: units.map((u) => u.governmentUnit),
    status: agreementStatus({ ...a, state: "CONFIRMED", supersededById: _r }, today),
    documents: documentPublic ? documents : [],
  }));
}

// ---------- the daily expiry warning (a scheduled job of app/models/nudge.server.ts) ----------

/**
 * 90 and 30 days before an agreement in force ends, its campus's liaisons and the reviewers are
 * told (in the app and by e-mail, through notifyUsers); each warning once, recorded as a Nudge.
 */
export async function agreementExpiryWarnings(tx: Tx, now: Date): Promise<number> {
  const today = todayInBanten(now);
  const ending = await tx.agreement.findMany({
    where: { AND: [needsRenewalWhere(today), { validUntil: { gte: today, lte: addDays(today, EXPIRY_WARNINGS[0]) } }] },
    orderBy: [{ validUntil: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, number: true, campusNumber: true, title: true, campusId: true, validUntil: true },
  });
  const due = ending
    .map((a) => ({ a, window: expiryWarningDue(a.validUntil, today) }))
    .filter((d): d is { a: (typeof ending)[number]; window: (typeof EXPIRY_WARNINGS)[number] } => d.window !== null)
    .map((d) => ({ ...d, key: `agreement-ending-${d.window}:${d.a.id}:${toIsoDate(d.a.validUntil)}` }));
  if (due.length === 0) return 0;
  const said = new Set((await tx.nudge.findMany({ where: { key: { in: due.map((d) => d.key) } }, select: { key: true } })).map((n) => n.key));
  const reviewers = await activeUserIdsWithRoles(tx, ["REVIEWER"]);
  let messages = 0;
  for (const { a, key } of due) {
    if (said.has(key)) continue;
    const liaisons = a.campusId ? await campusLiaisonIds(tx, a.campusId) : [];
    messages += await notifyUsers(tx, [...liaisons, ...reviewers], {
      kind: "notify.agreementEnding",
      params: { agreement: agreementLabel(a), until: toIsoDate(a.validUntil), days: daysBetween(today, a.validUntil) },
      link: `/agreements/${a.id}`,
      campusId: a.campusId,
    });
    await tx.nudge.create({ data: { key, kind: "agreement-ending", campusId: a.campusId, createdAt: now } });
  }
  return messages;
}

// ---------- exports ----------

/**
 * The rows of agreements.csv and the workbook's "Perjanjian" sheet: the agreements the viewer may
 * see, under the registry's filters; a liaison exports their own campus's only (another campus
 * asked for: null, refused). Drafts follow the registry's rule.
 */
export async function agreementExportRows(actor: Principal, filter: AgreementFilter, today: Date): Promise<AgreementExportRow[] | null> {
  const and: Prisma.AgreementWhereInput[] = [visibleAgreementsWhere(actor), ...filterWhere(filter, today)];
  if (!can(actor, "export.read")) {
    const own = actor.campusIds.filter((campusId) => can(actor, "export.read", { campusId }));
    if (own.length === 0) return null;
    if (filter.campus) {
      const campus = await prisma.campus.findUnique({ where: { slug: filter.campus }, select: { id: true } });
      if (!campus || !own.includes(campus.id)) return null;
    }
    and.push({ campusId: { in: own } });
  }
  const rows = await prisma.agreement.findMany({
    where: { AND: and },
    orderBy: [{ kind: "desc" }, { validFrom: "asc" }, { id: "asc" }],
    select: {
      ...ROW_SELECT,
      parent: { select: { kind: true, title: true } },
      // the items the viewer may see: another campus's drafts are not counted for them
      _count: { select: { documents: true, amendments: true, roadmapItems: { where: itemsWhereForScope(draftScope(actor)) } } },
    },
  });
  // the MOU first, then PKS, then IA
  const order = ["MOU", "PKS", "IA"];
  rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return rows.map((r) => ({
    kind: r.kind,
    number: r.number,
    campusNumber: r.campusNumber,
    title: r.title,
    status: agreementStatus(r, today),
    parent: r.parent,
    campus: r.campus ? { name: r.campus.name } : null,
    units: r.units.map((u) => ({ name: u.governmentUnit.name })),
    signedOn: r.signedOn,
    place: r.place,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    scopeResearch: r.scopeResearch,
    scopeDevelopment: r.scopeDevelopment,
    scopeCommunityService: r.scopeCommunityService,
    scopeEducation: r.scopeEducation,
    documents: r._count.documents,
    documentPublic: r.documentPublic,
    amendments: r._count.amendments,
    items: r._count.roadmapItems,
  }));
}
