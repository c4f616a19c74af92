import { describe, expect, it } from "vitest";
import { agreementStatus } from "~/domain/agreement";

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
});
