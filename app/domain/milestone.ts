import { daysBetween, todayInBanten } from "./dates";
import type { MilestoneDecision, MilestoneState } from "./enums";

// The life of an evaluation milestone (tonggak evaluasi): the campus submits, the governor's
// office evaluates. Which milestones count as overdue lives in ./status.ts.

/** States from which the campus may submit: first submission, or rework after a return. */
export const SUBMITTABLE_STATES: readonly MilestoneState[] = ["PENDING", "RETURNED"];
/** The one state a reviewer evaluates from. */
export const EVALUABLE_STATES: readonly MilestoneState[] = ["SUBMITTED"];
/** Decisions that close or park the round without judging it, so scores are not asked for. */
export const UNSCORED_DECISIONS: readonly MilestoneDecision[] = ["RETURNED", "DEFERRED"];
/** Decisions the campus must be told why about. */
export const FEEDBACK_DECISIONS: readonly MilestoneDecision[] = ["RETURNED", "NOT_MET"];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export function canSubmit(state: string): boolean {
  return (SUBMITTABLE_STATES as readonly string[]).includes(state);
}

export function canEvaluate(state: string): boolean {
  return (EVALUABLE_STATES as readonly string[]).includes(state);
}

export function scoresRequired(decision: MilestoneDecision): boolean {
  return !UNSCORED_DECISIONS.includes(decision);
}

export function feedbackRequired(decision: MilestoneDecision): boolean {
  return FEEDBACK_DECISIONS.includes(decision);
}

export type Evaluation = {
  decision: MilestoneDecision;
  relevanceScore?: number | null;
  sustainabilityScore?: number | null;
  feedback?: string | null;
};

export type EvaluationProblem = {
  field: "relevanceScore" | "sustainabilityScore" | "feedback";
  message: "milestone.scoreRequired" | "milestone.scoreRange" | "milestone.feedbackRequired";
};

function validScore(score: number | null | undefined): boolean {
  return score === null || score === undefined || (Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX);
}

/** What is missing or wrong in an evaluation, field by field (empty when it may be saved). */
export function evaluationProblems(e: Evaluation): EvaluationProblem[] {
  const problems: EvaluationProblem[] = [];
  for (const field of ["relevanceScore", "sustainabilityScore"] as const) {
    const score = e[field];
    if (!validScore(score)) problems.push({ field, message: "milestone.scoreRange" });
    else if ((score === null || score === undefined) && scoresRequired(e.decision)) problems.push({ field, message: "milestone.scoreRequired" });
  }
  if (feedbackRequired(e.decision) && !e.feedback?.trim()) problems.push({ field: "feedback", message: "milestone.feedbackRequired" });
  return problems;
}

export type Transition =
  | { ok: true; state: MilestoneState }
  | { ok: false; reason: "milestone.notSubmittable" | "milestone.notEvaluable" | "milestone.invalidEvaluation" };

/** The state a milestone moves to when the campus submits it, or why it may not. */
export function submitTransition(state: string): Transition {
  return canSubmit(state) ? { ok: true, state: "SUBMITTED" } : { ok: false, reason: "milestone.notSubmittable" };
}

/** The state a milestone moves to when a reviewer evaluates it, or why it may not. */
export function evaluateTransition(state: string, evaluation: Evaluation): Transition {
  if (!canEvaluate(state)) return { ok: false, reason: "milestone.notEvaluable" };
  if (evaluationProblems(evaluation).length) return { ok: false, reason: "milestone.invalidEvaluation" };
  return { ok: true, state: evaluation.decision };
}

/** Whole calendar days (in Banten) something has waited since `since`. */
export function daysWaiting(since: Date | null | undefined, now: Date = new Date()): number | null {
  if (!since) return null;
  return Math.max(0, daysBetween(todayInBanten(since), todayInBanten(now)));
}
