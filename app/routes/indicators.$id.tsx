import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { IndicatorChart, VerdictBadge } from "~/components/indicator-chart";
import { IndicatorConflict, LinkItemForm, RecordValueForm, UnlinkButton } from "~/components/indicator-forms";
import { ProgressBar, StatusBadge } from "~/components/status";
import { todayInBanten, toIsoDate } from "~/domain/dates";
import { formatDate, labelKey } from "~/domain/i18n";
import { formatIndicatorNumber, formatIndicatorValue, latestPerYear, trajectory } from "~/domain/indicator";
import { can } from "~/domain/policy";
import { getIndicatorPage, getIndicatorRef, linkableItems } from "~/models/indicator.server";
import { visibleItemsWhere } from "~/models/roadmap-item.server";
import { notFound, requirePermission, toPrincipal } from "~/utils/auth.server";
import { indicatorAction, type IndicatorActionData } from "./indicators.$id.server";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.indicator.nameId ?? "Indikator"} · Kolaborasi Banten` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.read");
  const ref = await getIndicatorRef(params.id ?? "");
  if (!ref) throw notFound();
  const actor = toPrincipal(user);
  const itemsWhere = visibleItemsWhere(actor);
  const mayRecord = can(actor, "indicator.record");
  // the item picker searches by title (?item=…) instead of listing every item
  const itemQuery = (new URL(request.url).searchParams.get("item") ?? "").trim().slice(0, 100);
  const [indicator, linkable] = await Promise.all([
    getIndicatorPage(ref.id, itemsWhere),
    mayRecord && itemQuery.length >= 2
      ? linkableItems(ref.id, itemsWhere, itemQuery)
      : Promise.resolve<Awaited<ReturnType<typeof linkableItems>>>([]),
  ]);
  if (!indicator) throw notFound();
  const today = todayInBanten();
  const actuals = latestPerYear(indicator.values);
  return json({
    indicator,
    chartActuals: actuals.map((a) => ({ year: a.year, value: a.value })),
    trajectory: trajectory({ ...indicator, actuals }, today.getUTCFullYear()),
    linkable,
    itemQuery,
    today: toIsoDate(today),
    // changes saved after this moment are the ones the user has not seen (listed on a conflict)
    startedAt: new Date().toISOString(),
    may: { record: mayRecord },
  });
}

export const action = indicatorAction;

export default function IndicatorPage() {
  const { indicator, chartActuals, trajectory: path, linkable, itemQuery, today, startedAt, may } = useLoaderData<typeof loader>();
  const actionData = useActionData<IndicatorActionData>();
  const conflictFor = (intent: string) => (actionData?.intent === intent ? (actionData.conflict ?? null) : null);
  const unlinkConflict = conflictFor("unlink-item");
  const unlinkRefused = unlinkConflict ? indicator.contributions.flatMap((g) => g.items).find((i) => i.id === actionData?.itemId) : undefined;
  const t = useT();
  const locale = useLocale();
  const name = locale === "en" ? indicator.nameEn : indicator.nameId;
  const fmt = (v: number | null) => (v === null ? "–" : formatIndicatorValue(v, indicator.unit, locale));
  const next = path.next;
  const sentence = t(`verdict.sentence.${path.verdict}`, {
    target: fmt(next?.target ?? null),
    year: next?.year ?? "–",
    projected: fmt(next?.projected ?? null),
    actual: fmt(next?.actual ?? null),
    baselineYear: indicator.baselineYear,
  });
  return (
    <article className="space-y-6">
      <header>
        <p>
          <Link to="/indicators" className="text-sm text-brand-700 underline">
            ← {t("indicator.back")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold">{name}</h1>
        {indicator.description ? <p className="mt-1 text-slate-700">{indicator.description}</p> : null}
      </header>

      <section className="card space-y-2" aria-labelledby="verdict">
        <h2 id="verdict" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {t("indicator.assessment")} <VerdictBadge verdict={path.verdict} label={t(`verdict.${path.verdict}`)} />
        </h2>
        <p data-testid="verdict-sentence">{sentence}</p>
        <p className="text-sm text-slate-600">{t("verdict.method", { baselineYear: indicator.baselineYear })}</p>
        <IndicatorChart
          baseline={{ year: indicator.baselineYear, value: indicator.baselineValue }}
          actuals={chartActuals}
          targets={indicator.targets}
          slopePerYear={path.slopePerYear}
          name={name}
        />
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("indicator.unit")}</dt>
          <dd>{indicator.unit}</dd>
          <dt className="text-slate-600">{t("indicator.baseline")}</dt>
          <dd>{t("indicators.inYear", { value: fmt(indicator.baselineValue), year: indicator.baselineYear })}</dd>
          <dt className="text-slate-600">{t("indicator.direction")}</dt>
          <dd>{t(labelKey("indicator.direction", indicator.direction))}</dd>
          <dt className="text-slate-600">{t("indicator.priorityAreas")}</dt>
          <dd>{indicator.priorityAreas.map((a) => (locale === "en" ? a.nameEn : a.nameId)).join(" · ") || "–"}</dd>
          {indicator.source ? (<><dt className="text-slate-600">{t("indicator.source")}</dt><dd>{indicator.source}</dd></>) : null}
        </dl>
      </section>

      <section aria-labelledby="targets">
        <h2 id="targets" className="text-lg font-semibold">{t("indicator.targets")}</h2>
        {path.targets.length === 0 ? <p className="text-slate-600">{t("indicator.noTargets")}</p> : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-slate-600">
                  <th className="py-1 pr-3">{t("indicator.year")}</th>
                  <th className="py-1 pr-3">{t("indicator.target")}</th>
                  <th className="py-1 pr-3">{t("indicator.projected")}</th>
                  <th className="py-1 pr-3">{t("indicator.assessment")}</th>
                  <th className="py-1">{t("indicator.note")}</th>
                </tr>
              </thead>
              <tbody>
                {path.targets.map((row) => (
                  <tr key={row.year} className="border-t border-slate-200">
                    <td className="py-1 pr-3 tabular-nums">{row.year}</td>
                    <td className="py-1 pr-3 tabular-nums">{fmt(row.target)}</td>
                    <td className="py-1 pr-3 tabular-nums">{fmt(row.projected)}</td>
                    <td className="py-1 pr-3"><VerdictBadge verdict={row.verdict} label={t(`verdict.${row.verdict}`)} /></td>
                    <td className="py-1">{indicator.targets.find((x) => x.year === row.year)?.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="actuals">
        <h2 id="actuals" className="text-lg font-semibold">{t("indicator.actuals")}</h2>
        {indicator.values.length === 0 ? <p className="text-slate-600">{t("indicator.noActuals")}</p> : (
          <ul className="mt-2 space-y-2" data-testid="actual-values">
            {indicator.values.map((v) => (
              <li key={v.id} className="card text-sm">
                <p className="font-semibold tabular-nums">{t("indicators.inYear", { value: fmt(v.value), year: v.year })}</p>
                <p className="text-slate-600">
                  {t("indicator.observedOn")}: {formatDate(v.observedOn, locale)}
                  {v.numerator !== null && v.denominator !== null
                    ? ` · ${t("indicator.fraction")}: ${formatIndicatorNumber(v.numerator, locale)} / ${formatIndicatorNumber(v.denominator, locale)}`
                    : ""}
                </p>
                {v.source ? <p className="text-slate-600">{t("indicator.source")}: {v.source}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {may.record ? (
        <section className="card no-print" aria-labelledby="record">
          <h2 id="record" className="text-lg font-semibold">{t("indicator.record.title")}</h2>
          <div className="mt-3">
            {/* a new value recorded reopens the form empty; its hidden version follows the page */}
            <RecordValueForm
              key={indicator.values.length}
              unit={indicator.unit}
              today={today}
              version={indicator.version}
              startedAt={startedAt}
              conflict={conflictFor("record-value")}
              lastResult={actionData?.intent === "record-value" ? actionData.result : null}
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="items">
        <h2 id="items" className="text-lg font-semibold">{t("indicator.items")}</h2>
        <p className="text-sm text-slate-600">{t("indicator.itemsIntro")}</p>
        {indicator.contributions.length === 0 ? <p className="mt-2 text-slate-600">{t("indicator.noItems")}</p> : null}
        {indicator.contributions.map((group) => (
          <div key={group.campus.id} className="mt-3">
            <h3 className="font-medium">
              <Link className="underline" to={`/campuses/${group.campus.slug}`}>{group.campus.name}</Link>{" "}
              <span className="text-sm text-slate-600">({group.items.length})</span>
            </h3>
            <ul className="mt-1 space-y-2">
              {group.items.map((item) => (
                <li key={item.id} className="card flex flex-wrap items-center gap-3">
                  <Link to={`/items/${item.id}`} className="font-medium text-brand-700 underline">{item.title}</Link>
                  {item.visibility === "DRAFT" ? <span className="rounded bg-slate-200 px-2 text-xs">{t("item.draftBadge")}</span> : null}
                  <StatusBadge status={item.status} />
                  <div className="w-40"><ProgressBar value={item.progress} label={t("item.progress")} /></div>
                  {may.record ? (
                    <div className="ml-auto">
                      <UnlinkButton itemId={item.id} title={item.title} version={indicator.version} startedAt={startedAt} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {may.record ? (
          <div className="card no-print mt-4">
            <h3 className="font-semibold">{t("indicator.link.title")}</h3>
            <Form method="get" role="search" className="mt-2 flex flex-wrap items-end gap-2" data-testid="link-item-search">
              <div className="min-w-0 flex-1">
                <label className="label" htmlFor="link-item-query">
                  {t("indicator.link.search")}
                </label>
                <input id="link-item-query" name="item" type="search" defaultValue={itemQuery} className="input" maxLength={100} />
              </div>
              <button type="submit" className="btn-secondary">
                {t("search.submit")}
              </button>
            </Form>
            <div className="mt-2">
              {itemQuery.length < 2 ? (
                <p className="text-sm text-slate-600">{t("indicator.link.searchHint")}</p>
              ) : (
              <LinkItemForm
                key={linkable.length}
                items={linkable}
                version={indicator.version}
                startedAt={startedAt}
                conflict={conflictFor("link-item")}
                unit={indicator.unit}
                lastResult={actionData?.intent === "link-item" ? actionData.result : null}
              />
              )}
            </div>
          </div>
        ) : null}
        {may.record && unlinkConflict ? (
          <div className="mt-3">
            <IndicatorConflict conflict={unlinkConflict} unit={indicator.unit}>
              {unlinkRefused ? (
                <UnlinkButton
                  itemId={unlinkRefused.id}
                  title={unlinkRefused.title}
                  version={unlinkConflict.version ?? indicator.version}
                  startedAt={startedAt}
                  label={t("indicator.unlinkAnyway")}
                />
              ) : null}
            </IndicatorConflict>
          </div>
        ) : actionData?.intent === "unlink-item" ? (
          <p role="alert" className="mt-2 text-sm font-medium text-red-700">{t("form.invalidChoice")}</p>
        ) : null}
      </section>
    </article>
  );
}
