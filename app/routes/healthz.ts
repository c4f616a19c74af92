import { json } from "@remix-run/node";
import { healthStatus } from "~/models/app-status.server";

/** Liveness and readiness: database reachable, migrations applied. */
export async function loader() {
  try {
    const status = await healthStatus();
    return json({ status: "ok", ...status }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return json(
      { status: "error", database: false, migrations: 0, error: error instanceof Error ? error.message : "unknown" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
