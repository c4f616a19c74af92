import type { MatrixCase } from "../../support/matrix";

// The spreadsheet import creates items: whoever may create the campus's items (policy "item.create").
export const cases: MatrixCase[] = [
  {
    route: "campuses.$slug_.import",
    allowed: ["ADMIN", "LIAISON_OWN"],
    request: (w) => ({
      path: "/campuses/itb/import",
      params: { slug: "itb" },
      form: {
        intent: "commit",
        payload: JSON.stringify([
          {
            line: 2,
            cells: {
              title: "Program impor matriks",
              description: "",
              priorityArea: w.area.nameId,
              triDharma: "Penelitian",
              governmentUnit: "",
              campusPicName: "Dr. Siti",
              govPicName: "Budi Santoso",
              plannedStart: "2026-02-01",
              plannedEnd: "2026-10-30",
              targets: "",
              budgetIdr: "",
              industryPartners: "",
              visibility: "Draf",
            },
          },
        ]),
      },
    }),
  },
];
