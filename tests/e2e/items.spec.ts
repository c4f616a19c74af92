import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";

const PASSWORD = "kolaborasi2025";

/** Expires every session in the e2e server's database (scripts/e2e-server.mjs). */
function endAllSessions() {
  const file = path.resolve(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3210}/e2e.db`);
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(`UPDATE "Session" SET "expiresAt" = ?`).run(Date.now() - 1000);
  } finally {
    db.close();
  }
}

/** A small but valid one-page PDF, written to a temporary file for the file chooser. */
function writePdf(): string {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "banten-e2e-")), "daftar-hadir-rapat.pdf");
  fs.writeFileSync(file, body);
  return file;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function signIn(page: Page, email = "liaison.itb@demo.test") {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
}

async function openFirstItem(page: Page) {
  await page.goto("/login");
  await signIn(page);
  await expect(page).toHaveURL(/\/campuses\/itb$/);
  await page.locator('a[href^="/items/"]:not([href^="/items/new"])').first().click();
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
}

const updateForm = (page: Page) => page.getByRole("region", { name: "Laporan kemajuan baru" });

test("a campus liaison creates an item, reports progress twice with an obstacle and evidence, and resolves the obstacle", async ({ page }) => {
  const pdf = writePdf();
  await page.goto("/login");
  await signIn(page);
  await expect(page).toHaveURL(/\/campuses\/itb$/);

  await page.getByRole("link", { name: "Tambah program" }).click();
  await expect(page).toHaveURL(/\/items\/new\?campus=itb$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Program Peta Jalan baru");
  await page.getByLabel("Judul program").fill("Pemetaan UMKM digital Kabupaten Pandeglang");
  await page.getByLabel("Deskripsi").fill("Survei dan pendampingan UMKM untuk masuk ke lokapasar.");
  await page.getByLabel("Prioritas pembangunan").selectOption({ index: 1 });
  await page.getByLabel("Bidang").selectOption({ label: "Pengabdian kepada masyarakat" });
  await page.getByLabel("Penanggung jawab kampus", { exact: true }).fill("Dr. Rudi Hartono");
  await page.getByLabel("Kontak penanggung jawab kampus").fill("rudi@itb.test");
  await page.getByLabel("Penanggung jawab Pemprov", { exact: true }).fill("Ir. Lina Marlina");
  await page.getByLabel("Rencana mulai").fill("2026-01-05");
  await page.getByLabel("Rencana selesai").fill("2027-06-30");
  await page.getByLabel("Status publikasi").selectOption("PUBLISHED");
  await page.getByRole("button", { name: "Simpan program" }).click();

  await expect(page.getByTestId("toast")).toHaveText("Program Peta Jalan dibuat.");
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
  const itemUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pemetaan UMKM digital Kabupaten Pandeglang");
  await expect(page.getByText("Belum ada laporan kemajuan.")).toBeVisible();

  // first update: raises an obstacle and attaches a PDF
  let form = updateForm(page);
  await form.getByLabel("Tanggal laporan").fill(daysAgo(7));
  await form.getByLabel("Kemajuan (%)").fill("20");
  await form.getByLabel("Status", { exact: true }).selectOption("AT_RISK");
  await form.getByLabel("Uraian kemajuan").fill("Pendataan 120 UMKM di dua kecamatan selesai.");
  await form.getByLabel("Berkas bukti").setInputFiles(pdf);
  await form.getByLabel("Uraian kendala").fill("Sinyal internet lemah di Kecamatan Sumur");
  await form.getByLabel("Penanggung jawab penyelesaian").fill("Diskominfo");
  await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");
  await expect(page.getByTestId("update-list").locator(":scope > li")).toHaveCount(1);
  const open = page.getByTestId("open-obstacles").getByRole("listitem");
  await expect(open).toHaveCount(1);
  await expect(open.first()).toContainText("Sinyal internet lemah di Kecamatan Sumur");

  // second update: the form starts empty again, and the obstacle carries forward
  form = updateForm(page);
  await expect(form.getByLabel("Uraian kemajuan")).toHaveValue("");
  await expect(form.getByLabel("Uraian kendala")).toHaveValue("");
  await form.getByLabel("Kemajuan (%)").fill("45");
  await form.getByLabel("Status", { exact: true }).selectOption("ON_TRACK");
  await form.getByLabel("Uraian kemajuan").fill("Pelatihan lokapasar untuk 60 UMKM.");
  await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");

  const updates = page.getByTestId("update-list").locator(":scope > li");
  await expect(updates).toHaveCount(2);
  await expect(updates.first()).toContainText("45%");
  await expect(updates.first()).toContainText("Pelatihan lokapasar untuk 60 UMKM.");
  await expect(updates.nth(1)).toContainText("20%");
  await expect(page.getByRole("img", { name: "Grafik kemajuan (%) menurut tanggal laporan" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Grafik kemajuan (%) menurut tanggal laporan" }).locator("circle")).toHaveCount(2);
  await expect(page.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", "45");
  await expect(open).toHaveCount(1);

  // the evidence link serves the uploaded PDF
  const evidence = updates.nth(1).getByRole("link", { name: /daftar-hadir-rapat\.pdf/ });
  await expect(evidence).toBeVisible();
  const href = await evidence.getAttribute("href");
  expect(href).toMatch(/^\/evidence\/[^/]+$/);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  // server.mjs adds the same header to every response, so it may appear twice
  expect(download.headers()["x-content-type-options"]).toMatch(/^nosniff(, nosniff)?$/);
  expect(download.headers()["content-disposition"]).toContain("daftar-hadir-rapat.pdf");
  expect((await download.body()).equals(fs.readFileSync(pdf))).toBe(true);

  // resolve the obstacle
  await open.first().getByLabel("Cara penyelesaian").fill("Diskominfo memasang titik Wi-Fi desa.");
  await open.first().getByRole("button", { name: "Tandai selesai" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Kendala ditandai selesai.");
  await expect(page.getByTestId("open-obstacles").getByRole("listitem")).toHaveCount(0);
  const obstacles = page.getByRole("region", { name: "Kendala", exact: true });
  await expect(obstacles.getByText("Tidak ada kendala terbuka.")).toBeVisible();
  await expect(obstacles.getByRole("listitem").filter({ hasText: "Sinyal internet lemah di Kecamatan Sumur" })).toContainText(
    "Diskominfo memasang titik Wi-Fi desa.",
  );

  // usable on a phone: nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(page.url()).toBe(itemUrl);
});

test("the item page comes without React: a report tapped twice is posted once, and a sharp change is pointed out as it is typed", async ({ page }) => {
  const scriptFiles: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scriptFiles.push(request.url());
  });
  await openFirstItem(page);
  expect(scriptFiles).toEqual([]);
  const itemPath = new URL(page.url()).pathname;

  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === itemPath) posts += 1;
  });
  let form = updateForm(page);
  const narrative = `Dua ketukan, satu laporan ${Date.now()}`;
  await form.getByLabel("Kemajuan (%)").fill("50");
  await form.getByLabel("Status", { exact: true }).selectOption("ON_TRACK");
  await form.getByLabel("Uraian kemajuan").fill(narrative);
  // two taps on "send", the second a moment later but before the next page has come (a locator
  // would wait for that page): the page's own script lets the first through, says the report is on
  // its way, and stops the second. (Two taps in one task would be one post anyway: the browser
  // keeps only the last submission it was asked for in a task.)
  const taps = await page.evaluate(async () => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Kirim laporan kemajuan")!;
    const outcomes: boolean[] = [];
    window.addEventListener("submit", (event) => outcomes.push(event.defaultPrevented));
    button.click();
    const label = button.textContent;
    const state = { busy: button.form?.getAttribute("aria-busy"), disabled: button.getAttribute("aria-disabled") };
    await new Promise((resolve) => setTimeout(resolve, 0));
    button.click();
    return { outcomes, label, ...state };
  });
  expect(taps).toEqual({ outcomes: [false, true], label: "Menyimpan…", busy: "true", disabled: "true" });
  await expect(page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");
  await expect(page.getByTestId("update-list").getByText(narrative)).toHaveCount(1);
  expect(posts).toBe(1);

  // the progress is now 50 %: a drop, and a jump of 30 points or more, are pointed out while typed (never refused)
  form = updateForm(page);
  const progress = form.getByLabel("Kemajuan (%)");
  const warning = form.getByTestId("progress-warning");
  await expect(warning).toBeEmpty();
  await progress.fill("40");
  await expect(warning).toHaveText("Kemajuan turun dari 50 % menjadi 40 %. Pastikan angkanya benar (tetap bisa dikirim).");
  await progress.fill("60");
  await expect(warning).toBeEmpty();
  // empty, it stays a live region in the accessibility tree but takes no room on the screen
  expect((await warning.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await progress.fill("85");
  await expect(warning).toHaveText("Kemajuan naik tajam dari 50 % menjadi 85 %. Pastikan angkanya benar (tetap bisa dikirim).");
  expect(scriptFiles).toEqual([]);
});

test("a comment the server refuses opens the page on its field, far below the page's top", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "reviewer@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/campuses/itb");
  await page.locator('main a[href^="/items/"]:not([href^="/items/new"])').first().click();
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
  const comment = page.getByLabel("Komentar", { exact: true });
  await comment.fill("   ");
  await page.getByRole("button", { name: "Kirim komentar" }).click();
  // the page again, from the server, with the error beside the field and the field focused
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(comment).toBeFocused();
  await expect(page.locator(`[id="${await comment.getAttribute("aria-describedby")}"]`)).toHaveText("Wajib diisi.");
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
});

test.describe("without JavaScript", () => {
  async function noScriptPage(browser: Browser) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "id-ID" });
    return { context, page: await context.newPage() };
  }

  test("the progress form posts and shows the toast; a validation error sits next to its field and keeps the narrative", async ({ browser, baseURL }) => {
    const { context, page } = await noScriptPage(browser);
    await page.goto(`${baseURL}/login`);
    await signIn(page);
    await expect(page).toHaveURL(/\/campuses\/itb$/);
    await page.locator('a[href^="/items/"]:not([href^="/items/new"])').first().click();
    await expect(page).toHaveURL(/\/items\/[^/]+$/);

    let form = updateForm(page);
    await form.getByLabel("Kemajuan (%)").fill("50");
    await form.getByLabel("Status", { exact: true }).selectOption("ON_TRACK");
    await form.getByLabel("Uraian kemajuan").fill("Laporan tanpa JavaScript: rapat koordinasi dengan Bappeda.");
    await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();
    await expect(page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");
    await expect(page.getByTestId("update-list").locator(":scope > li").first()).toContainText("rapat koordinasi dengan Bappeda");

    // "Selesai" needs 100 %: only the server knows this rule
    form = updateForm(page);
    await form.getByLabel("Kemajuan (%)").fill("80");
    await form.getByLabel("Status", { exact: true }).selectOption("COMPLETED");
    await form.getByLabel("Uraian kemajuan").fill("Narasi yang harus tetap ada setelah galat.");
    await form.getByLabel("Capaian").fill("Dokumen kajian final.");
    await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();

    form = updateForm(page);
    const progress = form.getByLabel("Kemajuan (%)");
    await expect(progress).toHaveAttribute("aria-invalid", "true");
    const errorId = await progress.getAttribute("aria-describedby");
    expect(errorId).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Status Selesai memerlukan kemajuan 100 %.");
    await expect(progress).toHaveValue("80");
    await expect(form.getByLabel("Uraian kemajuan")).toHaveValue("Narasi yang harus tetap ada setelah galat.");
    await expect(form.getByLabel("Capaian")).toHaveValue("Dokumen kajian final.");
    await expect(form.getByLabel("Status", { exact: true })).toHaveValue("COMPLETED");
    await expect(page.getByTestId("update-list").locator(":scope > li").first()).not.toContainText("Narasi yang harus tetap ada");
    await context.close();
  });
});

test("after the session ended, the typed progress report survives signing in again", async ({ page }) => {
  await openFirstItem(page);
  const itemPath = new URL(page.url()).pathname;
  const form = updateForm(page);
  await form.getByLabel("Kemajuan (%)").fill("55");
  await form.getByLabel("Uraian kemajuan").fill("Uraian panjang yang diketik sebelum sesi berakhir.");
  await form.getByLabel("Langkah berikutnya").fill("Finalisasi laporan triwulan.");

  // the session ends on the server (as when it expires) while the browser still holds its cookie
  endAllSessions();
  await form.getByRole("button", { name: "Kirim laporan kemajuan" }).click();

  await expect(page).toHaveURL(/\/login\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("expired")).toBe("1");
  expect(url.searchParams.get("redirectTo")).toBe(itemPath);
  await expect(page.getByRole("alert").filter({ hasText: "Sesi Anda telah berakhir" })).toBeVisible();

  await signIn(page);
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await expect(page.getByText("Isian Anda sebelum sesi berakhir telah dipulihkan. Periksa lalu kirim lagi.")).toBeVisible();
  const restored = updateForm(page);
  await expect(restored.getByLabel("Uraian kemajuan")).toHaveValue("Uraian panjang yang diketik sebelum sesi berakhir.");
  await expect(restored.getByLabel("Langkah berikutnya")).toHaveValue("Finalisasi laporan triwulan.");
  await expect(restored.getByLabel("Kemajuan (%)")).toHaveValue("55");

  // sending it now works, and the restored text is not offered again afterwards
  await restored.getByRole("button", { name: "Kirim laporan kemajuan" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Laporan kemajuan terkirim.");
  await expect(page.getByTestId("update-list").locator(":scope > li").first()).toContainText("Uraian panjang yang diketik sebelum sesi berakhir.");
  await page.reload();
  await expect(updateForm(page).getByLabel("Uraian kemajuan")).toHaveValue("");
});
