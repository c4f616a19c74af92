import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

async function filterByCampus(page: Page, campus: string) {
  const form = page.getByRole("form", { name: "Saring linimasa" });
  await form.getByLabel("Kampus").selectOption({ label: campus });
  await form.getByRole("button", { name: "Terapkan" }).click();
}

test("the governor's office filters the timeline by campus and sees that campus's overdue item marked", async ({ page }) => {
  await signInAsReviewer(page);
  await page.goto("/roadmap");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linimasa Peta Jalan");
  const timeline = page.getByTestId("roadmap-timeline");
  // the demo data spans several campuses
  const campusesShown = await timeline.getByTestId("roadmap-item").evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute("data-campus"))).size);
  expect(campusesShown).toBeGreaterThan(1);

  await filterByCampus(page, "UMT");
  await expect(page).toHaveURL(/[?&]campus=umt(&|$)/);
  const rows = timeline.getByTestId("roadmap-item");
  // only UMT's items remain (retried until the filtered page has replaced the first one)
  await expect(timeline.locator('[data-testid="roadmap-item"]:not([data-campus="umt"])')).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(page.getByRole("form", { name: "Saring linimasa" }).getByLabel("Kampus")).toHaveValue("umt");

  // an overdue item stands out: a badge in words, and its row and bar flagged
  const overdue = rows.filter({ has: page.getByTestId("overdue-badge") });
  await expect(overdue.first()).toBeVisible();
  await expect(overdue.first().getByTestId("overdue-badge")).toHaveText("Lewat jadwal");
  await expect(overdue.first()).toHaveAttribute("data-overdue", "true");
  await expect(page.getByTestId("roadmap-summary")).toContainText("lewat jadwal");

  // milestones are marked, their title and state in an SVG <title>
  const marker = timeline.getByTestId("milestone-marker").first();
  await expect(marker).toBeAttached();
  await expect(marker.locator("title")).toHaveText(/^.+ · (Menunggu|Diajukan|Tercapai|Tercapai sebagian|Tidak tercapai|Dikembalikan untuk perbaikan|Ditunda) · .+/);

  // a 360 px phone: the page does not overflow, the timeline scrolls inside itself
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const scroll = await timeline.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll.scroll).toBeGreaterThan(scroll.client);
  // in print, the quarters fit the page width
  await page.emulateMedia({ media: "print" });
  const printed = await timeline.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(printed.scroll).toBeLessThanOrEqual(printed.client + 1);
  await page.emulateMedia({ media: "screen" });

  // each item leads to its page
  const title = await overdue.first().getByRole("link").first().textContent();
  await overdue.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/items\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!.trim());
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters are a plain GET form, so a filtered timeline can be bookmarked", async ({ page }) => {
    await signInAsReviewer(page);
    await page.goto("/roadmap");
    await filterByCampus(page, "ITB");
    await expect(page).toHaveURL(/[?&]campus=itb(&|$)/);
    const bookmarked = page.url();
    const rows = page.getByTestId("roadmap-item");
    await expect(page.locator('[data-testid="roadmap-item"]:not([data-campus="itb"])')).toHaveCount(0);
    expect(await rows.count()).toBeGreaterThan(0);

    await page.goto(`${bookmarked}&overdue=1`);
    const overdue = await rows.evaluateAll((all) => all.map((r) => r.getAttribute("data-overdue")));
    expect(overdue.length).toBeGreaterThan(0);
    expect(new Set(overdue)).toEqual(new Set(["true"]));
    await expect(page.getByLabel("Hanya program lewat jadwal")).toBeChecked();
  });
});

async function signInAsReviewer(page: Page) {
  await signIn(page, "reviewer@demo.test");
  await expect(page).toHaveURL(/\/dashboard$/);
}
