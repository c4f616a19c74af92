import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// A refused form is seen at once: the error summary at the top of the form, in view and focused,
// links to the fields; the item page puts the report form before the history. At 360 px, with and
// without JavaScript.

for (const [javaScriptEnabled, slug] of [
  [true, "unma"],
  [false, "uin-jakarta"],
] as const) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test(`a refused progress report shows the error summary at the top, focused (${slug})`, async ({ page }) => {
      await signIn(page, `liaison.${slug}@demo.test`);
      await page.goto(`/campuses/${slug}`);
      await page.locator('main a[href^="/items/"]:not([href^="/items/new"])').first().click();
      await expect(page).toHaveURL(/\/items\/[^/]+$/);

      const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Kirim laporan kemajuan" }) });
      // the form comes before the history, and optional fields say so
      const formTop = await form.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const historyTop = await page.locator("#progress-history").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(formTop).toBeLessThan(historyTop);
      await expect(form.getByLabel("Capaian (opsional)")).toBeVisible();

      await form.getByLabel("Kemajuan (%)").fill("80");
      await form.getByLabel("Status", { exact: true }).selectOption("COMPLETED");
      await form.getByLabel("Uraian kemajuan").fill("Laporan akhir sedang disusun.");
      await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();

      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(summary).toContainText("Periksa kembali isian yang ditandai.");
      const link = summary.getByRole("link", { name: "Kemajuan (%)" });
      await expect(link).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(/#progress-update-progress$/);
      await expect(form.getByText("Status Selesai memerlukan kemajuan 100 %.")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("the header's search box finds an item by a word of its title", async ({ page }) => {
      await signIn(page, "observer@demo.test");
      // a word of a published item's title, as someone remembers it
      await page.goto("/campuses/itb");
      const title = (await page.locator('main a[href^="/items/"]').first().textContent())!.trim();
      const word = title.split(/\s+/).find((w) => w.length >= 6) ?? title;
      const search = page.getByRole("search").filter({ has: page.getByRole("searchbox", { name: "Cari" }) }).first();
      await search.getByRole("searchbox", { name: "Cari" }).fill(word.toLowerCase());
      await search.getByRole("button", { name: "Cari" }).click();
      await expect(page).toHaveURL(/\/search\?q=/);
      const items = page.getByTestId("found-items");
      await expect(items.getByRole("link", { name: title })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await items.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    });
  });
}
