import { Cron } from "croner";
import { cronPattern, type Cadence } from "~/domain/schedule";
import { runDueJobs, type JobConfig } from "~/models/nudge.server";

// The scheduler of the server process: at 07:00 in Banten (Asia/Jakarta) daily and on Mondays it
// runs the jobs of app/models/nudge.server.ts. Each run is recorded per period with a lease, so a
// job runs once per period across restarts and processes; at start it catches up on the current
// period's runs if the server was down at 07:00.

export type Scheduler = { stop(): void };

export function startScheduler(config: JobConfig, log: (message: string) => void = (m) => console.error(m)): Scheduler {
  const run = (cadence?: Cadence) =>
    runDueJobs(new Date(), config, cadence, log).catch((error) => log(`Scheduler: ${error instanceof Error ? error.message : String(error)}`));
  const crons = (["daily", "weekly"] as const).map(
    (cadence) => new Cron(cronPattern(cadence), { timezone: "Asia/Jakarta", protect: true, unref: true }, () => void run(cadence)),
  );
  void run();
  return { stop: () => crons.forEach((c) => c.stop()) };
}
