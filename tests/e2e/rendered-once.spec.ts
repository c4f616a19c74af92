import { expect, test, type Browser } from "@playwright/test";
import { hydrated, signIn } from "./support";

// The long lists of the campus workspace, the dashboard, the item page and /campuses are rendered to
// HTML once per version of the data and language, and that HTML is sent again until the data changes
// (app/components/static-markup.tsx). These journeys check what that must never change: who sees
// what, a page rendered in the browser that shows the new state after its own action, and a hydrated
// page that keeps the server's elements.

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test("a campus's draft, in its list rendered once, reaches its liaison and the governor's office, never another campus's liaison or an observer", async ({ browser }) => {
  const own = await signedInPage(browser, "liaison.unma@demo.test");
  await own.page.goto("/campuses/unma");
  const items = own.page.locator("section[aria-labelledby=items]");
  const draft = items.getByRole("listitem").filter({ hasText: "Draf" }).first();
  const title = ((await draft.getByRole("link").first().textContent()) ?? "").trim();
  expect(title.length).toBeGreaterThan(0);
  await own.close();

  // the same campus page, asked for next from the same server (and its kept HTML)
  for (const [email, seesDraft] of [
    ["liaison.umt@demo.test", false],
    ["observer@demo.test", false],
    ["reviewer@demo.test", true],
    ["liaison.umt@demo.test", false],
  ] as const) {
    const other = await signedInPage(browser, email);
    const response = await other.page.goto("/campuses/unma");
    expect(response?.status()).toBe(200);
    const list = other.page.locator("section[aria-labelledby=items]");
    await expect(list.getByRole("listitem").first()).toBeVisible();
    if (seesDraft) await expect(list.getByRole("link", { name: title, exact: true })).toBeVisible();
    else expect(await other.page.content()).not.toContain(title);
    await other.close();
  }
});

test("the item page, reached by a link inside the app, renders its histories in the browser and shows its own new comment in them at once", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.goto("/campuses/unma");
  // a published item: it has progress reports
  const published = page.locator("section[aria-labelledby=items]").getByRole("listitem").filter({ hasNotText: "Draf" }).first();
  const link = published.getByRole("link").first();
  const itemPath = (await link.getAttribute("href"))!;
  const title = ((await link.textContent()) ?? "").trim();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // the page as a document (the server's HTML, rendered once)
  await page.goto(itemPath);
  const reports = page.getByTestId("update-list").getByRole("listitem");
  const changes = page.locator("section[aria-labelledby=history]").getByRole("listitem");
  const reportsBefore = await reports.allTextContents();
  expect(reportsBefore.length).toBeGreaterThan(0);
  const changesBefore = await changes.allTextContents();

  // the same page reached from the search (a hydrated page): rendered by React in the browser, no document load
  await page.goto(`/search?q=${encodeURIComponent(title)}`);
  await hydrated(page);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.getByTestId("search-results").locator(`a[href="${itemPath}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await expect(reports.first()).toBeVisible();
  expect(documents).toEqual([]);
  expect(await reports.allTextContents()).toEqual(reportsBefore);
  expect(await changes.allTextContents()).toEqual(changesBefore);

  // the comment is posted by the app (single fetch): the page's data is read again and the history shows it
  const body = page.getByLabel("Komentar", { exact: true });
  const text = `Komentar uji riwayat ${Date.now()}`;
  await body.fill(text);
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname.endsWith(".data"));
  await page.getByRole("button", { name: "Kirim komentar" }).click();
  await posted;
  await expect(page.getByText("Komentar terkirim.")).toBeVisible();
  await expect(page.locator("section[aria-labelledby=comments]").getByText(text)).toBeVisible();
  await expect(changes.first()).toContainText("Comment");
  await expect(changes.first()).toContainText(text);
  // the progress history, rendered again in the browser from the new data, says the same
  expect(await reports.allTextContents()).toEqual(reportsBefore);
  expect(documents).toEqual([]);
  expect(errors).toEqual([]);
});

test("an item's evidence, in its history rendered once, reaches the campus and the province's staff, never another campus's liaison", async ({ browser }) => {
  const liaison = await signedInPage(browser, "liaison.unma@demo.test");
  await liaison.page.goto("/campuses/unma");
  const published = liaison.page.locator("section[aria-labelledby=items]").getByRole("listitem").filter({ hasNotText: "Draf" }).first();
  const itemPath = (await published.getByRole("link").first().getAttribute("href"))!;
  await liaison.page.goto(itemPath);
  const link = `https://example.org/bukti-${Date.now()}`;
  const form = liaison.page.getByRole("region", { name: "Laporan kemajuan baru" });
  await form.getByLabel("Uraian kemajuan").fill("Laporan dengan tautan bukti.");
  await form.getByLabel("Tautan bukti (satu per baris)").fill(link);
  await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();
  await expect(liaison.page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");
  await expect(liaison.page.getByTestId("update-list").getByRole("link", { name: link })).toBeVisible();
  await liaison.close();

  // the same item page, asked for next from the same server (and its kept HTML), in either order
  // (evidence is internal: the campus's own people and the province's, not another campus)
  for (const [email, seesEvidence] of [
    ["reviewer@demo.test", true],
    ["liaison.umt@demo.test", false],
    ["observer@demo.test", true],
    ["liaison.umt@demo.test", false],
  ] as const) {
    const other = await signedInPage(browser, email);
    const response = await other.page.goto(itemPath);
    expect(response?.status()).toBe(200);
    await expect(other.page.getByTestId("update-list").getByText("Laporan dengan tautan bukti.")).toBeVisible();
    if (seesEvidence) await expect(other.page.getByTestId("update-list").getByRole("link", { name: link })).toBeVisible();
    else expect(await response!.text()).not.toContain(link);
    await other.close();
  }
});

test("hydration keeps the server's own elements of a part rendered once", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  // the app's scripts are held until the test has taken hold of the server's elements
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // /campuses: a hydrated page whose campus cards are a part rendered once
  await page.goto("/campuses", { waitUntil: "domcontentloaded" });
  const taken = await page.evaluate(() => {
    const kept = [...document.querySelectorAll("[data-markup] li, [data-markup] a")];
    (window as unknown as { keptNodes: Element[] }).keptNodes = kept;
    return kept.length;
  });
  expect(taken).toBeGreaterThan(0);
  release();
  await hydrated(page);
  // the same elements, still in the page: React did not render them again
  expect(await page.evaluate(() => (window as unknown as { keptNodes: Element[] }).keptNodes.every((node) => node.isConnected))).toBe(true);
});
