// Seeds an empty database: the reference data always, demo data when DEMO_DATA is on (by default
// everywhere but in production).
import { prisma } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { seedDemo } from "./seed-demo";
import { seedReference } from "./seed-reference";

async function main() {
  const loaded = await seedReference(prisma);
  console.log(loaded ? "Reference data loaded." : "Reference data already present.");
  if (env().DEMO_DATA) {
    const demo = await seedDemo(prisma, { password: env().DEMO_PASSWORD });
    console.log(demo ? "Demo data loaded." : "Users exist: demo data not loaded.");
  } else if (await prisma.user.count({ where: { email: { endsWith: "@demo.test" }, active: true } })) {
    console.warn("WARNING: this database holds active demo accounts (published password); deactivate them in /admin/users.");
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
