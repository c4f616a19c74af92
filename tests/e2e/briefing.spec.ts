import { expect, test } from "@playwright/test";
import { quarterOf, todayInBanten } from "../../app/domain/dates";
import { shiftQuarter } from "../../app/domain/quarter";
import { signIn } from "./support";

const CURRENT = quarterOf(todayInBanten());
// the demo data is seeded relative to today: its history reaches back three quarters. The e2e
// specs share one database: this one closes a quarter that quarters.spec.ts leaves alone.
const CLOSED_HERE = shiftQuarter(CURRENT, -3);
// A4 at 96 dpi inside 14 mm margins: 182 mm × 269 mm
const PRINT_WIDTH = Math.floor((182 / 25.4) * 96);
const PRINT_HEIGHT = Math.floor((269 / 25.4) * 96);

test("a reviewer opens the current briefing, prints it on one or two A4 pages", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.goto("/reports/briefing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan untuk Gubernur Banten");
  await expect(page.getByTestId("briefing-quarter")).toHaveText(`Triwulan ${CURRENT}`);
  await expect(page.getByTestId("briefing-basis")).toContainText("Data terkini per");
  await expect(page.getByTestId("kpis")).toContainText("Program Peta Jalan");
  // the 12 campuses, each with a light, and the rule in the legend
  const rows = page.getByTestId("campus-lights").locator("tbody tr");
  await expect(rows).toHaveCount(12);
  for (const row of await rows.all()) await expect(row.locator("[data-light]")).toHaveCount(1);
  await expect(page.getByTestId("legend")).toContainText("Merah: ≥ 20 poin");
  // ordered by need: the red campuses first, and no more than a third of them red on the demo data
  const lights = await rows.locator("[data-light]").evaluateAll((dots) => dots.map((d) => d.getAttribute("data-light")));
  const reds = lights.filter((l) => l === "RED").length;
  expect(reds).toBeGreaterThan(0);
  expect(reds).toBeLessThanOrEqual(4);
  expect(lights.slice(0, reds).every((l) => l === "RED")).toBe(true);
  await expect(page.getByRole("heading", { name: "Kendala yang memerlukan tindakan Pemprov" })).toBeVisible();
  // the obstacles waiting on government units, by unit, each unit linked to its page
  await expect(page.getByRole("heading", { name: "Kendala yang menunggu perangkat daerah" })).toBeVisible();
  await expect(page.getByTestId("unit-obstacles").locator('a[href^="/units/"]').first()).toBeVisible();
  // the reference data has regional indicators, each with a verdict
  await expect(page.getByTestId("indicators").getByRole("listitem").first().locator("[data-verdict]")).toBeVisible();
  // usable at 360 px: only the campus table scrolls, inside its own box
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // with JavaScript, a print button (and no hint)
  const print = page.getByRole("button", { name: "Cetak" });
  await expect(print).toBeVisible();
  await expect(page.getByText("gunakan menu Cetak pada peramban")).toBeHidden();

  // printed: the app's header, navigation, filters and print button are gone; it fits the A4 width
  await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByLabel("Triwulan", { exact: true })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  expect(size.width).toBeLessThanOrEqual(PRINT_WIDTH);
  expect(size.height).toBeLessThanOrEqual(2 * PRINT_HEIGHT);

  // the real thing: an A4 PDF of one or two pages
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  await page.emulateMedia({ media: "screen" });
});

test("a closed quarter's briefing shows it as it was", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  // not closed yet: not found
  const missing = await page.goto(`/reports/briefing?quarter=${CLOSED_HERE}`);
  expect(missing?.status()).toBe(404);

  await page.goto("/quarters");
  await page.getByLabel("Triwulan yang ditutup").selectOption(CLOSED_HERE);
  await page.locator("summary", { hasText: "Tutup triwulan" }).click();
  await page.getByRole("button", { name: "Ya, tutup triwulan" }).click();
  await expect(page).toHaveURL(new RegExp(`/quarters/${CLOSED_HERE}$`));

  await page.goto("/reports/briefing");
  await page.getByLabel("Triwulan", { exact: true }).selectOption(CLOSED_HERE);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/briefing\\?quarter=${CLOSED_HERE}$`));
  await expect(page.getByTestId("briefing-quarter")).toHaveText(`Triwulan ${CLOSED_HERE}`);
  await expect(page.getByTestId("briefing-basis")).toContainText("dibekukan pada");
  await expect(page.getByTestId("briefing-basis")).toContainText("Peninjau Biro Adpim");
  await expect(page.getByTestId("campus-lights").locator("tbody tr")).toHaveCount(12);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an observer is told to use the browser's print menu", async ({ page }) => {
    await signIn(page, "observer@demo.test");
    await page.goto("/reports/briefing");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan untuk Gubernur Banten");
    await expect(page.getByText("Untuk mencetak, gunakan menu Cetak pada peramban (Ctrl+P).")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cetak" })).toHaveCount(0);
  });
});
