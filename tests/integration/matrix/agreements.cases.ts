import type { MatrixCase } from "../../support/matrix";

// The agreement chain: the governor's office registers, confirms, amends and renews; a campus's
// liaison proposes for their own campus, edits their proposal while it is a draft, uploads the
// signed copy and attaches their campus's items.
const OFFICE = ["ADMIN", "REVIEWER"] as const;
const OFFICE_AND_OWN = ["ADMIN", "REVIEWER", "LIAISON_OWN"] as const;

const record = {
  number: "045/PKS/BIRO-ADPIM/2026",
  campusNumber: "12/ITB/PKS/2026",
  title: "PKS Pemprov Banten – ITB (revisi)",
  signedOn: "2026-01-05",
  validFrom: "2026-01-05",
  validUntil: "2028-12-31",
  scopeResearch: "on",
};

export const cases: MatrixCase[] = [
  {
    route: "agreements.new",
    // an IA under the own campus's PKS: registered by the office, proposed by its liaison
    allowed: OFFICE_AND_OWN,
    request: (w) => ({ path: "/agreements/new", form: { kind: "IA", parentId: w.pks.id, title: "IA uji matriks", validFrom: "2026-03-01", validUntil: "2026-12-31" } }),
  },
  {
    route: "agreements.$agreementId",
    intent: "update",
    allowed: OFFICE,
    request: (w) => ({ path: `/agreements/${w.pks.id}`, params: { agreementId: w.pks.id }, form: { ...record, version: "1" } }),
  },
  {
    route: "agreements.$agreementId",
    intent: "update",
    // the campus's own proposal, while it is a draft
    allowed: OFFICE_AND_OWN,
    request: (w) => ({
      path: `/agreements/${w.draftAgreement.id}`,
      params: { agreementId: w.draftAgreement.id },
      form: { title: "USULAN IA RAHASIA ITB (revisi)", validFrom: "2026-03-01", validUntil: "2027-02-28", version: "1" },
    }),
  },
  {
    route: "agreements.$agreementId",
    intent: "confirm",
    allowed: OFFICE,
    request: (w) => ({ path: `/agreements/${w.draftAgreement.id}`, params: { agreementId: w.draftAgreement.id }, form: { version: "1" } }),
  },
  {
    route: "agreements.$agreementId",
    intent: "amend",
    allowed: OFFICE,
    request: (w) => ({ path: `/agreements/${w.pks.id}`, params: { agreementId: w.pks.id }, form: { title: "Adendum I", signedOn: "2026-06-01", version: "1" } }),
  },
  {
    route: "agreements.$agreementId",
    intent: "renew",
    allowed: OFFICE,
    request: (w) => ({
      path: `/agreements/${w.pks.id}`,
      params: { agreementId: w.pks.id },
      form: { ...record, title: "PKS Pemprov Banten – ITB 2029–2030", validFrom: "2029-01-01", validUntil: "2030-11-25", version: "1" },
    }),
  },
  {
    route: "agreements.$agreementId",
    intent: "upload",
    allowed: OFFICE_AND_OWN,
    request: (w) => ({
      path: `/agreements/${w.pks.id}`,
      params: { agreementId: w.pks.id },
      form: { file: new File([Buffer.from("%PDF-1.4\n")], "pks-bertanda-tangan.pdf", { type: "application/pdf" }) },
    }),
  },
  {
    route: "agreements.$agreementId",
    intent: "link-item",
    allowed: OFFICE_AND_OWN,
    request: (w) => ({ path: `/agreements/${w.pks.id}`, params: { agreementId: w.pks.id }, form: { itemId: w.publishedItem.id } }),
  },
];
