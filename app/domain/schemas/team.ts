import { z } from "zod";
import { isWithinEra, parseIsoDate } from "../dates";
import { MEMBER_ROLES, MEMBER_SIDES } from "../enums";
import { choice, optionalText, requiredText } from "./fields";
import { recordVersion, startedAt } from "./version";

// Forms of the joint teams screens: one schema per intent, used by the server and the browser.

/** yyyy-mm-dd from <input type=date>, as UTC midnight; empty means "not recorded". */
const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parseIsoDate(v) !== null, "teams.invalidDate")
  .refine((v) => {
    const date = v ? parseIsoDate(v) : null;
    return !date || isWithinEra(date);
  }, "form.dateOutOfRange")
  .transform((v) => (v ? parseIsoDate(v) : null));

const teamFields = {
  name: requiredText(200),
  decreeRef: optionalText(200),
  decreeDate: optionalIsoDate,
  mandate: optionalText(2000),
};

export const createTeamSchema = z.object({ intent: z.literal("create-team"), ...teamFields });
/** Edits carry the version the form was opened at (a save over someone else's is refused). */
const versioned = { version: recordVersion(), startedAt: startedAt() };

export const updateTeamSchema = z.object({ intent: z.literal("update-team"), ...teamFields, ...versioned });

export const PHONE_PATTERN = /^[0-9+ ]+$/;

const memberFields = {
  name: requiredText(160),
  side: choice(MEMBER_SIDES),
  role: choice(MEMBER_ROLES),
  position: optionalText(160),
  organization: optionalText(200),
  governmentUnitId: z.string().trim().max(100).optional(),
  email: z.string().trim().toLowerCase().email("form.invalidEmail").max(200, "form.tooLong").optional(),
  phone: z.string().trim().max(40, "form.tooLong").regex(PHONE_PATTERN, "teams.invalidPhone").optional(),
};

const unitForGovernment = (v: { side: string; governmentUnitId?: string }) =>
  v.side !== "GOVERNMENT" || !!v.governmentUnitId;
const unitRule = { path: ["governmentUnitId"], message: "teams.unitRequired" };

export const addMemberSchema = z
  .object({ intent: z.literal("add-member"), ...memberFields })
  .refine(unitForGovernment, unitRule);

export const updateMemberSchema = z
  .object({ intent: z.literal("update-member"), memberId: requiredText(100), ...memberFields, ...versioned })
  .refine(unitForGovernment, unitRule);

export const removeMemberSchema = z.object({ intent: z.literal("remove-member"), memberId: requiredText(100), ...versioned });

export type TeamInput = z.infer<typeof createTeamSchema>;
export type TeamUpdateInput = z.infer<typeof updateTeamSchema>;
export type MemberInput = z.infer<typeof addMemberSchema>;
export type MemberUpdateInput = z.infer<typeof updateMemberSchema>;
