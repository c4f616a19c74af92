import type { ReactNode } from "react";

/**
 * A wide table's own scrolling box (first column pinned by the `.table-wrap` styles). It can be
 * focused, so a keyboard user can scroll it (WCAG 2.1.1), and it is a region named after the table.
 */
export function TableWrap({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
