import type { ItemStatus } from "~/domain/enums";
import { ITEM_STATUSES } from "~/domain/enums";

const COLORS: Record<ItemStatus, string> = {
  NOT_STARTED: "#94a3b8",
  ON_TRACK: "#15803d",
  AT_RISK: "#d97706",
  DELAYED: "#b91c1c",
  COMPLETED: "#0f6b4f",
  CANCELLED: "#475569",
};

/**
 * Horizontal stacked bars of item counts by status, one bar per row: server-rendered SVG,
 * readable without JavaScript and in print. Each segment has a title for screen readers.
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
  const labelWidth = 150;
  const barWidth = 200;
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((r) => Object.values(r.counts).reduce((a, b) => a + (b ?? 0), 0)));
  const height = rows.length * rowHeight + 28;
  return (
    <figure>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 40} ${height}`} role="img" aria-label={title} className="h-auto w-full">
        <title>{title}</title>
        {rows.map((row, i) => {
          let x = labelWidth;
          const total = Object.values(row.counts).reduce((a, b) => a + (b ?? 0), 0);
          return (
            <g key={row.label} transform={`translate(0 ${i * rowHeight})`}>
              <text x={labelWidth - 6} y={15} fontSize="11" textAnchor="end" fill="#1e293b">
                {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
              </text>
              {ITEM_STATUSES.map((status) => {
                const n = row.counts[status] ?? 0;
                if (!n) return null;
                const w = Math.round((n / max) * barWidth * 10) / 10;
                const rect = (
                  <rect key={status} x={x} y={4} width={w} height={14} fill={COLORS[status]}>
                    <title>{`${row.label} · ${statusLabel(status)}: ${n}`}</title>
                  </rect>
                );
                x = Math.round((x + w) * 10) / 10;
                return rect;
              })}
              <text x={x + 4} y={15} fontSize="11" fill="#334155">
                {total}
              </text>
            </g>
          );
        })}
        <g transform={`translate(0 ${rows.length * rowHeight + 8})`}>
          {ITEM_STATUSES.map((status, i) => (
            <g key={status} transform={`translate(${(i % 6) * 65} 0)`}>
              <rect width="9" height="9" fill={COLORS[status]} />
              <text x="12" y="8" fontSize="8" fill="#334155">
                {statusLabel(status)}
              </text>
            </g>
          ))}
        </g>
      </svg>
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
    <div className="table-wrap mt-2">
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
    </div>
  );
}
