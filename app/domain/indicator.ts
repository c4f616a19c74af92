// Regional indicators (RPJMD): are we on course to reach the targets? Pure functions, no I/O.
import type { Locale } from "./enums";
import { formatUpToTwoDecimals } from "./i18n";

export const INDICATOR_DIRECTIONS = ["INCREASE", "DECREASE"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/**
 * REACHED / MISSED: judged on an actual value recorded for the target's year (MISSED only once
 * that year is over). ON_COURSE / OFF_COURSE: judged on the projected trend. NO_TREND: no actual
 * value of a year after the baseline yet, so no trend to project. NO_DATA: the target's year is
 * over and nothing was recorded for it. NO_TARGET: the indicator has no target at all.
 */
export const VERDICTS = ["REACHED", "ON_COURSE", "OFF_COURSE", "MISSED", "NO_TREND", "NO_DATA", "NO_TARGET"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Actual = { year: number; value: number; observedOn: Date | string };
export type Target = { year: number; value: number };
export type IndicatorSeries = {
  direction: IndicatorDirection | string;
  baselineYear: number;
  baselineValue: number;
  actuals: readonly Actual[];
  targets: readonly Target[];
};

export type TargetVerdict = {
  year: number;
  target: number;
  verdict: Exclude<Verdict, "NO_TARGET">;
  /** the trend's value in the target's year, when there is a trend */
  projected: number | null;
  /** the latest actual of the target's year, if any */
  actual: number | null;
};

export type Trajectory = {
  /** the latest actual: highest year, then latest observation date */
  latest: { year: number; value: number } | null;
  /** change per year of the trend line, or null without a trend */
  slopePerYear: number | null;
  targets: TargetVerdict[];
  /** the target the headline verdict is about: the first one whose year is not over, else the last */
  next: TargetVerdict | null;
  verdict: Verdict;
};

function time(value: Date | string): number {
  return new Date(value).getTime();
}

/** Whether `value` is at least as good as `target`, given which way is better. */
export function reaches(value: number, target: number, direction: IndicatorDirection | string): boolean {
  // a tolerance against float noise (46.03 + 3.97 is not exactly 50)
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  return direction === "DECREASE" ? value <= target + eps : value >= target - eps;
}

/**
 * The latest actual of each year, in year order (what the chart and the verdicts use). Two
 * values observed on the same day: the one listed first wins (the models list newest first).
 */
export function latestPerYear(actuals: readonly Actual[]): Actual[] {
  const byYear = new Map<number, Actual>();
  for (const a of actuals) {
    const seen = byYear.get(a.year);
    if (!seen || time(a.observedOn) > time(seen.observedOn)) byYear.set(a.year, a);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The trajectory of an indicator and a verdict per target.
 *
 * Chosen method: a straight line from the baseline (baseline year, baseline value) through the
 * latest actual value, extended to each target year. It is what a reader can check by hand,
 * and it uses the two figures the agreement's partners quote; intermediate years only describe
 * the past. A least-squares fit would weigh early years as much as the latest one. With the
 * latest actual in the baseline year (or earlier) there is no trend: NO_TREND, not a guess.
 *
 * A target whose year already has an actual value reaching it is REACHED. A target whose year
 * is over (before `currentYear`) without reaching it is MISSED (or NO_DATA if nothing was
 * recorded for that year). Otherwise the projection decides: ON_COURSE if the trend's value in
 * the target year reaches the target (respecting the direction), OFF_COURSE if not.
 */
export function trajectory(series: IndicatorSeries, currentYear: number): Trajectory {
  const perYear = latestPerYear(series.actuals);
  const latest = perYear.length ? perYear[perYear.length - 1]! : null;
  const slopePerYear =
    latest && latest.year > series.baselineYear
      ? (latest.value - series.baselineValue) / (latest.year - series.baselineYear)
      : null;
  const project = (year: number) =>
    slopePerYear === null ? null : series.baselineValue + slopePerYear * (year - series.baselineYear);

  const targets = [...series.targets]
    .sort((a, b) => a.year - b.year)
    .map((t): TargetVerdict => {
      const actual = perYear.find((a) => a.year === t.year)?.value ?? null;
      const projected = project(t.year);
      const base = { year: t.year, target: t.value, projected, actual };
      if (actual !== null && reaches(actual, t.value, series.direction)) return { ...base, verdict: "REACHED" };
      if (t.year < currentYear) return { ...base, verdict: actual === null ? "NO_DATA" : "MISSED" };
      if (projected === null) return { ...base, verdict: "NO_TREND" };
      return { ...base, verdict: reaches(projected, t.value, series.direction) ? "ON_COURSE" : "OFF_COURSE" };
    });

  const next = targets.find((t) => t.year >= currentYear) ?? targets[targets.length - 1] ?? null;
  return {
    latest: latest ? { year: latest.year, value: latest.value } : null,
    slopePerYear,
    targets,
    next,
    verdict: next ? next.verdict : "NO_TARGET",
  };
}

/**
 * A decimal typed by a person: "46,03" and "46.03" are both 46.03; "2.730.000", "2,730,000"
 * and "2730000" are all 2 730 000; with both separators the last one is the decimal mark
 * ("1.234,5" and "1,234.5" are 1234.5). Returns null for anything else.
 */
export function parseDecimal(input: string): number | null {
  let s = input.trim().replace(/[\s\u00a0]/g, "");
  if (!s) return null;
  const sign = s.startsWith("-") ? -1 : 1;
  if (s.startsWith("-") || s.startsWith("+")) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [intPart, fraction, ...rest] = s.split(decimal);
    if (rest.length || !isGrouped(intPart!, group)) return null;
    normalised = `${intPart!.split(group).join("")}.${fraction}`;
  } else {
    const mark = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
    const parts = mark ? s.split(mark) : [s];
    if (parts.length > 2) {
      // several identical marks can only be thousands groups
      if (!isGrouped(s, mark!)) return null;
      normalised = parts.join("");
    } else {
      normalised = parts.join(".");
    }
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(normalised)) return null;
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function isGrouped(intPart: string, group: string): boolean {
  if (!intPart.includes(group)) return /^\d+$/.test(intPart);
  return new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(intPart);
}

/** A figure of an indicator, at most two decimals: "46,03" (id) / "46.03" (en). */
export function formatIndicatorNumber(value: number, locale: Locale): string {
  return formatUpToTwoDecimals(value, locale);
}

/** A figure with its unit, never broken across lines: "46,03 %", "4.546 orang". */
export function formatIndicatorValue(value: number, unit: string, locale: Locale): string {
  return unit ? `${formatIndicatorNumber(value, locale)}\u00a0${unit}` : formatIndicatorNumber(value, locale);
}
