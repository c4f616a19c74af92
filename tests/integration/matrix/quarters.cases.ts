import type { MatrixCase } from "../../support/matrix";

// Closing a reporting quarter is the governor's office's act (policy action "quarter.close").
export const cases: MatrixCase[] = [
  {
    route: "quarters._index",
    intent: "close",
    allowed: ["ADMIN", "REVIEWER"],
    request: () => ({ path: "/quarters", form: { quarter: "2026-Q1" } }),
  },
];
