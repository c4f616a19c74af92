import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The agreement chain on a phone: the governor's office registers a campus's PKS under the
// Kesepakatan Bersama with both numbers, an IA under it, and sees the chain as a tree; an IA
// valid past its PKS is refused with the reason beside the field. (A campus no other spec uses.)
const CAMPUS = "Sekolah Tinggi Ilmu Sosial dan Ilmu Politik Banten Raya";
const SLUG = "stisip-banten-raya";

test("a reviewer registers a PKS and an IA under it, sees the tree, and an IA past its PKS is refused beside the field", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Perjanjian" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registri Perjanjian");
  await page.getByRole("link", { name: "Daftarkan perjanjian" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daftarkan PKS atau IA");
  await page.getByLabel("Jenis perjanjian").selectOption("PKS");
  await page.getByLabel("Perjanjian induk").selectOption({ label: "MOU — Kesepakatan Bersama antara Pemerintah Provinsi Banten dengan 12 Perguruan Tinggi" });
  await page.getByLabel("Kampus", { exact: true }).selectOption({ label: CAMPUS });
  await page.getByLabel("Nomor Pemerintah Provinsi").fill("120/PKS/BIRO-ADPIM/2026");
  await page.getByLabel("Nomor kampus").fill("031/STISIP-BR/PKS/2026");
  await page.getByLabel("Judul").fill("PKS Penguatan Tata Kelola Desa");
  await page.getByLabel("Tanggal ditandatangani").fill("2026-02-10");
  await page.getByLabel("Tempat penandatanganan").fill("KP3B, Kota Serang");
  await page.getByLabel("Berlaku mulai").fill("2026-02-10");
  await page.getByLabel("Berlaku sampai").fill("2028-02-09");
  await page.getByLabel("Pengabdian kepada masyarakat").check();
  await page.getByRole("button", { name: "Daftarkan" }).click();

  await expect(page.getByTestId("toast")).toContainText("PKS Penguatan Tata Kelola Desa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("PKS Penguatan Tata Kelola Desa");
  await expect(page.getByTestId("province-number")).toHaveText("120/PKS/BIRO-ADPIM/2026");
  await expect(page.getByTestId("campus-number")).toHaveText("031/STISIP-BR/PKS/2026");

  // an IA under it, first valid past the PKS: refused, the reason beside "Berlaku sampai"
  await page.getByRole("link", { name: "Daftarkan PKS atau IA" }).click();
  await expect(page.getByLabel("Jenis perjanjian")).toHaveValue("IA");
  await page.getByLabel("Nomor Pemerintah Provinsi").fill("121/IA/BIRO-ADPIM/2026");
  await page.getByLabel("Nomor kampus").fill("032/STISIP-BR/IA/2026");
  await page.getByLabel("Judul").fill("IA Pelatihan Aparatur Desa");
  await page.getByLabel("Berlaku mulai").fill("2026-03-01");
  await page.getByLabel("Berlaku sampai").fill("2028-06-30");
  await page.getByRole("button", { name: "Daftarkan" }).click();
  const until = page.getByLabel("Berlaku sampai");
  await expect(until).toHaveAttribute("aria-invalid", "true");
  await expect(until).toHaveAccessibleDescription(/Berakhir setelah induknya: PKS 120\/PKS\/BIRO-ADPIM\/2026 \/ 031\/STISIP-BR\/PKS\/2026 — PKS Penguatan Tata Kelola Desa berlaku sampai 2028-02-09/);
  // what was typed is still there
  await expect(page.getByLabel("Judul")).toHaveValue("IA Pelatihan Aparatur Desa");

  await until.fill("2027-02-28");
  await page.getByRole("button", { name: "Daftarkan" }).click();
  await expect(page.getByTestId("toast")).toContainText("IA Pelatihan Aparatur Desa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IA Pelatihan Aparatur Desa");

  // the chain as a tree: Kesepakatan Bersama → the PKS → the IA
  await page.goto(`/agreements?campus=${SLUG}`);
  const tree = page.getByTestId("agreement-tree");
  const mou = tree.locator('[data-kind="MOU"]');
  const pks = mou.locator('[data-kind="PKS"]').filter({ hasText: "PKS Penguatan Tata Kelola Desa" });
  await expect(pks).toHaveCount(1);
  await expect(pks.locator('[data-kind="IA"]').filter({ hasText: "IA Pelatihan Aparatur Desa" })).toHaveCount(1);
  await expect(pks.first()).toContainText("120/PKS/BIRO-ADPIM/2026 / 031/STISIP-BR/PKS/2026");
  // usable on a phone: nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a liaison proposes a PKS with its signed PDF, the reviewer confirms it, an item is attached and shows the agreement", async ({ page }) => {
  const liaison = page;
  // UKRI: no other journey changes this account (the account journey changes IKNUS's password)
  await signIn(liaison, "liaison.ukri@demo.test");
  await liaison.goto("/agreements/new");
  await expect(liaison.getByRole("heading", { level: 1 })).toHaveText("Usulkan PKS atau IA untuk kampus Anda");
  await liaison.getByLabel("Jenis perjanjian").selectOption("PKS");
  await liaison.getByLabel("Perjanjian induk").selectOption({ label: "MOU — Kesepakatan Bersama antara Pemerintah Provinsi Banten dengan 12 Perguruan Tinggi" });
  await expect(liaison.getByLabel("Kampus", { exact: true })).toHaveValue(/.+/);
  await liaison.getByLabel("Nomor Pemerintah Provinsi").fill("130/PKS/BIRO-ADPIM/2026");
  await liaison.getByLabel("Nomor kampus").fill("044/UKRI/PKS/2026");
  await liaison.getByLabel("Judul").fill("PKS Kemandirian Pangan UKRI");
  await liaison.getByLabel("Berlaku mulai").fill("2025-11-26");
  await liaison.getByLabel("Berlaku sampai").fill("2030-11-25");
  await liaison.getByLabel("Salinan bertanda tangan (PDF)").setInputFiles({ name: "pks-ukri.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% PKS UKRI\n") });
  await liaison.getByRole("button", { name: "Kirim usulan" }).click();
  await expect(liaison.getByRole("heading", { level: 1 })).toHaveText("PKS Kemandirian Pangan UKRI");
  await expect(liaison.getByTestId("agreement-status")).toHaveText("Draf (menunggu konfirmasi)");
  await expect(liaison.getByTestId("agreement-documents")).toContainText("pks-ukri.pdf");
  const url = liaison.url();

  // the governor's office, in the same browser after the liaison's session is gone
  await page.context().clearCookies();
  const reviewer = page;
  await signIn(reviewer, "reviewer@demo.test");
  await reviewer.goto(url);
  await reviewer.getByRole("button", { name: "Konfirmasi perjanjian" }).click();
  await expect(reviewer.getByTestId("toast")).toContainText("Perjanjian dikonfirmasi.");
  await expect(reviewer.getByTestId("agreement-status")).toHaveText("Berlaku");

  // attach one of the campus's items: it fits the agreement's validity
  const select = reviewer.getByLabel("Program Peta Jalan", { exact: true });
  const title = (await select.locator("option").nth(1).textContent())!.trim();
  await select.selectOption({ index: 1 });
  await reviewer.getByRole("button", { name: "Kaitkan" }).click();
  await expect(reviewer.getByTestId("toast")).toContainText(title);
  await reviewer.getByTestId("agreement-items").getByRole("link", { name: title }).click();
  await expect(reviewer.getByTestId("item-agreement")).toContainText("PKS Kemandirian Pangan UKRI");
});
