import type { MatrixCase } from "../../support/matrix";

// The governor's office (and administrators) records indicator values and decides which items
// count towards a provincial indicator; campuses and observers read. The seeded indicator is
// addressed by its code, which the route accepts as well as its id.
const GOVERNOR_OFFICE = ["ADMIN", "REVIEWER"] as const;
const CODE = "bpjs-tk-coverage";

export const cases: MatrixCase[] = [
  {
    route: "indicators.$id",
    intent: "record-value",
    allowed: GOVERNOR_OFFICE,
    request: () => ({
      path: `/indicators/${CODE}`,
      params: { id: CODE },
      // every change carries the indicator's version the page showed (the seeded indicator is at 1)
      form: { version: "1", year: "2026", observedOn: "2026-06-30", value: "47,1", source: "BPJS Ketenagakerjaan Kanwil Banten" },
    }),
  },
  {
    route: "indicators.$id",
    intent: "link-item",
    allowed: GOVERNOR_OFFICE,
    request: (w) => ({ path: `/indicators/${CODE}`, params: { id: CODE }, form: { version: "1", itemId: w.publishedItem.id } }),
  },
  {
    // the world has no linked item: an allowed unlink answers "not linked" and changes nothing;
    // a real unlink is in tests/integration/indicators.test.ts
    route: "indicators.$id",
    intent: "unlink-item",
    allowed: GOVERNOR_OFFICE,
    request: (w) => ({ path: `/indicators/${CODE}`, params: { id: CODE }, form: { version: "1", itemId: w.publishedItem.id } }),
  },
];
