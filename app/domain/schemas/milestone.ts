import { z } from "zod";
import { MILESTONE_DECISIONS } from "../enums";
import { SCORE_MAX, SCORE_MIN, evaluationProblems } from "../milestone";
import { isoDate } from "./dates";
import { choice, optionalText, requiredText } from "./fields";
import { evidenceFiles, evidenceLinks } from "./progress";
import { recordVersion, startedAt } from "./version";

/** Defining a milestone on a roadmap item. */
export const newMilestoneSchema = z.object({
  title: requiredText(200),
  dueDate: isoDate(),
  successCriteria: requiredText(3000),
  description: optionalText(5000),
});
export type NewMilestoneInput = z.output<typeof newMilestoneSchema>;

/** The version the user saw when the page was loaded: a later change refuses the submission. */
const version = () => recordVersion("milestone.versionMissing");

/** The campus submits (or resubmits) a milestone with its self-assessment and evidence. */
export const submitMilestoneSchema = z.object({
  version: version(),
  startedAt: startedAt(),
  selfAssessment: requiredText(5000),
  submissionNote: optionalText(5000),
  links: evidenceLinks(),
  files: evidenceFiles(),
});
export type SubmitMilestoneInput = z.output<typeof submitMilestoneSchema>;

const score = () =>
  z
    .number({ invalid_type_error: "milestone.scoreRange" })
    .int("milestone.scoreRange")
    .min(SCORE_MIN, "milestone.scoreRange")
    .max(SCORE_MAX, "milestone.scoreRange")
    .optional();

/** A reviewer's decision on a submitted milestone; the rules of what it needs are in ../milestone. */
export const evaluateMilestoneSchema = z
  .object({
    version: version(),
    startedAt: startedAt(),
    decision: choice(MILESTONE_DECISIONS),
    relevanceScore: score(),
    sustainabilityScore: score(),
    feedback: optionalText(5000),
  })
  .superRefine((value, ctx) => {
    for (const problem of evaluationProblems(value)) {
      // range errors already come from the field itself
      if (problem.message === "milestone.scoreRange") continue;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.field], message: problem.message });
    }
  });
export type EvaluateMilestoneInput = z.output<typeof evaluateMilestoneSchema>;
