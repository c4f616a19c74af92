import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { SHARP_CHANGE_POINTS, checkInSchema, progressChangeWarning, progressUpdateSchema } from "~/domain/schemas/progress";

const today = new Date(Date.UTC(2026, 5, 15));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("progressChangeWarning", () => {
  it("warns of any drop and of a sharp jump, never of an ordinary step", () => {
    expect(progressChangeWarning(99, 60)).toBe("drop");
    expect(progressChangeWarning(40, 39)).toBe("drop");
    expect(progressChangeWarning(40, 40)).toBeNull();
    expect(progressChangeWarning(40, 40 + SHARP_CHANGE_POINTS - 1)).toBeNull();
    expect(progressChangeWarning(40, 40 + SHARP_CHANGE_POINTS)).toBe("jump");
    expect(progressChangeWarning(0, 100)).toBe("jump");
  });
  it("says nothing without both figures", () => {
    expect(progressChangeWarning(null, 50)).toBeNull();
    expect(progressChangeWarning(50, null)).toBeNull();
    expect(progressChangeWarning(50, Number.NaN)).toBeNull();
  });
});

describe("the check-in and the item page share the report's rules", () => {
  const row = (i: number, fields: Record<string, string>) =>
    Object.fromEntries(Object.entries({ initialProgress: "40", initialStatus: "ON_TRACK", progress: "40", status: "ON_TRACK", ...fields }).map(([k, v]) => [`rows[${i}].${k}`, v]));

  it("skips rows left as they were and reads changed and 'no change' rows", () => {
    const result = parseWithZod(
      form({ reportedOn: "2026-06-15", ...row(0, { itemId: "a" }), ...row(1, { itemId: "b", progress: "55", narrative: "Tahap dua." }), ...row(2, { itemId: "c", noChange: "on" }) }),
      { schema: checkInSchema(today) },
    );
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value.rows).toEqual([
      { itemId: "a", kind: "skip" },
      { itemId: "b", kind: "changed", progress: 55, status: "ON_TRACK", narrative: "Tahap dua." },
      { itemId: "c", kind: "no-change", narrative: undefined },
    ]);
  });

  it("gives a changed row the item page's errors, at the row's own fields", () => {
    const rows = { ...row(0, { itemId: "a", progress: "120", narrative: "x" }), ...row(1, { itemId: "b", status: "COMPLETED", progress: "90", narrative: "Selesai." }), ...row(2, { itemId: "c", progress: "50" }) };
    const checkIn = parseWithZod(form({ reportedOn: "2026-06-15", ...rows }), { schema: checkInSchema(today) });
    expect(checkIn.status).toBe("error");
    const errors = checkIn.reply().error!;
    expect(errors["rows[0].progress"]).toEqual(["progress.range"]);
    expect(errors["rows[1].progress"]).toEqual(["progress.completedNeeds100"]);
    expect(errors["rows[2].narrative"]).toEqual(["form.required"]);
    // the same inputs on the item page give the same messages
    const page = parseWithZod(form({ reportedOn: "2026-06-15", progress: "90", status: "COMPLETED", narrative: "Selesai." }), { schema: progressUpdateSchema(today) });
    expect(page.reply().error).toMatchObject({ progress: ["progress.completedNeeds100"] });
    const noNarrative = parseWithZod(form({ reportedOn: "2026-06-15", progress: "50", status: "ON_TRACK" }), { schema: progressUpdateSchema(today) });
    expect(noNarrative.reply().error).toMatchObject({ narrative: ["form.required"] });
  });

  it("refuses a check-in with nothing to send, and a report date in the future", () => {
    const nothing = parseWithZod(form({ reportedOn: "2026-06-15", ...row(0, { itemId: "a" }) }), { schema: checkInSchema(today) });
    expect(nothing.reply().error).toEqual({ "": ["checkIn.nothingToSend"] });
    const future = parseWithZod(form({ reportedOn: "2026-06-16", ...row(0, { itemId: "a", noChange: "on" }) }), { schema: checkInSchema(today) });
    expect(future.reply().error).toEqual({ reportedOn: ["progress.future"] });
  });
});
