import { readFileSync } from "node:fs";
import path from "node:path";
import { getZodConstraint } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import * as generated from "~/domain/schemas/constraints.generated";
import { recordIndicatorValueConstraint } from "~/domain/schemas/form-constraints";
import { formSchemas, type FormKey } from "~/domain/schemas/forms";
import { GENERATED_PATH, REGENERATE_COMMAND, SAMPLE_ARGS, renderConstraintsModule } from "../../scripts/generate-form-constraints";

// The browser renders HTML constraints from a generated module instead of Zod (issue #17): it must
// say exactly what getZodConstraint(schema) says, for every form, or this fails.

const keys = Object.keys(formSchemas) as FormKey[];

describe("the generated form constraints", () => {
  test("the generated module is what the generator writes today", () => {
    const onDisk = readFileSync(path.resolve(__dirname, "../..", GENERATED_PATH), "utf8");
    expect(onDisk, `${GENERATED_PATH} is stale: run \`${REGENERATE_COMMAND}\``).toBe(renderConstraintsModule());
  });

  test.each(keys)("%s: the exported constraints equal getZodConstraint(schema)", (key) => {
    const schema = (formSchemas[key] as (...args: unknown[]) => Parameters<typeof getZodConstraint>[0])(...SAMPLE_ARGS[key]);
    const spec = generated[key];
    expect(spec.form).toBe(key);
    expect(spec.constraint, `run \`${REGENERATE_COMMAND}\``).toEqual(getZodConstraint(schema));
  });

  test("every form's export is there, and nothing else", () => {
    expect(Object.keys(generated).sort()).toEqual([...keys].sort());
  });

  test("constraints do not depend on the day or the agreement, except the indicator year (adjusted in the browser)", () => {
    const days = [new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2031, 11, 31)), new Date(Date.UTC(2099, 5, 1))];
    for (const day of days) {
      expect(getZodConstraint(formSchemas.progressUpdate(day))).toEqual(generated.progressUpdate.constraint);
      expect(getZodConstraint(formSchemas.checkIn(day))).toEqual(generated.checkIn.constraint);
      expect(getZodConstraint(formSchemas.recordIndicatorValue(day))).toEqual(recordIndicatorValueConstraint(day));
    }
    const validity = { validFrom: new Date(Date.UTC(2025, 10, 1)), validUntil: new Date(Date.UTC(2030, 9, 31)) };
    expect(getZodConstraint(formSchemas.item(validity))).toEqual(generated.item.constraint);
    expect(recordIndicatorValueConstraint(new Date(Date.UTC(2031, 11, 31))).year.max).toBe(2031);
  });
});
