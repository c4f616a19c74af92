import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

// Issue #16: an administrator adds a government unit, renames it, and gives it a focal point (PIC
// Perangkat Daerah) who can sign in. At 360 px, as every spec.

test("an administrator adds a unit, renames it, and creates its focal point, who signs in", async ({ page }) => {
  // a code and a name of its own per run: the unit is never deleted, so a second run must not clash
  const suffix = String(Date.now()).slice(-6);
  const abbreviation = `DKP ${suffix}`;
  const code = `dkp-${suffix}`;
  const renamed = `Dinas Kelautan dan Perikanan Provinsi Banten ${suffix}`;

  await signIn(page, "admin@demo.test", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Kelola Perangkat Daerah" }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  await expect(page.getByRole("heading", { level: 1, name: "Perangkat Daerah" })).toBeVisible();
  await expect(page.getByTestId("unit-bappeda")).toContainText("Badan Perencanaan Pembangunan Daerah");

  // a code already taken is refused next to the field it comes from, keeping what was typed
  await page.getByLabel("Nama", { exact: true }).fill("Badan Perencanaan Kedua");
  await page.getByLabel("Singkatan").fill("Bappeda");
  await page.getByRole("button", { name: "Tambah", exact: true }).click();
  await expect(page.getByText("Kode bappeda sudah dipakai perangkat daerah lain; ubah singkatan atau nama.").first()).toBeVisible();
  await expect(page.getByLabel("Nama", { exact: true })).toHaveValue("Badan Perencanaan Kedua");

  await page.getByLabel("Nama", { exact: true }).fill("Dinas Kelautan dan Perikanan");
  await page.getByLabel("Singkatan").fill(abbreviation);
  await page.getByLabel("Jenis").selectOption("DINAS");
  await page.getByLabel("Organisasi induk").fill("Pemerintah Provinsi Banten");
  await page.getByRole("button", { name: "Tambah", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/units\/[a-z0-9]+$/);
  await expect(page.getByTestId("toast")).toContainText("Perangkat daerah Dinas Kelautan dan Perikanan ditambahkan.");
  await expect(page.getByTestId("unit-code")).toHaveText(code);

  // rename: the code (its address) stays
  await page.getByLabel("Nama", { exact: true }).fill(renamed);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByTestId("toast")).toContainText("Perubahan perangkat daerah disimpan.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(page.getByTestId("unit-code")).toHaveText(code);
  await expect(page.getByLabel("Nama", { exact: true })).toHaveValue(renamed);

  // no one-click retirement: the button alone is refused by the browser (required box) and the server
  await expect(page.getByRole("checkbox", { name: /Ya, saya ingin memensiunkan/ })).not.toBeChecked();

  // its focal point
  await page.getByRole("link", { name: "Pengguna", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const email = `pic.${code}@demo.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Nama", { exact: true }).fill("PIC Kelautan");
  await page.getByLabel("Peran").selectOption("UNIT");
  await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
  // without a unit: refused next to the units, what was typed stays
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page.getByText("PIC Perangkat Daerah harus melayani setidaknya satu perangkat daerah.").first()).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByRole("checkbox", { name: renamed }).check();
  await page.getByLabel("Kata sandi awal").fill("sandi-awal-2025");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[a-z0-9]+$/);
  await expect(page.getByTestId("toast")).toContainText(`Pengguna ${email} dibuat.`);
  await expect(page.getByTestId("user-units")).toHaveText(abbreviation);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, email, "sandi-awal-2025");
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  // a focal point administers nothing
  await expect(page.getByRole("link", { name: "Kelola Perangkat Daerah" })).toHaveCount(0);
  expect((await page.goto("/admin/units"))?.status()).toBe(403);
});

test("the unit list and its forms fit a 360 px screen", async ({ page }) => {
  await signIn(page, "admin@demo.test", DEMO_PASSWORD);
  await page.goto("/admin/units");
  await expect(page.getByTestId("unit-table")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("retiring asks for the confirmation and reinstating brings the unit back", async ({ page }) => {
    await signIn(page, "admin@demo.test", DEMO_PASSWORD);
    await page.goto("/admin/units");
    const suffix = String(Date.now()).slice(-6);
    await page.getByLabel("Nama", { exact: true }).fill(`Biro Uji ${suffix}`);
    await page.getByLabel("Jenis").selectOption("BIRO");
    await page.getByRole("button", { name: "Tambah", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/units\/[a-z0-9]+$/);
    await expect(page.getByTestId("unit-status")).toHaveText("Aktif");

    await page.getByRole("checkbox", { name: /Ya, saya ingin memensiunkan/ }).check();
    await page.getByRole("button", { name: "Pensiunkan" }).click();
    await expect(page.getByTestId("toast")).toContainText(`Perangkat daerah Biro Uji ${suffix} dipensiunkan.`);
    await expect(page.getByTestId("unit-status")).toContainText("Dipensiunkan");

    await page.getByRole("button", { name: "Aktifkan kembali" }).click();
    await expect(page.getByTestId("toast")).toContainText(`Perangkat daerah Biro Uji ${suffix} diaktifkan kembali.`);
    await expect(page.getByTestId("unit-status")).toHaveText("Aktif");
  });
});
