import { expect, test } from "@playwright/test";

test("the app starts on a fresh database: /login in Indonesian, /healthz answers", async ({ page, request }) => {
  const health = await request.get("/healthz");
  expect(health.ok()).toBe(true);
  expect(await health.json()).toMatchObject({ status: "ok", database: true });

  await page.goto("/login");
  await expect(page).toHaveTitle(/Masuk/);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
  await expect(page.getByLabel("Kata sandi")).toBeVisible();
  await expect(page.getByTestId("demo-marker")).toBeVisible();
});

test("an unknown page shows the 404 page inside the layout", async ({ page }) => {
  const response = await page.goto("/tidak-ada");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("tidak ditemukan");
});

test("the interface switches to English and back", async ({ page }) => {
  await page.goto("/login");
  // the switch is named as it reads (WCAG 2.5.3): the other language's own name
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Bahasa Indonesia", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
});
