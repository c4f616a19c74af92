// Raw statements skip Prisma's query compiler (app/utils/prisma-raw-plan.server.ts): the plan built
// in JavaScript must be the compiler's own, and whatever the shortcut does not know must still be
// compiled.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { COMPILER_OWN_COMPILE, queryCompilerClass, rawStatementPlan } from "~/utils/prisma-raw-plan.server";

type Compile = (this: unknown, request: string) => unknown;
type Prototype = { compile: Compile; [COMPILER_OWN_COMPILE]?: Compile };

function compilerPrototype(): Prototype {
  const prototype = queryCompilerClass()?.prototype as Prototype | undefined;
  // the shortcut is in place (db.server.ts puts it there): a Prisma upgrade that moves the compiler fails here
  expect(prototype?.[COMPILER_OWN_COMPILE]).toBeTypeOf("function");
  return prototype!;
}

/** Runs `work` with every request handed to the compiler compiled by it, and returns what the shortcut and the compiler planned. */
async function bothPlans(work: () => Promise<unknown>) {
  const prototype = compilerPrototype();
  const shortcut = prototype.compile;
  const own = prototype[COMPILER_OWN_COMPILE]!;
  const seen: { request: string; ours: unknown; theirs: unknown }[] = [];
  prototype.compile = function (request: string) {
    const theirs = own.call(this, request);
    seen.push({ request, ours: rawStatementPlan(request), theirs });
    return theirs;
  };
  try {
    await work();
  } finally {
    prototype.compile = shortcut;
  }
  return seen;
}

/** The requests that reach the compiler itself while `work` runs. */
async function compiled(work: () => Promise<unknown>) {
  const prototype = compilerPrototype();
  const own = prototype[COMPILER_OWN_COMPILE]!;
  const requests: string[] = [];
  prototype[COMPILER_OWN_COMPILE] = function (request: string) {
    requests.push(request);
    return own.call(this, request);
  };
  try {
    await work();
  } finally {
    prototype[COMPILER_OWN_COMPILE] = own;
  }
  return requests;
}

const date = new Date(Date.UTC(2026, 10, 26, 3, 4, 5, 6));
const known: unknown[] = ["Universitas Sultan Ageng Tirtayasa", "", "’ü📄", 0, -5, 60, 2 ** 31, Date.now(), Number.MAX_SAFE_INTEGER, true, false, null, date, 12n, 2n ** 63n - 1n];

describe("raw statements planned without the query compiler", () => {
  it("are planned as the compiler plans them, for every kind of value the app binds", async () => {
    const seen = await bothPlans(async () => {
      for (const value of known) {
        await prisma.$queryRaw`SELECT ${value} AS "v", ${"x"} AS "w"`;
        await prisma.$transaction((tx) => tx.$executeRaw`UPDATE "DataVersion" SET "version" = "version" WHERE "id" = ${1} AND ${value} IS NOT ${"never"}`);
      }
      await prisma.$queryRawUnsafe(`SELECT ? AS "a", ? AS "b"`, "teks", 7);
      await prisma.$queryRaw(Prisma.sql`SELECT "slug" FROM "Campus" WHERE "slug" IN (${Prisma.join(["itb", "untirta"])})`);
    });
    const ours = seen.filter((s) => s.ours !== null);
    expect(ours.length).toBe(known.length * 2 + 2);
    for (const { request, ours: plan, theirs } of ours) expect({ request, plan }).toEqual({ request, plan: theirs });
  });

  it("leave to the compiler what they do not know: other numbers, bytes, decimals, JSON, lists, model queries", async () => {
    const others: unknown[] = [1.5, Buffer.from("ab"), new Prisma.Decimal("1.25"), { a: 1 }, [1, 2]];
    const seen = await bothPlans(async () => {
      for (const value of others) await prisma.$queryRaw`SELECT ${value} AS "v"`.catch(() => undefined);
      await prisma.campus.findFirst({ where: { slug: "itb" } });
    });
    expect(seen.length).toBe(others.length + 1);
    for (const { ours } of seen) expect(ours).toBeNull();
    // a whole number past 2^53 is not one the compiler calls "int"
    expect(rawStatementPlan(`{"action":"queryRaw","query":{"arguments":{"query":"SELECT ?","parameters":"[${2 ** 53}]"},"selection":{}}}`)).toBeNull();
  });

  it("never reach the compiler, and answer what the compiler's plan answers", async () => {
    let rows: Record<string, unknown>[] = [];
    let count = 0;
    const requests = await compiled(async () => {
      rows = await prisma.$queryRaw`SELECT ${"teks"} AS "s", ${60} AS "n", ${true} AS "t", ${null} AS "z", ${12n} AS "big", ${date} AS "d"`;
      count = await prisma.$transaction((tx) => tx.$executeRaw`UPDATE "DataVersion" SET "version" = "version" WHERE "id" = ${1}`);
    });
    expect(requests).toEqual([]);
    expect(rows).toEqual([{ s: "teks", n: 60, t: 1, z: null, big: 12n, d: date.getTime() }]);
    expect(count).toBe(1);
    // a model query is still compiled
    expect(await compiled(() => prisma.campus.count())).toHaveLength(1);
  });
});
