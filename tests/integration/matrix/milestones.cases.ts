import { SIGNED_IN, type MatrixCase } from "../../support/matrix";

// Evaluation milestones: the campus defines and submits, the governor's office evaluates.
export const cases: MatrixCase[] = [
  {
    route: "items.$itemId.milestones.new",
    allowed: ["ADMIN", "LIAISON_OWN"],
    request: (w) => ({
      path: `/items/${w.publishedItem.id}/milestones/new`,
      params: { itemId: w.publishedItem.id },
      form: { title: "Laporan akhir", dueDate: "2026-11-30", successCriteria: "Rekomendasi kebijakan diterima Bappeda." },
    }),
  },
  {
    route: "milestones.$milestoneId",
    intent: "submit",
    allowed: ["ADMIN", "LIAISON_OWN"],
    request: (w) => ({
      path: `/milestones/${w.milestone.id}`,
      params: { milestoneId: w.milestone.id },
      form: { version: "1", selfAssessment: "Laporan antara selesai tepat waktu.", links: "https://example.org/laporan-antara" },
    }),
  },
  {
    route: "milestones.$milestoneId",
    intent: "evaluate",
    allowed: ["ADMIN", "REVIEWER"],
    request: (w) => ({
      path: `/milestones/${w.submittedMilestone.id}`,
      params: { milestoneId: w.submittedMilestone.id },
      form: { version: "1", decision: "MET", relevanceScore: "4", sustainabilityScore: "3", feedback: "Relevan dengan RPJMD." },
    }),
  },
  {
    route: "notifications",
    intent: "mark-read",
    allowed: SIGNED_IN,
    request: () => ({ path: "/notifications", form: {} }),
  },
];
