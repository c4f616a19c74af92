import { describe, expect, it } from "vitest";
import { newId } from "~/utils/ids.server";

describe("newId", () => {
  it("has the shape of Prisma's cuid() and never repeats", () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("sorts by creation time across milliseconds", async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(newId() > first).toBe(true);
  });
});
