import { z } from "zod";
import { ITEM_VISIBILITIES, TRI_DHARMA_FIELDS } from "../enums";
import { checkPlannedDates } from "../roadmap";
import { isoDate } from "./dates";
import { choice, optionalText, requiredText } from "./fields";

const id = () => z.string().max(40).optional();

/**
 * The roadmap item form (new and edit), with the validity of the campus's agreement so dates
 * outside it are refused with a reason. Shared by the server and the browser.
 */
export function itemSchema(validity: { validFrom: Date; validUntil: Date } | null) {
  return z
    .object({
      title: requiredText(200),
      description: optionalText(5000),
      priorityAreaId: z.string({ required_error: "form.required" }).max(40),
      triDharma: choice(TRI_DHARMA_FIELDS),
      teamId: id(),
      governmentUnitId: id(),
      campusPicName: requiredText(120),
      campusPicContact: optionalText(200),
      govPicName: requiredText(120),
      govPicContact: optionalText(200),
      plannedStart: isoDate(),
      plannedEnd: isoDate(),
      targets: optionalText(5000),
      budgetIdr: z
        .number({ invalid_type_error: "form.invalidNumber" })
        .int("form.wholeNumber")
        .min(0, "form.notNegative")
        .max(1e15, "form.tooLarge")
        .optional(),
      industryPartners: optionalText(1000),
      visibility: choice(ITEM_VISIBILITIES).default("DRAFT"),
      /** the version the user started editing from (edit only) */
      version: z.number().int().positive().optional(),
    })
    .superRefine((values, ctx) => {
      for (const problem of checkPlannedDates(values, validity)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.field], message: problem.key });
      }
    });
}

export type ItemInput = z.infer<ReturnType<typeof itemSchema>>;
