import { z } from "zod";
import { MAX_FILES, MAX_LINKS, fileProblem, parseLinks } from "../evidence";
import { AGREEMENT_SIGNED_ON } from "../dates";
import { UPDATE_STATUSES } from "../enums";
import { isoDate, optionalIsoDate } from "./dates";
import { choice, optionalText, requiredText } from "./fields";

export const evidenceLinks = () =>
  optionalText(5000).superRefine((text, ctx) => {
    const { links, invalid } = parseLinks(text);
    if (invalid.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "evidence.badLink" });
    if (links.length > MAX_LINKS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "evidence.tooManyLinks" });
  });

// In the browser (and with no file chosen) the field may be absent; on the server files are File objects.
export const evidenceFiles = () =>
  z
    .preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.any()),
    )
    .superRefine((files, ctx) => {
      const real = files.filter((f): f is File => typeof f === "object" && f !== null && "size" in f && f.size > 0);
      if (real.length > MAX_FILES) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "evidence.tooManyFiles" });
      for (const file of real) {
        const problem = fileProblem(file);
        if (problem) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
          return;
        }
      }
    })
    .transform((files) => files.filter((f): f is File => typeof f === "object" && f !== null && "size" in f && f.size > 0));

const percent = z
  .number({ required_error: "form.required", invalid_type_error: "form.invalidNumber" })
  .int("form.wholeNumber")
  .min(0, "progress.range")
  .max(100, "progress.range");

let latest: { day: number; schema: ReturnType<typeof buildProgressUpdateSchema> } | null = null;

/** Posting a progress update, optionally raising a new obstacle with it (one schema per day). */
export function progressUpdateSchema(today: Date) {
  if (latest?.day !== today.getTime()) latest = { day: today.getTime(), schema: buildProgressUpdateSchema(today) };
  return latest.schema;
}

function buildProgressUpdateSchema(today: Date) {
  return z
    .object({
      reportedOn: isoDate(),
      progress: percent,
      status: choice(UPDATE_STATUSES),
      narrative: requiredText(5000),
      achievements: optionalText(5000),
      obstacles: optionalText(5000),
      nextSteps: optionalText(5000),
      correctsId: z.string().max(40).optional(),
      links: evidenceLinks(),
      files: evidenceFiles(),
      obstacleDescription: optionalText(2000),
      obstacleOwner: optionalText(120),
      obstacleDueDate: optionalIsoDate(),
      obstacleNeedsGovernorOffice: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.reportedOn > today) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reportedOn"], message: "progress.future" });
      else if (v.reportedOn < AGREEMENT_SIGNED_ON)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reportedOn"], message: "progress.beforeAgreement" });
      if (v.status === "COMPLETED" && v.progress !== 100)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["progress"], message: "progress.completedNeeds100" });
      if (!v.obstacleDescription && (v.obstacleOwner || v.obstacleDueDate))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["obstacleDescription"], message: "obstacle.describe" });
    });
}

export const resolveObstacleSchema = z.object({
  obstacleId: z.string({ required_error: "form.required" }).max(40),
  resolution: requiredText(2000),
});

export const commentSchema = z.object({ body: requiredText(3000) });
