import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The link under a list shortened to its first entries, to the whole of it. */
export function ShowAllLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <p className="mt-2 text-sm">
      <Link to={to} className="text-brand-700 underline" data-testid={testId}>
        {children}
      </Link>
    </p>
  );
}
