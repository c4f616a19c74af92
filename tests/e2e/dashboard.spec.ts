import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const bodyRows = (page: Page) => page.getByTestId("campus-table").locator("tbody tr");

test("the governor's office sorts the 12 campuses, reads the heat map and filters by campus", async ({ page }) => {
  await signInAsReviewer(page);
  // the 12 signatories fit on one page: no page links
  await expect(bodyRows(page)).toHaveCount(12);
  await expect(page.getByRole("navigation", { name: "Halaman kampus" })).toHaveCount(0);

  // sort by number of items, most first
  const itemsHeader = page.getByTestId("campus-table").getByRole("columnheader", { name: /Program/ });
  await itemsHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=items&dir=asc/);
  await itemsHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=items&dir=desc/);
  await expect(itemsHeader).toHaveAttribute("aria-sort", "descending");
  const counts = await bodyRows(page).locator("td:nth-of-type(1)").allInnerTexts();
  const numbers = counts.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  expect(numbers[0]).toBeGreaterThan(0);

  // the heat map is a table: a row per campus, columns named after the development priorities
  const heat = page.getByRole("table", { name: "Hari sejak laporan terakhir (kampus × prioritas)" });
  await expect(heat.locator("tbody tr")).toHaveCount(12);
  await expect(heat.getByRole("columnheader", { name: "Kesehatan" })).toHaveCount(1);

  // filter by one campus: the headline counts only its items, the others show none
  const filters = page.getByRole("form", { name: "Saring" });
  await filters.getByLabel("Kampus").selectOption({ label: "UMT" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/campus=umt/);
  const umt = bodyRows(page).filter({ has: page.getByRole("rowheader", { name: "UMT" }) });
  const itb = bodyRows(page).filter({ has: page.getByRole("rowheader", { name: "ITB" }) });
  await expect(itb.locator("td").first()).toHaveText("0");
  expect(Number(await umt.locator("td").first().innerText())).toBeGreaterThan(0);
});

test("the first screen says who is behind and why; the unit view and the obstacles waiting on units", async ({ page }) => {
  await signInAsReviewer(page);
  // each campus needing attention with its reasons in words, its most pressing obstacle by its text
  const need = page.getByTestId("campus-need-row");
  await expect(need.first()).toContainText("tonggak lewat jatuh tempo");
  await expect(page.getByTestId("campus-need")).toContainText("kendala: Akses data sektoral dari perangkat daerah belum dibuka.");

  // per government unit, its open obstacles and how many are past due, linked to the unit's page
  const units = page.getByTestId("unit-obstacles");
  await expect(units.getByRole("heading", { name: "Kendala pemerintah lewat target per perangkat daerah" })).toBeVisible();
  await expect(units.getByRole("link", { name: "Bappeda" })).toHaveAttribute("href", "/units/bappeda");

  // the unit view: only the items whose counterpart is Bappeda
  const all = Number((await page.getByTestId("kpis").locator("dd").first().innerText()).replace(/\D/g, ""));
  const filters = page.getByRole("form", { name: "Saring" });
  await filters.getByLabel("Perangkat daerah mitra").selectOption({ label: "Bappeda" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/unit=bappeda/);
  const shown = async () => Number((await page.getByTestId("kpis").locator("dd").first().innerText()).replace(/\D/g, ""));
  await expect.poll(shown).toBeLessThan(all);
  expect(await shown()).toBeGreaterThan(0);
  // usable at 360 px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

async function signInAsReviewer(page: Page) {
  await signIn(page, "reviewer@demo.test");
  await expect(page).toHaveURL(/\/dashboard$/);
}
