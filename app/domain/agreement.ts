import { addDays, startOfDay } from "./dates";

export const ENDING_SOON_DAYS = 90;

export type AgreementStatus = "ACTIVE" | "ENDING_SOON" | "EXPIRED" | "NOT_YET_VALID";

/**
 * Status of an agreement computed from its validity dates on `today`:
 * valid through the whole of its last day; "ending soon" when that day is within 90 days.
 */
export function agreementStatus(
  validity: { validFrom: Date; validUntil: Date },
  today: Date = new Date(),
): AgreementStatus {
  const day = startOfDay(today);
  if (day < startOfDay(validity.validFrom)) return "NOT_YET_VALID";
  const last = startOfDay(validity.validUntil);
  if (day > last) return "EXPIRED";
  if (last <= addDays(day, ENDING_SOON_DAYS)) return "ENDING_SOON";
  return "ACTIVE";
}
