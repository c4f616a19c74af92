import { describe, expect, it } from "vitest";
import { latestHistory, mergeItemHistory } from "~/domain/item-history";

const update = (id: string, reportedOn: string, createdAt: string) => ({ id, reportedOn: new Date(reportedOn), createdAt: new Date(createdAt) });
const note = (id: string, createdAt: string) => ({ id, createdAt: new Date(createdAt), body: `note ${id}` });

describe("an item's history: updates and government notes in one dated list", () => {
  it("orders both kinds newest first, updates by the day they report on", () => {
    const merged = mergeItemHistory(
      [update("u1", "2026-09-01", "2026-09-02T01:00:00Z"), update("u2", "2026-10-01", "2026-10-20T01:00:00Z")],
      [note("n1", "2026-09-15T03:00:00Z"), note("n2", "2026-11-01T03:00:00Z")],
    );
    expect(merged.map((e) => `${e.kind}:${e.entry.id}`)).toEqual(["note:n2", "update:u2", "note:n1", "update:u1"]);
    expect(merged[0]).toMatchObject({ kind: "note", at: "2026-11-01" });
  });
  it("on the same day, the entry written later comes first", () => {
    const merged = mergeItemHistory([update("u1", "2026-09-01", "2026-09-01T05:00:00Z")], [note("n1", "2026-09-01T02:00:00Z"), note("n2", "2026-09-01T08:00:00Z")]);
    expect(merged.map((e) => e.entry.id)).toEqual(["n2", "u1", "n1"]);
  });
  it("dates a note by the day in Banten it was written (03:00 WIB is already the next day)", () => {
    const merged = mergeItemHistory([update("u1", "2026-09-02", "2026-09-02T01:00:00Z")], [note("n1", "2026-09-01T20:00:00Z")]);
    expect(merged.find((e) => e.kind === "note")).toMatchObject({ at: "2026-09-02" });
  });
  it("keeps the entries as they are (a note changes no update) and takes ISO strings from loader data", () => {
    const u = { id: "u", reportedOn: "2026-01-02", createdAt: "2026-01-02T00:00:00.000Z", progress: 40 };
    const merged = mergeItemHistory([u], []);
    expect(merged).toEqual([{ kind: "update", at: "2026-01-02", entry: u }]);
    expect(mergeItemHistory([], [])).toEqual([]);
  });
});

describe("the part of a long history an item page shows", () => {
  it("keeps the newest entries of both kinds and counts the older ones left out", () => {
    const updates = [update("u1", "2026-07-01", "2026-07-01T01:00:00Z"), update("u2", "2026-08-01", "2026-08-01T01:00:00Z"), update("u3", "2026-10-01", "2026-10-01T01:00:00Z")];
    const notes = [note("n1", "2026-07-15T03:00:00Z"), note("n2", "2026-09-15T03:00:00Z")];
    const shown = latestHistory(updates, notes, 3);
    expect(shown.updates.map((u) => u.id)).toEqual(["u2", "u3"]);
    expect(shown.notes.map((n) => n.id)).toEqual(["n2"]);
    expect(shown.hidden).toBe(2);
  });

  it("keeps everything when the history is short", () => {
    const shown = latestHistory([update("u1", "2026-07-01", "2026-07-01T01:00:00Z")], [note("n1", "2026-07-15T03:00:00Z")], 10);
    expect(shown.updates).toHaveLength(1);
    expect(shown.notes).toHaveLength(1);
    expect(shown.hidden).toBe(0);
  });
});
