import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useT } from "./i18n";

/** Errors of a field or a form, translated; ids let inputs point at them (aria-describedby). */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "url" | "tel";

export function TextField({
  label,
  field,
  type = "text",
  autoComplete,
  hint,
}: {
  label: string;
  field: FieldMetadata<string | number | undefined | null>;
  type?: InputType;
  autoComplete?: string;
  hint?: string;
}) {
  const hintId = useId();
  const props = getInputProps(field, { type, ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {label}
      </label>
      <input className="input" autoComplete={autoComplete} {...props} />
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A submit button that shows the pending state of its form's submission. */
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
  return (
    <button type="submit" className={className} name={name} value={value} disabled={pending} aria-busy={pending}>
      {pending ? pendingText ?? t("form.saving") : children}
    </button>
  );
}
