import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

async function openBpjs(page: import("@playwright/test").Page) {
  await page.goto("/indicators");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indikator Daerah (RPJMD)");
  await page.getByRole("link", { name: "Cakupan kepesertaan BPJS Ketenagakerjaan" }).click();
  await expect(page).toHaveURL(/\/indicators\/[^/]+$/);
}

test("an anonymous visitor on a phone sees the agreement, the 12 campuses and the BPJS indicator", async ({ page }) => {
  const response = await page.goto("/publik");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("public, max-age=300, stale-while-revalidate=600");
  await expect(page).toHaveURL(/\/publik$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transparansi Kolaborasi Banten");
  await expect(page.getByText("Andra Soni, Gubernur Banten")).toBeVisible();
  await expect(page.getByTestId("public-campus")).toHaveCount(12);
  await expect(page.getByTestId("public-campus").filter({ hasText: "Institut Teknologi Bandung" })).toBeVisible();
  await expect(page.getByTestId("public-campus").filter({ hasText: "Sekolah Tinggi Ilmu Sosial dan Ilmu Politik Banten Raya" })).toBeVisible();
  const bpjs = page.getByTestId("public-indicator").filter({ hasText: "Cakupan kepesertaan BPJS Ketenagakerjaan" });
  await expect(bpjs).toContainText("46,03 %");
  await expect(bpjs).toContainText("65 % (2030)");
  await expect(bpjs.getByTestId("indicator-chart")).toBeVisible();
  // nothing personal: no demo account, no e-mail address anywhere in the page
  expect(await page.content()).not.toMatch(/@demo\.test|[\w.+-]+@[\w-]+\.(test|id|com)\b/);
  // no navigation for members, a way in for them, and nothing wider than the phone
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Masuk (pengguna terdaftar)" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a reviewer records a new actual value and sees the chart and the verdict change", async ({ page }) => {
  await signInToDashboard(page, "reviewer@demo.test");
  await openBpjs(page);
  const chart = page.locator("main").getByTestId("indicator-chart");
  await expect(chart.locator('[data-series="actual"][data-year="2025"]')).toHaveCount(1);
  await expect(chart.locator('[data-series="actual"][data-year="2026"]')).toHaveCount(0);
  await expect(page.getByTestId("verdict-sentence")).toContainText("Belum dapat dinilai");

  const form = page.getByRole("region", { name: "Catat nilai aktual" });
  await expect(form.getByLabel("Tahun data")).toHaveValue("2026");
  await form.getByLabel("Nilai (%)").fill("48,5");
  await form.getByLabel("Pembilang (opsional)").fill("2.880.000");
  await form.getByLabel("Sumber data").fill("BPJS Ketenagakerjaan Kanwil Banten (uji e2e)");
  await form.getByRole("button", { name: "Simpan nilai" }).click();
  // the denominator is missing: said next to it, nothing typed is lost
  await expect(form.getByText("Isi pembilang dan penyebut bersama-sama, atau kosongkan keduanya.")).toBeVisible();
  await expect(form.getByLabel("Nilai (%)")).toHaveValue("48,5");
  await expect(form.getByLabel("Pembilang (opsional)")).toHaveValue("2.880.000");
  await form.getByLabel("Penyebut (opsional)").fill("5.938.000");
  // leaving the field revalidates it and removes the message (before the click, so nothing moves under it)
  await form.getByLabel("Penyebut (opsional)").blur();
  await expect(form.getByText("Isi pembilang dan penyebut bersama-sama", { exact: false })).toHaveCount(0);
  await form.getByRole("button", { name: "Simpan nilai" }).click();

  await expect(page.getByTestId("toast")).toContainText("Nilai aktual dicatat.");
  await expect(chart.locator('[data-series="actual"][data-year="2026"]')).toHaveCount(1);
  await expect(chart.locator('[data-series="actual"][data-year="2026"] title')).toHaveText("Aktual 2026: 48,5");
  await expect(chart.locator('[data-series="trend"]')).toHaveCount(1);
  // +2.47 a year: 48.5 % in 2026, short of 50 %
  await expect(page.getByTestId("verdict-sentence")).toContainText("Tidak sesuai arah menuju target");
  await expect(page.getByTestId("actual-values")).toContainText("BPJS Ketenagakerjaan Kanwil Banten (uji e2e)");
  await expect(page.getByTestId("actual-values")).toContainText("2.880.000 / 5.938.000");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an administrator's invalid value is refused next to its field, then saved", async ({ page }) => {
    await signInToDashboard(page, "admin@demo.test");
    await openBpjs(page);
    const form = page.getByRole("region", { name: "Catat nilai aktual" });
    await form.getByLabel("Tanggal pengamatan").fill("2026-03-31");
    await form.getByLabel("Nilai (%)").fill("empat puluh tujuh");
    await form.getByLabel("Sumber data").fill("Laporan triwulan I (uji tanpa JavaScript)");
    await form.getByRole("button", { name: "Simpan nilai" }).click();
    await expect(form.getByText("Masukkan angka.")).toBeVisible();
    await expect(form.getByLabel("Sumber data")).toHaveValue("Laporan triwulan I (uji tanpa JavaScript)");
    await expect(form.getByLabel("Tanggal pengamatan")).toHaveValue("2026-03-31");

    await form.getByLabel("Nilai (%)").fill("47,2");
    await form.getByRole("button", { name: "Simpan nilai" }).click();
    await expect(page.getByTestId("toast")).toContainText("Nilai aktual dicatat.");
    await expect(page.getByTestId("actual-values")).toContainText("Laporan triwulan I (uji tanpa JavaScript)");
  });
});

async function signInToDashboard(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
}
