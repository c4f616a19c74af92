import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { MILESTONE_DECISIONS, MILESTONE_STATES } from "~/domain/enums";
import {
  canEvaluate,
  canSubmit,
  daysWaiting,
  evaluateTransition,
  evaluationProblems,
  feedbackRequired,
  scoresRequired,
  submitTransition,
} from "~/domain/milestone";
import { evaluateMilestoneSchema, newMilestoneSchema, submitMilestoneSchema } from "~/domain/schemas/milestone";

/** The field errors of a parsed form (undefined when it passed). */
function errorsOf(submission: { status?: string } & object): Record<string, string[] | null> | undefined {
  return "error" in submission ? (submission.error as Record<string, string[] | null>) : undefined;
}

function form(values: Record<string, string | File>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

describe("submitting", () => {
  it("is allowed from PENDING and RETURNED only, and leads to SUBMITTED", () => {
    for (const state of MILESTONE_STATES) {
      const allowed = state === "PENDING" || state === "RETURNED";
      expect(canSubmit(state), state).toBe(allowed);
      expect(submitTransition(state), state).toEqual(
        allowed ? { ok: true, state: "SUBMITTED" } : { ok: false, reason: "milestone.notSubmittable" },
      );
    }
  });

  it("refuses an unknown state", () => {
    expect(canSubmit("ARCHIVED")).toBe(false);
    expect(submitTransition("")).toEqual({ ok: false, reason: "milestone.notSubmittable" });
  });
});

describe("evaluating", () => {
  const full = { relevanceScore: 4, sustainabilityScore: 3, feedback: "Baik." };

  it("is allowed from SUBMITTED only", () => {
    for (const state of MILESTONE_STATES) {
      expect(canEvaluate(state), state).toBe(state === "SUBMITTED");
      const result = evaluateTransition(state, { decision: "MET", ...full });
      expect(result.ok, state).toBe(state === "SUBMITTED");
      if (!result.ok) expect(result.reason).toBe("milestone.notEvaluable");
    }
  });

  it("moves a submitted milestone to the decided state", () => {
    for (const decision of MILESTONE_DECISIONS) {
      expect(evaluateTransition("SUBMITTED", { decision, ...full })).toEqual({ ok: true, state: decision });
    }
  });

  it("requires both scores unless the milestone is returned or deferred", () => {
    expect(MILESTONE_DECISIONS.filter(scoresRequired)).toEqual(["MET", "PARTIALLY_MET", "NOT_MET"]);
    expect(evaluationProblems({ decision: "MET", feedback: null })).toEqual([
      { field: "relevanceScore", message: "milestone.scoreRequired" },
      { field: "sustainabilityScore", message: "milestone.scoreRequired" },
    ]);
    expect(evaluationProblems({ decision: "PARTIALLY_MET", relevanceScore: 2 })).toEqual([
      { field: "sustainabilityScore", message: "milestone.scoreRequired" },
    ]);
    expect(evaluationProblems({ decision: "DEFERRED" })).toEqual([]);
    expect(evaluationProblems({ decision: "RETURNED", feedback: "Lengkapi daftar hadir." })).toEqual([]);
    expect(evaluateTransition("SUBMITTED", { decision: "MET" })).toEqual({ ok: false, reason: "milestone.invalidEvaluation" });
  });

  it("requires feedback when the milestone is returned or not met, blank feedback included", () => {
    expect(MILESTONE_DECISIONS.filter(feedbackRequired)).toEqual(["NOT_MET", "RETURNED"]);
    expect(evaluationProblems({ decision: "RETURNED" })).toEqual([{ field: "feedback", message: "milestone.feedbackRequired" }]);
    expect(evaluationProblems({ decision: "RETURNED", feedback: "   " })).toEqual([{ field: "feedback", message: "milestone.feedbackRequired" }]);
    expect(evaluationProblems({ decision: "NOT_MET", relevanceScore: 1, sustainabilityScore: 1 })).toEqual([
      { field: "feedback", message: "milestone.feedbackRequired" },
    ]);
    expect(evaluationProblems({ decision: "MET", relevanceScore: 5, sustainabilityScore: 5 })).toEqual([]);
  });

  it("accepts scores from 1 to 5 only, whole numbers, even where they are optional", () => {
    for (const score of [1, 2, 3, 4, 5]) expect(evaluationProblems({ decision: "MET", relevanceScore: score, sustainabilityScore: score })).toEqual([]);
    for (const score of [0, 6, 2.5, -1]) {
      expect(evaluationProblems({ decision: "MET", relevanceScore: score, sustainabilityScore: 3 }), String(score)).toEqual([
        { field: "relevanceScore", message: "milestone.scoreRange" },
      ]);
      expect(evaluationProblems({ decision: "DEFERRED", sustainabilityScore: score }), String(score)).toEqual([
        { field: "sustainabilityScore", message: "milestone.scoreRange" },
      ]);
    }
  });
});

describe("days waiting", () => {
  it("counts calendar days in Banten (UTC+7)", () => {
    // 17:30 UTC on 1 March is already 2 March in Banten
    expect(daysWaiting(new Date("2026-03-01T17:30:00Z"), new Date("2026-03-05T01:00:00Z"))).toBe(3);
    expect(daysWaiting(new Date("2026-03-01T10:00:00Z"), new Date("2026-03-01T16:59:00Z"))).toBe(0);
    expect(daysWaiting(null, new Date())).toBeNull();
    // a clock running behind never gives negative waits
    expect(daysWaiting(new Date("2026-03-05T00:00:00Z"), new Date("2026-03-01T00:00:00Z"))).toBe(0);
  });
});

describe("form schemas", () => {
  it("defines a milestone with a title, a real due date and success criteria", () => {
    const ok = parseWithZod(form({ title: " Laporan antara ", dueDate: "2026-06-30", successCriteria: "Laporan disetujui." }), {
      schema: newMilestoneSchema,
    });
    expect(ok.status).toBe("success");
    if (ok.status === "success") {
      expect(ok.value.title).toBe("Laporan antara");
      expect(ok.value.dueDate.toISOString()).toBe("2026-06-30T00:00:00.000Z");
    }
    const bad = parseWithZod(form({ title: "", dueDate: "2026-02-30", successCriteria: "" }), { schema: newMilestoneSchema });
    expect(bad.status).toBe("error");
    expect(errorsOf(bad)).toMatchObject({ title: ["form.required"], dueDate: ["form.invalidDate"], successCriteria: ["form.required"] });
  });

  it("submits with a required self-assessment, the page's version and well-formed evidence", () => {
    const ok = parseWithZod(form({ version: "3", selfAssessment: "Tercapai.", links: "https://example.org/laporan" }), {
      schema: submitMilestoneSchema,
    });
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(ok.value).toMatchObject({ version: 3, selfAssessment: "Tercapai.", files: [] });
    const bad = parseWithZod(
      form({ selfAssessment: " ", links: "ftp://example.org/x", files: new File(["MZ"], "virus.exe", { type: "application/x-msdownload" }) }),
      { schema: submitMilestoneSchema },
    );
    expect(errorsOf(bad)).toMatchObject({
      version: ["milestone.versionMissing"],
      selfAssessment: ["form.required"],
      links: ["evidence.badLink"],
      files: ["evidence.badType"],
    });
  });

  it("evaluates with the domain rules attached to their fields", () => {
    const returned = parseWithZod(form({ version: "2", decision: "RETURNED", feedback: "" }), { schema: evaluateMilestoneSchema });
    expect(errorsOf(returned)).toEqual({ feedback: ["milestone.feedbackRequired"] });
    const met = parseWithZod(form({ version: "2", decision: "MET", relevanceScore: "7", sustainabilityScore: "" }), {
      schema: evaluateMilestoneSchema,
    });
    expect(errorsOf(met)).toEqual({ relevanceScore: ["milestone.scoreRange"], sustainabilityScore: ["milestone.scoreRequired"] });
    const unknown = parseWithZod(form({ version: "2", decision: "APPROVED" }), { schema: evaluateMilestoneSchema });
    expect(errorsOf(unknown)?.decision).toEqual(["form.invalidChoice"]);
    const deferred = parseWithZod(form({ version: "2", decision: "DEFERRED" }), { schema: evaluateMilestoneSchema });
    expect(deferred.status).toBe("success");
  });
});
