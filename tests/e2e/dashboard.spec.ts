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

async function signInAsReviewer(page: Page) {
  await signIn(page, "reviewer@demo.test");
  await expect(page).toHaveURL(/\/dashboard$/);
}
