import { statusLight } from "~/domain/status";
import { useLocale, useT } from "./i18n";
import { formatPercent, labelKey } from "~/domain/i18n";

const LIGHT_STYLE = {
  GREEN: "bg-green-100 text-green-900 ring-green-600/30",
  AMBER: "bg-amber-100 text-amber-900 ring-amber-600/30",
  RED: "bg-red-100 text-red-900 ring-red-600/30",
  GREY: "bg-slate-100 text-slate-800 ring-slate-500/30",
} as const;

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${LIGHT_STYLE[statusLight(status)]}`}>
      {t(labelKey("status", status))}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const locale = useLocale();
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2.5 w-full min-w-16 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-label={label}
      >
        <div className="h-full bg-brand-600" style={{ width: `${clamped}%` }} />
      </div>
      <span className="w-12 text-right text-sm tabular-nums">{formatPercent(clamped, locale)}</span>
    </div>
  );
}

const MILESTONE_STYLE: Record<string, string> = {
  PENDING: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  MET: "bg-green-100 text-green-900",
  PARTIALLY_MET: "bg-lime-100 text-lime-900",
  NOT_MET: "bg-red-100 text-red-900",
  RETURNED: "bg-amber-100 text-amber-900",
  DEFERRED: "bg-violet-100 text-violet-900",
};

export function MilestoneBadge({ state }: { state: string }) {
  const t = useT();
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${MILESTONE_STYLE[state] ?? ""}`}>
      {t(labelKey("milestone.state", state))}
    </span>
  );
}
