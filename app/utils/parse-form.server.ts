import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";
import { strictNumber } from "~/domain/schemas/dates";

// Conform's parseWithZod rebuilds the whole schema with form-value coercion on every call (a new
// Zod type per field, every request). The coerced schema depends only on the schema, so each is
// built once here; schemas that depend on the day are memoised by their modules.
const coerced = new WeakMap<ZodTypeAny, ZodTypeAny>();

/** `parseWithZod` with the same coercion, built once per schema. */
export function parseForm<Schema extends ZodTypeAny>(formData: FormData, schema: Schema) {
  let ready = coerced.get(schema);
  if (!ready) {
    // numbers in decimal digits only: Number() would take "0x10" as 16 and "1e2" as 100
    ready = coerceFormValue(schema, { defaultCoercion: { number: strictNumber } });
    coerced.set(schema, ready);
  }
  return parseWithZod(formData, { schema: ready as Schema, disableAutoCoercion: true });
}

/**
 * Which of its forms a submission to a route with several came from: the `intent` field, one of
 * `intents`, or a thrown 400 (a form this route does not take). The action then switches over it
 * and parses the submission with that intent's own schema.
 */
export function parseIntent<const Intents extends readonly [string, ...string[]]>(formData: FormData, intents: Intents): Intents[number] {
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !intents.includes(intent)) throw new Response("Unknown intent", { status: 400 });
  return intent as Intents[number];
}
