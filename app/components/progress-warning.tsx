import { TYPED_PLACEHOLDER, progressChangeWarning, typedProgress } from "~/domain/progress-change";
import { WARNING_ATTRIBUTE } from "~/utils/plain-page";
import { useT } from "./i18n";

/**
 * A progress figure that drops, or jumps sharply, from the item's current progress is pointed out
 * while it is typed (never refused). The element is always there (a live region that appears with
 * its text is often not announced), empty and out of sight when there is nothing to say. React
 * fills it on a hydrated page; on a page sent without React the plain page script does, from the
 * current progress and the two messages it carries (app/utils/plain-page.ts).
 */
export function ProgressWarning({ previous, value, className = "" }: { previous: number | null | undefined; value: unknown; className?: string }) {
  const t = useT();
  const typed = typedProgress(value);
  const warning = progressChangeWarning(previous, typed);
  const message = (key: "progress.warnDrop" | "progress.warnJump", next: number | string) => t(key, { previous: previous ?? 0, next });
  return (
    <p
      className={`text-sm font-medium text-amber-800 empty:sr-only ${className}`}
      role="status"
      data-testid="progress-warning"
      {...{ [WARNING_ATTRIBUTE]: previous ?? undefined }}
      data-drop={previous != null ? message("progress.warnDrop", TYPED_PLACEHOLDER) : undefined}
      data-jump={previous != null ? message("progress.warnJump", TYPED_PLACEHOLDER) : undefined}
    >
      {warning && previous != null ? message(warning === "drop" ? "progress.warnDrop" : "progress.warnJump", typed ?? 0) : null}
    </p>
  );
}
