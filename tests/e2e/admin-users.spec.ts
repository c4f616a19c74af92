import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

test("an administrator creates a liaison and hands over a one-time reset link", async ({ page }) => {
  await signIn(page, "admin@demo.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Pengguna" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pengguna" })).toBeVisible();

  // a taken email is refused next to the field; everything typed but the password stays
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Nama", { exact: true }).fill("Rina Penghubung");
  await page.getByLabel("Peran").selectOption("LIAISON");
  await page.getByRole("checkbox", { name: /Universitas Muhammadiyah Tangerang/ }).check();
  await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page.getByText("Email ini sudah dipakai akun lain.")).toBeVisible();
  await expect(page.getByLabel("Nama", { exact: true })).toHaveValue("Rina Penghubung");
  await expect(page.getByRole("checkbox", { name: /Universitas Muhammadiyah Tangerang/ })).toBeChecked();

  await page.getByLabel("Email").fill("rina.umt@demo.test");
  await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[a-z0-9]+$/);
  await expect(page.getByTestId("toast")).toContainText("Pengguna rina.umt@demo.test dibuat.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rina Penghubung");

  await page.getByRole("button", { name: "Buat tautan atur ulang kata sandi" }).click();
  const linkField = page.getByTestId("reset-link");
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset\/[A-Za-z0-9_-]{43}$/);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // the new user sets a password through the link, once
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Atur ulang kata sandi" })).toBeVisible();
  await expect(page.getByText("rina.umt@demo.test")).toBeVisible();
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-rina-2025");
  await page.getByLabel("Ulangi kata sandi baru").fill("sandi-rina-2025");
  await page.getByRole("button", { name: "Atur kata sandi" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("toast")).toContainText("Kata sandi telah diatur.");

  await signIn(page, "rina.umt@demo.test", "sandi-rina-2025");
  await expect(page).toHaveURL(/\/campuses\/umt$/);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const second = await page.goto(link);
  expect(second?.status()).toBe(410);
  await expect(page.getByTestId("reset-invalid")).toHaveText(
    "Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau salah. Minta tautan baru kepada administrator.",
  );
  await expect(page.getByLabel("Kata sandi baru", { exact: true })).toHaveCount(0);
});

test("the user list and forms fit a 360 px screen", async ({ page }) => {
  await signIn(page, "admin@demo.test", DEMO_PASSWORD);
  await page.goto("/admin/users");
  await expect(page.getByTestId("user-list").getByRole("listitem").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("creating a user, deactivating them and issuing a link all work as plain forms", async ({ page }) => {
    await signIn(page, "admin@demo.test", DEMO_PASSWORD);
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill("tanpa.js@demo.test");
    await page.getByLabel("Nama", { exact: true }).fill("Tanpa JS");
    await page.getByLabel("Peran").selectOption("LIAISON");
    await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    // server-side validation: a liaison needs a campus
    await expect(page.getByText("Penghubung kampus harus terikat pada setidaknya satu kampus.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("tanpa.js@demo.test");
    await expect(page.getByLabel("Kata sandi awal")).toHaveValue("");

    await page.getByRole("checkbox", { name: /Institut Teknologi Bandung/ }).check();
    await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    await expect(page.getByTestId("toast")).toContainText("Pengguna tanpa.js@demo.test dibuat.");

    await page.getByRole("button", { name: "Nonaktifkan" }).click();
    await expect(page.getByTestId("toast")).toContainText("Pengguna dinonaktifkan");
    await expect(page.getByTestId("user-status")).toHaveText("Nonaktif");
    await page.getByRole("button", { name: "Aktifkan" }).click();
    await expect(page.getByTestId("user-status")).toHaveText("Aktif");

    await page.getByRole("button", { name: "Buat tautan atur ulang kata sandi" }).click();
    await expect(page.getByTestId("reset-link")).toHaveValue(/\/reset\/[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: "tests/.tmp/admin-user-360.png", fullPage: true });

    // the link works as a plain form too (its page keeps the token out of other sites' Referer,
    // yet its post still carries the Origin the server checks)
    const link = await page.getByTestId("reset-link").inputValue();
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(link);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-tanpa-js-2025");
    await page.getByLabel("Ulangi kata sandi baru").fill("sandi-tanpa-js-2025");
    await page.getByRole("button", { name: "Atur kata sandi" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("toast")).toContainText("Kata sandi telah diatur.");
  });
});
