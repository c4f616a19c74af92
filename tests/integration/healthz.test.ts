import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { call, jsonOf, makeRequest } from "../support/http";

describe("GET /healthz", () => {
  it("reports the database reachable and every migration applied", async () => {
    const response = await call(loader, makeRequest("/healthz"));
    expect(response.status).toBe(200);
    const migrations = fs.readdirSync("prisma/migrations").filter((d) => /^\d{14}_/.test(d)).length;
    expect(await jsonOf(response)).toEqual({ status: "ok", database: true, migrations });
  });
});
