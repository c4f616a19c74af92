import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDashboardFilter } from "~/domain/dashboard";
import { todayInBanten } from "~/domain/dates";
import { exportFileName, parseExportFile } from "~/domain/export-columns";
import { translator } from "~/domain/i18n";
import { csvExport, exportItemWhere, xlsxExport } from "~/models/export.server";
import { forbidden, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { getLocale } from "~/utils/session.server";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * /exports/items.csv, updates.csv, milestones.csv, obstacles.csv and tracker.xlsx: the dashboard's
 * data under the dashboard's URL filters, streamed as a download in the user's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = parseExportFile(params.file);
  if (!file) throw notFound();
  const filter = parseDashboardFilter(new URL(request.url).searchParams);
  const where = await exportItemWhere(toPrincipal(user), filter);
  if (!where) throw forbidden();
  const locale = await getLocale(request);
  const today = todayInBanten();
  const ctx = { t: translator(locale), locale, today };
  const body = file.format === "csv" ? csvExport(file.entity, where, ctx) : xlsxExport(where, ctx);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[file.format],
      "Content-Disposition": `attachment; filename="${exportFileName(file, today)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
