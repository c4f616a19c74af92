import { Form, Link, useLocation } from "@remix-run/react";
import { can, type Action } from "~/domain/policy";
import type { Role } from "~/domain/enums";
import type { MessageKey } from "~/domain/i18n";
import { useRootData, useT } from "./i18n";
import { isCurrentSection, PageLink, useClientNavigation } from "./page-link";
import { Toast } from "./toast";

const NAV: { to: `/${string}`; key: MessageKey; action: Action | null }[] = [
  { to: "/dashboard", key: "nav.dashboard", action: "dashboard.read" },
  { to: "/campuses", key: "nav.campuses", action: "campus.read" },
  { to: "/units", key: "nav.units", action: "unit.read" },
  { to: "/agreements", key: "nav.agreements", action: "agreement.read" },
  { to: "/roadmap", key: "nav.roadmap", action: "dashboard.read" },
  { to: "/review", key: "nav.review", action: "review.read" },
  { to: "/indicators", key: "nav.indicators", action: "dashboard.read" },
  { to: "/quarters", key: "nav.quarters", action: "dashboard.read" },
  { to: "/reminders", key: "nav.reminders", action: "reminder.send" },
  { to: "/audit", key: "nav.audit", action: "audit.read" },
  { to: "/admin/users", key: "nav.users", action: "user.manage" },
  { to: "/admin/units", key: "nav.adminUnits", action: "unit.manage" },
  { to: "/admin/outbox", key: "nav.outbox", action: "outbox.manage" },
  { to: "/account", key: "nav.account", action: null },
];

export function AppShell({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const t = useT();
  const location = useLocation();
  const user = data?.user;
  const actor = user ? { id: user.id, role: user.role as Role, campusIds: user.campusIds } : null;
  const here = `${location.pathname}${location.search}`;
  useClientNavigation();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold">
            {t("app.name")}
          </Link>
          {data?.demo ? (
            <span title={t("app.demoNote")} className="rounded bg-amber-300 px-2 py-0.5 text-xs font-bold text-amber-950" data-testid="demo-marker">
              {t("app.demo")}
            </span>
          ) : null}
          {user ? (
            <form method="get" action="/search" role="search" className="order-last flex w-full gap-1 sm:order-none sm:w-auto" data-testid="header-search">
              <label htmlFor="header-search-q" className="sr-only">
                {t("search.label")}
              </label>
              <input
                id="header-search-q"
                name="q"
                type="search"
                placeholder={t("search.placeholder")}
                className="min-w-0 flex-1 rounded border border-white/60 bg-white px-2 py-1 text-sm text-slate-900 sm:w-56"
              />
              <button type="submit" className="rounded border border-white/60 px-3 py-1 text-sm">
                {t("search.submit")}
              </button>
            </form>
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            <Form method="post" action="/locale" reloadDocument>
              <input type="hidden" name="redirectTo" value={here} />
              <input type="hidden" name="locale" value={data?.locale === "en" ? "id" : "en"} />
              {/* named as it reads (WCAG 2.5.3): the other language's own name, in that language */}
              <button type="submit" className="rounded px-2 py-1 text-sm underline" lang={data?.locale === "en" ? "id" : "en"} title={t("nav.language")}>
                {t("nav.switchTo")}
              </button>
            </Form>
            {user ? (
              <Link to="/notifications" className="relative rounded px-2 py-1 text-sm underline" data-testid="notifications-link">
                {t("nav.notifications")}
                {data?.unread ? (
                  <span className="ml-1 rounded-full bg-amber-300 px-1.5 text-xs font-bold text-amber-950">
                    <span aria-hidden="true">{data.unread}</span>
                    <span className="sr-only">{t("nav.unread", { count: data.unread })}</span>
                  </span>
                ) : null}
              </Link>
            ) : null}
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="rounded border border-white/60 px-3 py-1 text-sm">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {actor ? (
          <nav aria-label={t("nav.main")} className="bg-brand-800">
            {/* a wrapping bar: at 360 px every entry stays on screen, none hidden off to the side */}
            <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2">
              {NAV.filter((n) => n.action === null || can(actor, n.action)).map((n) => {
                const current = isCurrentSection(location.pathname, n.to);
                return (
                  <li key={n.to}>
                    <PageLink
                      to={n.to}
                      aria-current={current ? "page" : undefined}
                      className={`block whitespace-nowrap px-2 py-2 text-sm sm:px-3 ${current ? "bg-white/20 font-semibold" : "hover:bg-white/10"}`}
                    >
                      {t(n.key)}
                    </PageLink>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
      </header>
      {data?.demo ? (
        <p className="no-print bg-amber-100 px-4 py-1 text-center text-xs text-amber-900">{t("app.demoNote")}</p>
      ) : null}
      <Toast toast={data?.toast ?? null} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">
        {/* a document load: /publik is sent without JavaScript, so no client-side navigation reaches it */}
        <Link to="/publik" reloadDocument className="underline">
          {t("nav.public")}
        </Link>
      </footer>
    </>
  );
}
