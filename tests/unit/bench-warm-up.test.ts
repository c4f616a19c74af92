import { describe, expect, it } from "vitest";
import { MAX_WARMUP_ROUNDS, warmedUp } from "../../scripts/bench/measure";

// The bench warms each route in rounds until its rate stops rising (the server's JIT compiles a
// route's code while it runs), so a route is measured at its steady rate.
describe("warmedUp", () => {
  it("asks for a second round before judging, and another while a round is more than 5 % faster than the last", () => {
    expect(warmedUp([])).toBe(false);
    expect(warmedUp([270])).toBe(false);
    expect(warmedUp([270, 362])).toBe(false);
    expect(warmedUp([270, 362, 398])).toBe(false);
    expect(warmedUp([270, 362, 398, 400])).toBe(true);
  });

  it("stops when a round is no faster, or at most 5 % faster, than the one before", () => {
    expect(warmedUp([400, 380])).toBe(true);
    expect(warmedUp([400, 420])).toBe(true);
    expect(warmedUp([400, 421])).toBe(false);
  });

  it("stops after the last round allowed, still rising or not", () => {
    const rising = Array.from({ length: MAX_WARMUP_ROUNDS }, (_, i) => 100 * 2 ** i);
    expect(warmedUp(rising.slice(0, -1))).toBe(false);
    expect(warmedUp(rising)).toBe(true);
  });
});
