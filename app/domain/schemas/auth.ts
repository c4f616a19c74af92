import { z } from "zod";
import { ROLES } from "../enums";
import { choice, email, newPassword, requiredText } from "./fields";

export const loginSchema = z.object({
  email: email(),
  password: z.string({ required_error: "form.required" }).max(200, "form.tooLong"),
  redirectTo: z.string().optional(),
});

const withConfirmation = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, newPassword: newPassword(), confirmPassword: z.string({ required_error: "form.required" }) })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "form.passwordMismatch" });

export const changePasswordSchema = withConfirmation({
  currentPassword: z.string({ required_error: "form.required" }).max(200, "form.tooLong"),
});

export const resetPasswordSchema = withConfirmation({});

// A plain array (Conform turns no checkbox into [] and one into [slug]), so both sides type it string[].
const campusSlugs = z.array(z.string().max(100, "form.tooLong"), { invalid_type_error: "form.invalidChoice" }).max(20, "form.tooLong");

// The codes of the government units a unit focal point (UNIT) serves, like a liaison's campuses.
const unitCodes = z.array(z.string().max(100, "form.tooLong"), { invalid_type_error: "form.invalidChoice" }).max(20, "form.tooLong");

const userFields = {
  name: requiredText(120),
  role: choice(ROLES),
  campuses: campusSlugs,
  units: unitCodes,
};

const liaisonNeedsCampus = (v: { role: string; campuses: string[] }) => v.role !== "LIAISON" || v.campuses.length > 0;
const unitNeedsUnit = (v: { role: string; units: string[] }) => v.role !== "UNIT" || v.units.length > 0;

export const createUserSchema = z
  .object({ intent: z.literal("create"), email: email(), password: newPassword(), ...userFields })
  .refine(liaisonNeedsCampus, { path: ["campuses"], message: "users.campusRequired" })
  .refine(unitNeedsUnit, { path: ["units"], message: "users.unitRequired" });

export const updateUserSchema = z
  .object({ intent: z.literal("update"), ...userFields })
  .refine(liaisonNeedsCampus, { path: ["campuses"], message: "users.campusRequired" })
  .refine(unitNeedsUnit, { path: ["units"], message: "users.unitRequired" });

/** The buttons of an account's administration page other than "update": no fields of their own. */
export const USER_ACCESS_INTENTS = ["deactivate", "activate", "revoke-sessions", "issue-reset"] as const;
export const userAccessSchema = z.object({ intent: z.enum(USER_ACCESS_INTENTS) });
