import { describe, expect, it } from "vitest";
import { clientNavigationTarget, isCurrentSection } from "~/components/page-link";

// What the app's one click listener takes over: plain left clicks on a PageLink of this origin.

const ORIGIN = "https://kolaborasi.bantenprov.go.id";

function anchor(href: string, attributes: Record<string, string> = {}) {
  return {
    href: new URL(href, ORIGIN).href,
    target: attributes.target ?? "",
    hasAttribute: (name: string) => name in attributes,
  };
}

function click(found: ReturnType<typeof anchor> | null, init: Partial<MouseEvent> = {}): MouseEvent {
  const target = { closest: (selector: string) => (selector === "a[data-discover]" ? found : null) };
  return { defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, target, ...init } as unknown as MouseEvent;
}

describe("following a PageLink inside the app", () => {
  it("takes a plain left click, with the path, query and fragment", () => {
    expect(clientNavigationTarget(click(anchor("/items/abc?history=all#history")), ORIGIN)).toBe("/items/abc?history=all#history");
  });

  it("leaves the browser a click with a modifier, another button, a new tab, a download, another origin", () => {
    const link = anchor("/items/abc");
    for (const init of [{ metaKey: true }, { ctrlKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(clientNavigationTarget(click(link, init), ORIGIN), JSON.stringify(init)).toBeNull();
    }
    expect(clientNavigationTarget(click(anchor("/items/abc", { target: "_blank" })), ORIGIN)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/exports/items.csv", { download: "" })), ORIGIN)).toBeNull();
    expect(clientNavigationTarget(click(anchor("https://example.org/x")), ORIGIN)).toBeNull();
    expect(clientNavigationTarget(click(null), ORIGIN)).toBeNull();
  });

  it("marks the navigation entry of the page shown, and of the pages below it", () => {
    expect(isCurrentSection("/campuses", "/campuses")).toBe(true);
    expect(isCurrentSection("/campuses/itb", "/campuses")).toBe(true);
    expect(isCurrentSection("/Campuses/itb", "/campuses")).toBe(true);
    expect(isCurrentSection("/campusesx", "/campuses")).toBe(false);
    expect(isCurrentSection("/dashboard", "/campuses")).toBe(false);
  });
});
