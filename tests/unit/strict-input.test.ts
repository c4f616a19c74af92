// Strict number and date parsing in the shared form schemas, through the server's parseForm
// (the same coercion every action uses).
import { describe, expect, it } from "vitest";
import { recordValueSchema } from "~/domain/schemas/indicator";
import { progressUpdateSchema } from "~/domain/schemas/progress";
import { parseForm } from "~/utils/parse-form.server";

const TODAY = new Date(Date.UTC(2026, 10, 30));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const update = (fields: Record<string, string>) =>
  parseForm(form({ reportedOn: "2026-11-02", progress: "40", status: "ON_TRACK", narrative: "Survei lapangan selesai.", ...fields }), progressUpdateSchema(TODAY));

const value = (fields: Record<string, string>) =>
  parseForm(form({ year: "2026", observedOn: "2026-06-30", value: "47,5", source: "BPJS Ketenagakerjaan", version: "1", ...fields }), recordValueSchema(TODAY));

function fieldErrors(submission: ReturnType<typeof update> | ReturnType<typeof value>) {
  return submission.status === "error" ? submission.error ?? {} : {};
}

describe("numbers are decimal digits only", () => {
  it("accepts 40 and refuses 0x10, 1e1, 0b1, Infinity and 40abc as a progress", () => {
    expect(update({ progress: "40" }).status).toBe("success");
    for (const progress of ["0x10", "1e1", "0b1", "Infinity", "40abc", " 0o7 "]) {
      expect(fieldErrors(update({ progress })).progress, progress).toEqual(["form.invalidNumber"]);
    }
  });

  it("still refuses a fraction as a whole number", () => {
    expect(fieldErrors(update({ progress: "12.5" })).progress).toEqual(["form.wholeNumber"]);
  });
});

describe("dates are real days within the tracker's era", () => {
  it("refuses a report dated before the agreement was signed, or in year 0 or 1900", () => {
    expect(fieldErrors(update({ reportedOn: "2025-11-25" })).reportedOn).toEqual(["progress.beforeAgreement"]);
    expect(update({ reportedOn: "2025-11-26" }).status).toBe("success");
    expect(fieldErrors(update({ reportedOn: "1900-01-01" })).reportedOn).toEqual(["form.dateOutOfRange"]);
    expect(fieldErrors(update({ reportedOn: "0000-01-01" })).reportedOn).toEqual(["form.dateOutOfRange"]);
  });

  it("answers a day that does not exist with a message on the field, not a TypeError", () => {
    const submission = value({ observedOn: "2026-02-30" });
    expect(fieldErrors(submission).observedOn).toEqual(["form.invalidDate"]);
    expect(fieldErrors(value({ observedOn: "1999-12-31", year: "2000" })).observedOn).toEqual(["form.dateOutOfRange"]);
    expect(value({}).status).toBe("success");
  });
});
