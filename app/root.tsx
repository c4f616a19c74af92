import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { AppShell } from "~/components/app-shell";
import { isDemoLoaded } from "~/models/app-status.server";
import { unreadCount } from "~/models/notification.server";
import { getUser } from "~/utils/auth.server";
import { takeDraft } from "~/utils/form-draft.server";
import { commitCookieSession, getCookieSession, getLocale } from "~/utils/session.server";
import { useNonce } from "~/utils/nonce";
import { LocaleProvider, useRootLocale, useMessagesArrival, useMessagesBeforeNavigation, useT } from "~/components/i18n";
import { documentHydrated } from "~/components/static-markup";
import stylesheet from "~/tailwind.css";
import { builtStylesheet } from "~/utils/inline-css.server";
import { PLAIN_PAGE_SCRIPT } from "~/utils/plain-page-script.generated.server";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // browsers that ask for /favicon.ico by themselves find it too (public/favicon.ico)
  { rel: "alternate icon", href: "/favicon.ico", sizes: "32x32" },
];

export const meta: MetaFunction = () => [{ title: "Kolaborasi Banten" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, session, demo] = await Promise.all([
    getUser(request),
    getLocale(request),
    getCookieSession(request),
    isDemoLoaded(),
  ]);
  const headers = new Headers();
  const toast = session.get("toast") ?? null;
  if (toast) headers.append("Set-Cookie", await commitCookieSession(session));
  const [taken, unread] = user
    ? await Promise.all([request.method === "GET" ? takeDraft(request, user.id) : null, unreadCount(user.id)])
    : [null, 0];
  if (taken) headers.append("Set-Cookie", taken.cookie);
  // data(), not json(): single fetch sends the object as it is, never through JSON and back
  return data(
    {
      locale,
      demo,
      toast,
      // what was typed before the session ended, for the form it names (useRestoredDraft)
      restoredDraft: taken?.draft ?? null,
      unread,
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role, campusIds: user.campusIds } : null,
    },
    { headers },
  );
}

const INLINE_CSS_ID = "app-css";

/**
 * The stylesheet, inline in <head>: it is small (Tailwind, purged) and a linked one blocks the
 * first paint for one more round trip on a mobile network. The server reads it from the build; the
 * browser takes the same text back from the document (so hydration, or a re-render of the whole
 * document, keeps it). Without the file (no build) it is linked as before.
 */
function stylesheetText(): string | null {
  if (typeof document === "undefined") return builtStylesheet(stylesheet);
  return document.getElementById(INLINE_CSS_ID)?.textContent ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const locale = useRootLocale();
  // <Meta /> translates the page's title: again when the dictionary arrives
  useMessagesArrival();
  useMessagesBeforeNavigation();
  const [css] = useState(stylesheetText);
  // a route whose page needs no React says so (`handle = { hydrate: false }`): its documents come
  // without the app's scripts, with one small inline script instead (app/utils/plain-page.ts, bundled
  // into a server-only module). Reached by a navigation inside the running app, it is rendered in
  // the browser like any page, and the router's scroll handling stays on.
  const withoutScripts = useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  const hydrate = typeof document !== "undefined" || !withoutScripts;
  useEffect(() => {
    // parts rendered once on the server (StaticMarkup) keep their HTML only through hydration
    documentHydrated();
    // from here on the page's forms validate in the browser (end-to-end tests wait for this)
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <LocaleProvider value={locale}>
      <html lang={locale}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          {css ? <style id={INLINE_CSS_ID} dangerouslySetInnerHTML={{ __html: css }} /> : <link rel="stylesheet" href={stylesheet} />}
          <Links />
        </head>
        <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
          {children}
          {hydrate ? (
            <>
              <ScrollRestoration nonce={nonce} />
              <Scripts nonce={nonce} />
            </>
          ) : (
            // what plain HTML cannot do: a form posts once, a refused one opens the page on its errors,
            // a progress figure is checked as it is typed
            <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PLAIN_PAGE_SCRIPT }} />
          )}
        </body>
      </html>
    </LocaleProvider>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 400 || status === 403 || status === 404 ? (`error.${status}` as const) : "error.500";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <AppShell>
      <section className="card mx-auto max-w-xl" role="alert">
        <h1 className="text-xl font-bold">
          {status} – {t("error.title")}
        </h1>
        <p className="mt-2">{t(key)}</p>
        <a className="btn mt-4" href="/">
          {t("error.back")}
        </a>
      </section>
    </AppShell>
  );
}

