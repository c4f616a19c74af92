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

/** The progress a form's field holds, if it is a whole number as typed (else null: nothing to warn about). */
export function typedProgress(value: unknown): number | null {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
}

/** What a warning's message template says in place of the figure being typed (filled in as it is typed). */
export const TYPED_PLACEHOLDER = "{typed}";
