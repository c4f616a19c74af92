import { expect, test, type Browser, type Page } from "@playwright/test";

// Run with: flock /tmp/banten-e2e.lock env E2E_PORT=3224 npx playwright test tests/e2e/milestones.spec.ts

const PASSWORD = "kolaborasi2025";
const TITLE = `Tonggak uji relevansi ${Date.now().toString(36)}`;

const evidencePdf = {
  name: "notulen-evaluasi.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
};

async function signedIn(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** The liaison defines a fresh milestone on the first item of their campus and opens it. */
async function defineMilestone(page: Page, title: string): Promise<string> {
  await page.goto("/campuses/itb");
  await page.getByRole("region", { name: "Program Peta Jalan" }).getByRole("listitem").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
  const itemPath = new URL(page.url()).pathname;
  await page.goto(`${itemPath}/milestones/new`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tonggak evaluasi baru");
  await page.getByLabel("Nama tonggak").fill(title);
  await page.getByLabel("Jatuh tempo").fill("2026-12-15");
  await page.getByLabel("Kriteria keberhasilan").fill("Notulen rapat evaluasi bersama Bappeda ditandatangani.");
  await page.getByRole("button", { name: "Simpan tonggak" }).click();
  await expect(page.getByTestId("toast")).toContainText("Tonggak evaluasi ditambahkan.");
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("milestone-state")).toHaveText("Menunggu");
  return new URL(page.url()).pathname;
}

/** The reviewer finds the milestone in the queue and opens it to evaluate. */
async function openFromQueue(page: Page, title: string) {
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antrean Tinjauan");
  const row = page.getByTestId("queue-submitted").getByTestId("queue-row").filter({ hasText: title });
  await expect(row).toContainText("Institut Teknologi Bandung");
  await expect(row.getByTestId("days-waiting")).toHaveText("0 hari menunggu");
  await fitsThePhone(page);
  await row.getByRole("link", { name: "Evaluasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("milestone-state")).toHaveText("Diajukan");
}

test("a liaison submits, the reviewer returns it with feedback, the liaison resubmits, the reviewer accepts it as met", async ({ browser }) => {
  const liaison = await signedIn(browser, "liaison.itb@demo.test");
  const milestonePath = await defineMilestone(liaison, TITLE);

  // the liaison submits with a self-assessment and an evidence file
  const submit = liaison.getByRole("region", { name: "Ajukan untuk evaluasi" });
  await submit.getByLabel("Penilaian mandiri").fill("Rapat evaluasi terlaksana; notulen ditandatangani kedua pihak.");
  await submit.getByLabel("Catatan pengajuan (opsional)").fill("Notulen terlampir.");
  await submit.getByLabel("Berkas bukti").setInputFiles(evidencePdf);
  await submit.getByRole("button", { name: "Ajukan tonggak" }).click();
  await expect(liaison.getByTestId("toast")).toContainText("Tonggak diajukan untuk evaluasi.");
  await expect(liaison.getByTestId("milestone-state")).toHaveText("Diajukan");
  await expect(liaison.getByTestId("milestone-evidence").getByRole("link", { name: /notulen-evaluasi\.pdf/ })).toBeVisible();
  await fitsThePhone(liaison);

  // the reviewer returns it with feedback
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await openFromQueue(reviewer, TITLE);
  await expect(reviewer.getByTestId("milestone-submission")).toContainText("notulen ditandatangani kedua pihak");
  const evaluate = reviewer.getByRole("region", { name: "Evaluasi tonggak" });
  await evaluate.getByLabel("Dikembalikan untuk perbaikan").check();
  await evaluate.getByLabel("Umpan balik", { exact: true }).fill("Lampirkan daftar hadir rapat evaluasi.");
  await evaluate.getByRole("button", { name: "Simpan evaluasi" }).click();
  await expect(reviewer.getByTestId("toast")).toContainText("Evaluasi disimpan.");
  await expect(reviewer.getByTestId("milestone-state")).toHaveText("Dikembalikan untuk perbaikan");
  await reviewer.goto("/review");
  await expect(reviewer.getByTestId("queue-returned").getByTestId("queue-row").filter({ hasText: TITLE })).toBeVisible();

  // the liaison sees the decision and the feedback, on the page and in the notifications
  await liaison.goto(milestonePath);
  await expect(liaison.getByTestId("milestone-state")).toHaveText("Dikembalikan untuk perbaikan");
  await expect(liaison.getByTestId("milestone-feedback")).toHaveText("Lampirkan daftar hadir rapat evaluasi.");
  await liaison.goto("/notifications");
  const note = liaison.getByTestId("notification").filter({ hasText: TITLE }).first();
  await expect(note).toContainText("telah dievaluasi: Dikembalikan untuk perbaikan");
  await expect(note).toHaveAttribute("data-unread", "true");
  await fitsThePhone(liaison);
  await liaison.getByRole("button", { name: "Tandai semua sudah dibaca" }).click();
  await expect(liaison.getByTestId("toast")).toContainText("Semua pemberitahuan ditandai sudah dibaca.");
  await expect(liaison.getByTestId("unread-count")).toHaveText("0 belum dibaca");
  await note.getByRole("link", { name: "Buka" }).click();
  await expect(liaison).toHaveURL(new RegExp(`${milestonePath}$`));

  // the liaison resubmits
  const resubmit = liaison.getByRole("region", { name: "Ajukan ulang setelah perbaikan" });
  await resubmit.getByLabel("Penilaian mandiri").fill("Daftar hadir rapat evaluasi kini dilampirkan.");
  await resubmit.getByLabel("Tautan bukti (satu per baris)").fill("https://example.org/daftar-hadir");
  await resubmit.getByRole("button", { name: "Ajukan ulang" }).click();
  await expect(liaison.getByTestId("toast")).toContainText("Tonggak diajukan untuk evaluasi.");
  await expect(liaison.getByTestId("milestone-state")).toHaveText("Diajukan");

  // the reviewer sees the earlier feedback and accepts it as met, with scores
  await openFromQueue(reviewer, TITLE);
  await expect(reviewer.getByTestId("previous-feedback")).toContainText("Lampirkan daftar hadir rapat evaluasi.");
  const again = reviewer.getByRole("region", { name: "Evaluasi tonggak" });
  await again.getByLabel("Tercapai", { exact: true }).check();
  await again.getByLabel("Skor relevansi (1–5)").selectOption("5");
  await again.getByLabel("Skor keberlanjutan (1–5)").selectOption("4");
  await again.getByLabel("Umpan balik", { exact: true }).fill("Relevan dan berkelanjutan.");
  await again.getByRole("button", { name: "Simpan evaluasi" }).click();
  await expect(reviewer.getByTestId("toast")).toContainText("Evaluasi disimpan.");
  await expect(reviewer.getByTestId("milestone-state")).toHaveText("Tercapai");
  await expect(reviewer.getByTestId("milestone-evaluation").getByTestId("milestone-scores")).toHaveText("Relevansi 5/5 · Keberlanjutan 4/5");
  const rounds = reviewer.getByTestId("milestone-rounds").getByRole("listitem");
  await expect(rounds).toHaveCount(4);
  await expect(rounds.nth(0)).toContainText("Tercapai");
  await expect(rounds.nth(2)).toContainText("Lampirkan daftar hadir rapat evaluasi.");
  await reviewer.goto("/review");
  await expect(reviewer.getByTestId("queue-row").filter({ hasText: TITLE })).toHaveCount(0);

  // the liaison is told
  await liaison.goto("/notifications");
  await expect(liaison.getByTestId("notification").first()).toContainText(`"${TITLE}"`);
  await expect(liaison.getByTestId("notification").first()).toContainText("telah dievaluasi: Tercapai");
});

test("without JavaScript a refused submission keeps the typed text and asks to choose the files again", async ({ browser }) => {
  const liaison = await signedIn(browser, "liaison.itb@demo.test", false);
  await defineMilestone(liaison, `${TITLE} tanpa JS`);
  const submit = liaison.getByRole("region", { name: "Ajukan untuk evaluasi" });
  await submit.getByLabel("Penilaian mandiri").fill("Penilaian yang diketik tanpa JavaScript.");
  await submit.getByLabel("Tautan bukti (satu per baris)").fill("bukan tautan");
  await submit.getByLabel("Berkas bukti").setInputFiles(evidencePdf);
  await submit.getByRole("button", { name: "Ajukan tonggak" }).click();
  await expect(submit.getByText("Setiap baris harus berupa tautan http(s) yang benar.")).toBeVisible();
  await expect(submit.getByText("Pilih berkasnya lagi.", { exact: false })).toBeVisible();
  await expect(submit.getByLabel("Penilaian mandiri")).toHaveValue("Penilaian yang diketik tanpa JavaScript.");
  await expect(submit.getByLabel("Tautan bukti (satu per baris)")).toHaveValue("bukan tautan");
  await expect(liaison.getByTestId("milestone-state")).toHaveText("Menunggu");
});
