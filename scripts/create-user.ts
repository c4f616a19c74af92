// npm run user:create -- --email … --role … [--campus slug] [--unit code] [--name …] [--password …]
// For the first administrator of a production install: no prompts, audited as the system.
import crypto from "node:crypto";
import { listCampuses } from "../app/models/campus.server";
import { unitOptionsForUser } from "../app/models/unit-admin.server";
import { createUser } from "../app/models/user.server";
import { prisma } from "../app/utils/db.server";
import { parseCreateUserArgs, USAGE } from "./create-user-args";

async function main(): Promise<number> {
  const parsed = parseCreateUserArgs(process.argv.slice(2));
  if (parsed.ok === "help") {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    for (const error of parsed.errors) console.error(`error: ${error}`);
    console.error(`\n${USAGE}`);
    return 2;
  }
  const args = parsed.value;
  const password = args.password ?? crypto.randomBytes(18).toString("base64url");
  const result = await createUser({ ...args, password }, { userId: null, ip: null });
  if (!result.ok) {
    if (result.reason === "email-taken") console.error(`error: an account with the email ${args.email} already exists.`);
    else if (result.reason === "unknown-unit") {
      const codes = (await unitOptionsForUser()).map((u) => u.code).join(", ");
      console.error(`error: unknown or retired unit among ${args.units.join(", ")}. Active units: ${codes}`);
    } else {
      const slugs = (await listCampuses()).map((c) => c.slug).join(", ");
      console.error(`error: unknown campus among ${args.campuses.join(", ")}. Known campuses: ${slugs}`);
    }
    return 1;
  }
  const serves = [...args.campuses, ...args.units];
  console.log(`Created ${args.role} ${args.email} (${args.name})${serves.length ? ` for ${serves.join(", ")}` : ""}.`);
  if (!args.password) console.log(`Generated password (shown once, store it safely): ${password}`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
