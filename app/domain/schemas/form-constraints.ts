import { recordIndicatorValueForm } from "./constraints/record-indicator-value.generated";

// The generated constraints that depend on what the schema is built with (zod-free, for the browser).

/** Recording an indicator value: the year goes up to the current one (recordValueSchema(today)). */
export function recordIndicatorValueConstraint(today: Date) {
  const { constraint } = recordIndicatorValueForm;
  return { ...constraint, year: { ...constraint.year, max: today.getUTCFullYear() } };
}
