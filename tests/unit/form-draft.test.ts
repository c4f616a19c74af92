// A form kept when the session ended comes back into the form it came from, named by its Conform id.
import { describe, expect, it } from "vitest";
import { restoredValues, type RestoredDraft } from "~/domain/form-draft";

const draft: RestoredDraft = {
  formId: "resolve-obstacle-o1",
  fields: [
    ["obstacleId", "o1"],
    ["resolution", "Koordinasi dengan Bappeda"],
    ["links", "https://a.example"],
    ["links", "https://b.example"],
  ],
};

describe("restoredValues", () => {
  it("gives the kept values to the form they came from, repeated names as lists", () => {
    expect(restoredValues(draft, "resolve-obstacle-o1")).toEqual({
      obstacleId: "o1",
      resolution: "Koordinasi dengan Bappeda",
      links: ["https://a.example", "https://b.example"],
    });
  });

  it("gives nothing to any other form of the page, however alike its fields", () => {
    expect(restoredValues(draft, "resolve-obstacle-o2")).toBeNull();
    expect(restoredValues(draft, "progress-update")).toBeNull();
    expect(restoredValues(draft, "comment")).toBeNull();
  });

  it("gives nothing without a draft or with an empty one", () => {
    expect(restoredValues(null, "comment")).toBeNull();
    expect(restoredValues(undefined, "comment")).toBeNull();
    expect(restoredValues({ formId: "comment", fields: [] }, "comment")).toBeNull();
  });
});
