import { createRequire } from "node:module";

// Prisma's client (engineType "client", Prisma 6.19) hands every query to its query compiler, a
// WebAssembly module, which answers with a plan; Prisma's interpreter then runs the plan through the
// SQLite adapter. A raw statement needs no compiling: its plan is its SQL and its parameters, each
// with a type. Compiling one still cost about 35 µs (the compiler builds the plan object by calling
// back into JavaScript piece by piece), paid by every raw statement of the app: four in every
// progress update, the most frequent write (docs/decisions/004, session 13).
//
// `rawStatementPlan` builds that plan in JavaScript for the parameters the app binds (text, whole
// numbers, booleans, null, dates and bigints) and answers null for anything else: a fractional or
// unsafe number, bytes, a decimal, JSON, a list, any request that is not a raw statement. Those go
// to the compiler as before. The statement still runs through Prisma: its interpreter, its
// transaction, its adapter. tests/integration/prisma-raw-plan.test.ts holds the plans to the
// compiler's own, parameter type by parameter type, and fails if the hook is no longer in place
// (a Prisma upgrade that moves the compiler).

type ScalarType = "string" | "int" | "boolean" | "unknown" | "datetime" | "bigint";
type ArgType = { arity: "scalar"; scalarType: ScalarType; dbType: null };
export type RawPlan = {
  type: "query" | "execute";
  args: { type: "rawSql"; sql: string; args: (string | number | boolean | null)[]; argTypes: ArgType[] };
};

const QUERY = '{"action":"queryRaw",';
const EXECUTE = '{"action":"executeRaw",';

/** The plan of a raw statement as the query compiler gives it, or null to leave it to the compiler. */
export function rawStatementPlan(request: string): RawPlan | null {
  const query = request.startsWith(QUERY);
  if (!query && !request.startsWith(EXECUTE)) return null;
  const parsed = JSON.parse(request) as { modelName?: string; query?: { arguments?: { query?: unknown; parameters?: unknown } } };
  const sql = parsed.query?.arguments?.query;
  const parameters = parsed.query?.arguments?.parameters;
  if (parsed.modelName !== undefined || typeof sql !== "string" || typeof parameters !== "string") return null;
  const values: unknown = JSON.parse(parameters);
  if (!Array.isArray(values)) return null;
  const args: RawPlan["args"]["args"] = [];
  const argTypes: ArgType[] = [];
  for (const value of values) {
    const typed = typedValue(value);
    if (!typed) return null;
    args.push(typed[0]);
    argTypes.push({ arity: "scalar", scalarType: typed[1], dbType: null });
  }
  return { type: query ? "query" : "execute", args: { type: "rawSql", sql, args, argTypes } };
}

/** A parameter as Prisma's client serialised it, with the type the compiler gives it; null for any other. */
function typedValue(value: unknown): [string | number | boolean | null, ScalarType] | null {
  if (value === null) return [null, "unknown"];
  if (typeof value === "string") return [value, "string"];
  if (typeof value === "boolean") return [value, "boolean"];
  if (typeof value === "number") return Number.isSafeInteger(value) ? [value, "int"] : null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const { prisma__type: type, prisma__value: tagged, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length || typeof tagged !== "string") return null;
    if (type === "date") return [tagged, "datetime"];
    if (type === "bigint") return [tagged, "bigint"];
  }
  return null;
}

type Compile = (this: unknown, request: string) => unknown;
type Compiler = { prototype: { compile: Compile } };
/** Where the compiler's own `compile` is kept once the shortcut is in place (on its prototype). */
export const COMPILER_OWN_COMPILE = Symbol.for("kolaborasi.prisma.compile");
type Hooked = Compiler["prototype"] & { [COMPILER_OWN_COMPILE]?: Compile };

/** The query compiler's class, as Prisma's generated client loads it (the same module instance), or null. */
export function queryCompilerClass(): Compiler | null {
  const require = createRequire(import.meta.url);
  try {
    const client = require.resolve("@prisma/client");
    const module = require(require.resolve(".prisma/client/query_compiler_bg.js", { paths: [client] })) as { QueryCompiler?: Compiler };
    return typeof module.QueryCompiler?.prototype?.compile === "function" ? module.QueryCompiler : null;
  } catch {
    return null;
  }
}

/** Raw statements planned in JavaScript from now on (once per process); false if the compiler was not found. */
export function planRawStatementsInJavaScript(): boolean {
  const prototype = queryCompilerClass()?.prototype as Hooked | undefined;
  if (!prototype) return false;
  if (prototype[COMPILER_OWN_COMPILE]) return true;
  prototype[COMPILER_OWN_COMPILE] = prototype.compile;
  prototype.compile = function (this: unknown, request: string) {
    return (typeof request === "string" && rawStatementPlan(request)) || prototype[COMPILER_OWN_COMPILE]!.call(this, request);
  };
  return true;
}
