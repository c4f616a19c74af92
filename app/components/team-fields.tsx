import { useNavigation } from "@remix-run/react";
import { useT } from "./i18n";

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
