import { z } from "zod";
import { parseDecimal } from "../indicator";
import { isoDate } from "./dates";
import { requiredText } from "./fields";
import { recordVersion, startedAt } from "./version";

// Numbers are typed as text so "46,03" (Indonesian decimal comma) is accepted as well as "46.03".
const decimal = () =>
  z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .transform((text, ctx) => {
      const value = parseDecimal(text);
      if (value === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.invalidNumber" });
        return z.NEVER;
      }
      return value;
    });

const optionalDecimal = () => decimal().optional();

export const MIN_INDICATOR_YEAR = 2000;

/** Recording an actual value of an indicator (the governor's office). */
export function recordValueSchema(today: Date) {
  const currentYear = today.getUTCFullYear();
  return z
    .object({
      year: z
        .number({ required_error: "form.required", invalid_type_error: "form.invalidNumber" })
        .int("form.wholeNumber")
        .min(MIN_INDICATOR_YEAR, "indicator.yearRange")
        .max(currentYear, "indicator.yearRange"),
      observedOn: isoDate(),
      value: decimal(),
      numerator: optionalDecimal(),
      denominator: optionalDecimal(),
      source: requiredText(500),
      // the indicator's version when the page was opened (lost-update check)
      version: recordVersion(),
      startedAt: startedAt(),
    })
    .superRefine((v, ctx) => {
      if (v.observedOn > today) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["observedOn"], message: "indicator.observedFuture" });
      else if (v.observedOn.getUTCFullYear() < v.year)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["observedOn"], message: "indicator.observedBeforeYear" });
      if ((v.numerator === undefined) !== (v.denominator === undefined)) {
        const path = v.numerator === undefined ? "numerator" : "denominator";
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: "indicator.fractionPair" });
      }
      if (v.numerator !== undefined && v.numerator < 0)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["numerator"], message: "form.notNegative" });
      if (v.denominator !== undefined && v.denominator <= 0)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["denominator"], message: "indicator.denominatorPositive" });
    });
}

export type RecordValueInput = z.output<ReturnType<typeof recordValueSchema>>;

/** Linking a roadmap item to an indicator, or unlinking it. */
export const linkItemSchema = z.object({
  itemId: z.string({ required_error: "indicator.chooseItem" }).trim().min(1, "indicator.chooseItem").max(40, "form.invalidChoice"),
  version: recordVersion(),
  startedAt: startedAt(),
});
export type LinkItemInput = z.output<typeof linkItemSchema>;
