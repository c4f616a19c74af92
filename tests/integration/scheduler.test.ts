// The scheduled jobs driven by a controlled clock: each produces exactly the expected messages once
// per period, not again when run a second time, and once with two processes at the same time.
import { beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { createMailSender } from "~/jobs/mail-sender.server";
import { startScheduler } from "~/jobs/scheduler.server";
import { runJob, SCHEDULED_JOBS, type JobConfig } from "~/models/nudge.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createItem, createMilestone, createObstacle, createUser } from "../../prisma/factories";
import { campusIds } from "../support/http";
import { startSmtp } from "../support/smtp";

const CONFIG: JobConfig = { staleAfterDays: 30 };
// Tuesday 1 December 2026, 07:30 in Banten
const NOW = new Date("2026-12-01T00:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const job = (name: string) => SCHEDULED_JOBS.find((j) => j.name === name)!;
const hoursLater = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

let ids: Record<string, string>;
const items: Record<string, string> = {};
const milestones: Record<string, string> = {};
let users: Record<string, string> = {};

async function notifications(email: string, kind: string) {
  return prisma.notification.findMany({ where: { kind, user: { email } }, orderBy: { createdAt: "asc" } });
}
async function mails(email: string, kind?: string) {
  return prisma.outboundMessage.findMany({ where: { toAddress: email, ...(kind ? { kind } : {}) } });
}

beforeAll(async () => {
  ids = await campusIds();
  const area = await prisma.priorityArea.findFirstOrThrow();
  const make = async (email: string, role: "LIAISON" | "REVIEWER" | "OBSERVER", campus?: string) =>
    (await createUser(prisma, { email, role, name: email.split("@")[0], campusIds: campus ? [ids[campus]!] : undefined })).id;
  users = {
    liaison: await make("liaison.itb@sched.test", "LIAISON", "itb"),
    noDigest: await make("nodigest.itb@sched.test", "LIAISON", "itb"),
    other: await make("liaison.umt@sched.test", "LIAISON", "umt"),
    reviewer: await make("reviewer@sched.test", "REVIEWER"),
    observer: await make("observer@sched.test", "OBSERVER"),
  };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: users.noDigest }, data: { emailDigest: "OFF", locale: "en" } });
  });
  const item = async (key: string, campus: string, lastUpdateAt: Date | null, visibility: "PUBLISHED" | "DRAFT" = "PUBLISHED") => {
    const created = await createItem(prisma, { campusId: ids[campus]!, priorityAreaId: area.id, title: `Program ${key}`, visibility });
    await prisma.$transaction((tx) => tx.roadmapItem.update({ where: { id: created.id }, data: { createdAt: day("2026-09-01"), lastUpdateAt } }));
    items[key] = created.id;
  };
  await item("stale", "itb", day("2026-10-20")); // 42 days without an update on 1 December
  await item("fresh", "itb", day("2026-11-25"));
  await item("soon-stale", "itb", day("2026-11-03")); // stale from 3 December on
  await item("umt", "umt", day("2026-11-28"));
  await item("draft", "itb", day("2026-10-01"), "DRAFT");
  const milestone = async (key: string, itemKey: string, due: string, extra: Partial<Parameters<typeof createMilestone>[1]> = {}) => {
    milestones[key] = (await createMilestone(prisma, { itemId: items[itemKey]!, title: `Tonggak ${key}`, dueDate: day(due), ...extra })).id;
  };
  await milestone("due14", "fresh", "2026-12-15");
  await milestone("due3", "fresh", "2026-12-04");
  await milestone("overdue", "fresh", "2026-11-30");
  await milestone("old-overdue", "fresh", "2026-10-01");
  await milestone("far", "fresh", "2027-03-01");
  await milestone("waiting", "fresh", "2026-11-20", { state: "SUBMITTED", submittedAt: day("2026-11-20"), submittedById: users.liaison });
  await milestone("recent", "umt", "2026-11-29", { state: "SUBMITTED", submittedAt: day("2026-11-29"), submittedById: users.other });
  await createObstacle(prisma, { itemId: items.fresh!, description: "Izin lokasi belum terbit", dueDate: day("2026-11-15"), needsGovernorOffice: true });
});

describe("daily: milestone deadlines → the campus's liaisons", () => {
  it("warns 14 and 3 days ahead and announces a newly overdue milestone, once", async () => {
    const outcome = await runJob(job("milestone-deadlines"), NOW, CONFIG);
    expect(outcome).toEqual({ ran: true, messages: 6 });
    const due = await notifications("liaison.itb@sched.test", "notify.milestoneDue");
    expect(due.map((n) => JSON.parse(n.params)).map((p) => [p.milestone, p.days]).sort()).toEqual([
      ["Tonggak due14", 14],
      ["Tonggak due3", 3],
    ]);
    const overdue = await notifications("liaison.itb@sched.test", "notify.milestoneOverdue");
    expect(overdue.map((n) => JSON.parse(n.params).milestone)).toEqual(["Tonggak overdue"]);
    expect(overdue[0]!.link).toBe(`/milestones/${milestones.overdue}#submit-form`);
    // the other campus's liaison hears nothing
    expect(await prisma.notification.count({ where: { user: { email: "liaison.umt@sched.test" } } })).toBe(0);
    // e-mails: one per notification, subject naming the campus
    const sent = await mails("liaison.itb@sched.test", "notify.milestoneOverdue");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Tonggak lewat jatuh tempo: "Tonggak overdue" · ITB');
    expect(sent[0]!.text).toContain(`${env().APP_URL}/milestones/${milestones.overdue}#submit-form`);
    const english = await mails("nodigest.itb@sched.test", "notify.milestoneDue");
    expect(english.map((m) => m.subject).sort()).toEqual([
      'Milestone due in 14 days: "Tonggak due14" · ITB',
      'Milestone due in 3 days: "Tonggak due3" · ITB',
    ]);
  });

  it("does not run again in the same period, and the next day says nothing already said", async () => {
    expect(await runJob(job("milestone-deadlines"), hoursLater(5), CONFIG)).toEqual({ ran: false, reason: "done" });
    const before = await prisma.notification.count();
    expect(await runJob(job("milestone-deadlines"), hoursLater(24), CONFIG)).toEqual({ ran: true, messages: 0 });
    expect(await prisma.notification.count()).toBe(before);
    // 12 December: the 14-day warning was given, the 3-day one is due for "due14"
    expect(await runJob(job("milestone-deadlines"), new Date("2026-12-12T01:00:00Z"), CONFIG)).toEqual({ ran: true, messages: 2 });
    const due = await notifications("liaison.itb@sched.test", "notify.milestoneDue");
    expect(due.map((n) => JSON.parse(n.params)).filter((p) => p.milestone === "Tonggak due14").map((p) => p.days)).toEqual([14, 3]);
  });
});

describe("daily: submissions waiting more than 7 days → reviewers", () => {
  it("tells each reviewer once, with the evaluation form's link", async () => {
    expect(await runJob(job("waiting-submissions"), NOW, CONFIG)).toEqual({ ran: true, messages: 1 });
    const told = await notifications("reviewer@sched.test", "notify.submissionWaiting");
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ milestone: "Tonggak waiting", campus: "ITB", days: 7 });
    expect(told[0]!.link).toBe(`/milestones/${milestones.waiting}#evaluate-form`);
    expect(await runJob(job("waiting-submissions"), hoursLater(24), CONFIG)).toEqual({ ran: true, messages: 0 });
  });
});

describe("daily: newly stale items → the campus's liaisons, at most once a week per campus", () => {
  it("nudges once, keeps quiet for a week, then nudges about the newly stale", async () => {
    expect(await runJob(job("stale-items"), NOW, CONFIG)).toEqual({ ran: true, messages: 2 });
    const nudged = await notifications("liaison.itb@sched.test", "notify.staleNudge");
    expect(nudged).toHaveLength(1);
    expect(JSON.parse(nudged[0]!.params)).toMatchObject({ count: 1, days: 30, campus: "ITB" });
    // straight to the campus's monthly check-in
    expect(nudged[0]!.link).toBe("/campuses/itb/check-in");
    // 3 December: "soon-stale" crosses 30 days, but ITB was nudged two days ago
    expect(await runJob(job("stale-items"), new Date("2026-12-03T01:00:00Z"), CONFIG)).toEqual({ ran: true, messages: 0 });
    // 9 December: a week later, the newly stale item is told (two stale items now)
    expect(await runJob(job("stale-items"), new Date("2026-12-09T01:00:00Z"), CONFIG)).toEqual({ ran: true, messages: 2 });
    const again = await notifications("liaison.itb@sched.test", "notify.staleNudge");
    expect(again.map((n) => JSON.parse(n.params).count)).toEqual([1, 2]);
    // 16 December: nothing newly stale, nothing said
    expect(await runJob(job("stale-items"), new Date("2026-12-16T01:00:00Z"), CONFIG)).toEqual({ ran: true, messages: 0 });
  });
});

describe("weekly: the digest", () => {
  it("reaches each liaison and reviewer who wants it once a week, every line a link to where they act", async () => {
    await prisma.$transaction((tx) => tx.outboundMessage.deleteMany());
    expect(await runJob(job("weekly-digest"), NOW, CONFIG)).toEqual({ ran: true, messages: 2 });
    expect(await runJob(job("weekly-digest"), new Date("2026-12-06T16:00:00Z"), CONFIG)).toEqual({ ran: false, reason: "done" });
    expect(await mails("nodigest.itb@sched.test")).toHaveLength(0);
    expect(await mails("liaison.umt@sched.test")).toHaveLength(0); // nothing needs attention at UMT
    expect(await mails("observer@sched.test")).toHaveLength(0);

    // sent through a real SMTP server and read back
    const inbox = await startSmtp();
    const sender = createMailSender({ smtpUrl: inbox.url, from: "Kolaborasi Banten <noreply@sched.test>", log: () => undefined });
    expect(await sender.drainOnce()).toEqual({ sent: 2, failed: 0 });
    await sender.stop();
    await inbox.close();
    const [liaison] = inbox.to("liaison.itb@sched.test");
    expect(liaison!.subject).toBe("Ringkasan mingguan · ITB");
    const base = env().APP_URL;
    expect(liaison!.text).toContain(`${base}/items/${items.stale}#new-update`);
    expect(liaison!.text).toContain(`${base}/milestones/${milestones.overdue}#submit-form`);
    expect(liaison!.text).toContain(`${base}/milestones/${milestones.due3}#submit-form`);
    // drafts and other campuses stay out
    expect(liaison!.text).not.toContain("Program draft");
    expect(liaison!.text).not.toContain("Program umt");
    const [reviewer] = inbox.to("reviewer@sched.test");
    expect(reviewer!.subject).toBe("Ringkasan mingguan Biro Adpim · semua kampus");
    expect(reviewer!.text).toContain(`${base}/milestones/${milestones.waiting}#evaluate-form`);
    expect(reviewer!.text).toContain(`${base}/milestones/${milestones.recent}#evaluate-form`);
    expect(reviewer!.text).toContain("Izin lokasi belum terbit");
    expect(reviewer!.text).toContain(`${base}/campuses/itb#attention`);
    // the HTML part has the same links
    const html = await simpleParser(Buffer.from(`Content-Type: text/html\r\n\r\n${reviewer!.html}`));
    expect(String(html.html)).toContain(`href="${base}/milestones/${milestones.waiting}#evaluate-form"`);
  });

  it("runs once when two processes start it at the same moment, and after a dead process's lease expires", async () => {
    const later = new Date("2026-12-07T00:05:00Z"); // the next Monday, 07:05
    const [a, b] = await Promise.all([
      runJob(job("weekly-digest"), later, CONFIG, "process-a"),
      runJob(job("weekly-digest"), later, CONFIG, "process-b"),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(await prisma.jobRun.count({ where: { job: "weekly-digest", period: "week-of-2026-12-07", state: "DONE" } })).toBe(1);

    // a process took the lease for the next week and died
    await prisma.$transaction((tx) =>
      tx.jobRun.create({
        data: { job: "weekly-digest", period: "week-of-2026-12-14", owner: "dead", leaseUntil: new Date("2026-12-14T00:15:00Z"), startedAt: new Date("2026-12-14T00:00:00Z") },
      }),
    );
    expect(await runJob(job("weekly-digest"), new Date("2026-12-14T00:10:00Z"), CONFIG)).toEqual({ ran: false, reason: "leased" });
    const taken = await runJob(job("weekly-digest"), new Date("2026-12-14T00:20:00Z"), CONFIG);
    expect(taken.ran).toBe(true);
  });
});

describe("the server's scheduler", () => {
  it("tries a failed run again within its period, at the next retry tick", async () => {
    // Monday 21 December 2026, 08:00 in Banten: the start-up catch-up runs the week's digest
    const monday = new Date("2026-12-21T01:00:00Z");
    const logged: string[] = [];
    const scheduler = startScheduler(CONFIG, { now: () => monday, retryEveryMs: 50, log: (m) => logged.push(m) });
    try {
      const digest = { job: "weekly-digest", period: "week-of-2026-12-21" };
      await expect.poll(() => prisma.jobRun.count({ where: { ...digest, state: "DONE" } }), { timeout: 10_000 }).toBe(1);
      // as a run that failed at 07:00 leaves it: still RUNNING, its lease given up, the error kept
      await prisma.$transaction((tx) =>
        tx.jobRun.updateMany({ where: digest, data: { state: "RUNNING", leaseUntil: new Date("2026-12-21T00:00:00Z"), lastError: "SQLITE_BUSY", finishedAt: null } }),
      );
      await expect
        .poll(() => prisma.jobRun.findFirst({ where: digest, select: { state: true, lastError: true } }), { timeout: 10_000 })
        .toEqual({ state: "DONE", lastError: null });
      expect(logged).toEqual([]);
    } finally {
      scheduler.stop();
    }
  });
});
