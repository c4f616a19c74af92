import { parseWithZod } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";
import { amendAgreementSchema, linkItemSchema as agreementLinkItemSchema, newAgreementSchema, renewAgreementSchema, updateAgreementSchema, uploadDocumentSchema } from "./agreement";
import { changePasswordSchema, createUserSchema, loginSchema, resetPasswordSchema, updateUserSchema } from "./auth";
import { linkItemSchema as indicatorLinkItemSchema, recordValueSchema } from "./indicator";
import { itemSchema } from "./item";
import { mailPreferencesSchema } from "./mail";
import { evaluateMilestoneSchema, newMilestoneSchema, submitMilestoneSchema } from "./milestone";
import { assignObstacleSchema, governmentNoteSchema } from "./obstacle";
import { checkInSchema, commentSchema, progressUpdateSchema, resolveObstacleSchema } from "./progress";
import { addMemberSchema, createTeamSchema, updateMemberSchema, updateTeamSchema } from "./team";
import { closeQuarterSchema } from "./quarter";
import { createUnitSchema, updateUnitSchema } from "./unit";

/**
 * Every form the browser validates, by name, with what its schema depends on. The browser loads
 * this module (and Zod with it) only when the user first works in a form: see
 * app/components/use-lazy-validation.ts. The server imports the schemas from their own modules.
 */
export const formSchemas = {
  login: () => loginSchema,
  resetPassword: () => resetPasswordSchema,
  changePassword: () => changePasswordSchema,
  mailPreferences: () => mailPreferencesSchema,
  createUser: () => createUserSchema,
  updateUser: () => updateUserSchema,
  createUnit: () => createUnitSchema,
  updateUnit: () => updateUnitSchema,
  createTeam: () => createTeamSchema,
  updateTeam: () => updateTeamSchema,
  addMember: () => addMemberSchema,
  updateMember: () => updateMemberSchema,
  item: (validity: { validFrom: Date; validUntil: Date } | null) => itemSchema(validity),
  newMilestone: () => newMilestoneSchema,
  submitMilestone: () => submitMilestoneSchema,
  evaluateMilestone: () => evaluateMilestoneSchema,
  progressUpdate: (today: Date) => progressUpdateSchema(today),
  checkIn: (today: Date) => checkInSchema(today),
  resolveObstacle: () => resolveObstacleSchema,
  assignObstacle: () => assignObstacleSchema,
  comment: () => commentSchema,
  governmentNote: () => governmentNoteSchema,
  recordIndicatorValue: (today: Date) => recordValueSchema(today),
  indicatorLinkItem: () => indicatorLinkItemSchema,
  newAgreement: () => newAgreementSchema,
  updateAgreement: () => updateAgreementSchema,
  renewAgreement: () => renewAgreementSchema,
  amendAgreement: () => amendAgreementSchema,
  uploadAgreementDocument: () => uploadDocumentSchema,
  agreementLinkItem: () => agreementLinkItemSchema,
  closeQuarter: () => closeQuarterSchema,
} satisfies Record<string, (...args: never[]) => ZodTypeAny>;

export type FormSchemas = typeof formSchemas;
export type FormKey = keyof FormSchemas;
export type FormArgs<K extends FormKey> = Parameters<FormSchemas[K]>;

/** What the browser ran before validation became lazy: Conform's parseWithZod with the form's schema. */
export function validateForm<K extends FormKey>(key: K, args: FormArgs<K>, formData: FormData) {
  const schema = (formSchemas[key] as (...a: FormArgs<K>) => ZodTypeAny)(...args);
  return parseWithZod(formData, { schema });
}
