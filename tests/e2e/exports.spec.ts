import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { parseCsv } from "../support/csv";

test("a reviewer downloads the Excel workbook of one campus from the dashboard", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.goto("/dashboard?campus=itb");
  // the dashboard's export link once it is placed there; until then the same link, added to the page
  const placed = page.getByTestId("export-links").getByRole("link", { name: /Excel/ });
  if ((await placed.count()) === 0) {
    await page.evaluate(() => {
      const a = document.createElement("a");
      a.href = "/exports/tracker.xlsx?campus=itb";
      a.textContent = "Excel (.xlsx)";
      a.setAttribute("download", "");
      document.querySelector("main")?.prepend(a);
    });
  }
  const link = (await placed.count()) > 0 ? placed : page.getByRole("link", { name: "Excel (.xlsx)" });
  await expect(link).toHaveAttribute("href", "/exports/tracker.xlsx?campus=itb");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^kolaborasi-banten-tracker-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Program", "Laporan Kemajuan", "Tonggak Evaluasi", "Kendala", "Perjanjian"]);
  const items = book.getWorksheet("Program")!;
  expect(items.getRow(1).getCell(1).value).toBe("Kampus");
  expect(items.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(items.actualRowCount).toBeGreaterThan(1);
  for (let r = 2; r <= items.actualRowCount; r++) expect(items.getRow(r).getCell(1).value).toBe("Institut Teknologi Bandung");
  expect(items.getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Date); // planned start
  expect(items.getRow(2).getCell(12).type).toBe(ExcelJS.ValueType.Number); // progress
});

test("the CSV downloads follow the session: filters, a liaison's campus, sign-in required", async ({ page }) => {
  const anonymous = await page.request.get("/exports/items.csv", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers()["location"]).toContain("/login?redirectTo=");

  await signIn(page, "reviewer@demo.test");
  const all = await page.request.get("/exports/updates.csv?status=ON_TRACK");
  expect(all.status()).toBe(200);
  expect(all.headers()["content-disposition"]).toMatch(/^attachment; filename="kolaborasi-banten-updates-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(all.headers()["cache-control"]).toBe("private, no-store");
  const body = await all.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(body.subarray(3).toString("utf8"));
  expect(header!.slice(0, 4)).toEqual(["Program", "Kampus", "Tanggal laporan", "Kemajuan (%)"]);
  expect(rows.length).toBeGreaterThan(0);

  await page.context().clearCookies();
  await signIn(page, "liaison.itb@demo.test");
  const own = parseCsv((await (await page.request.get("/exports/items.csv")).body()).subarray(3).toString("utf8"));
  expect(own.length).toBeGreaterThan(1);
  expect(new Set(own.slice(1).map((r) => r[0]))).toEqual(new Set(["Institut Teknologi Bandung"]));
  expect((await page.request.get("/exports/items.csv?campus=umt")).status()).toBe(403);
});
