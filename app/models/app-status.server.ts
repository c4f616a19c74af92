import { cachedForProcess } from "~/utils/data-cache.server";
import { prisma } from "~/utils/db.server";

/** Whether demo data is in this database (demo accounts exist); checked once per process. */
export const isDemoLoaded = cachedForProcess(
  async () => (await prisma.user.count({ where: { email: { endsWith: "@demo.test" } } })) > 0,
);

export async function healthStatus() {
  const [ping, migrations] = await Promise.all([
    prisma.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok"),
    prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      "SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    ),
  ]);
  return { database: ping.length === 1, migrations: Number(migrations[0]?.n ?? 0) };
}
