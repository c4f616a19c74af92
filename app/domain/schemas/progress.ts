import { z } from "zod";
import { MAX_FILES, MAX_LINKS, fileProblem, parseLinks } from "../evidence";
import { reportDateProblem } from "../agreement";
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

/**
 * The core of every progress report, wherever it is posted (the item page, the monthly check-in):
 * progress, status, narrative and the rule that binds them. One definition.
 */
export const progressCoreSchema = z
  .object({ progress: percent, status: choice(UPDATE_STATUSES), narrative: requiredText(5000) })
  .superRefine((v, ctx) => completedNeeds100(v, ctx));

function completedNeeds100(v: { status: string; progress: number }, ctx: z.RefinementCtx) {
  if (v.status === "COMPLETED" && v.progress !== 100)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["progress"], message: "progress.completedNeeds100" });
}

/** The day a report is made on: the agreement chain's rule (app/domain/agreement.ts). */
function reportedOnRule(reportedOn: Date, today: Date, ctx: z.RefinementCtx) {
  const problem = reportDateProblem(reportedOn, today);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reportedOn"], message: problem });
}

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
      ...progressCoreSchema.innerType().shape,
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
      /** the new obstacle waits on this government unit (the model checks it is an active one) */
      obstacleUnitId: z.string().max(40).optional(),
    })
    .superRefine((v, ctx) => {
      reportedOnRule(v.reportedOn, today, ctx);
      completedNeeds100(v, ctx);
      if (!v.obstacleDescription && (v.obstacleOwner || v.obstacleDueDate || v.obstacleUnitId))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["obstacleDescription"], message: "obstacle.describe" });
    });
}

export const resolveObstacleSchema = z.object({
  obstacleId: z.string({ required_error: "form.required" }).max(40),
  resolution: requiredText(2000),
});

export const commentSchema = z.object({ body: requiredText(3000) });

// ---------- the monthly check-in: one row per open item of a campus ----------

export { SHARP_CHANGE_POINTS, progressChangeWarning } from "../progress-change";

/** What one check-in row asks of the server: nothing, a report of "no change", or a changed report. */
export type CheckInRow =
  | { itemId: string; kind: "skip" }
  | { itemId: string; kind: "no-change"; narrative: string | undefined }
  | { itemId: string; kind: "changed"; progress: number; status: (typeof UPDATE_STATUSES)[number]; narrative: string };

/** The most rows one check-in takes (a campus's open items; the page lists no more). */
export const CHECK_IN_MAX_ROWS = 300;

const checkInRowSchema = z
  .object({
    itemId: z.string({ required_error: "form.required" }).max(40),
    // what the row showed when the page was opened: a row left as it was is not a report
    initialProgress: z.number().optional(),
    initialStatus: z.string().max(20).optional(),
    progress: z.number({ invalid_type_error: "form.invalidNumber" }).optional(),
    status: z.string().max(20).optional(),
    narrative: z.string().max(5000, "form.tooLong").optional(),
    noChange: z.boolean().optional(),
  })
  .transform((row, ctx): CheckInRow => {
    const narrative = row.narrative?.trim() || undefined;
    if (row.noChange) return { itemId: row.itemId, kind: "no-change", narrative };
    const changed = row.progress !== row.initialProgress || (row.status ?? "") !== (row.initialStatus ?? "") || !!narrative;
    if (!changed) return { itemId: row.itemId, kind: "skip" };
    // a changed row is a progress report: the same rules as on the item page
    const core = progressCoreSchema.safeParse({ progress: row.progress, status: row.status, narrative: row.narrative });
    if (!core.success) {
      for (const issue of core.error.issues) ctx.addIssue({ ...issue, path: issue.path, fatal: false } as z.IssueData);
      return z.NEVER;
    }
    return { itemId: row.itemId, kind: "changed", ...core.data };
  });

let latestCheckIn: { day: number; schema: ReturnType<typeof buildCheckInSchema> } | null = null;

/** The monthly check-in of a campus: one report date, one row per open item. */
export function checkInSchema(today: Date) {
  if (latestCheckIn?.day !== today.getTime()) latestCheckIn = { day: today.getTime(), schema: buildCheckInSchema(today) };
  return latestCheckIn.schema;
}

function buildCheckInSchema(today: Date) {
  return z
    .object({
      reportedOn: isoDate(),
      rows: z.array(checkInRowSchema).max(CHECK_IN_MAX_ROWS).default([]),
    })
    .superRefine((v, ctx) => {
      reportedOnRule(v.reportedOn, today, ctx);
      if (!v.rows.some((r) => r.kind !== "skip")) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "checkIn.nothingToSend" });
    });
}
