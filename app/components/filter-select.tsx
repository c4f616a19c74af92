/** A select of a GET filter form (values live in the URL, so a filtered view can be bookmarked). */
export function FilterSelect({
  id,
  name,
  label,
  empty,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  empty: string;
  options: readonly (readonly [string, string])[];
  value: string | null | undefined;
}) {
  return (
    <div>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{empty}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Headline figures as a grid of cards. */
export function KpiGrid({ kpis }: { kpis: readonly { label: string; value: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="kpis">
      {kpis.map((k) => (
        <div key={k.label} className="card">
          <dt className="text-sm text-slate-600">{k.label}</dt>
          <dd className="text-2xl font-bold tabular-nums">{k.value}</dd>
        </div>
      ))}
    </dl>
  );
}
