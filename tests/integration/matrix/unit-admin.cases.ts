import type { MatrixCase } from "../../support/matrix";

// Administering government units is for administrators alone (unit.manage).
const ADMIN_ONLY = ["ADMIN"] as const;
const unitPage = (w: { ownUnit: { id: string } }) => ({ path: `/admin/units/${w.ownUnit.id}`, params: { unitId: w.ownUnit.id } });

export const cases: MatrixCase[] = [
  {
    route: "admin.units._index",
    intent: "create",
    allowed: ADMIN_ONLY,
    request: () => ({ path: "/admin/units", form: { name: "Dinas Kelautan dan Perikanan", abbreviation: "DKP", kind: "DINAS", parentOrganization: "Pemerintah Provinsi Banten" } }),
  },
  {
    route: "admin.units.$unitId",
    intent: "update",
    allowed: ADMIN_ONLY,
    request: (w) => ({ ...unitPage(w), form: { name: "Bappeda Provinsi Banten", abbreviation: "Bappeda", kind: "BADAN", parentOrganization: "", version: "1" } }),
  },
  // reinstating an active unit is allowed and writes nothing
  { route: "admin.units.$unitId", intent: "reinstate", allowed: ADMIN_ONLY, request: (w) => ({ ...unitPage(w), form: { version: "1" } }) },
  { route: "admin.units.$unitId", intent: "retire", allowed: ADMIN_ONLY, request: (w) => ({ ...unitPage(w), form: { confirm: "on", version: "1" } }) },
];
