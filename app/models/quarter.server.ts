import { Prisma } from "@prisma/client";
import { quarterRange } from "~/domain/dates";
import type { ItemStatus } from "~/domain/enums";
import { translator } from "~/domain/i18n";
import {
  changeSummary,
  closeRefusal,
  previousClosed,
  quarterEndInstant,
  SUMMARY_NARRATIVES,
  type CloseRefusal,
} from "~/domain/quarter";
import { countsInSharesWhere, onTrackShare, publishedItemSql, statusLight, statusShares } from "~/domain/status";
import { prisma, sqlOf } from "~/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";

// Closed reporting quarters and their frozen snapshots. Closing issues a fixed number of queries
// whatever the number of items; every figure of a closed quarter comes from its snapshots only.

/** Change summaries are the record of the governor's office: frozen in Bahasa Indonesia. */
const RECORD_LANGUAGE = translator("id");

/** Closed quarters, oldest first. */
export async function closedQuarters(): Promise<{ id: string; quarter: string }[]> {
  return prisma.quarterClose.findMany({ orderBy: { quarter: "asc" }, select: { id: true, quarter: true } });
}

async function userNames(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Closed quarters, newest first: who closed them, when, and how many items were frozen. */
export async function listQuarterCloses() {
  const closes = await prisma.quarterClose.findMany({
    orderBy: { quarter: "desc" },
    select: { id: true, quarter: true, closedAt: true, closedById: true, _count: { select: { snapshots: true } } },
  });
  const names = await userNames(closes.map((c) => c.closedById));
  return closes.map((c) => ({
    quarter: c.quarter,
    closedAt: c.closedAt,
    closedBy: c.closedById ? names.get(c.closedById) ?? null : null,
    items: c._count.snapshots,
  }));
}

type AsOfRow = { itemId: string; campusId: string; status: string | null; progress: number | bigint | null; narrative: string | null };
type NarrativeRow = { itemId: string; narrative: string; total: number | bigint };

/**
 * Closes a quarter: in one transaction, freezes every published item that existed by the
 * quarter's end as it stood then (its latest update reported on or before the last day), with
 * what changed since the previous closed quarter, and writes one audit event.
 */
export async function closeQuarter(
  quarter: string,
  today: Date,
  actor: AuditActor,
): Promise<{ ok: true; items: number } | { ok: false; reason: CloseRefusal }> {
  const { start, end } = quarterRange(quarter);
  const endMs = end.getTime();
  // an item created later but with updates reported by the quarter's end was entered afterwards:
  // its history says it existed then
  const existedBefore = quarterEndInstant(quarter).getTime();
  try {
    return await prisma.$transaction(async (tx) => {
      const closed = await tx.quarterClose.findMany({ select: { id: true, quarter: true } });
      const refusal = closeRefusal(quarter, today, closed.map((c) => c.quarter));
      if (refusal) return { ok: false as const, reason: refusal };
      const previousName = previousClosed(quarter, closed.map((c) => c.quarter));
      const previousId = closed.find((c) => c.quarter === previousName)?.id ?? null;

      const published = sqlOf(publishedItemSql());
      const [asOf, narratives, previous] = await Promise.all([
        tx.$queryRaw<AsOfRow[]>`
          SELECT i."id" AS itemId, i."campusId" AS campusId, u."status" AS status, u."progress" AS progress, u."narrative" AS narrative
            FROM "RoadmapItem" i
            LEFT JOIN (
              SELECT p."itemId", p."status", p."progress", p."narrative",
                     ROW_NUMBER() OVER (PARTITION BY p."itemId" ORDER BY p."reportedOn" DESC, p."createdAt" DESC) AS rn
                FROM "ProgressUpdate" p
               WHERE p."reportedOn" <= ${endMs}
            ) u ON u."itemId" = i."id" AND u.rn = 1
           WHERE ${published} AND (i."createdAt" < ${existedBefore} OR u."itemId" IS NOT NULL)`,
        // the latest few narratives reported within the quarter, and how many updates there were
        tx.$queryRaw<NarrativeRow[]>`
          SELECT itemId, narrative, total FROM (
            SELECT p."itemId" AS itemId, p."narrative" AS narrative, p."reportedOn" AS reportedOn, p."createdAt" AS createdAt,
                   ROW_NUMBER() OVER (PARTITION BY p."itemId" ORDER BY p."reportedOn" DESC, p."createdAt" DESC) AS rn,
                   COUNT(*) OVER (PARTITION BY p."itemId") AS total
              FROM "ProgressUpdate" p JOIN "RoadmapItem" i ON i."id" = p."itemId"
             WHERE ${published} AND p."reportedOn" >= ${start.getTime()} AND p."reportedOn" <= ${endMs}
          ) WHERE rn <= ${SUMMARY_NARRATIVES}
          ORDER BY itemId, reportedOn ASC, createdAt ASC`,
        previousId
          ? tx.statusSnapshot.findMany({ where: { quarterId: previousId }, select: { itemId: true, status: true, progress: true } })
          : Promise.resolve([]),
      ]);

      const before = new Map(previous.map((s) => [s.itemId, s]));
      const reported = new Map<string, { narratives: string[]; total: number }>();
      for (const row of narratives) {
        const entry = reported.get(row.itemId) ?? { narratives: [], total: Number(row.total) };
        entry.narratives.push(row.narrative);
        reported.set(row.itemId, entry);
      }

      const close = await tx.quarterClose.create({ data: { quarter, closedById: actor.userId }, select: { id: true, closedAt: true } });
      const snapshots = asOf.map((row) => {
        const status = row.status ?? "NOT_STARTED";
        const progress = row.progress === null ? 0 : Number(row.progress);
        const prior = before.get(row.itemId);
        const during = reported.get(row.itemId);
        return {
          quarterId: close.id,
          itemId: row.itemId,
          campusId: row.campusId,
          status,
          light: statusLight(status),
          progress,
          narrative: row.narrative,
          changeSummary: changeSummary(
            {
              previous: prior && previousName ? { quarter: previousName, status: prior.status, progress: prior.progress } : null,
              current: { status, progress },
              narratives: during?.narratives ?? [],
              updateCount: during?.total ?? 0,
            },
            RECORD_LANGUAGE,
          ),
        };
      });
      if (snapshots.length) await tx.statusSnapshot.createMany({ data: snapshots });
      await recordAudit(tx, actor, {
        action: "quarter.close",
        entity: "QuarterClose",
        entityId: close.id,
        after: { quarter, closedAt: close.closedAt, items: snapshots.length },
      });
      return { ok: true as const, items: snapshots.length };
    });
  } catch (error) {
    // two reviewers closing the same quarter at once: the second one meets the unique quarter
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "quarters.error.closed" };
    }
    throw error;
  }
}

export async function getQuarterClose(quarter: string) {
  const close = await prisma.quarterClose.findUnique({
    where: { quarter },
    select: { id: true, quarter: true, closedAt: true, closedById: true },
  });
  if (!close) return null;
  const names = await userNames([close.closedById]);
  return { ...close, closedBy: close.closedById ? names.get(close.closedById) ?? null : null };
}

type Counts = Partial<Record<ItemStatus, number>>;

function addCount(counts: Counts, status: string, n: number) {
  counts[status as ItemStatus] = (counts[status as ItemStatus] ?? 0) + n;
}

const sum = (counts: Counts) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/** The dashboard of a closed quarter as it was: headline figures, then each campus with its items. */
export async function quarterDashboard(quarterId: string) {
  const [campuses, byCampusStatus, byCampusProgress, overall, snapshots] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } }),
    prisma.statusSnapshot.groupBy({ by: ["campusId", "status"], where: { quarterId }, _count: { _all: true } }),
    prisma.statusSnapshot.groupBy({
      by: ["campusId"],
      where: { quarterId, ...countsInSharesWhere() },
      _avg: { progress: true },
    }),
    prisma.statusSnapshot.aggregate({ where: { quarterId, ...countsInSharesWhere() }, _avg: { progress: true } }),
    prisma.statusSnapshot.findMany({
      where: { quarterId },
      orderBy: [{ item: { title: "asc" } }, { itemId: "asc" }],
      select: {
        campusId: true,
        status: true,
        light: true,
        progress: true,
        narrative: true,
        changeSummary: true,
        // the title names the item; every figure comes from the snapshot
        item: { select: { id: true, title: true } },
      },
    }),
  ]);

  const all: Counts = {};
  for (const r of byCampusStatus) addCount(all, r.status, r._count._all);
  const shares = statusShares(all);

  const rows = campuses
    .map((campus) => {
      const counts: Counts = {};
      for (const r of byCampusStatus) if (r.campusId === campus.id) addCount(counts, r.status, r._count._all);
      return {
        slug: campus.slug,
        name: campus.abbreviation ?? campus.name,
        fullName: campus.name,
        items: sum(counts),
        progress: byCampusProgress.find((r) => r.campusId === campus.id)?._avg.progress ?? null,
        onTrack: onTrackShare(counts),
        snapshots: snapshots
          .filter((s) => s.campusId === campus.id)
          .map(({ campusId: _campus, item, ...s }) => ({ ...s, itemId: item.id, title: item.title })),
      };
    })
    .filter((r) => r.items > 0);

  return {
    headline: {
      items: sum(all),
      averageProgress: overall._avg.progress,
      onTrack: shares.onTrack,
      atRisk: shares.atRisk,
      delayed: shares.delayed,
    },
    campuses: rows,
  };
}

export type QuarterFigures = { items: number; progress: number | null; onTrack: number | null };

/** Per campus, the figures of two closed quarters side by side and their difference (b − a). */
export async function compareQuarters(a: { id: string }, b: { id: string }) {
  const quarterIds = [a.id, b.id];
  const [campuses, counts, progress, overall] = await Promise.all([
    prisma.campus.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, abbreviation: true } }),
    prisma.statusSnapshot.groupBy({
      by: ["quarterId", "campusId", "status"],
      where: { quarterId: { in: quarterIds } },
      _count: { _all: true },
    }),
    prisma.statusSnapshot.groupBy({
      by: ["quarterId", "campusId"],
      where: { quarterId: { in: quarterIds }, ...countsInSharesWhere() },
      _avg: { progress: true },
    }),
    prisma.statusSnapshot.groupBy({
      by: ["quarterId"],
      where: { quarterId: { in: quarterIds }, ...countsInSharesWhere() },
      _avg: { progress: true },
    }),
  ]);

  const figures = (quarterId: string, campusId: string | null): QuarterFigures => {
    const c: Counts = {};
    for (const r of counts) if (r.quarterId === quarterId && (campusId === null || r.campusId === campusId)) addCount(c, r.status, r._count._all);
    const avg =
      campusId === null
        ? overall.find((r) => r.quarterId === quarterId)?._avg.progress
        : progress.find((r) => r.quarterId === quarterId && r.campusId === campusId)?._avg.progress;
    return { items: sum(c), progress: avg ?? null, onTrack: onTrackShare(c) };
  };
  const diff = (x: QuarterFigures, y: QuarterFigures) => ({
    items: y.items - x.items,
    progress: x.progress === null || y.progress === null ? null : y.progress - x.progress,
    onTrack: x.onTrack === null || y.onTrack === null ? null : y.onTrack - x.onTrack,
  });

  const rows = campuses.map((campus) => {
    const fa = figures(a.id, campus.id);
    const fb = figures(b.id, campus.id);
    return { slug: campus.slug, name: campus.abbreviation ?? campus.name, fullName: campus.name, a: fa, b: fb, diff: diff(fa, fb) };
  });
  const ta = figures(a.id, null);
  const tb = figures(b.id, null);
  return { rows, total: { a: ta, b: tb, diff: diff(ta, tb) } };
}
