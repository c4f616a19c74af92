import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IndicatorChart, VerdictBadge } from "~/components/indicator-chart";
import { useLocale, useRootData, useT } from "~/components/i18n";
import { Pager } from "~/components/pager";
import { ProgressBar, StatusBadge } from "~/components/status";
import { formatDate, formatDateTime, formatPercent, labelKey } from "~/domain/i18n";
import { formatIndicatorValue } from "~/domain/indicator";
import { pageOf, parsePage } from "~/domain/paging";
import { PUBLIC_CAMPUSES_PER_PAGE, publicOverview } from "~/models/public.server";
import { getSessionId } from "~/utils/auth.server";
import { AgreementStatusBadge } from "~/components/agreement-bits";
import { todayInBanten } from "~/domain/dates";
import { publicAgreements } from "~/models/agreement.server";

// Anonymous visitors share one cached copy. A signed-in visitor's page carries their name (app
// shell) and any response setting a cookie (a flash message) is personal: neither may be stored
// by a shared cache. Vary keeps the language apart: chosen (a cookie) or the browser's (Accept-Language).
export const PUBLIC_CACHE = "public, max-age=300, stale-while-revalidate=600";
export const PRIVATE_CACHE = "private, no-store";

export const meta: MetaFunction = () => [
  { title: "Transparansi · Kolaborasi Banten" },
  {
    name: "description",
    content: "Kesepakatan Bersama Pemerintah Provinsi Banten dan 12 perguruan tinggi: program terbit, kemajuan, dan indikator daerah.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [data, sessionId, agreements] = await Promise.all([publicOverview(), getSessionId(request), publicAgreements(todayInBanten())]);
  // campuses are paged: at province scale the page would otherwise list every campus's items
  const { rows: campuses, ...page } = pageOf(data.campuses, parsePage(new URL(request.url).searchParams.get("page")), PUBLIC_CAMPUSES_PER_PAGE);
  return json({ ...data, campuses, page, agreements }, { headers: { "Cache-Control": sessionId ? PRIVATE_CACHE : PUBLIC_CACHE, Vary: "Cookie, Accept-Language" } });
}

export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const personal = parentHeaders.has("Set-Cookie") || loaderHeaders.get("Cache-Control") !== PUBLIC_CACHE;
  return { "Cache-Control": personal ? PRIVATE_CACHE : PUBLIC_CACHE, Vary: "Cookie, Accept-Language" };
};

const SCOPES = [
  ["research", "scopeResearch"],
  ["development", "scopeDevelopment"],
  ["communityService", "scopeCommunityService"],
  ["education", "scopeEducation"],
] as const;

// A read-only page for anyone, often a first visit from a phone: links and GET forms are all it
// needs, so it is sent without any JavaScript (docs/decisions/004, "A phone on a mobile network").
export const handle = { hydrate: false };

export default function PublicPage() {
  const { agreement, agreements, totals, campuses, page, indicators, generatedAt } = useLoaderData<typeof loader>();
  const signedIn = !!useRootData()?.user;
  const t = useT();
  const locale = useLocale();
  const scope = agreement ? SCOPES.filter(([, field]) => agreement[field]).map(([key]) => key) : [];
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t("publik.title")}</h1>
        <p className="mt-1 text-slate-700">{t("publik.intro")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("publik.asOf", { time: formatDateTime(generatedAt, locale) })}</p>
        {!signedIn ? (
          <p className="no-print mt-2">
            <a href="/login" className="text-sm text-brand-700 underline">{t("publik.login")}</a>
          </p>
        ) : null}
      </header>

      {agreement ? (
        <section className="card space-y-3" aria-labelledby="agreement">
          <h2 id="agreement" className="text-lg font-semibold">{agreement.title}</h2>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("agreement.signedOn")}</dt>
            <dd>{formatDate(agreement.signedOn, locale)}</dd>
            <dt className="text-slate-600">{t("agreement.place")}</dt>
            <dd>{agreement.place ?? "–"}</dd>
            <dt className="text-slate-600">{t("publik.governmentSignatory")}</dt>
            <dd>{agreement.governmentSignatory ?? "–"}</dd>
            <dt className="text-slate-600">{t("agreement.representative")}</dt>
            <dd>{agreement.campusRepresentative ?? "–"}</dd>
            <dt className="text-slate-600">{t("agreement.validity")}</dt>
            <dd>{formatDate(agreement.validFrom, locale)} – {formatDate(agreement.validUntil, locale)}</dd>
            <dt className="text-slate-600">{t("publik.scope")}</dt>
            <dd>{scope.map((s) => t(`publik.scope.${s}`)).join(" · ")}</dd>
          </dl>
          {agreement.summary ? <p className="text-sm">{agreement.summary}</p> : null}
          <div>
            <h3 className="text-sm font-semibold">{t("publik.campusSignatories")} ({agreement.signatories.length})</h3>
            <ol className="mt-1 list-decimal pl-5 text-sm">
              {agreement.signatories.map((c) => <li key={c.slug}>{c.name}</li>)}
            </ol>
          </div>
        </section>
      ) : null}

      {agreements.length ? (
        <section aria-labelledby="public-agreements" className="space-y-3">
          <h2 id="public-agreements" className="text-xl font-semibold">{t("agreements.title")}</h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {agreements.map((a) => (
              <li key={a.id} className="card space-y-1 text-sm" data-testid="public-agreement">
                <p className="font-semibold">
                  {t(labelKey("agreement.kind", a.kind))} · {a.title} <AgreementStatusBadge status={a.status} />
                </p>
                <p>{[a.number ?? "–", a.campusNumber ?? "–"].join(" / ")}</p>
                <p>
                  {a.units.length ? a.units.map((u) => u.abbreviation ?? u.name).join(", ") : t("agreements.province")} — {a.campus?.name ?? "–"}
                </p>
                <p>
                  {t("agreements.col.signed")}: {[formatDate(a.signedOn, locale), a.place].filter((v) => v && v !== "–").join(", ") || "–"} ·{" "}
                  {t("agreements.col.validity")}: {formatDate(a.validFrom, locale)} – {formatDate(a.validUntil, locale)}
                </p>
                <p>
                  {t("agreements.field.scope")}:{" "}
                  {SCOPES.filter(([, field]) => a[field]).map(([key]) => t(`publik.scope.${key}`)).join(", ") || "–"}
                </p>
                {a.documents.map((d) => (
                  <a key={d.id} className="underline" href={`/evidence/${d.id}`}>
                    {d.fileName}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="indicators" className="space-y-3">
        <h2 id="indicators" className="text-xl font-semibold">{t("publik.indicators")}</h2>
        <ul className="grid gap-3 md:grid-cols-2">
          {indicators.map((i) => {
            const name = locale === "en" ? i.nameEn : i.nameId;
            const verdict = i.trajectory.verdict;
            return (
              <li key={i.code} className="card space-y-2" data-testid="public-indicator">
                <h3 className="font-semibold">{name}</h3>
                <p className="text-2xl font-bold tabular-nums">
                  {i.latest ? formatIndicatorValue(i.latest.value, i.unit, locale) : t("indicators.noValue")}
                  {i.latest ? <span className="ml-2 text-sm font-normal text-slate-600">({i.latest.year})</span> : null}
                </p>
                {i.description ? <p className="text-sm text-slate-700">{i.description}</p> : null}
                <p className="text-sm">
                  <span className="text-slate-600">{t("indicator.targets")}: </span>
                  {i.targets.length
                    ? i.targets.map((x) => t("indicators.inYear", { value: formatIndicatorValue(x.value, i.unit, locale), year: x.year })).join(" · ")
                    : t("indicators.noTarget")}
                </p>
                <p><VerdictBadge verdict={verdict} label={t(`verdict.${verdict}`)} /></p>
                <IndicatorChart
                  compact
                  baseline={{ year: i.baselineYear, value: i.baselineValue }}
                  actuals={i.actuals}
                  targets={i.targets}
                  slopePerYear={i.trajectory.slopePerYear}
                  name={name}
                />
                <p className="text-sm text-slate-600">
                  {t("publik.contributing", { count: i.contributingItems })}
                  {i.source ? ` · ${t("indicator.source")}: ${i.source}` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="campuses" className="space-y-3">
        <h2 id="campuses" className="text-xl font-semibold">{t("publik.campuses")}</h2>
        <p className="text-sm text-slate-700">
          {t("publik.totals", {
            items: totals.items,
            progress: totals.averageProgress === null ? "–" : formatPercent(totals.averageProgress, locale),
          })}
        </p>
        <ul className="space-y-3">
          {campuses.map((c) => (
            <li key={c.slug} className="card" data-testid="public-campus">
              <h3 className="font-semibold">{c.name}</h3>
              <p className="text-sm text-slate-600">
                {[c.abbreviation, t(labelKey("campusType", c.type)), c.city].filter(Boolean).join(" · ")}
              </p>
              <p className="mt-1 text-sm">
                {t("publik.campusItems", { count: c.items })}
                {c.averageProgress !== null ? (
                  <>
                    {" · "}
                    <span className="whitespace-nowrap">{t("publik.avgProgress", { value: formatPercent(c.averageProgress, locale) })}</span>
                  </>
                ) : null}
              </p>
              {c.listed.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("publik.noItems")}</p> : (
                <ul className="mt-2 divide-y divide-slate-200">
                  {c.listed.map((item) => (
                    <li key={item.id} className="py-2">
                      <p className="text-sm font-medium">{item.title}</p>
                      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                        <StatusBadge status={item.status} />
                        <div className="w-44"><ProgressBar value={item.progress} label={t("item.progress")} /></div>
                        <span className="text-xs text-slate-600">
                          {locale === "en" ? item.area.nameEn : item.area.nameId} · {t(labelKey("triDharma", item.triDharma))}
                        </span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {c.more > 0 ? <p className="mt-1 text-sm text-slate-600">{t("publik.more", { count: c.more })}</p> : null}
            </li>
          ))}
        </ul>
        <Pager page={page.page} pages={page.pages} label={t("publik.page.label")} summary={t("publik.page.showing", { ...page })} />
      </section>

      <p className="text-sm text-slate-600">{t("publik.privacy")}</p>
    </div>
  );
}
