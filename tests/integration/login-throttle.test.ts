// Sign-in throttling: a cool-down per account and IP, per account over every IP, and only a delay
// per IP, so that failures from one address (a shared proxy) never lock a correct password out of
// another account.
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_WIDE_FACTOR, login } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";

// the IP delay is real but kept tiny here (no test asserts a timing)
process.env.LOGIN_IP_DELAY_MS = "1";
const PASSWORD = "kolaborasi2025";
const PER_ACCOUNT = 5; // LOGIN_MAX_FAILURES_PER_ACCOUNT's default
const PER_IP = 20; // LOGIN_MAX_FAILURES_PER_IP's default

const attempt = (email: string, password: string, ip: string) => login({ email, password }, { ip, userAgent: "vitest" });

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect(await attempt(email, "salah-sandi", ip)).toMatchObject({ ok: false });
}

beforeAll(async () => {
  for (const name of ["ani", "budi", "citra", "dewi"]) await createUser(prisma, { email: `${name}@throttle.test`, role: "OBSERVER" });
});

describe("sign-in throttling", () => {
  it("lets a correct password in from an IP that has failed many times for other accounts", async () => {
    const proxy = "10.0.0.1";
    for (let i = 0; i < PER_IP + 2; i++) await fail(`guess-${i}@throttle.test`, proxy, 1);
    const result = await attempt("ani@throttle.test", PASSWORD, proxy);
    expect(result).toMatchObject({ ok: true });
  });

  it("cools one account down from one IP after repeated failures, not from another IP, and not other accounts", async () => {
    const ip = "10.0.0.2";
    await fail("budi@throttle.test", ip, PER_ACCOUNT);
    expect(await attempt("budi@throttle.test", PASSWORD, ip)).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await attempt("budi@throttle.test", PASSWORD, "10.0.0.3")).toMatchObject({ ok: true });
    expect(await attempt("citra@throttle.test", PASSWORD, ip)).toMatchObject({ ok: true });
  });

  it("cools an account down everywhere when failures are spread over many IPs", async () => {
    const total = PER_ACCOUNT * ACCOUNT_WIDE_FACTOR;
    for (let i = 0; i < total; i++) await fail("dewi@throttle.test", `10.1.0.${i}`, 1);
    const result = await attempt("dewi@throttle.test", PASSWORD, "10.2.0.1");
    expect(result).toMatchObject({ ok: false, reason: "rate-limited" });
    if (result.ok || result.reason !== "rate-limited") throw new Error("unreachable");
    expect(result.retryAfterMinutes).toBeGreaterThanOrEqual(1);
  });
});
