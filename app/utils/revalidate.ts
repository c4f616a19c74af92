import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * With single fetch an action that answers 4xx reloads no loader (a 400 is the user's own typing,
 * shown in place). A 409 is different: somebody else saved first, and the page must show what they
 * saved beside the conflict panel. Routes with version-checked forms export this as
 * `shouldRevalidate`.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;
