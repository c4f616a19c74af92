import { z } from "zod";

// Building blocks for form schemas. Messages are dictionary keys, translated where shown.

export const requiredText = (max = 2000) =>
  z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(max, "form.tooLong");

export const optionalText = (max = 5000) => z.string().trim().max(max, "form.tooLong").optional();

export const email = () =>
  z.string({ required_error: "form.required" }).trim().toLowerCase().email("form.invalidEmail").max(200, "form.tooLong");

export const newPassword = () =>
  z.string({ required_error: "form.required" }).min(10, "form.passwordTooShort").max(200, "form.tooLong");

export const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { required_error: "form.required", invalid_type_error: "form.invalidChoice", message: "form.invalidChoice" });
