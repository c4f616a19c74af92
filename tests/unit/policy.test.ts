import { describe, expect, it } from "vitest";
import { ACTIONS, can, draftScope, type Action, type Principal } from "~/domain/policy";

const ITB = "campus-itb";
const UMT = "campus-umt";
const BAPPEDA = "unit-bappeda";
const DINKES = "unit-dinkes";
const actor = (role: Principal["role"], campusIds: string[] = []): Principal => ({ id: role, role, campusIds });
const admin = actor("ADMIN");
const reviewer = actor("REVIEWER");
const observer = actor("OBSERVER");
const liaison = actor("LIAISON", [ITB]);

const published = { campusId: ITB, visibility: "PUBLISHED" };
const draft = { campusId: ITB, visibility: "DRAFT" };

describe("permission policy", () => {
  it("refuses everything to nobody", () => {
    for (const action of ACTIONS) expect(can(null, action, published)).toBe(false);
  });

  it("lets an administrator do everything", () => {
    for (const action of ACTIONS) expect(can(admin, action, draft)).toBe(true);
  });

  it("lets a reviewer read and evaluate but never edit campus content or manage users", () => {
    expect(can(reviewer, "item.read", draft)).toBe(true);
    expect(can(reviewer, "milestone.evaluate", published)).toBe(true);
    expect(can(reviewer, "audit.read")).toBe(true);
    for (const action of ["item.edit", "item.create", "update.create", "team.manage", "milestone.submit", "user.manage"] as const) {
      expect(can(reviewer, action, published)).toBe(false);
    }
  });

  it("gives an observer published things only, read-only", () => {
    expect(can(observer, "item.read", published)).toBe(true);
    expect(can(observer, "item.read", draft)).toBe(false);
    expect(can(observer, "dashboard.read")).toBe(true);
    expect(can(observer, "comment.create", published)).toBe(false);
    expect(can(observer, "audit.read")).toBe(false);
  });

  it("lets a liaison work on their own campus only", () => {
    expect(can(liaison, "item.edit", published)).toBe(true);
    expect(can(liaison, "item.read", draft)).toBe(true);
    expect(can(liaison, "item.edit", { campusId: UMT, visibility: "PUBLISHED" })).toBe(false);
    expect(can(liaison, "item.read", { campusId: UMT, visibility: "DRAFT" })).toBe(false);
    expect(can(liaison, "item.read", { campusId: UMT, visibility: "PUBLISHED" })).toBe(true);
    expect(can(liaison, "item.internal.read", { campusId: UMT, visibility: "PUBLISHED" })).toBe(false);
    expect(can(liaison, "milestone.evaluate", published)).toBe(false);
    expect(can(liaison, "audit.read")).toBe(false);
    // without a campus on the resource, campus content is never allowed
    expect(can(liaison, "item.create")).toBe(false);
  });

  it("gives a unit focal point published things, and the internals of its own unit's items", () => {
    const unit = { id: "u", role: "UNIT", campusIds: [], unitIds: [BAPPEDA] } as const satisfies Principal;
    const ownUnitItem = { ...published, unitId: BAPPEDA };
    const otherUnitItem = { ...published, unitId: DINKES };
    expect(can(unit, "item.read", published)).toBe(true);
    expect(can(unit, "item.read", { ...draft, unitId: BAPPEDA })).toBe(false);
    expect(can(unit, "item.internal.read", ownUnitItem)).toBe(true);
    expect(can(unit, "item.internal.read", otherUnitItem)).toBe(false);
    expect(can(unit, "item.internal.read", { ...draft, unitId: BAPPEDA })).toBe(false);
    expect(can(unit, "comment.create", ownUnitItem)).toBe(true);
    expect(can(unit, "comment.create", otherUnitItem)).toBe(false);
    expect(can(unit, "unit.note.create", ownUnitItem)).toBe(true);
    expect(can(unit, "unit.note.create", otherUnitItem)).toBe(false);
    // an obstacle's unitId is the unit that owns it
    expect(can(unit, "obstacle.resolve", ownUnitItem)).toBe(true);
    expect(can(unit, "obstacle.resolve", otherUnitItem)).toBe(false);
    expect(can(unit, "obstacle.resolve", published)).toBe(false);
    expect(can(unit, "unit.read")).toBe(true);
    // never a campus's content, never the office's work, never administration
    for (const action of [
      "item.edit", "item.create", "update.create", "obstacle.assign", "milestone.manage", "milestone.submit",
      "team.manage", "team.contacts.read", "milestone.evaluate", "review.read", "audit.read", "user.manage", "unit.manage",
      "agreement.edit", "agreement.document.read",
    ] as const) {
      expect(can(unit, action, ownUnitItem), action).toBe(false);
    }
    expect(draftScope(unit)).toEqual([]);
  });

  it("lets only the unit's own focal points, the campus and the administrator clear an obstacle", () => {
    const owned = { ...published, unitId: BAPPEDA };
    expect(can(liaison, "obstacle.resolve", owned)).toBe(true);
    expect(can(admin, "obstacle.resolve", owned)).toBe(true);
    expect(can(reviewer, "obstacle.resolve", owned)).toBe(false);
    expect(can(reviewer, "obstacle.assign", owned)).toBe(true);
    expect(can(liaison, "obstacle.assign", { campusId: UMT, visibility: "PUBLISHED" })).toBe(false);
    expect(can(reviewer, "unit.manage")).toBe(false);
    expect(can(admin, "unit.manage")).toBe(true);
  });

  it("scopes draft lists the same way", () => {
    expect(draftScope(admin)).toBe("ALL");
    expect(draftScope(reviewer)).toBe("ALL");
    expect(draftScope(observer)).toEqual([]);
    expect(draftScope(liaison)).toEqual([ITB]);
  });
});

describe("a policy that must decide", () => {
  it("refuses an action nobody has decided, for every role (a REVIEWER was allowed by default)", () => {
    const unknown = "agreement.delete" as Action;
    for (const who of [admin, reviewer, observer, liaison]) expect(can(who, unknown, published)).toBe(false);
  });

  it("refuses a role it does not know", () => {
    const stranger = { id: "x", role: "AUDITOR", campusIds: [ITB] } as unknown as Principal;
    for (const action of ACTIONS) expect(can(stranger, action, published)).toBe(false);
  });

  it("derives draftScope from the item.read rule: both agree for every role and campus", () => {
    const campuses = [ITB, UMT, "campus-iti"];
    for (const who of [admin, reviewer, observer, liaison, actor("LIAISON", [ITB, UMT])]) {
      const scope = draftScope(who);
      for (const campusId of campuses) {
        const inScope = scope === "ALL" || scope.includes(campusId);
        expect(inScope, `${who.role} ${who.campusIds.join(",")} ${campusId}`).toBe(can(who, "item.read", { campusId, visibility: "DRAFT" }));
      }
    }
  });
});
