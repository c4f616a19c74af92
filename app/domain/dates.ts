// Calendar helpers. Dates are stored as UTC midnight of the calendar day they name.

const DAY_MS = 86_400_000;

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (calendar days, UTC). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/** Parses an ISO calendar date (yyyy-mm-dd) to UTC midnight, or null. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d! ? date : null;
}

/** The Kesepakatan Bersama was signed on this day: nothing is reported on before it. */
export const AGREEMENT_SIGNED_ON = new Date(Date.UTC(2025, 10, 26));
/** Dates this tracker has any use for (baselines from 2000, plans well past the RPJMD). */
export const FIRST_DAY = new Date(Date.UTC(2000, 0, 1));
export const LAST_DAY = new Date(Date.UTC(2100, 11, 31));

export function isWithinEra(date: Date): boolean {
  return date >= FIRST_DAY && date <= LAST_DAY;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The reporting quarter of a date, e.g. "2026-Q1". */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** First and last day of a quarter such as "2026-Q1". */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = addDays(new Date(Date.UTC(year, q * 3, 1)), -1);
  return { start, end };
}

/** Today's calendar date in Banten (WIB, UTC+7), as UTC midnight. */
export function todayInBanten(now: Date = new Date()): Date {
  return startOfDay(new Date(now.getTime() + 7 * 3_600_000));
}
