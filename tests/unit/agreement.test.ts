import { describe, expect, it } from "vitest";
import {
  agreementLabel,
  agreementStatus,
  campusOfChain,
  checkAgreementChain,
  expiryWarningDue,
  itemOutsideAgreement,
  needsRenewal,
  reportDateProblem,
} from "~/domain/agreement";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const mou = { validFrom: d("2025-11-26"), validUntil: d("2030-11-25") };

describe("agreementStatus", () => {
  it("is active well within validity", () => {
    expect(agreementStatus(mou, d("2026-11-25"))).toBe("ACTIVE");
  });
  it("is ending soon from 90 days before the last valid day, inclusive", () => {
    expect(agreementStatus(mou, d("2030-08-26"))).toBe("ACTIVE"); // 91 days before
    expect(agreementStatus(mou, d("2030-08-27"))).toBe("ENDING_SOON"); // 90 days before
    expect(agreementStatus(mou, d("2030-11-25"))).toBe("ENDING_SOON"); // last day still valid
  });
  it("is expired the day after its last valid day", () => {
    expect(agreementStatus(mou, d("2030-11-26"))).toBe("EXPIRED");
  });
  it("is not yet valid before it starts", () => {
    expect(agreementStatus(mou, d("2025-11-25"))).toBe("NOT_YET_VALID");
  });
  it("ignores the time of day", () => {
    expect(agreementStatus(mou, new Date("2030-11-25T23:59:00Z"))).toBe("ENDING_SOON");
  });
  it("is a draft while a proposal waits for confirmation, whatever its dates", () => {
    expect(agreementStatus({ ...mou, state: "DRAFT" }, d("2030-11-26"))).toBe("DRAFT");
    expect(agreementStatus({ ...mou, state: "DRAFT" }, d("2026-01-01"))).toBe("DRAFT");
  });
  it("is superseded once renewed, even past its end (then it needs no renewal)", () => {
    const renewed = { ...mou, state: "CONFIRMED", supersededById: "next" };
    expect(agreementStatus(renewed, d("2026-01-01"))).toBe("SUPERSEDED");
    expect(agreementStatus(renewed, d("2031-01-01"))).toBe("SUPERSEDED");
    expect(needsRenewal(renewed, d("2031-01-01"))).toBe(false);
  });
  it("needs renewal when ending within 90 days or expired", () => {
    expect(needsRenewal(mou, d("2030-08-26"))).toBe(false);
    expect(needsRenewal(mou, d("2030-08-27"))).toBe(true);
    expect(needsRenewal(mou, d("2031-08-27"))).toBe(true);
  });
});

const MOU = { kind: "MOU", number: "100/KB/2025", title: "Kesepakatan Bersama", campusId: null, ...mou, signatoryCampusIds: ["itb", "umt"] };
const PKS = { kind: "PKS", number: "045/PKS/2026", campusNumber: "12/ITB/2026", title: "PKS ITB", campusId: "itb", validFrom: d("2026-01-01"), validUntil: d("2028-12-31") };

describe("checkAgreementChain", () => {
  it("accepts a PKS of a signatory campus within the MOU, and an IA within its PKS for the same campus", () => {
    expect(checkAgreementChain({ kind: "PKS", campusId: "itb", validFrom: d("2026-01-01"), validUntil: d("2030-11-25") }, MOU)).toEqual([]);
    expect(checkAgreementChain({ kind: "IA", campusId: "itb", validFrom: d("2026-01-01"), validUntil: d("2028-12-31") }, PKS)).toEqual([]);
  });
  it("refuses an IA valid past its PKS, naming the PKS and its last day", () => {
    const problems = checkAgreementChain({ kind: "IA", campusId: "itb", validFrom: d("2026-02-01"), validUntil: d("2029-01-01") }, PKS);
    expect(problems).toEqual([
      { field: "validUntil", key: "agreements.endsAfterParent", params: { parent: "PKS 045/PKS/2026 / 12/ITB/2026 — PKS ITB", until: "2028-12-31" } },
    ]);
  });
  it("refuses a child starting before its parent", () => {
    const problems = checkAgreementChain({ kind: "PKS", campusId: "itb", validFrom: d("2025-11-25"), validUntil: d("2027-01-01") }, MOU);
    expect(problems.map((p) => [p.field, p.key])).toEqual([["validFrom", "agreements.startsBeforeParent"]]);
    expect(problems[0]!.params?.from).toBe("2025-11-26");
  });
  it("refuses an end before the start", () => {
    const problems = checkAgreementChain({ kind: "PKS", campusId: "itb", validFrom: d("2027-01-01"), validUntil: d("2026-01-01") }, MOU);
    expect(problems.map((p) => p.key)).toContain("agreements.endBeforeStart");
  });
  it("keeps the chain's order: a PKS under the MOU, an IA under a PKS, nothing above the MOU", () => {
    const dates = { validFrom: d("2026-01-01"), validUntil: d("2026-12-31") };
    expect(checkAgreementChain({ kind: "PKS", campusId: "itb", ...dates }, PKS).map((p) => p.key)).toEqual(["agreements.pksUnderMou"]);
    expect(checkAgreementChain({ kind: "IA", campusId: "itb", ...dates }, MOU).map((p) => p.key)).toEqual(["agreements.iaUnderPks"]);
    expect(checkAgreementChain({ kind: "IA", campusId: "itb", ...dates }, null).map((p) => p.key)).toEqual(["agreements.parentRequired"]);
    expect(checkAgreementChain({ kind: "MOU", campusId: null, ...dates }, MOU).map((p) => p.key)).toEqual(["agreements.mouHasNoParent"]);
    expect(checkAgreementChain({ kind: "MOU", campusId: null, ...dates }, null)).toEqual([]);
    expect(checkAgreementChain({ kind: "XYZ", campusId: null, ...dates }, null).map((p) => p.key)).toEqual(["form.invalidChoice"]);
  });
  it("keeps a PKS/IA on the campus of its chain", () => {
    const dates = { validFrom: d("2026-01-01"), validUntil: d("2026-12-31") };
    expect(checkAgreementChain({ kind: "PKS", campusId: "unma", ...dates }, MOU).map((p) => [p.field, p.key])).toEqual([["campusId", "agreements.campusNotSignatory"]]);
    expect(checkAgreementChain({ kind: "IA", campusId: "umt", ...dates }, PKS).map((p) => [p.field, p.key])).toEqual([["campusId", "agreements.campusOfChain"]]);
    expect(checkAgreementChain({ kind: "PKS", campusId: null, ...dates }, MOU).map((p) => p.key)).toEqual(["agreements.campusRequired"]);
  });
  it("derives an IA's campus from its PKS, never from what the form says", () => {
    expect(campusOfChain("IA", { campusId: "itb" }, "umt")).toBe("itb");
    expect(campusOfChain("PKS", { campusId: null }, "itb")).toBe("itb");
    expect(campusOfChain("MOU", null, "itb")).toBeNull();
  });
});

describe("itemOutsideAgreement", () => {
  it("accepts an item within the agreement, its last day included", () => {
    expect(itemOutsideAgreement({ plannedStart: d("2026-01-01"), plannedEnd: d("2028-12-31") }, PKS)).toEqual([]);
  });
  it("names the agreement and why for a start before it and an end after it", () => {
    const problems = itemOutsideAgreement({ plannedStart: d("2025-12-31"), plannedEnd: d("2029-01-01") }, PKS);
    const params = { agreement: agreementLabel(PKS), from: "2026-01-01", until: "2028-12-31" };
    expect(problems).toEqual([
      { field: "plannedStart", key: "agreements.itemStartsBefore", params },
      { field: "plannedEnd", key: "agreements.itemEndsAfter", params },
    ]);
  });
});

describe("reportDateProblem", () => {
  const today = d("2026-06-15");
  it("takes a report dated from the umbrella's signing up to today", () => {
    expect(reportDateProblem(d("2025-11-26"), today)).toBeNull();
    expect(reportDateProblem(today, today)).toBeNull();
  });
  it("refuses one dated before the umbrella was signed (2020) or after today", () => {
    expect(reportDateProblem(d("2020-03-01"), today)).toBe("progress.beforeAgreement");
    expect(reportDateProblem(d("2025-11-25"), today)).toBe("progress.beforeAgreement");
    expect(reportDateProblem(d("2026-06-16"), today)).toBe("progress.future");
  });
});

describe("expiryWarningDue", () => {
  const end = d("2027-03-31");
  it("warns 90 days before, then 30 days before, and not before or after", () => {
    expect(expiryWarningDue(end, d("2026-12-30"))).toBeNull(); // 91 days left
    expect(expiryWarningDue(end, d("2026-12-31"))).toBe(90);
    expect(expiryWarningDue(end, d("2027-02-28"))).toBe(90); // 31 days left
    expect(expiryWarningDue(end, d("2027-03-01"))).toBe(30);
    expect(expiryWarningDue(end, end)).toBe(30);
    expect(expiryWarningDue(end, d("2027-04-01"))).toBeNull();
  });
});

describe("the registry's filters and tree", () => {
  it("reads known filter values from the URL and ignores the rest", async () => {
    const { parseAgreementFilter } = await import("~/domain/agreement");
    expect(parseAgreementFilter(new URLSearchParams("campus=itb&unit=bappeda&kind=IA&status=ENDING_SOON"))).toEqual({ campus: "itb", unit: "bappeda", kind: "IA", status: "ENDING_SOON" });
    expect(parseAgreementFilter(new URLSearchParams(`kind=XYZ&status=nope&campus=${"x".repeat(81)}`))).toEqual({ campus: null, unit: null, kind: null, status: null });
  });
  it("nests each agreement under its listed parent, MOU → PKS → IA, by start; an orphan is a root", async () => {
    const { agreementTree } = await import("~/domain/agreement");
    const row = (id: string, kind: string, parentId: string | null, validFrom: string) => ({ id, kind, parentId, validFrom: d(validFrom) });
    const tree = agreementTree([row("ia", "IA", "pks2", "2026-05-01"), row("pks2", "PKS", "mou", "2026-03-01"), row("pks1", "PKS", "mou", "2026-01-01"), row("mou", "MOU", null, "2025-11-26"), row("orphan", "IA", "hidden", "2026-02-01")]);
    expect(tree.map((n) => n.id)).toEqual(["mou", "orphan"]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(["pks1", "pks2"]);
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual(["ia"]);
  });
});
