import type { MatrixCase } from "../../support/matrix";

export const cases: MatrixCase[] = [
  {
    route: "reminders",
    intent: "send",
    allowed: ["ADMIN", "REVIEWER"],
    // the world's published ITB item has had no update since January: stale
    request: (w) => ({ path: "/reminders", form: { campusId: w.own } }),
  },
];
