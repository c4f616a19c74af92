// The daily jobs write their reminders in a few statements whatever their number: their transaction
// holds the database's one write lock, which every server process's requests wait for (decision
// 004, "Several processes"). Each reminder still reaches the right people, once.
import { beforeAll, describe, expect, it } from "vitest";
import { runJob, SCHEDULED_JOBS, type JobConfig } from "~/models/nudge.server";
import { onQuery, prisma } from "~/utils/db.server";
import { createItem, createMilestone, createUser } from "../../prisma/factories";
import { campusIds } from "../support/http";

const CONFIG: JobConfig = { staleAfterDays: 30 };
// Tuesday 1 December 2026, 07:30 in Banten
const NOW = new Date("2026-12-01T00:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const job = (name: string) => SCHEDULED_JOBS.find((j) => j.name === name)!;
const CAMPUSES = ["itb", "umt", "unma"] as const;
const PER_CAMPUS = 8;

let ids: Record<string, string>;
const liaisons: Record<string, string[]> = {};
let reviewers: string[] = [];

/** The job's run, with the statements it sent to SQLite. */
async function runCounting(name: string, now = NOW) {
  const statements: string[] = [];
  const stop = onQuery((sql) => statements.push(sql));
  try {
    return { outcome: await runJob(job(name), now, CONFIG), statements };
  } finally {
    stop();
  }
}

beforeAll(async () => {
  ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  reviewers = [
    (await createUser(prisma, { email: "reviewer1@batch.test", role: "REVIEWER" })).id,
    (await createUser(prisma, { email: "reviewer2@batch.test", role: "REVIEWER" })).id,
  ];
  for (const campus of CAMPUSES) {
    liaisons[campus] = [
      (await createUser(prisma, { email: `a.${campus}@batch.test`, role: "LIAISON", campusIds: [ids[campus]!] })).id,
      (await createUser(prisma, { email: `b.${campus}@batch.test`, role: "LIAISON", campusIds: [ids[campus]!] })).id,
    ];
    for (let i = 0; i < PER_CAMPUS; i++) {
      const item = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: area.id, title: `Program ${campus} ${i}` });
      // stale since 20 October (42 days on 1 December)
      await prisma.$transaction((tx) => tx.roadmapItem.update({ where: { id: item.id }, data: { createdAt: day("2026-09-01"), lastUpdateAt: day("2026-10-20") } }));
      await createMilestone(prisma, { itemId: item.id, title: `Laporan ${campus} ${i}`, dueDate: day("2026-12-04") });
      await createMilestone(prisma, {
        itemId: item.id,
        title: `Menunggu ${campus} ${i}`,
        dueDate: day("2026-11-20"),
        state: "SUBMITTED",
        submittedAt: day("2026-11-10"),
        submittedById: liaisons[campus]![0]!,
      });
    }
  }
});

// The lease and the DONE mark, the candidates (Prisma reads each relation apart), what was said
// already, the recipients and campuses, then one insert per kind of row: 17 for 48 reminders here,
// the same for one or a thousand. Writing reminder by reminder took five or more each.
const STATEMENTS_AT_MOST = 20;

describe("the daily jobs write in a few statements, whatever the number of reminders", () => {
  it("milestone deadlines: every liaison of each campus hears of each milestone due in 3 days", async () => {
    const { outcome, statements } = await runCounting("milestone-deadlines");
    expect(outcome).toEqual({ ran: true, messages: CAMPUSES.length * PER_CAMPUS * 2 });
    expect(statements.length).toBeLessThanOrEqual(STATEMENTS_AT_MOST);
    for (const campus of CAMPUSES) {
      for (const liaison of liaisons[campus]!) {
        const told = await prisma.notification.findMany({ where: { userId: liaison, kind: "notify.milestoneDue" }, select: { params: true } });
        expect(told.map((n) => JSON.parse(n.params).milestone).sort()).toEqual(
          Array.from({ length: PER_CAMPUS }, (_, i) => `Laporan ${campus} ${i}`).sort(),
        );
        // and each by e-mail, with the campus in the subject
        const mails = await prisma.outboundMessage.findMany({ where: { userId: liaison, kind: "notify.milestoneDue" }, select: { subject: true } });
        expect(mails).toHaveLength(PER_CAMPUS);
        expect(mails.every((m) => m.subject.includes(campus.toUpperCase()))).toBe(true);
      }
    }
  });

  it("waiting submissions: each reviewer hears of each submission waiting more than 7 days, once", async () => {
    const { outcome, statements } = await runCounting("waiting-submissions");
    expect(outcome).toEqual({ ran: true, messages: CAMPUSES.length * PER_CAMPUS * reviewers.length });
    expect(statements.length).toBeLessThanOrEqual(STATEMENTS_AT_MOST);
    for (const reviewer of reviewers) {
      expect(await prisma.notification.count({ where: { userId: reviewer, kind: "notify.submissionWaiting" } })).toBe(CAMPUSES.length * PER_CAMPUS);
      expect(await prisma.outboundMessage.count({ where: { userId: reviewer, kind: "notify.submissionWaiting" } })).toBe(CAMPUSES.length * PER_CAMPUS);
    }
    // the next day nothing is said again
    expect((await runCounting("waiting-submissions", new Date(NOW.getTime() + 86_400_000))).outcome).toEqual({ ran: true, messages: 0 });
  });

  it("stale items: one nudge per campus to each of its liaisons, counting the campus's stale items", async () => {
    const { outcome, statements } = await runCounting("stale-items");
    expect(outcome).toEqual({ ran: true, messages: CAMPUSES.length * 2 });
    expect(statements.length).toBeLessThanOrEqual(STATEMENTS_AT_MOST);
    for (const campus of CAMPUSES) {
      for (const liaison of liaisons[campus]!) {
        const told = await prisma.notification.findMany({ where: { userId: liaison, kind: "notify.staleNudge" }, select: { params: true, link: true } });
        expect(told).toHaveLength(1);
        expect(JSON.parse(told[0]!.params)).toMatchObject({ count: PER_CAMPUS, days: 30 });
        expect(told[0]!.link).toBe(`/campuses/${campus}/check-in`);
      }
    }
    // every stale item and each campus's nudge is recorded, so the week stays quiet
    expect(await prisma.nudge.count({ where: { kind: "item-stale" } })).toBe(CAMPUSES.length * PER_CAMPUS);
    expect(await prisma.nudge.count({ where: { kind: "campus-stale" } })).toBe(CAMPUSES.length);
  });
});
