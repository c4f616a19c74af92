import { expect, test } from "@playwright/test";

const PASSWORD = "kolaborasi2025";

test("a liaison signs in and lands on their campus workspace", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("liaison.umt@demo.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/campuses\/umt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Universitas Muhammadiyah Tangerang");
  // a liaison has no audit or user administration in the menu
  await expect(page.getByRole("link", { name: "Jejak Audit" })).toHaveCount(0);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("toast")).toContainText("Anda telah keluar");
});

test("a reviewer signs in and lands on the dashboard", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("reviewer@demo.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: "Jejak Audit" })).toBeVisible();
});

test("a failed sign-in says so plainly and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("reviewer@demo.test");
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Email atau kata sandi salah, atau akun tidak aktif.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("reviewer@demo.test");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visitor of a protected page is sent to sign in and brought back", async ({ page }) => {
  await page.goto("/campuses");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcampuses/);
  await page.getByLabel("Email").fill("observer@demo.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/campuses$/);
  await expect(page.getByTestId("campus-list").getByRole("listitem")).toHaveCount(12);
});

test("a browser that prefers English is greeted in English on a first visit", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
