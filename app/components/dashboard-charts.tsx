import type { ItemStatus } from "~/domain/enums";
import { ITEM_STATUSES } from "~/domain/enums";
import { TableWrap } from "~/components/table-wrap";

const COLORS: Record<ItemStatus, string> = {
  NOT_STARTED: "#94a3b8",
  ON_TRACK: "#15803d",
  AT_RISK: "#d97706",
  DELAYED: "#b91c1c",
  COMPLETED: "#0f6b4f",
  CANCELLED: "#475569",
};

/**
 * The look of each status in the charts: a colour and, for statuses whose colours are close (the
 * greens of "Selesai" and "Sesuai rencana", the greys), a pattern, so they are told apart without
 * relying on hue alone.
 */
const FILL: Record<ItemStatus, React.CSSProperties> = {
  NOT_STARTED: { background: `repeating-linear-gradient(90deg, ${COLORS.NOT_STARTED} 0 3px, #e2e8f0 3px 5px)` },
  ON_TRACK: { background: COLORS.ON_TRACK },
  AT_RISK: { background: COLORS.AT_RISK },
  DELAYED: { background: `repeating-linear-gradient(0deg, ${COLORS.DELAYED} 0 3px, #7f1d1d 3px 5px)` },
  COMPLETED: { background: `repeating-linear-gradient(45deg, ${COLORS.COMPLETED} 0 4px, #a7f3d0 4px 6px)` },
  CANCELLED: { background: `repeating-linear-gradient(-45deg, ${COLORS.CANCELLED} 0 2px, #cbd5e1 2px 5px)` },
};

/**
 * Horizontal stacked bars of item counts by status, one bar per row, drawn in HTML: the text
 * stays at the page's size at every width (never below 12 px), the legend wraps instead of being
 * clipped, and it is readable without JavaScript and in print. Each bar says its counts to screen readers.
 */
export function StatusBars({
  rows,
  statusLabel,
  title,
}: {
  rows: { label: string; counts: Partial<Record<ItemStatus, number>> }[];
  statusLabel: (status: ItemStatus) => string;
  title: string;
}) {
  const totals = rows.map((r) => Object.values(r.counts).reduce((a, b) => a + (b ?? 0), 0));
  const max = Math.max(1, ...totals);
  return (
    <figure className="mt-2" data-testid="status-bars">
      <figcaption className="sr-only">{title}</figcaption>
      <ul className="space-y-2">
        {rows.map((row, i) => {
          const parts = ITEM_STATUSES.filter((status) => (row.counts[status] ?? 0) > 0);
          const said = parts.map((status) => `${statusLabel(status)}: ${row.counts[status]}`).join(", ");
          return (
            <li key={row.label}>
              <p className="flex justify-between gap-2 text-sm">
                <span>{row.label}</span>
                <span className="tabular-nums text-slate-700">{totals[i]}</span>
              </p>
              <div className="mt-0.5 flex h-4 overflow-hidden rounded bg-slate-100" role="img" aria-label={`${row.label}: ${said || "0"}`}>
                <div className="flex h-full" style={{ width: `${((totals[i] ?? 0) / max) * 100}%` }}>
                  {parts.map((status) => (
                    <div
                      key={status}
                      className="h-full border-r border-white last:border-r-0"
                      style={{ ...FILL[status], width: `${((row.counts[status] ?? 0) / (totals[i] || 1)) * 100}%` }}
                      title={`${row.label} · ${statusLabel(status)}: ${row.counts[status]}`}
                    />
                  ))}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
        {ITEM_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1.5">
            <span className="inline-block h-3.5 w-3.5 rounded-sm border border-slate-400" style={FILL[status]} />
            {statusLabel(status)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function heatClass(days: number | null): string {
  if (days === null) return "bg-slate-200 text-slate-600";
  if (days < 0 || days > 30) return "bg-red-300";
  if (days > 14) return "bg-amber-200";
  return "bg-green-300";
}

/**
 * Campus × priority grid coloured by days since the last update (-1: items but no update yet,
 * null: no items). A plain table: the headers name each cell for screen readers, and it costs a
 * fraction of an SVG with a title per cell to render (the dashboard's biggest part at scale).
 */
export function HeatMap({
  rows,
  columns,
  title,
  rowHeader,
  never,
}: {
  rows: { campus: string; cells: (number | null)[] }[];
  columns: string[];
  title: string;
  rowHeader: string;
  never: string;
}) {
  return (
    <TableWrap label={title} className="mt-2">
      <table className="heat-map">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c, j) => (
              <th key={c} scope="col" className="text-center" title={c}>
                <span aria-hidden="true">{j + 1}</span>
                <span className="sr-only">{c}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.campus}>
              <th scope="row">{row.campus}</th>
              {row.cells.map((days, j) => (
                <td key={j} className={heatClass(days)}>
                  {days === null ? "–" : days < 0 ? never : days > 99 ? "99+" : days}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
