import { z } from "zod";
import { OBSTACLE_OWNER_SIDES } from "../enums";
import { optionalIsoDate } from "./dates";
import { choice, optionalText, requiredText } from "./fields";

/**
 * Handing an open obstacle to its owner: the campus, or a government unit (which must then be
 * named; that it exists and is not retired is the model's check, a field error on ownerUnitId).
 */
export const assignObstacleSchema = z
  .object({
    obstacleId: z.string({ required_error: "form.required" }).max(40),
    ownerSide: choice(OBSTACLE_OWNER_SIDES),
    ownerUnitId: z.string().max(40).optional(),
    ownerName: optionalText(120),
    dueDate: optionalIsoDate(),
  })
  .superRefine((v, ctx) => {
    if (v.ownerSide === "GOVERNMENT" && !v.ownerUnitId)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["ownerUnitId"], message: "obstacle.unitRequired" });
  })
  .transform((v) => ({ ...v, ownerUnitId: v.ownerSide === "GOVERNMENT" ? v.ownerUnitId : undefined }));

export type AssignObstacleInput = z.output<typeof assignObstacleSchema>;

/** A government unit's note on an item: what it delivered or what it needs. */
export const governmentNoteSchema = z.object({ body: requiredText(2000) });
