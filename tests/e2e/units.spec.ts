import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a unit's focal point lands on its unit's page and sees the obstacles it owns first, past due first", async ({ page }) => {
  await signIn(page, "unit.bappeda@demo.test");
  await expect(page).toHaveURL(/\/units\/bappeda$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Badan Perencanaan Pembangunan Daerah");
  // the first section of the page is the unit's own work
  await expect(page.locator("main h2").first()).toHaveText("Kendala yang menjadi tanggung jawab Bappeda");
  const obstacles = page.getByTestId("unit-obstacle");
  expect(await obstacles.count()).toBeGreaterThan(0);
  const flags = await obstacles.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-past-due") === "true"));
  // every past-due obstacle comes before every other one, and says so in words
  expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  if (flags[0]) await expect(obstacles.first()).toContainText("lewat target");
  // each leads to its item's obstacles
  const href = await obstacles.first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/items\/[^/]+#obstacles$/);
  // the unit's items and its members follow; contacts are not the unit's to read
  await expect(page.getByRole("heading", { name: "Program dengan Bappeda sebagai mitra" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Anggota Bappeda di tim bersama" })).toBeVisible();
  // a 360 px phone: the page does not overflow (wide tables scroll inside themselves)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // the navigation leads to every unit
  await page.goto("/");
  await expect(page).toHaveURL(/\/units\/bappeda$/);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  await nav.getByRole("link", { name: "Perangkat Daerah" }).click();
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByTestId("unit-list").getByRole("link", { name: "Badan Perencanaan Pembangunan Daerah" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("the roadmap filters by counterpart unit at 360 px", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.goto("/roadmap");
  const total = async () => Number((await page.getByTestId("roadmap-summary").textContent())!.match(/^(\d+)/)![1]);
  const all = await total();
  const before = await page.getByTestId("roadmap-summary").textContent();
  const form = page.getByRole("form", { name: "Saring linimasa" });
  await form.getByLabel("Perangkat daerah mitra").selectOption({ label: "Bappeda" });
  await form.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]unit=bappeda(&|$)/);
  await expect(page.getByRole("form", { name: "Saring linimasa" }).getByLabel("Perangkat daerah mitra")).toHaveValue("bappeda");
  // the URL changes before the filtered page has replaced the first one
  await expect(page.getByTestId("roadmap-summary")).not.toHaveText(before!);
  const filtered = await total();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
