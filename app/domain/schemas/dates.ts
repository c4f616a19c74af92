import { z } from "zod";
import { parseIsoDate } from "../dates";

/** A calendar date from <input type="date"> (yyyy-mm-dd), as UTC midnight. */
export const isoDate = () =>
  z
    .string({ required_error: "form.required" })
    .transform((value, ctx) => {
      const date = parseIsoDate(value.trim());
      if (!date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.invalidDate" });
        return z.NEVER;
      }
      return date;
    });

export const optionalIsoDate = () => isoDate().optional();
