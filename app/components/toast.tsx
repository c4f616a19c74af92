import type { Toast as ToastData } from "~/utils/session.server";
import { useT } from "./i18n";

const STYLE = {
  success: "border-green-600 bg-green-50 text-green-900",
  error: "border-red-600 bg-red-50 text-red-900",
  info: "border-sky-600 bg-sky-50 text-sky-900",
} as const;

/** The flash message of the last redirect, announced to screen readers. */
export function Toast({ toast }: { toast: ToastData | null }) {
  const t = useT();
  return (
    <div aria-live="polite" role="status" className="mx-auto max-w-6xl px-4">
      {toast ? (
        <p className={`mt-4 rounded-md border-l-4 px-4 py-3 ${STYLE[toast.type]}`} data-testid="toast">
          {t(toast.key, toast.params)}
        </p>
      ) : null}
    </div>
  );
}
