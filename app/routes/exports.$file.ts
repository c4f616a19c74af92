import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDashboardFilter } from "~/domain/dashboard";
import { todayInBanten } from "~/domain/dates";
import { exportFileName, parseExportFile } from "~/domain/export-columns";
import { translator } from "~/domain/i18n";
import { agreementsCsv, csvExport, exportItemWhere, xlsxExport } from "~/models/export.server";
import { agreementExportRows } from "~/models/agreement.server";
import { parseAgreementFilter } from "~/domain/agreement";
import { forbidden, notFound, requireUser, toPrincipal, type AppLoadContext } from "~/utils/auth.server";
import { getLocale } from "~/utils/session.server";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  "agreements-csv": "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * /exports/items.csv, updates.csv, milestones.csv, obstacles.csv and tracker.xlsx: the dashboard's
 * data under the dashboard's URL filters, streamed as a download in the user's language.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = parseExportFile(params.file);
  if (!file) throw notFound();
  const search = new URL(request.url).searchParams;
  const filter = parseDashboardFilter(search);
  const locale = await getLocale(request);
  const today = todayInBanten();
  const ctx = { t: translator(locale), locale, today };
  const actor = toPrincipal(user);
  const headers = {
    "Content-Type": CONTENT_TYPES[file.format],
    "Content-Disposition": `attachment; filename="${exportFileName(file, today)}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  let body: ReadableStream<Uint8Array>;
  if (file.format === "agreements-csv") {
    // the registry's filters (campus, unit, kind, agreement status)
    const rows = await agreementExportRows(actor, parseAgreementFilter(search), today);
    if (!rows) throw forbidden();
    body = agreementsCsv(rows, ctx);
  } else {
    const where = await exportItemWhere(actor, filter);
    if (!where) throw forbidden();
    // a HEAD request gets the headers only: nothing is read for a body nobody receives
    if (request.method === "HEAD") return new Response(null, { headers });
    // the next page is read once the client has taken the last one, and no page once it left
    const pace = { ready: (context as AppLoadContext).clientReady };
    if (file.format === "csv") body = csvExport(file.entity, where, ctx, undefined, pace);
    else {
      // the workbook's "Perjanjian" sheet follows the page's campus filter (its status filter is the items')
      const agreements = await agreementExportRows(actor, { campus: filter.campus, unit: null, kind: null, status: null }, today);
      body = xlsxExport(where, ctx, undefined, agreements ?? [], pace);
    }
  }
  return new Response(body, { headers });
}
