import { z } from "zod";
import { QUARTER_PATTERN } from "../quarter";

/** Closing a quarter (its schema apart from app/domain/quarter.ts, so the quarter pages load no Zod). */
export const closeQuarterSchema = z.object({
  intent: z.literal("close"),
  quarter: z
    .string({ required_error: "form.required" })
    .trim()
    .regex(QUARTER_PATTERN, "quarters.error.format"),
});
