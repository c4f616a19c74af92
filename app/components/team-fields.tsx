import { getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useId } from "react";
import { ErrorList } from "./forms";
import { useT } from "./i18n";

// Select and textarea fields of the joint teams forms, shaped like TextField in forms.tsx.

export function SelectField({
  label,
  field,
  options,
  placeholder,
  hint,
}: {
  label: string;
  field: FieldMetadata<string | undefined | null>;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
}) {
  const hintId = useId();
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {label}
      </label>
      <select key={key} className="input" {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ label, field, rows = 3 }: { label: string; field: FieldMetadata<string | undefined | null>; rows?: number }) {
  const { key, ...props } = getTextareaProps(field);
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {label}
      </label>
      <textarea key={key} className="input" rows={rows} {...props} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/**
 * A submit button that shows "saving" only while its own form is sent: the intent (and member)
 * travel in hidden fields, so several forms on one page do not all look busy at once.
 */
export function IntentSubmitButton({
  children,
  intent,
  memberId,
  className = "btn",
}: {
  children: React.ReactNode;
  intent: string;
  memberId?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  const pending = !!data && data.get("intent") === intent && (memberId === undefined || data.get("memberId") === memberId);
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? t("form.saving") : children}
    </button>
  );
}
