import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// What a phone downloads (issue #17, decision 004): the stylesheet travels inside the document,
// and /publik needs no JavaScript at all.

const SLATE_50 = "rgb(248, 250, 252)";

test("the stylesheet is inline in every document, and /publik comes without any script", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));

  const publik = await page.goto("/publik");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transparansi Kolaborasi Banten");
  const publikHtml = (await publik?.text()) ?? "";
  expect(publikHtml).toContain('<style id="app-css">');
  expect(publikHtml).not.toMatch(/<script\b|rel="modulepreload"/);
  expect(requested.filter((p) => p.endsWith(".js"))).toEqual([]);
  // styled from the inline stylesheet, with no stylesheet fetched
  expect((await page.locator("style#app-css").textContent())?.length).toBeGreaterThan(1000);
  expect(requested.filter((p) => p.endsWith(".css"))).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(SLATE_50);

  // a hydrated page: the same inline stylesheet, and its scripts
  const login = await page.goto("/login");
  const loginHtml = (await login?.text()) ?? "";
  expect(loginHtml).toContain('<style id="app-css">');
  expect(loginHtml).not.toContain('rel="stylesheet"');
  expect(loginHtml).toMatch(/<script\b[^>]*type="module"/);
  expect(requested.some((p) => p.startsWith("/build/") && p.endsWith(".js"))).toBe(true);
});

test("after sign-in and client-side navigation the page keeps its styles", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  const fetchedCss: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "stylesheet") fetchedCss.push(request.url());
  });
  // a link inside the app: Remix navigates in the browser and re-renders the root layout
  await page.goto("/campuses");
  await page.getByRole("link", { name: /Institut Teknologi Bandung/ }).first().click();
  await expect(page).toHaveURL(/\/campuses\/itb$/);
  expect(await page.locator("style#app-css").count()).toBe(1);
  expect((await page.locator("style#app-css").textContent())?.length).toBeGreaterThan(1000);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(SLATE_50);
  expect(fetchedCss).toEqual([]);
});
