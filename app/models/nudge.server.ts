import { addDays, daysBetween, todayInBanten, toIsoDate } from "~/domain/dates";
import { translator, type Translate } from "~/domain/i18n";
import { absoluteUrl, renderMail, type MailLine, type MailSection, type RenderedMail } from "~/domain/mail";
import { periodOf, type Cadence } from "~/domain/schedule";
import {
  isMilestoneDueSoon,
  isObstaclePastDue,
  openObstacleWhere,
  overdueMilestoneWhere,
  dueSoonMilestoneWhere,
  publishedItemWhere,
  staleItemWhere,
  unitOwnedObstacleWhere,
} from "~/domain/status";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { agreementExpiryWarnings } from "./agreement.server";
import { runOncePerPeriod, type JobOutcome } from "./job-run.server";
import { activeUserIdsWithRoles, liaisonIdsByCampus, notifyMany } from "./notification.server";
import { enqueueMail, localeOf, settingsUrl, type Recipient } from "./outbox.server";

// The scheduled jobs: plain functions of `now` (tests drive them with a controlled clock), each
// run once per period through runOncePerPeriod. The rules (due soon, overdue, stale) are those of
// app/domain/status.ts; what was already said is recorded as a Nudge so it is never said twice.

/** Warnings before a milestone falls due, in days. */
export const DUE_WARNINGS = [14, 3] as const;
/** An overdue milestone is announced if it fell due at most this many days ago (older ones were announced or predate the feature). */
export const OVERDUE_LOOKBACK_DAYS = 7;
/** A submission waiting longer than this for evaluation is brought to the reviewers. */
export const SUBMISSION_WAIT_DAYS = 7;
/** A campus gets at most one automatic staleness nudge in this many days. */
export const STALE_NUDGE_EVERY_DAYS = 7;
/** Lines per digest section; the rest is counted. */
export const DIGEST_LINES = 10;

export type JobConfig = { staleAfterDays: number };

const campusLabel = (c: { name: string; abbreviation: string | null }) => c.abbreviation ?? c.name;

/** Keeps the keys not said yet, and records them as said. */
async function unsaid(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const said = await tx.nudge.findMany({ where: { key: { in: keys } }, select: { key: true } });
  const known = new Set(said.map((n) => n.key));
  return new Set(keys.filter((k) => !known.has(k)));
}

async function recordNudges(tx: Tx, now: Date, nudges: { key: string; kind: string; campusId: string | null }[]) {
  if (nudges.length) await tx.nudge.createMany({ data: nudges.map((n) => ({ ...n, createdAt: now })) });
}

// ---------- daily: milestones due in 14 and 3 days, and newly overdue → the campus's liaisons ----------

export async function milestoneDeadlines(tx: Tx, now: Date): Promise<number> {
  const today = todayInBanten(now);
  const select = {
    id: true,
    title: true,
    dueDate: true,
    state: true,
    item: { select: { id: true, title: true, campusId: true } },
  } as const;
  const [soon, overdue] = await Promise.all([
    tx.milestone.findMany({ where: { AND: [dueSoonMilestoneWhere(today, DUE_WARNINGS[0]), { itemId: { not: null } }] }, select }),
    tx.milestone.findMany({
      where: { AND: [overdueMilestoneWhere(today), { dueDate: { gte: addDays(today, -OVERDUE_LOOKBACK_DAYS) } }, { itemId: { not: null } }] },
      select,
    }),
  ]);
  const candidates = [
    ...soon.map((m) => {
      const window = isMilestoneDueSoon(m, today, DUE_WARNINGS[1]) ? DUE_WARNINGS[1] : DUE_WARNINGS[0];
      return { m, kind: "milestone-due", key: `milestone-due-${window}:${m.id}:${toIsoDate(m.dueDate)}` };
    }),
    ...overdue.map((m) => ({ m, kind: "milestone-overdue", key: `milestone-overdue:${m.id}:${toIsoDate(m.dueDate)}` })),
  ];
  const fresh = await unsaid(tx, candidates.map((c) => c.key));
  const said = candidates.filter((c) => fresh.has(c.key) && c.m.item);
  const liaisonsOf = await liaisonIdsByCampus(tx, said.map((c) => c.m.item!.campusId));
  const notices = said.map(({ m, kind }) => {
    const item = m.item!;
    const params = { milestone: m.title, item: item.title, due: toIsoDate(m.dueDate) };
    const notification =
      kind === "milestone-due"
        ? { kind: "notify.milestoneDue", params: { ...params, days: daysBetween(today, m.dueDate) }, link: `/milestones/${m.id}#submit-form`, campusId: item.campusId }
        : { kind: "notify.milestoneOverdue", params, link: `/milestones/${m.id}#submit-form`, campusId: item.campusId };
    return { userIds: liaisonsOf.get(item.campusId) ?? [], notification };
  });
  const messages = await notifyMany(tx, notices);
  await recordNudges(tx, now, said.map(({ m, kind, key }) => ({ key, kind, campusId: m.item!.campusId })));
  return messages;
}

// ---------- daily: submissions waiting more than 7 days → reviewers ----------

export async function waitingSubmissions(tx: Tx, now: Date): Promise<number> {
  const waiting = await tx.milestone.findMany({
    where: { state: "SUBMITTED", submittedAt: { lt: addDays(now, -SUBMISSION_WAIT_DAYS) } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      title: true,
      submittedAt: true,
      item: { select: { campusId: true, campus: { select: { name: true, abbreviation: true } } } },
      agreement: { select: { campusId: true, campus: { select: { name: true, abbreviation: true } } } },
    },
  });
  const keyOf = (m: (typeof waiting)[number]) => `submission-waiting:${m.id}:${m.submittedAt!.getTime()}`;
  const fresh = await unsaid(tx, waiting.map(keyOf));
  if (fresh.size === 0) return 0;
  const reviewers = await activeUserIdsWithRoles(tx, ["REVIEWER"]);
  const said = waiting.filter((m) => fresh.has(keyOf(m)));
  const campusIdOf = (m: (typeof waiting)[number]) => m.item?.campusId ?? m.agreement?.campusId ?? null;
  const messages = await notifyMany(
    tx,
    said.map((m) => {
      const campus = m.item?.campus ?? m.agreement?.campus ?? null;
      return {
        userIds: reviewers,
        notification: {
          kind: "notify.submissionWaiting",
          params: { milestone: m.title, campus: campus ? campusLabel(campus) : "–", days: SUBMISSION_WAIT_DAYS },
          link: `/milestones/${m.id}#evaluate-form`,
          campusId: campusIdOf(m),
        },
      };
    }),
  );
  await recordNudges(tx, now, said.map((m) => ({ key: keyOf(m), kind: "submission-waiting", campusId: campusIdOf(m) })));
  return messages;
}

// ---------- daily: items newly stale → the campus's liaisons, at most once a week per campus ----------

export async function staleItems(tx: Tx, now: Date, config: JobConfig): Promise<number> {
  const today = todayInBanten(now);
  const stale = await tx.roadmapItem.findMany({
    where: { AND: [publishedItemWhere(), staleItemWhere(today, config.staleAfterDays)] },
    select: { id: true, campusId: true, lastUpdateAt: true, createdAt: true, campus: { select: { slug: true, name: true, abbreviation: true } } },
  });
  const keyOf = (i: (typeof stale)[number]) => `item-stale:${i.id}:${(i.lastUpdateAt ?? i.createdAt).getTime()}`;
  const fresh = await unsaid(tx, stale.map(keyOf));
  const byCampus = new Map<string, typeof stale>();
  for (const item of stale) byCampus.set(item.campusId, [...(byCampus.get(item.campusId) ?? []), item]);
  const newlyStale = new Map([...byCampus].map(([campusId, items]) => [campusId, items.filter((i) => fresh.has(keyOf(i)))]));
  const newlyStaleCampuses = [...newlyStale].filter(([, items]) => items.length > 0).map(([campusId]) => campusId);
  // nudged this week already: the newly stale items wait for next week's nudge
  const recent = await tx.nudge.findMany({
    where: { kind: "campus-stale", campusId: { in: newlyStaleCampuses }, createdAt: { gt: addDays(now, -STALE_NUDGE_EVERY_DAYS) } },
    select: { campusId: true },
  });
  const nudgedThisWeek = new Set(recent.map((n) => n.campusId));
  const campusIds = newlyStaleCampuses.filter((campusId) => !nudgedThisWeek.has(campusId));
  const liaisonsOf = await liaisonIdsByCampus(tx, campusIds);
  const messages = await notifyMany(
    tx,
    campusIds.map((campusId) => {
      const items = byCampus.get(campusId)!;
      const campus = items[0]!.campus;
      return {
        userIds: liaisonsOf.get(campusId) ?? [],
        notification: {
          kind: "notify.staleNudge",
          params: { count: items.length, days: config.staleAfterDays, campus: campusLabel(campus) },
          // straight to the monthly check-in, where every stale item can be reported on one page
          link: `/campuses/${campus.slug}/check-in`,
          campusId,
        },
      };
    }),
  );
  await recordNudges(
    tx,
    now,
    campusIds.flatMap((campusId) => [
      { key: `campus-stale:${campusId}:${now.getTime()}`, kind: "campus-stale", campusId },
      ...newlyStale.get(campusId)!.map((i) => ({ key: keyOf(i), kind: "item-stale", campusId })),
    ]),
  );
  return messages;
}

// ---------- weekly: the digest ----------

function section(title: string, lines: MailLine[], t: Translate): MailSection | null {
  if (lines.length === 0) return null;
  const more = lines.length - DIGEST_LINES;
  return { title, lines: lines.slice(0, DIGEST_LINES), more: more > 0 ? t("mail.digest.more", { count: more }) : undefined };
}

async function digestRecipients(tx: Tx, role: "LIAISON" | "REVIEWER") {
  return tx.user.findMany({
    where: { active: true, role, emailDigest: "WEEKLY" },
    select: { id: true, email: true, name: true, locale: true, campuses: { select: { campusId: true } } },
    orderBy: { email: "asc" },
  });
}

/** The digest of each liaison (per campus they serve) and of each reviewer; empty digests are not sent. */
export async function weeklyDigest(tx: Tx, now: Date, config: JobConfig): Promise<number> {
  const today = todayInBanten(now);
  const appUrl = env().APP_URL;
  const url = (path: string) => absoluteUrl(appUrl, path);
  const footerOf = (t: Translate) => t("mail.footer", { url: settingsUrl() });
  let messages = 0;

  // liaisons: their campus, each line a link to where they act
  const liaisons = await digestRecipients(tx, "LIAISON");
  const campusIds = [...new Set(liaisons.flatMap((l) => l.campuses.map((c) => c.campusId)))];
  const milestoneSelect = { id: true, title: true, dueDate: true, state: true, item: { select: { title: true, campusId: true } } } as const;
  const [campuses, staleList, overdueList, returnedList, soonList] = await Promise.all([
    tx.campus.findMany({ where: { id: { in: campusIds } }, select: { id: true, name: true, abbreviation: true } }),
    tx.roadmapItem.findMany({
      where: { AND: [{ campusId: { in: campusIds } }, publishedItemWhere(), staleItemWhere(today, config.staleAfterDays)] },
      orderBy: [{ lastUpdateAt: { sort: "asc", nulls: "first" } }],
      select: { id: true, title: true, campusId: true },
    }),
    tx.milestone.findMany({ where: { AND: [overdueMilestoneWhere(today), { item: { campusId: { in: campusIds } } }] }, orderBy: { dueDate: "asc" }, select: milestoneSelect }),
    tx.milestone.findMany({ where: { state: "RETURNED", dueDate: { gte: today }, item: { campusId: { in: campusIds } } }, orderBy: { dueDate: "asc" }, select: milestoneSelect }),
    tx.milestone.findMany({
      where: { AND: [dueSoonMilestoneWhere(today, DUE_WARNINGS[0]), { state: "PENDING" }, { item: { campusId: { in: campusIds } } }] },
      orderBy: { dueDate: "asc" },
      select: milestoneSelect,
    }),
  ]);
  const campusById = new Map(campuses.map((c) => [c.id, c]));
  const liaisonMails: { to: Recipient; mail: RenderedMail }[] = [];
  for (const liaison of liaisons) {
    const t = translator(localeOf(liaison));
    for (const { campusId } of liaison.campuses) {
      const campus = campusById.get(campusId);
      if (!campus) continue;
      const mine = <T extends { item: { campusId: string } | null }>(list: T[]) => list.filter((m) => m.item?.campusId === campusId);
      const milestoneLine = (m: (typeof overdueList)[number]): MailLine => ({
        text: t("mail.digest.lineMilestone", { milestone: m.title, item: m.item?.title ?? "–", due: toIsoDate(m.dueDate) }),
        url: url(`/milestones/${m.id}#submit-form`),
      });
      const sections = [
        section(
          t("mail.digest.stale", { days: config.staleAfterDays }),
          staleList.filter((i) => i.campusId === campusId).map((i) => ({ text: t("mail.digest.lineStale", { item: i.title }), url: url(`/items/${i.id}#new-update`) })),
          t,
        ),
        section(t("mail.digest.overdue"), mine(overdueList).map(milestoneLine), t),
        section(t("mail.digest.returned"), mine(returnedList).map(milestoneLine), t),
        section(t("mail.digest.dueSoon", { days: DUE_WARNINGS[0] }), mine(soonList).map(milestoneLine), t),
      ].filter((s): s is MailSection => s !== null);
      if (sections.length === 0) continue;
      const name = campusLabel(campus);
      const mail = renderMail({
        lang: localeOf(liaison),
        subject: t("mail.digest.subjectLiaison", { campus: name }),
        greeting: t("mail.greeting", { name: liaison.name }),
        paragraphs: [t("mail.digest.introLiaison", { campus: name })],
        sections,
        footer: footerOf(t),
      });
      liaisonMails.push({ to: liaison as Recipient, mail });
    }
  }
  messages += await enqueueMail(tx, "mail.digest.liaison", liaisonMails);

  messages += await unitDigests(tx, now, today, url, footerOf);

  // reviewers: the queue, silent campuses, obstacles past due, overdue milestones per campus
  const reviewers = await digestRecipients(tx, "REVIEWER");
  if (reviewers.length === 0) return messages;
  const [queue, silent, obstacles, overdueAll] = await Promise.all([
    tx.milestone.findMany({
      where: { state: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, title: true, submittedAt: true, item: { select: { campus: { select: { name: true, abbreviation: true } } } } },
    }),
    tx.roadmapItem.groupBy({ by: ["campusId"], where: { AND: [publishedItemWhere(), staleItemWhere(today, config.staleAfterDays)] }, _count: { _all: true } }),
    tx.obstacle.findMany({
      where: { AND: [openObstacleWhere(), { dueDate: { lt: today } }] },
      // those raised for the governor's office first
      orderBy: [{ needsGovernorOffice: "desc" }, { dueDate: "asc" }],
      select: { id: true, description: true, dueDate: true, item: { select: { id: true, title: true, campus: { select: { name: true, abbreviation: true } } } } },
    }),
    tx.milestone.findMany({ where: overdueMilestoneWhere(today), select: { item: { select: { campusId: true } } } }),
  ]);
  const allCampuses = await tx.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } });
  const overduePerCampus = new Map<string, number>();
  for (const m of overdueAll) if (m.item) overduePerCampus.set(m.item.campusId, (overduePerCampus.get(m.item.campusId) ?? 0) + 1);
  const silentCount = new Map(silent.map((g) => [g.campusId, g._count._all]));
  const reviewerMails: { to: Recipient; mail: RenderedMail }[] = [];
  for (const reviewer of reviewers) {
    const t = translator(localeOf(reviewer));
    const sections = [
      section(
        t("mail.digest.queue"),
        queue.map((m) => ({
          text: t("mail.digest.lineQueue", { milestone: m.title, campus: m.item ? campusLabel(m.item.campus) : "–", submitted: m.submittedAt ? toIsoDate(m.submittedAt) : "–" }),
          url: url(`/milestones/${m.id}#evaluate-form`),
        })),
        t,
      ),
      section(
        t("mail.digest.silent"),
        allCampuses.filter((c) => silentCount.get(c.id)).map((c) => ({ text: t("mail.digest.lineSilent", { campus: campusLabel(c), count: silentCount.get(c.id)! }), url: url(`/campuses/${c.slug}#attention`) })),
        t,
      ),
      section(
        t("mail.digest.obstaclesPastDue"),
        obstacles.map((o) => ({
          text: t("mail.digest.lineObstacle", { obstacle: o.description, item: o.item.title, campus: campusLabel(o.item.campus), due: o.dueDate ? toIsoDate(o.dueDate) : "–" }),
          url: url(`/items/${o.item.id}#obstacles`),
        })),
        t,
      ),
      section(
        t("mail.digest.overduePerCampus"),
        allCampuses.filter((c) => overduePerCampus.get(c.id)).map((c) => ({ text: t("mail.digest.lineOverdueCampus", { campus: campusLabel(c), count: overduePerCampus.get(c.id)! }), url: url(`/campuses/${c.slug}#attention`) })),
        t,
      ),
    ].filter((s): s is MailSection => s !== null);
    if (sections.length === 0) continue;
    const mail = renderMail({
      lang: localeOf(reviewer),
      subject: t("mail.digest.subjectReviewer"),
      greeting: t("mail.greeting", { name: reviewer.name }),
      paragraphs: [t("mail.digest.introReviewer")],
      sections,
      footer: footerOf(t),
    });
    reviewerMails.push({ to: reviewer as Recipient, mail });
  }
  return messages + (await enqueueMail(tx, "mail.digest.reviewer", reviewerMails));
}

/**
 * The digest of each unit focal point, per unit they serve: the open obstacles the unit owns (past
 * due first, then by due date) and the week's progress updates on the published items it is the
 * counterpart of. Only published items: a unit never sees a campus's drafts.
 */
async function unitDigests(
  tx: Tx,
  now: Date,
  today: Date,
  url: (path: string) => string,
  footerOf: (t: Translate) => string,
): Promise<number> {
  const users = await tx.user.findMany({
    where: { active: true, role: "UNIT", emailDigest: "WEEKLY" },
    select: { id: true, email: true, name: true, locale: true, units: { select: { unitId: true } } },
    orderBy: { email: "asc" },
  });
  const unitIds = [...new Set(users.flatMap((u) => u.units.map((x) => x.unitId)))];
  if (unitIds.length === 0) return 0;
  const itemSelect = { select: { id: true, title: true, campus: { select: { name: true, abbreviation: true } } } } as const;
  const [units, obstacles, updates] = await Promise.all([
    tx.governmentUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true, abbreviation: true } }),
    tx.obstacle.findMany({
      where: { AND: [openObstacleWhere(), unitOwnedObstacleWhere(unitIds), { item: publishedItemWhere() }] },
      // a past-due obstacle's date is before every other: ascending due dates put them first
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: { id: true, description: true, dueDate: true, status: true, ownerUnitId: true, item: itemSelect },
    }),
    tx.progressUpdate.findMany({
      where: { createdAt: { gte: addDays(now, -7) }, item: { AND: [publishedItemWhere(), { governmentUnitId: { in: unitIds } }] } },
      orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
      select: { id: true, progress: true, reportedOn: true, item: { select: { ...itemSelect.select, governmentUnitId: true } } },
    }),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const mails: { to: Recipient; mail: RenderedMail }[] = [];
  for (const user of users) {
    const t = translator(localeOf(user));
    for (const { unitId } of user.units) {
      const unit = unitById.get(unitId);
      if (!unit) continue;
      const name = unit.abbreviation ?? unit.name;
      const sections = [
        section(
          t("mail.digest.unitObstacles", { unit: name }),
          obstacles
            .filter((o) => o.ownerUnitId === unitId)
            .map((o) => {
              const params = { obstacle: o.description, item: o.item.title, campus: campusLabel(o.item.campus), due: o.dueDate ? toIsoDate(o.dueDate) : "–" };
              return {
                text: t(isObstaclePastDue(o, today) ? "mail.digest.lineUnitObstaclePastDue" : "mail.digest.lineUnitObstacle", params),
                url: url(`/items/${o.item.id}#obstacle-${o.id}`),
              };
            }),
          t,
        ),
        section(
          t("mail.digest.unitUpdates", { unit: name }),
          updates
            .filter((u) => u.item.governmentUnitId === unitId)
            .map((u) => ({
              text: t("mail.digest.lineUnitUpdate", { item: u.item.title, campus: campusLabel(u.item.campus), progress: u.progress, date: toIsoDate(u.reportedOn) }),
              url: url(`/items/${u.item.id}#progress-history`),
            })),
          t,
        ),
      ].filter((s): s is MailSection => s !== null);
      if (sections.length === 0) continue;
      const mail = renderMail({
        lang: localeOf(user),
        subject: t("mail.digest.subjectUnit", { unit: name }),
        greeting: t("mail.greeting", { name: user.name }),
        paragraphs: [t("mail.digest.introUnit", { unit: name })],
        sections,
        footer: footerOf(t),
      });
      mails.push({ to: user as Recipient, mail });
    }
  }
  return enqueueMail(tx, "mail.digest.unit", mails);
}

// ---------- the schedule ----------

export type ScheduledJob = { name: string; cadence: Cadence; run: (tx: Tx, now: Date, config: JobConfig) => Promise<number> };

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { name: "milestone-deadlines", cadence: "daily", run: (tx, now) => milestoneDeadlines(tx, now) },
  { name: "waiting-submissions", cadence: "daily", run: (tx, now) => waitingSubmissions(tx, now) },
  { name: "stale-items", cadence: "daily", run: staleItems },
  // 90 and 30 days before an agreement ends (app/domain/agreement.ts)
  { name: "agreement-expiry", cadence: "daily", run: (tx, now) => agreementExpiryWarnings(tx, now) },
  { name: "weekly-digest", cadence: "weekly", run: weeklyDigest },
];

/** Runs one job for the period `now` falls in, unless it already ran in it. */
export function runJob(job: ScheduledJob, now: Date, config: JobConfig, owner?: string): Promise<JobOutcome> {
  return runOncePerPeriod(job.name, periodOf(job.cadence, now).key, now, (tx) => job.run(tx, now, config), owner);
}

/** Every job whose period has begun and which has not run in it (the scheduler's tick, and the catch-up at start). */
export async function runDueJobs(
  now: Date,
  config: JobConfig,
  cadence?: Cadence,
  log: (message: string) => void = (m) => console.error(m),
): Promise<Record<string, JobOutcome | { ran: false; reason: "error" }>> {
  const outcomes: Record<string, JobOutcome | { ran: false; reason: "error" }> = {};
  for (const job of SCHEDULED_JOBS) {
    if (cadence && job.cadence !== cadence) continue;
    try {
      outcomes[job.name] = await runJob(job, now, config);
    } catch (error) {
      // one failing job does not keep the others from running; it is tried again at the next tick
      log(`Scheduled job ${job.name}: ${error instanceof Error ? error.message : String(error)}`);
      outcomes[job.name] = { ran: false, reason: "error" };
    }
  }
  return outcomes;
}
