// A form posted after its session ended is kept on the server and comes back after signing in
// (app/utils/form-draft.server.ts). It comes back to the form it came from, named by its Conform
// form id: every restorable form sends that id in a hidden field.

/** The hidden field naming the Conform form a submission came from. */
export const FORM_ID_FIELD = "__form";

/** A kept submission as the root loader hands it to the page: its form and its text fields. */
export type RestoredDraft = { formId: string; fields: [string, string][] };

/** The kept values for the form `formId`, as default values (repeated names become lists), or null. */
export function restoredValues(
  draft: RestoredDraft | null | undefined,
  formId: string,
): Record<string, string | string[]> | null {
  if (!draft || draft.formId !== formId || draft.fields.length === 0) return null;
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of draft.fields) {
    const existing = values[name];
    values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}
