import { z } from "zod";
import { startOfDay } from "../dates";
import { isoDate, optionalIsoDate } from "./dates";
import { optionalText, requiredText } from "./fields";
import { recordVersion, startedAt } from "./version";

// Forms of the agreement chain: one schema per intent, used by the server and the browser. The
// rules of the chain (parent, campus, validity within the parent) need the parent record and are
// checked by the model with app/domain/agreement.ts; here only what one form can tell by itself.

const id = () => z.string().trim().max(40).optional();

/** The signed copy: one PDF (the evidence limits apply); absent or empty means "none chosen". */
export const agreementFile = () =>
  z
    .any()
    .transform((v): File | undefined => (typeof v === "object" && v !== null && "size" in v && (v as File).size > 0 ? (v as File) : undefined))
    .superRefine((file, ctx) => {
      if (!file) return;
      const isPdf = file.name.toLowerCase().endsWith(".pdf") && (!file.type || file.type === "application/pdf" || file.type === "application/octet-stream");
      if (!isPdf) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "agreements.pdfOnly" });
      else if (file.size > 10 * 1024 * 1024) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "evidence.tooLarge" });
    });

const unitIds = () =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim().max(40)).max(20));

const SCOPE = ["scopeResearch", "scopeDevelopment", "scopeCommunityService", "scopeEducation"] as const;
export const SCOPE_FIELDS = SCOPE;

/** The record of a PKS/IA, shared by registering, proposing, editing and renewing. */
const recordFields = {
  number: optionalText(120),
  campusNumber: optionalText(120),
  title: requiredText(300),
  signedOn: optionalIsoDate(),
  place: optionalText(200),
  validFrom: isoDate(),
  validUntil: isoDate(),
  scopeResearch: z.boolean().optional(),
  scopeDevelopment: z.boolean().optional(),
  scopeCommunityService: z.boolean().optional(),
  scopeEducation: z.boolean().optional(),
  unitIds: unitIds(),
  governmentSignatory: optionalText(200),
  campusRepresentative: optionalText(200),
  documentRef: optionalText(300),
  summary: optionalText(3000),
  documentPublic: z.boolean().optional(),
};

function datesInOrder(v: { validFrom: Date; validUntil: Date; signedOn?: Date }, ctx: z.RefinementCtx) {
  if (startOfDay(v.validUntil) < startOfDay(v.validFrom))
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["validUntil"], message: "agreements.endBeforeStart" });
}

/** Registering (or proposing) a PKS or IA under its parent, with its signed copy if there is one. */
export const newAgreementSchema = z
  .object({
    kind: z.enum(["PKS", "IA"], { required_error: "form.required", invalid_type_error: "form.invalidChoice", message: "form.invalidChoice" }),
    parentId: z.string({ required_error: "agreements.parentRequired" }).trim().min(1, "agreements.parentRequired").max(40),
    campusId: id(),
    ...recordFields,
    file: agreementFile(),
  })
  .superRefine(datesInOrder);
export type NewAgreementInput = z.infer<typeof newAgreementSchema>;

const versioned = { version: recordVersion(), startedAt: startedAt() };

/** Editing an agreement's record (kind, parent and campus stay: a different chain is a new agreement). */
export const updateAgreementSchema = z.object({ intent: z.literal("update"), ...recordFields, ...versioned }).superRefine(datesInOrder);
export type AgreementRecordInput = Omit<z.infer<typeof updateAgreementSchema>, "intent" | "version" | "startedAt">;

export const confirmAgreementSchema = z.object({ intent: z.literal("confirm"), ...versioned });

/** An addendum: it changes terms without replacing the agreement. */
export const amendAgreementSchema = z.object({
  intent: z.literal("amend"),
  number: optionalText(120),
  title: requiredText(300),
  signedOn: isoDate(),
  summary: optionalText(3000),
  file: agreementFile(),
  ...versioned,
});

/** A renewal: a new agreement in the same place of the chain that supersedes this one. */
export const renewAgreementSchema = z
  .object({ intent: z.literal("renew"), ...recordFields, file: agreementFile(), ...versioned })
  .superRefine(datesInOrder);

export const uploadDocumentSchema = z.object({
  intent: z.literal("upload"),
  file: agreementFile().refine((f) => !!f, "agreements.fileRequired"),
});

export const linkItemSchema = z.object({
  intent: z.literal("link-item"),
  itemId: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(40),
});
