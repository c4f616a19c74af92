import { z } from "zod";
import { isWithinEra, parseIsoDate } from "../dates";

/**
 * A calendar date from <input type="date"> (yyyy-mm-dd), as UTC midnight, between 2000 and 2100.
 * A date that is no date is a fatal issue: the schema's cross-field rules never see it.
 */
export const isoDate = () =>
  z
    .string({ required_error: "form.required" })
    .transform((value, ctx) => {
      const date = parseIsoDate(value.trim());
      if (!date || !isWithinEra(date)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: date ? "form.dateOutOfRange" : "form.invalidDate", fatal: true });
        return z.NEVER;
      }
      return date;
    });

export const optionalIsoDate = () => isoDate().optional();

/** A whole number written in decimal digits (a form field's text; "0x10" or "1e2" is no number here). */
export function strictNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return value;
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
}
