import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Spreadsheet import at 360 px: the template downloaded from the page, filled with one bad row,
// the preview naming the row's error, then the fixed file imported. With and without JavaScript.

async function filled(template: Buffer, rows: (string | Date | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Program")!;
  const area = String(sheet.getCell(2, 3).value);
  sheet.spliceRows(2, 1);
  rows.forEach((row, r) => {
    const cells = [row[0], "", area, row[1], "", "Dr. Siti Rahmawati", "Budi Santoso", new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 9, 30)), "", "", "", "Draf"];
    cells.forEach((v, c) => (sheet.getCell(r + 2, c + 1).value = v));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

for (const [javaScriptEnabled, slug] of [
  [true, "iti"],
  [false, "stisip-banten-raya"],
] as const) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test(`a liaison imports items from the template, fixing a bad row first (${slug})`, async ({ page }) => {
      await signIn(page, `liaison.${slug}@demo.test`);
      await page.goto(`/campuses/${slug}`);
      await page.getByRole("link", { name: "Impor dari spreadsheet" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impor program dari spreadsheet");
      const href = await page.getByRole("link", { name: "Templat impor (XLSX)" }).getAttribute("href");
      const template = Buffer.from(await (await page.request.get(href!)).body());

      const suffix = javaScriptEnabled ? "JS" : "tanpa JS";
      const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      const bad = await filled(template, [[`Impor pertama ${suffix}`, "Penelitian"], [`Impor kedua ${suffix}`, "Bidang yang salah"]]);
      await page.getByLabel("Berkas XLSX").setInputFiles({ name: "program.xlsx", mimeType: mime, buffer: bad });
      await page.getByRole("button", { name: "Tampilkan pratinjau" }).click();
      const preview = page.getByTestId("import-preview");
      await expect(preview.getByTestId("import-has-errors")).toContainText("1 baris berisi kesalahan");
      await expect(preview.getByTestId("import-row").nth(1)).toContainText("Bidang: Pilih salah satu pilihan yang tersedia.");
      await expect(preview.getByRole("button", { name: /Impor \d+ program/ })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const fixed = await filled(template, [[`Impor pertama ${suffix}`, "Penelitian"], [`Impor kedua ${suffix}`, "Pendidikan"]]);
      await page.getByLabel("Berkas XLSX").setInputFiles({ name: "program.xlsx", mimeType: mime, buffer: fixed });
      await page.getByRole("button", { name: "Tampilkan pratinjau" }).click();
      await expect(page.getByTestId("import-preview")).toContainText("Semua baris benar.");
      await page.getByRole("button", { name: "Impor 2 program" }).click();
      await expect(page).toHaveURL(new RegExp(`/campuses/${slug}$`));
      await expect(page.getByTestId("toast")).toContainText("2 program diimpor.");
      await expect(page.getByRole("link", { name: `Impor kedua ${suffix}` })).toBeVisible();
    });

    test(`a CSV in place of the XLSX is answered with a clear message (${slug})`, async ({ page }) => {
      await signIn(page, `liaison.${slug}@demo.test`);
      await page.goto(`/campuses/${slug}/import`);
      await page.getByLabel("Berkas XLSX").setInputFiles({ name: "program.csv", mimeType: "text/csv", buffer: Buffer.from("Judul program;Bidang\nA;B\n") });
      await page.getByRole("button", { name: "Tampilkan pratinjau" }).click();
      await expect(page.getByTestId("import-problem")).toContainText("Berkas ini bukan XLSX");
    });
  });
}
