import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

// axe (WCAG 2.0/2.1 A and AA rules, and `label-content-name-mismatch`: a control's accessible name
// must contain the text it shows, WCAG 2.5.3) finds no violation on the main pages, as each kind
// of user sees them at 360 px.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violations(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const byTags = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // an experimental rule, off unless named
  const byName = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
  return [...byTags.violations, ...byName.violations].flatMap((v) =>
    v.nodes.map((n) => `${path}: ${v.id} (${v.impact}) — ${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`),
  );
}

async function asUser(browser: Browser, email: string | null, paths: (page: Page) => Promise<string[]>): Promise<string[]> {
  const context = await browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  const found: string[] = [];
  for (const path of await paths(page)) found.push(...(await violations(page, path)));
  await context.close();
  return found;
}

/** The first link on `path` whose href starts with `prefix` (an item, a team, an agreement). */
async function firstLink(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `${selector} on ${path}`).toBeTruthy();
  return href!;
}

test("axe finds no WCAG A/AA violation on the main pages, for every kind of user", async ({ browser }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  found.push(...(await asUser(browser, null, async () => ["/login", "/publik"])));
  found.push(
    ...(await asUser(browser, "liaison.itb@demo.test", async (page) => {
      const item = await firstLink(page, "/campuses/itb", 'main a[href^="/items/"]:not([href^="/items/new"])');
      const team = await firstLink(page, "/campuses/itb/teams", 'main a[href^="/teams/"]');
      return [
        "/campuses/itb",
        "/campuses/itb/check-in",
        "/campuses/itb/import",
        "/campuses/itb/teams",
        team,
        item,
        `${item}/edit`,
        "/roadmap",
        "/search?q=itb",
        "/notifications",
        "/account",
      ];
    })),
  );
  found.push(
    ...(await asUser(browser, "reviewer@demo.test", async (page) => {
      const agreement = await firstLink(page, "/agreements", 'main a[href^="/agreements/"]:not([href^="/agreements/new"])');
      return ["/dashboard", "/review", "/quarters", "/reminders", "/reports/briefing", "/agreements", agreement, "/indicators"];
    })),
  );
  found.push(...(await asUser(browser, "unit.bappeda@demo.test", async () => ["/units", "/units/bappeda"])));
  found.push(
    ...(await asUser(browser, "admin@demo.test", async (page) => {
      const unit = await firstLink(page, "/admin/units", 'main a[href^="/admin/units/"]');
      return ["/admin/users", "/admin/outbox", "/audit", "/admin/units", unit];
    })),
  );
  expect(found, found.join("\n")).toEqual([]);
});
