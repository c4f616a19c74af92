import { z } from "zod";
import { QUARTER_PATTERN } from "../quarter";

/** Closing a quarter on /quarters (whether it may be closed is the model's rule, `closeQuarter`). */
export const closeQuarterSchema = z.object({
  intent: z.literal("close"),
  quarter: z
    .string({ required_error: "form.required" })
    .trim()
    .regex(QUARTER_PATTERN, "quarters.error.format"),
});
