import { useNavigation } from "@remix-run/react";
import { restoredValues, FORM_ID_FIELD } from "~/domain/form-draft";
import { splitMessage } from "~/domain/form-message";
import { textKey } from "~/domain/i18n";
import { PENDING_ATTRIBUTE } from "~/utils/plain-page";
import { useRootData, useT } from "./i18n";

// The parts of a form that need no form library: errors, the submit button, the form's id and the
// draft kept over an expired session. A page whose forms are only buttons imports these from here,
// so its scripts do without Conform (about 12.6 kB gzipped; issue #17, JavaScript per route).
// ~/components/forms re-exports them beside the Conform fields.

/** Errors of a field or a form, translated; ids let inputs point at them (aria-describedby). */
/** Errors are dictionary keys (a schema's messages); `params` fill their placeholders. */
export function ErrorList({ id, errors, params }: { id?: string; errors?: string[] | null; params?: Record<string, string | number> }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => {
        // an error may carry its own values ("key?name=value", see ~/domain/form-message)
        const message = splitMessage(e);
        return <li key={e}>{t(textKey(message.key, "form.invalid"), message.params ?? params)}</li>;
      })}
    </ul>
  );
}

/** A submit button that shows the pending state of its form's submission (with or without the page's scripts). */
export function SubmitButton({
  children,
  pendingText,
  name,
  value,
  className = "btn",
}: {
  children: React.ReactNode;
  pendingText?: string;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const pending = navigation.state === "submitting" && (name ? navigation.formData?.get(name) === value : true);
  const pendingLabel = pendingText ?? t("form.saving");
  // what the button says while its form is sent on a page without scripts (app/utils/plain-page.ts)
  return (
    <button type="submit" className={className} name={name} value={value} disabled={pending} aria-busy={pending} {...{ [PENDING_ATTRIBUTE]: pendingLabel }}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * The hidden field naming the Conform form a submission comes from: a submission refused because
 * the session ended is kept under this id and comes back into this form after signing in.
 */
export function FormIdField({ formId }: { formId: string }) {
  return <input type="hidden" name={FORM_ID_FIELD} value={formId} />;
}

/**
 * What the user typed before their session ended, looked up by the Conform id of the form it came
 * from: that form's values as default values, or null for every other form.
 */
export function useRestoredDraft(): (formId: string) => Record<string, string | string[]> | null {
  const draft = useRootData()?.restoredDraft;
  return (formId) => restoredValues(draft, formId);
}

/** Tells the user that a form holds what they typed before their session ended. */
export function RestoredNotice({ shown }: { shown: boolean }) {
  const t = useT();
  return shown ? <p className="mt-2 rounded bg-sky-50 p-3 text-sky-900">{t("form.restored")}</p> : null;
}
