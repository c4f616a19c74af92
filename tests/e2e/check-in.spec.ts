import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The monthly check-in at 360 px: several items in one submit, one invalid row keeps every row's
// input with its error beside it, then fixed and sent. With and without JavaScript.

for (const [javaScriptEnabled, slug] of [
  [true, "unwim"],
  [false, "yatsi-madani"],
] as const) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test(`a liaison reports several items at once on the check-in page (${slug})`, async ({ page }) => {
      await signIn(page, `liaison.${slug}@demo.test`);
      await page.goto(`/campuses/${slug}`);
      // the check-in is the first thing the campus page offers its liaison
      await page.getByTestId("check-in-link").getByRole("link", { name: "Isi laporan bulanan" }).click();
      await expect(page).toHaveURL(new RegExp(`/campuses/${slug}/check-in$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laporan bulanan");

      const rows = page.getByTestId("check-in-row");
      expect(await rows.count()).toBeGreaterThanOrEqual(3);
      const first = rows.nth(0);
      const second = rows.nth(1);
      const third = rows.nth(2);
      await first.getByLabel("Kemajuan (%)").fill("150");
      await first.getByLabel("Satu kalimat kemajuan").fill("Tahap kedua berjalan sesuai jadwal.");
      await second.getByLabel("Satu kalimat kemajuan").fill("Rapat koordinasi dengan Bappeda selesai.");
      await third.getByLabel("Tidak ada perubahan").check();
      await page.getByRole("button", { name: "Kirim laporan bulanan" }).click();

      // refused: the summary at the top has focus and links to the field; the error sits by its row
      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveCount(1);
      await expect(first.getByText("Kemajuan harus antara 0 dan 100.")).toBeVisible();
      await expect(second.getByText("Kemajuan harus antara 0 dan 100.")).toHaveCount(0);
      // every row keeps what was typed
      await expect(first.getByLabel("Kemajuan (%)")).toHaveValue("150");
      await expect(second.getByLabel("Satu kalimat kemajuan")).toHaveValue("Rapat koordinasi dengan Bappeda selesai.");
      await expect(third.getByLabel("Tidak ada perubahan")).toBeChecked();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await first.getByLabel("Kemajuan (%)").fill("100");
      await first.getByLabel("Status").selectOption({ label: "Selesai" });
      await page.getByRole("button", { name: "Kirim laporan bulanan" }).click();
      await expect(page).toHaveURL(new RegExp(`/campuses/${slug}$`));
      await expect(page.getByTestId("toast")).toContainText("3 laporan kemajuan terkirim.");
    });
  });
}
