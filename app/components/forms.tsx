import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { ACCEPT, MAX_FILES, MAX_FILE_BYTES } from "~/domain/evidence";
import { textKey } from "~/domain/i18n";
import { ErrorList } from "./form-basics";
import { useT } from "./i18n";

export { ErrorList, FormIdField, RestoredNotice, SubmitButton, useRestoredDraft } from "./form-basics";

/**
 * After a refused submission: a summary at the top of the form naming every field with an error,
 * each a link to its field, and focus moved onto it. Without JavaScript the summary carries
 * `autofocus`, so the reloaded page opens on it instead of at its top with the errors out of sight.
 * `labelFor` names a field (by its form name); a field it does not know is listed by its message.
 */
export function ErrorSummary({
  form,
  labelFor,
}: {
  form: FormMetadata<any, string[]>;
  labelFor: (name: string) => string | undefined;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(form.allErrors).filter(([name, errors]) => name !== "" && errors.length > 0);
  const shown = entries.length > 0;
  const signature = entries.map(([name]) => name).join("|");
  // with JavaScript: every refused submission moves focus here again (the first one also by autofocus)
  useEffect(() => {
    if (shown && form.status === "error") ref.current?.focus();
  }, [shown, signature, form.status]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      autoFocus
      role="group"
      aria-labelledby={`${form.id}-summary-title`}
      className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900 focus:outline focus:outline-2 focus:outline-red-700"
      data-testid="error-summary"
    >
      <p id={`${form.id}-summary-title`} className="font-semibold">
        {t("form.errorSummary")}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {entries.map(([name, errors]) => (
          <li key={name}>
            <a className="underline" href={`#${form.id}-${name}`}>
              {labelFor(name) ?? t(textKey(errors[0] ?? "", "form.invalid"))}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "url" | "tel";

export function TextField({
  label,
  field,
  type = "text",
  autoComplete,
  hint,
  inputMode,
}: {
  label: string;
  field: FieldMetadata<any>;
  type?: InputType;
  autoComplete?: string;
  hint?: string;
  /** e.g. "decimal" for numbers typed as text (so "46,03" works) with the number keypad on phones */
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  const hintId = `${field.id}-hint`;
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: hint ? hintId : undefined });
  return (
    <FieldFrame label={label} field={field} hint={hint} hintId={hintId}>
      <input key={key} className="input" autoComplete={autoComplete} inputMode={inputMode} {...props} />
    </FieldFrame>
  );
}

export function TextareaField({
  label,
  field,
  rows = 3,
  hint,
}: {
  label: string;
  field: FieldMetadata<any>;
  rows?: number;
  hint?: string;
}) {
  const hintId = `${field.id}-hint`;
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <FieldFrame label={label} field={field} hint={hint} hintId={hintId}>
      <textarea key={key} className="input" rows={rows} {...props} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  field,
  options,
  placeholder,
  hint,
}: {
  label: string;
  field: FieldMetadata<any>;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
}) {
  const hintId = `${field.id}-hint`;
  const { key, required, ...props } = getSelectProps(field, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <FieldFrame label={label} field={field} hint={hint} hintId={hintId}>
      {/* without an empty first option a select always has a value: `required` would be invalid HTML */}
      <select key={key} className="input" required={placeholder !== undefined ? required : undefined} {...props}>
        {/* an empty option is invalid HTML: "no choice" reads as a dash */}
        {placeholder !== undefined ? <option value="">{placeholder || "–"}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, field }: { label: string; field: FieldMetadata<any> }) {
  return (
    <div>
      <label className="flex min-h-11 items-center gap-2" htmlFor={field.id}>
        <Checkbox field={field} />
        <span>{label}</span>
      </label>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Checkbox({ field }: { field: FieldMetadata<any> }) {
  const { key, ...props } = getInputProps(field, { type: "checkbox" });
  return <input key={key} className="h-5 w-5" {...props} />;
}

/**
 * The evidence file input of a multipart form: the allowed types and limits, and, after a refused
 * submission, the plain request to choose the files again (browsers cannot refill file inputs).
 */
export function EvidenceFileField({
  label,
  field,
  filesDropped,
}: {
  label: string;
  field: FieldMetadata<any>;
  filesDropped?: boolean;
}) {
  const t = useT();
  const { key, ...props } = getInputProps(field, { type: "file" });
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {label}
      </label>
      <input key={key} className="block w-full text-sm" {...props} multiple accept={ACCEPT} />
      <p className="mt-1 text-sm text-slate-600">
        {t("progress.filesHint", { count: MAX_FILES, size: MAX_FILE_BYTES / 1024 / 1024 })}
      </p>
      {filesDropped ? (
        <p role="alert" className="mt-1 text-sm font-medium text-amber-800">
          {t("progress.filesAgain")}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Label, control, optional hint and the field's errors: the frame every form field shares. */
function FieldFrame({
  label,
  field,
  hint,
  hintId,
  children,
}: {
  label: string;
  field: FieldMetadata<any>;
  hint?: string;
  hintId: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
