import type { MatrixCase } from "../../support/matrix";

// The monthly check-in posts progress updates: whoever may post one for the campus (policy "update.create").
export const cases: MatrixCase[] = [
  {
    route: "campuses.$slug_.check-in",
    allowed: ["ADMIN", "LIAISON_OWN"],
    request: (w) => ({
      path: "/campuses/itb/check-in",
      params: { slug: "itb" },
      form: {
        reportedOn: "2026-03-01",
        "rows[0].itemId": w.publishedItem.id,
        "rows[0].initialProgress": "0",
        "rows[0].initialStatus": "ON_TRACK",
        "rows[0].progress": "25",
        "rows[0].status": "ON_TRACK",
        "rows[0].narrative": "Survei lapangan selesai.",
      },
    }),
  },
];
