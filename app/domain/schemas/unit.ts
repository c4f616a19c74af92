import { z } from "zod";
import { UNIT_KINDS } from "../enums";
import { choice, optionalText, requiredText } from "./fields";
import { recordVersion, startedAt } from "./version";

// The forms of /admin/units: add a unit, edit it (version-checked), retire and reinstate it.

const unitFields = {
  name: requiredText(160),
  abbreviation: optionalText(40),
  kind: choice(UNIT_KINDS),
  parentOrganization: optionalText(160),
};

export const createUnitSchema = z.object({ intent: z.literal("create"), ...unitFields });
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z.object({ intent: z.literal("update"), ...unitFields, version: recordVersion(), startedAt: startedAt() });
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

/** Retiring asks for an explicit confirmation: a ticked box, never one click. */
export const retireUnitSchema = z.object({
  intent: z.literal("retire"),
  confirm: z.literal("on", { errorMap: () => ({ message: "unitAdmin.retireConfirmRequired" }) }),
  version: recordVersion(),
  startedAt: startedAt(),
});

export const reinstateUnitSchema = z.object({ intent: z.literal("reinstate"), version: recordVersion(), startedAt: startedAt() });

/**
 * A unit's code (its slug in addresses) from its abbreviation, or its name without one: lower-case
 * ASCII letters and digits joined by single hyphens ("Biro Adpim" → "biro-adpim"); "" when nothing
 * is left.
 */
export function unitCodeFrom(source: { name: string; abbreviation?: string | null }): string {
  const text = source.abbreviation?.trim() || source.name;
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
