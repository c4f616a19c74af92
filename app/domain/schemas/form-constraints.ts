import { recordIndicatorValue } from "./constraints.generated";

// The generated constraints that depend on what the schema is built with (zod-free, for the browser).

/** Recording an indicator value: the year goes up to the current one (recordValueSchema(today)). */
export function recordIndicatorValueConstraint(today: Date) {
  const { constraint } = recordIndicatorValue;
  return { ...constraint, year: { ...constraint.year, max: today.getUTCFullYear() } };
}
