import type { Who, World } from "./world";

/**
 * One row of the permission matrix: a route's action (and intent), who may use it, and how to
 * build a valid request for it in the test world. Every route module exporting an `action`
 * must have at least one row (tests/integration/permission-matrix.test.ts checks it).
 */
export type MatrixCase = {
  /** route module file name under app/routes, without extension, e.g. "admin.users.$userId" */
  route: string;
  intent?: string;
  allowed: readonly Who[];
  /** the path, route params and form of a valid submission */
  request: (world: World) => { path: string; params?: Record<string, string>; form?: Record<string, string | string[] | File> };
};

export const EVERYONE: readonly Who[] = ["ANONYMOUS", "ADMIN", "REVIEWER", "OBSERVER", "LIAISON_OWN", "LIAISON_OTHER", "UNIT_OWN", "UNIT_OTHER"];
export const SIGNED_IN: readonly Who[] = ["ADMIN", "REVIEWER", "OBSERVER", "LIAISON_OWN", "LIAISON_OTHER", "UNIT_OWN", "UNIT_OTHER"];
