import { useNavigate } from "@remix-run/react";
import { useEffect, type AnchorHTMLAttributes } from "react";

// Long lists link to many pages: a Remix <Link> costs about 15 µs of server rendering each (it
// resolves its path and sets up prefetching and discovery), and the 100 links of a campus page were
// 13 % of its CPU. A PageLink is a plain <a> with the attribute Remix uses to discover a link's
// route ahead of a click (data-discover); useClientNavigation, once in the app's frame, follows
// such a link inside the app (no document load) as a <Link> would. Without JavaScript it is a link.

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** An absolute path of a page of the app (not a download: those keep `reloadDocument`). */
  to: `/${string}`;
};

/** A link to a page of the app, as cheap to render as a plain <a>. */
export function PageLink({ to, ...props }: Props) {
  return <a href={to} data-discover="true" {...props} />;
}

/** Is the click one the app takes over (a plain left click on a PageLink of this origin)? */
export function clientNavigationTarget(event: MouseEvent, origin: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const target = event.target as { closest?: (selector: string) => Element | null } | null;
  const anchor = target?.closest?.("a[data-discover]") as HTMLAnchorElement | null | undefined;
  if (!anchor || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href);
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
}

/** Follows PageLinks inside the app. A <Link> handles its own clicks first (defaultPrevented). */
export function useClientNavigation(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const to = clientNavigationTarget(event, window.location.origin);
      if (to === null) return;
      event.preventDefault();
      navigate(to);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}

/** NavLink's rule for "this entry is the page shown" (the path or a page below it), without its per-link matching. */
export function isCurrentSection(pathname: string, to: string): boolean {
  const here = pathname.toLowerCase();
  const entry = to.toLowerCase();
  return here === entry || here.startsWith(`${entry}/`);
}
