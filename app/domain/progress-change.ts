// Zod-free, so the progress forms can warn while typing without loading the schemas (issue #17).

/** A change of progress at least this large (either way) asks the reporter to look again. */
export const SHARP_CHANGE_POINTS = 30;

/**
 * A warning, never a refusal: progress going down (a correction or a setback worth a word) or
 * jumping by at least SHARP_CHANGE_POINTS since the last report.
 */
export function progressChangeWarning(previous: number | null | undefined, next: number | null | undefined): "drop" | "jump" | null {
  if (previous == null || next == null || !Number.isFinite(previous) || !Number.isFinite(next)) return null;
  if (next < previous) return "drop";
  if (next - previous >= SHARP_CHANGE_POINTS) return "jump";
  return null;
}
