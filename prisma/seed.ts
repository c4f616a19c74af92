// Seeds an empty database: the reference data always, demo data unless DEMO_DATA=false.
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
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
