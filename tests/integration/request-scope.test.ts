// Values read once per request (app/utils/request-scope.server.ts): the signed-in user and the
// data version are read once by a request's loaders, never shared between requests, and read
// again after a write committed in the same request (an action followed by its loaders).
import { beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "~/utils/auth.server";
import { dataVersion } from "~/utils/data-cache.server";
import { prisma } from "~/utils/db.server";
import { oncePerRequest, runInRequestScope } from "~/utils/request-scope.server";
import { buildWorld, type World } from "../support/world";

let w: World;
let sessionId: string;

beforeAll(async () => {
  w = await buildWorld();
  const session = await prisma.session.findFirstOrThrow({ where: { userId: w.users.REVIEWER.id }, select: { id: true } });
  sessionId = session.id;
});

describe("values read once per request", () => {
  it("are read once within a request, again in the next request, and every time outside one", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await runInRequestScope(async () => {
      expect(await Promise.all([oncePerRequest("k", read), oncePerRequest("k", read)])).toEqual([1, 1]);
      expect(await oncePerRequest("k", read)).toBe(1);
    });
    await runInRequestScope(async () => expect(await oncePerRequest("k", read)).toBe(2));
    expect(await oncePerRequest("k", read)).toBe(3);
    expect(await oncePerRequest("k", read)).toBe(4);
  });

  it("does not keep a failed read", async () => {
    let calls = 0;
    await runInRequestScope(async () => {
      await expect(oncePerRequest("failing", async () => (++calls === 1 ? Promise.reject(new Error("busy")) : calls))).rejects.toThrow("busy");
      expect(await oncePerRequest("failing", async () => ++calls)).toBe(2);
    });
  });

  it("reads the user and the data version again after a write committed in the same request", async () => {
    await runInRequestScope(async () => {
      const before = await getSessionUser(sessionId);
      const version = await dataVersion();
      await prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: w.users.REVIEWER.id }, data: { name: "Nama baru peninjau" } });
        await tx.$executeRaw`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`;
      });
      expect((await getSessionUser(sessionId))?.name).toBe("Nama baru peninjau");
      expect(before?.name).not.toBe("Nama baru peninjau");
      expect(await dataVersion()).toBe(version + 1);
    });
  });

  it("a write rolled back leaves the version the request reads as it was", async () => {
    await runInRequestScope(async () => {
      const version = await dataVersion();
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1`;
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      expect(await dataVersion()).toBe(version);
    });
  });
});
