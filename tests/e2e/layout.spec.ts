import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// At 360 px no main page is wider than the screen: wide tables scroll inside their own box and the
// navigation wraps. Every entry of the navigation is on screen.

async function widths(page: Page, paths: string[]) {
  const tooWide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) tooWide.push(`${path}: ${width}px`);
    // the navigation's entries all lie within the screen
    const offscreen = await page.evaluate(() =>
      Array.from(document.querySelectorAll("nav[aria-label] a"))
        .filter((a) => {
          const r = a.getBoundingClientRect();
          return r.right > window.innerWidth + 0.5 || r.left < -0.5;
        })
        .map((a) => a.textContent),
    );
    if (offscreen.length) tooWide.push(`${path}: navigation off-screen: ${offscreen.join(", ")}`);
  }
  return tooWide;
}

test("no main page is wider than a 360 px screen", async ({ browser }) => {
  test.setTimeout(120_000);
  const reviewer = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID" });
  const rp = await reviewer.newPage();
  await signIn(rp, "reviewer@demo.test");
  const problems = await widths(rp, ["/dashboard", "/campuses", "/campuses/itb", "/roadmap", "/review", "/indicators", "/quarters", "/reminders", "/reports/briefing", "/audit", "/notifications", "/search?q=laporan"]);
  await reviewer.close();

  const liaison = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID" });
  const lp = await liaison.newPage();
  await signIn(lp, "liaison.itb@demo.test");
  problems.push(...(await widths(lp, ["/campuses/itb", "/campuses/itb/check-in", "/campuses/itb/import", "/campuses/itb/teams", "/publik"])));
  await liaison.close();

  expect(problems).toEqual([]);
});
