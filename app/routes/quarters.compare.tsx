import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { formatNumber, formatPercent } from "~/domain/i18n";
import { closedQuarters, compareQuarters, type QuarterFigures } from "~/models/quarter.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Perbandingan triwulan · Kolaborasi Banten" }];

// ?a=2026-Q2&b=2026-Q3: two closed quarters per campus; by default the last two closed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "dashboard.read");
  const params = new URL(request.url).searchParams;
  const closed = await closedQuarters();
  const pick = (name: "a" | "b", fallback: (typeof closed)[number] | undefined) => {
    const wanted = params.get(name);
    if (!wanted) return fallback ?? null;
    const found = closed.find((c) => c.quarter === wanted);
    if (!found) throw notFound();
    return found;
  };
  const a = pick("a", closed.at(-2));
  const b = pick("b", closed.at(-1));
  const quarters = closed.map((c) => c.quarter).reverse();
  if (!a || !b) return json({ quarters, a: a?.quarter ?? null, b: b?.quarter ?? null, comparison: null });
  return json({ quarters, a: a.quarter, b: b.quarter, comparison: await compareQuarters(a, b) });
}

export default function CompareQuartersPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const avg = (v: number | null) => (v === null ? "–" : formatPercent(v, locale));
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, locale));
  const signed = (v: number | null, format: (n: number) => string) =>
    v === null ? "–" : v > 0 ? `+${format(v)}` : v < 0 ? `−${format(-v)}` : format(0);
  const cells = (f: QuarterFigures) => [formatNumber(f.items, locale), avg(f.progress), pct(f.onTrack)];
  const diffCells = (d: QuarterFigures) => [
    signed(d.items, (n) => formatNumber(n, locale)),
    signed(d.progress, (n) => formatNumber(n, locale, 1)),
    signed(d.onTrack, (n) => formatNumber(n * 100, locale, 1)),
  ];
  const groups = data.a && data.b ? [data.a, data.b, t("quarters.compare.diff")] : [];
  const measures = [t("quarters.compare.items"), t("quarters.compare.progress"), t("quarters.compare.onTrack")];
  return (
    <div className="space-y-6">
      <header>
        <Link to="/quarters" className="text-sm text-brand-700 underline">
          {t("quarters.view.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("quarters.compare.title")}</h1>
        <p className="text-slate-700">{t("quarters.compare.intro")}</p>
      </header>

      {data.quarters.length < 2 ? <p className="card">{t("quarters.compare.needTwo")}</p> : null}
      {data.quarters.length > 0 ? (
        <Form method="get" className="card grid gap-3 sm:grid-cols-3 sm:items-end">
          {(["a", "b"] as const).map((name) => (
            <div key={name}>
              <label className="label" htmlFor={`q-${name}`}>
                {t(`quarters.compare.${name}`)}
              </label>
              <select id={`q-${name}`} name={name} defaultValue={data[name] ?? ""} className="input">
                {data.quarters.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="btn">
            {t("quarters.compare.apply")}
          </button>
        </Form>
      ) : null}

      {data.comparison ? (
        <TableWrap label={t("quarters.compare.title")}>
          <table data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t("quarters.compare.campus")}
                </th>
                {groups.map((g) => (
                  <th key={g} scope="colgroup" colSpan={3}>
                    {g}
                  </th>
                ))}
              </tr>
              <tr>
                {groups.flatMap((g) =>
                  measures.map((m) => (
                    <th key={`${g}-${m}`} scope="col">
                      {m}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {[...data.comparison.rows, { slug: "", name: t("quarters.compare.total"), fullName: "", ...data.comparison.total }].map((r) => (
                <tr key={r.slug || "total"} data-testid={`compare-${r.slug || "total"}`} className={r.slug ? "" : "font-semibold"}>
                  <th scope="row" title={r.fullName || undefined}>
                    {r.name}
                  </th>
                  {[...cells(r.a), ...cells(r.b), ...diffCells(r.diff)].map((v, i) => (
                    <td key={i} className="tabular-nums">
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </div>
  );
}
