/**
 * Progress over time as a server-rendered SVG line chart (readable without JavaScript, printable).
 */
export function ProgressChart({
  points,
  label,
  formatDay,
}: {
  points: { date: Date | string; progress: number }[];
  label: string;
  formatDay: (day: Date | string) => string;
}) {
  if (points.length === 0) return null;
  const width = 320;
  const height = 140;
  const pad = { left: 32, right: 8, top: 8, bottom: 22 };
  const times = points.map((p) => new Date(p.date).getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 1);
  const x = (t: number) => pad.left + ((t - min) / span) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / 100) * (height - pad.top - pad.bottom);
  const sorted = points.map((p, i) => ({ ...p, t: times[i]! })).sort((a, b) => a.t - b.t);
  const path = sorted.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.progress).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full max-w-md">
      <title>{label}</title>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
          <text x={pad.left - 4} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#475569">
            {v}%
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="#0f6b4f" strokeWidth="2" />
      {sorted.map((p) => (
        <circle key={`${p.date}-${p.progress}-${p.t}`} cx={x(p.t)} cy={y(p.progress)} r="3" fill="#0f6b4f" />
      ))}
      <text x={pad.left} y={height - 6} fontSize="10" fill="#475569">
        {formatDay(sorted[0]!.date)}
      </text>
      <text x={width - pad.right} y={height - 6} fontSize="10" textAnchor="end" fill="#475569">
        {formatDay(sorted[sorted.length - 1]!.date)}
      </text>
    </svg>
  );
}
