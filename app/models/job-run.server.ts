import crypto from "node:crypto";
import os from "node:os";
import { Prisma } from "@prisma/client";
import { prisma, type Tx } from "~/utils/db.server";

// Scheduled jobs run once per period (a day, a week), across restarts and processes: a run is a
// JobRun row keyed by (job, period). A process takes the row with a lease, does the work and marks
// the row DONE in the one transaction that writes the work's messages, so a run either happened
// whole or not at all. A lease left by a process that died is taken over once it has expired.

export const JOB_LEASE_MS = 15 * 60_000;

export type JobOutcome = { ran: true; messages: number } | { ran: false; reason: "done" | "leased" };

class LeaseLost extends Error {}

/** A name unique to one attempt of one process. */
export function jobOwner(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`;
}

async function takeLease(job: string, period: string, now: Date, owner: string): Promise<"taken" | "done" | "leased"> {
  const leaseUntil = new Date(now.getTime() + JOB_LEASE_MS);
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.jobRun.findUnique({ where: { job_period: { job, period } }, select: { id: true, state: true, leaseUntil: true } });
      if (!existing) {
        await tx.jobRun.create({ data: { job, period, owner, leaseUntil, startedAt: now } });
        return "taken";
      }
      if (existing.state === "DONE") return "done";
      if (existing.leaseUntil > now) return "leased";
      const { count } = await tx.jobRun.updateMany({
        where: { id: existing.id, state: "RUNNING", leaseUntil: existing.leaseUntil },
        data: { owner, leaseUntil, startedAt: now },
      });
      return count === 1 ? "taken" : "leased";
    });
  } catch (error) {
    // another process created the row first
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "leased";
    throw error;
  }
}

/**
 * Runs `work` for (job, period) unless it already ran or another process holds the lease. `work`
 * writes through `tx` only and returns how many messages it wrote.
 */
export async function runOncePerPeriod(
  job: string,
  period: string,
  now: Date,
  work: (tx: Tx) => Promise<number>,
  owner = jobOwner(),
): Promise<JobOutcome> {
  const lease = await takeLease(job, period, now, owner);
  if (lease !== "taken") return { ran: false, reason: lease };
  try {
    const messages = await prisma.$transaction(
      async (tx) => {
        const n = await work(tx);
        const { count } = await tx.jobRun.updateMany({
          where: { job, period, owner, state: "RUNNING" },
          data: { state: "DONE", finishedAt: new Date(), messages: n, lastError: null },
        });
        if (count !== 1) throw new LeaseLost(`${job} ${period}: the lease was taken over`);
        return n;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    return { ran: true, messages };
  } catch (error) {
    if (error instanceof LeaseLost) return { ran: false, reason: "leased" };
    // the run is left to be tried again at the next tick (its lease is given up)
    await prisma.$transaction((tx) =>
      tx.jobRun.updateMany({
        where: { job, period, owner, state: "RUNNING" },
        data: { leaseUntil: now, lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000) },
      }),
    );
    throw error;
  }
}

export function recentJobRuns(take = 20) {
  return prisma.jobRun.findMany({
    orderBy: { startedAt: "desc" },
    take,
    select: { job: true, period: true, state: true, startedAt: true, finishedAt: true, messages: true, lastError: true },
  });
}
