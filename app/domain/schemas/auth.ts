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

const campusSlugs = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(100)).max(20),
);

const userFields = {
  name: requiredText(120),
  role: choice(ROLES),
  campuses: campusSlugs,
};

const liaisonNeedsCampus = (v: { role: string; campuses: string[] }) => v.role !== "LIAISON" || v.campuses.length > 0;

export const createUserSchema = z
  .object({ intent: z.literal("create"), email: email(), password: newPassword(), ...userFields })
  .refine(liaisonNeedsCampus, { path: ["campuses"], message: "users.campusRequired" });

export const updateUserSchema = z
  .object({ intent: z.literal("update"), ...userFields })
  .refine(liaisonNeedsCampus, { path: ["campuses"], message: "users.campusRequired" });
