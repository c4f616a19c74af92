import { Cron } from "croner";
import { cronPattern, type Cadence } from "~/domain/schedule";
import { runDueJobs, type JobConfig } from "~/models/nudge.server";

// The scheduler of the server process: at 07:00 in Banten (Asia/Jakarta) daily and on Mondays it
// runs the jobs of app/models/nudge.server.ts. Each run is recorded per period with a lease, so a
// job runs once per period across restarts and processes; at start it catches up on the current
// period's runs if the server was down at 07:00, and every quarter of an hour it tries again a run
// of the current period that failed (a weekly digest that failed at 07:00 on Monday would
// otherwise wait for the next Monday, in the next period, and be lost).

export type Scheduler = { stop(): void };

export const RETRY_EVERY_MS = 15 * 60_000;

export type SchedulerOptions = {
  log?: (message: string) => void;
  retryEveryMs?: number;
  /** the clock (tests move it) */
  now?: () => Date;
};

export function startScheduler(config: JobConfig, options: SchedulerOptions = {}): Scheduler {
  const log = options.log ?? ((m: string) => console.error(m));
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> | null = null;
  // asked for while a pass runs (Monday's daily and weekly crons fire together; a retry tick may
  // be under way at 07:00): one more pass of every job follows, so nothing asked for is dropped
  let again = false;
  let stopped = false;
  const run = (cadence?: Cadence): void => {
    if (running) {
      again = true;
      return;
    }
    running = runDueJobs(now(), config, cadence, log)
      .catch((error) => log(`Scheduler: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          run();
        }
      });
  };
  const crons = (["daily", "weekly"] as const).map(
    (cadence) => new Cron(cronPattern(cadence), { timezone: "Asia/Jakarta", protect: true, unref: true }, () => run(cadence)),
  );
  // a period's run already done costs one indexed read per job
  const retry = setInterval(() => run(), options.retryEveryMs ?? RETRY_EVERY_MS);
  retry.unref();
  run();
  return {
    stop: () => {
      stopped = true;
      crons.forEach((c) => c.stop());
      clearInterval(retry);
    },
  };
}
