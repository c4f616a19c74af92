import type { ReactNode } from "react";

/**
 * The link under a list shortened to its first entries, to the whole of it: a plain anchor that the
 * app follows in the browser (PageLink's `data-discover`), so it can also sit in a part rendered on
 * its own (app/components/static-markup.tsx). `to` is a path or a query of the page shown.
 */
export function ShowAllLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <p className="mt-2 text-sm">
      <a href={to} data-discover="true" className="text-brand-700 underline" data-testid={testId}>
        {children}
      </a>
    </p>
  );
}
