// Argument parsing for `npm run user:create`, kept apart from the command so it can be tested.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "../app/domain/enums";
import { textKey, translator } from "../app/domain/i18n";
import { choice, email, newPassword, requiredText } from "../app/domain/schemas/fields";

export const USAGE = `Usage: npm run user:create -- --email <email> --role <ADMIN|REVIEWER|LIAISON|OBSERVER|UNIT>
                           [--campus <slug>]... [--unit <code>]... [--name <name>] [--password <password>]

Creates an account (e.g. the first administrator of a new installation). A LIAISON needs at
least one --campus, a UNIT (government unit focal point) at least one active --unit. Without
--password a strong random password is generated and printed once.`;

const cliSchema = z
  .object({
    email: email(),
    role: choice(ROLES),
    campuses: z.array(z.string().trim().min(1, "form.required").max(100, "form.tooLong")).max(20, "form.tooLong"),
    units: z.array(z.string().trim().min(1, "form.required").max(100, "form.tooLong")).max(20, "form.tooLong"),
    name: requiredText(120).optional(),
    password: newPassword().optional(),
  })
  .refine((v) => v.role !== "LIAISON" || v.campuses.length > 0, { path: ["campuses"], message: "users.campusRequired" })
  .refine((v) => v.role !== "UNIT" || v.units.length > 0, { path: ["units"], message: "users.unitRequired" });

export type CreateUserArgs = {
  email: string;
  role: (typeof ROLES)[number];
  campuses: string[];
  /** government unit codes, for a UNIT */
  units: string[];
  name: string;
  /** null: generate one */
  password: string | null;
};

export type ParsedArgs = { ok: true; value: CreateUserArgs } | { ok: false; errors: string[] } | { ok: "help" };

const FLAG: Record<string, string> = { campuses: "--campus", units: "--unit" };

export function parseCreateUserArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        campus: { type: "string", multiple: true },
        unit: { type: "string", multiple: true },
        name: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  if (values.help) return { ok: "help" };
  const parsed = cliSchema.safeParse({
    email: values.email,
    role: values.role?.trim().toUpperCase(),
    campuses: (values.campus ?? []).flatMap((c) => c.split(",")).map((c) => c.trim().toLowerCase()),
    units: (values.unit ?? []).flatMap((c) => c.split(",")).map((c) => c.trim().toLowerCase()),
    name: values.name,
    password: values.password,
  });
  if (!parsed.success) {
    const t = translator("en");
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? "");
        return `${FLAG[field] ?? `--${field}`}: ${t(textKey(issue.message, "form.invalid"))}`;
      }),
    };
  }
  const { email: address, role, campuses, units, name, password } = parsed.data;
  return {
    ok: true,
    value: { email: address, role, campuses: [...new Set(campuses)], units: [...new Set(units)], name: name ?? address.split("@")[0]!, password: password ?? null },
  };
}
