// The daily agreement-expiry job (app/models/agreement.server.ts, scheduled in nudge.server.ts):
// 90 and 30 days before an agreement in force ends, its campus's liaisons and the reviewers are
// told once each, in the app and in the outbox; nobody else, never for drafts or renewed ones.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { runJob, SCHEDULED_JOBS, type JobConfig } from "~/models/nudge.server";
import { prisma } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { campusIds } from "../support/http";

const CONFIG: JobConfig = { staleAfterDays: 30 };
// Tuesday 1 December 2026, 07:30 in Banten: today is 2026-12-01
const NOW = new Date("2026-12-01T00:30:00Z");
const TODAY = new Date(Date.UTC(2026, 11, 1));
const job = SCHEDULED_JOBS.find((j) => j.name === "agreement-expiry")!;
const daysLater = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let users: Record<string, string>;
let agreements: Record<string, string>;

const notified = (userId: string) =>
  prisma.notification.findMany({ where: { userId, kind: "notify.agreementEnding" }, orderBy: { createdAt: "asc" }, select: { params: true, link: true } });

beforeAll(async () => {
  const ids = await campusIds();
  const make = async (email: string, role: "LIAISON" | "REVIEWER" | "OBSERVER", campus?: string) =>
    (await createUser(prisma, { email, role, name: email.split("@")[0]!, campusIds: campus ? [ids[campus]!] : undefined })).id;
  users = {
    liaison: await make("liaison.itb@expiry.test", "LIAISON", "itb"),
    other: await make("liaison.umt@expiry.test", "LIAISON", "umt"),
    reviewer: await make("reviewer@expiry.test", "REVIEWER"),
    observer: await make("observer@expiry.test", "OBSERVER"),
  };
  const mou = await prisma.agreement.findFirstOrThrow({ where: { kind: "MOU" }, select: { id: true } });
  const pks = (title: string, end: number, extra: Record<string, unknown> = {}) =>
    prisma.agreement.create({
      data: { kind: "PKS", parentId: mou.id, campusId: ids.itb!, title, number: `PKS/${title}`, validFrom: new Date(Date.UTC(2026, 0, 5)), validUntil: addDays(TODAY, end), ...extra },
      select: { id: true },
    });
  agreements = {
    in90: (await pks("sembilan-puluh", 90)).id,
    in91: (await pks("sembilan-puluh-satu", 91)).id,
    draft: (await pks("draf", 90, { state: "DRAFT" })).id,
  };
  const renewal = await pks("pembaruan", 1000);
  agreements.renewed = (await pks("diperbarui", 90, { supersededById: renewal.id })).id;
});

describe("agreement expiry warnings", () => {
  it("warns the campus's liaisons and the reviewers 90 days before the end, once, with a link to the agreement", async () => {
    const outcome = await runJob(job, NOW, CONFIG);
    expect(outcome).toMatchObject({ ran: true });
    for (const user of [users.liaison!, users.reviewer!]) {
      const list = await notified(user);
      expect(list).toHaveLength(1);
      expect(list[0]!.link).toBe(`/agreements/${agreements.in90}`);
      expect(JSON.parse(list[0]!.params)).toMatchObject({ until: "2027-03-01", days: 90 });
      expect(JSON.parse(list[0]!.params).agreement).toContain("PKS/sembilan-puluh");
    }
    expect(await notified(users.other!)).toHaveLength(0);
    expect(await notified(users.observer!)).toHaveLength(0);
    // e-mails in the outbox for those who want them, in the same transaction
    expect(await prisma.outboundMessage.count({ where: { kind: "notify.agreementEnding", toAddress: "liaison.itb@expiry.test" } })).toBe(1);
  });

  it("does not repeat a warning on the same day or the next", async () => {
    expect(await runJob(job, NOW, CONFIG)).toMatchObject({ ran: false });
    await runJob(job, daysLater(1), CONFIG); // the 91-day one enters its 90-day window now
    const list = (await notified(users.reviewer!)).map((n) => n.link);
    expect(list).toEqual([`/agreements/${agreements.in90}`, `/agreements/${agreements.in91}`]);
  });

  it("warns again 30 days before the end, and never of drafts or renewed agreements", async () => {
    await runJob(job, daysLater(60), CONFIG);
    const links = (await notified(users.liaison!)).map((n) => n.link);
    expect(links.filter((l) => l === `/agreements/${agreements.in90}`)).toHaveLength(2);
    expect(links).not.toContain(`/agreements/${agreements.draft}`);
    expect(links).not.toContain(`/agreements/${agreements.renewed}`);
  });
});
