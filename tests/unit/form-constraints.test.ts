import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { getZodConstraint } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import { recordIndicatorValueConstraint } from "~/domain/schemas/form-constraints";
import { formSchemas, type FormKey } from "~/domain/schemas/forms";
import { GENERATED_DIR, REGENERATE_COMMAND, SAMPLE_ARGS, generatedFile, renderConstraintsModule } from "../../scripts/generate-form-constraints";

// The browser renders HTML constraints from a generated module instead of Zod (issue #17): it must
// say exactly what getZodConstraint(schema) says, for every form, or this fails.

const keys = Object.keys(formSchemas) as FormKey[];
const dir = path.resolve(__dirname, "../..", GENERATED_DIR);

/** A generated module, as the app imports it. */
async function generated<K extends FormKey>(key: K) {
  const module = (await import(`${dir}/${generatedFile(key)}`)) as Record<string, { form: string; constraint: unknown }>;
  return module[`${key}Form`]!;
}

describe("the generated form constraints", () => {
  test.each(keys)("%s: its module is what the generator writes today, and says what getZodConstraint(schema) says", async (key) => {
    const onDisk = readFileSync(path.join(dir, generatedFile(key)), "utf8");
    expect(onDisk, `${GENERATED_DIR}/${generatedFile(key)} is stale: run \`${REGENERATE_COMMAND}\``).toBe(renderConstraintsModule(key));
    const schema = (formSchemas[key] as (...args: unknown[]) => Parameters<typeof getZodConstraint>[0])(...SAMPLE_ARGS[key]);
    const spec = await generated(key);
    expect(spec.form).toBe(key);
    expect(spec.constraint, `run \`${REGENERATE_COMMAND}\``).toEqual(getZodConstraint(schema));
  });

  test("there is one module per form, and no other", () => {
    expect(readdirSync(dir).sort(), `run \`${REGENERATE_COMMAND}\``).toEqual(keys.map(generatedFile).sort());
  });

  test("constraints do not depend on the day or the agreement, except the indicator year (adjusted in the browser)", async () => {
    const days = [new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2031, 11, 31)), new Date(Date.UTC(2099, 5, 1))];
    const progressUpdate = await generated("progressUpdate");
    const checkIn = await generated("checkIn");
    const item = await generated("item");
    for (const day of days) {
      expect(getZodConstraint(formSchemas.progressUpdate(day))).toEqual(progressUpdate.constraint);
      expect(getZodConstraint(formSchemas.checkIn(day))).toEqual(checkIn.constraint);
      expect(getZodConstraint(formSchemas.recordIndicatorValue(day))).toEqual(recordIndicatorValueConstraint(day));
    }
    const validity = { validFrom: new Date(Date.UTC(2025, 10, 1)), validUntil: new Date(Date.UTC(2030, 9, 31)) };
    expect(getZodConstraint(formSchemas.item(validity))).toEqual(item.constraint);
    expect(recordIndicatorValueConstraint(new Date(Date.UTC(2031, 11, 31))).year.max).toBe(2031);
  });
});
