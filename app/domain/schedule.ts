import { addDays, startOfDay, toIsoDate } from "./dates";

// When the scheduled jobs run: at 07:00 in Banten (WIB, UTC+7, no daylight saving), daily or on
// Mondays. A job's period is the latest such moment at or before `now`; a run is recorded per
// period, so a server started after 07:00 catches up on the day's (or the week's) run once.

export const JOB_HOUR_WIB = 7;
const WIB_OFFSET_MS = 7 * 3_600_000;

export type Cadence = "daily" | "weekly";

/** The croner pattern of a cadence, in Asia/Jakarta. */
export function cronPattern(cadence: Cadence): string {
  return cadence === "daily" ? `0 ${JOB_HOUR_WIB} * * *` : `0 ${JOB_HOUR_WIB} * * 1`;
}

/** The start of the period `now` falls in, as an instant, and its key (the WIB date it began). */
export function periodOf(cadence: Cadence, now: Date): { key: string; start: Date } {
  // shift so that 07:00 WIB becomes midnight, and take the day
  const shifted = new Date(now.getTime() + WIB_OFFSET_MS - JOB_HOUR_WIB * 3_600_000);
  let day = startOfDay(shifted);
  if (cadence === "weekly") day = addDays(day, -((day.getUTCDay() + 6) % 7));
  const start = new Date(day.getTime() - WIB_OFFSET_MS + JOB_HOUR_WIB * 3_600_000);
  return { key: cadence === "weekly" ? `week-of-${toIsoDate(day)}` : toIsoDate(day), start };
}
