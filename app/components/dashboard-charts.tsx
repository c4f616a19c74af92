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
                const w = (n / max) * barWidth;
                const rect = (
                  <rect key={status} x={x} y={4} width={w} height={14} fill={COLORS[status]}>
                    <title>{`${row.label} · ${statusLabel(status)}: ${n}`}</title>
                  </rect>
                );
                x += w;
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

function heatColor(days: number | null): string {
  if (days === null) return "#e2e8f0";
  if (days < 0 || days > 30) return "#fca5a5";
  if (days > 14) return "#fde68a";
  return "#86efac";
}

/** Campus × priority grid coloured by days since the last update (-1: items but no update yet). */
export function HeatMap({
  rows,
  columns,
  title,
  describe,
}: {
  rows: { campus: string; cells: (number | null)[] }[];
  columns: string[];
  title: string;
  describe: (days: number | null) => string;
}) {
  const labelWidth = 110;
  const cell = 26;
  const header = 16;
  const width = labelWidth + columns.length * cell;
  const height = header + rows.length * cell;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="h-auto w-full max-w-xl">
      <title>{title}</title>
      {columns.map((c, j) => (
        <text key={c} x={labelWidth + j * cell + cell / 2} y={11} fontSize="8" textAnchor="middle" fill="#334155">
          {j + 1}
          <title>{c}</title>
        </text>
      ))}
      {rows.map((row, i) => (
        <g key={row.campus} transform={`translate(0 ${header + i * cell})`}>
          <text x={labelWidth - 6} y={cell / 2 + 4} fontSize="10" textAnchor="end" fill="#1e293b">
            {row.campus.length > 18 ? `${row.campus.slice(0, 17)}…` : row.campus}
          </text>
          {row.cells.map((days, j) => (
            <g key={j}>
              <rect x={labelWidth + j * cell + 1} y={1} width={cell - 2} height={cell - 2} rx="3" fill={heatColor(days)}>
                <title>{`${row.campus} · ${columns[j]}: ${describe(days)}`}</title>
              </rect>
              {days !== null && days >= 0 ? (
                <text x={labelWidth + j * cell + cell / 2} y={cell / 2 + 3} fontSize="8" textAnchor="middle" fill="#1e293b">
                  {days > 99 ? "99+" : days}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
