import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

const PASSWORD = "kolaborasi2025";

async function openOwnTeam(page: import("@playwright/test").Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill("liaison.itb@demo.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/campuses\/itb$/);
  await page.goto("/campuses/itb/teams");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tim Bersama");
  await expect(page.getByTestId("team-list").getByRole("listitem").first()).toContainText("SK Gubernur Banten (demo)");
  await page.getByTestId("team-list").getByRole("link", { name: /ITB/ }).first().click();
  await expect(page).toHaveURL(/\/teams\/[^/]+$/);
}

test("a campus liaison adds a government member to their joint team, sees it in the roster, then removes it", async ({ page }) => {
  await openOwnTeam(page);
  await expect(page.getByTestId("roster-CAMPUS").getByTestId("role-badge").first()).toHaveText("Ketua");

  const addSection = page.getByRole("region", { name: "Tambah anggota" });
  await addSection.getByLabel("Nama anggota").fill("Dr. Rina Kesehatan");
  await addSection.getByLabel("Unsur").selectOption({ label: "Unsur pemerintah daerah" });
  await addSection.getByLabel("Perangkat daerah").selectOption({ label: "Dinas Kesehatan (Dinkes)" });
  await addSection.getByLabel("Kedudukan dalam tim").selectOption({ label: "Anggota" });
  await addSection.getByLabel("Jabatan").fill("Kepala Seksi Promosi Kesehatan");
  await addSection.getByLabel("Email").fill("rina@dinkes.banten.test");
  await addSection.getByLabel("Telepon").fill("+62 254 200 100");
  await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();

  await expect(page.getByTestId("toast")).toContainText("Dr. Rina Kesehatan ditambahkan ke tim.");
  const government = page.getByTestId("roster-GOVERNMENT");
  const card = government.getByTestId("team-member").filter({ hasText: "Dr. Rina Kesehatan" });
  await expect(card).toContainText("Dinas Kesehatan");
  await expect(card).toContainText("Kepala Seksi Promosi Kesehatan");
  await expect(card.getByTestId("role-badge")).toHaveText("Anggota");
  await expect(card.getByRole("link", { name: "rina@dinkes.banten.test" })).toBeVisible();
  // usable on a phone: nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // removal asks for a second, explicit confirmation
  await card.locator("summary", { hasText: "Hapus" }).click();
  await expect(card.getByText("Hapus Dr. Rina Kesehatan dari tim?")).toBeVisible();
  await card.getByRole("button", { name: "Ya, hapus anggota" }).click();
  await expect(page.getByTestId("toast")).toContainText("Dr. Rina Kesehatan dihapus dari tim.");
  await expect(page.getByTestId("team-member").filter({ hasText: "Dr. Rina Kesehatan" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("errors appear next to their fields, typed values stay, and a second Ketua is refused", async ({ page }) => {
    await openOwnTeam(page);
    const addSection = page.getByRole("region", { name: "Tambah anggota" });
    await addSection.getByLabel("Nama anggota").fill("Ir. Joko Kedua");
    await addSection.getByLabel("Unsur").selectOption({ label: "Unsur pemerintah daerah" });
    await addSection.getByLabel("Kedudukan dalam tim").selectOption({ label: "Anggota" });
    await addSection.getByLabel("Jabatan").fill("Analis");
    await addSection.getByLabel("Email").fill("bukan-email");
    await addSection.getByLabel("Telepon").fill("0812-abc");
    await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();

    await expect(addSection.getByText("Masukkan alamat email yang benar.")).toBeVisible();
    await expect(addSection.getByText("Nomor telepon hanya boleh berisi angka, tanda + dan spasi.")).toBeVisible();
    await expect(addSection.getByText("Pilih perangkat daerah anggota dari unsur pemerintah.")).toBeVisible();
    await expect(addSection.getByLabel("Nama anggota")).toHaveValue("Ir. Joko Kedua");
    await expect(addSection.getByLabel("Jabatan")).toHaveValue("Analis");
    await expect(addSection.getByLabel("Unsur")).toHaveValue("GOVERNMENT");
    await expect(addSection.getByLabel("Email")).toHaveValue("bukan-email");

    // the demo team already has a Ketua
    await addSection.getByLabel("Perangkat daerah").selectOption({ label: "Badan Perencanaan Pembangunan Daerah (Bappeda)" });
    await addSection.getByLabel("Kedudukan dalam tim").selectOption({ label: "Ketua" });
    await addSection.getByLabel("Email").fill("joko@banten.test");
    await addSection.getByLabel("Telepon").fill("+62 254 1");
    await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();
    await expect(addSection.getByText("Tim ini sudah memiliki Ketua.", { exact: false })).toBeVisible();
    await expect(addSection.getByLabel("Kedudukan dalam tim")).toHaveValue("KETUA");
    await expect(page.getByTestId("team-member").filter({ hasText: "Ir. Joko Kedua" })).toHaveCount(0);

    await addSection.getByLabel("Kedudukan dalam tim").selectOption({ label: "Sekretaris" });
    await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();
    await expect(page.getByTestId("toast")).toContainText("Ir. Joko Kedua ditambahkan ke tim.");
    const card = page.getByTestId("roster-GOVERNMENT").getByTestId("team-member").filter({ hasText: "Ir. Joko Kedua" });
    await expect(card.getByTestId("role-badge")).toHaveText("Sekretaris");

    await card.locator("summary", { hasText: "Hapus" }).click();
    await card.getByRole("button", { name: "Ya, hapus anggota" }).click();
    await expect(page.getByTestId("toast")).toContainText("Ir. Joko Kedua dihapus dari tim.");
    await expect(page.getByTestId("team-member").filter({ hasText: "Ir. Joko Kedua" })).toHaveCount(0);
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a liaison edits a member of their team: the fields belong to the member's own form and the change is saved", async ({ page }) => {
      await openOwnTeam(page);
      const name = javaScriptEnabled ? "Ir. Edit Dengan JS" : "Ir. Edit Tanpa JS";
      const addSection = page.getByRole("region", { name: "Tambah anggota" });
      await addSection.getByLabel("Nama anggota").fill(name);
      await addSection.getByLabel("Jabatan").fill("Peneliti");
      await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();
      await expect(page.getByTestId("toast")).toContainText(`${name} ditambahkan ke tim.`);

      const card = page.getByTestId("team-member").filter({ hasText: name });
      await card.locator("summary", { hasText: "Ubah" }).click();
      await card.getByLabel("Jabatan").fill("Peneliti Utama");
      await card.getByRole("button", { name: "Simpan anggota" }).click();
      await expect(page.getByTestId("toast")).toContainText(`Data ${name} disimpan.`);
      const saved = page.getByTestId("team-member").filter({ hasText: name });
      await expect(saved).toContainText("Peneliti Utama");
      // no id appears twice on the page (a form sharing its id with the card took its fields away)
      const duplicates = await page.evaluate(() => {
        const seen = new Map<string, number>();
        for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      expect(duplicates).toEqual([]);

      await saved.locator("summary", { hasText: "Hapus" }).click();
      await saved.getByRole("button", { name: "Ya, hapus anggota" }).click();
      await expect(page.getByTestId("toast")).toContainText(`${name} dihapus dari tim.`);
    });
  });
}

/** Opens the liaison's own team on `page`, and the same team as the administrator in a second browser. */
async function alsoAsAdministrator(browser: Browser, page: Page) {
  await openOwnTeam(page);
  const admin = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID" });
  const other = await admin.newPage();
  await signIn(other, "admin@demo.test");
  await other.goto(page.url());
  return { admin, other };
}

test("two people edit a team's mandate: the second save shows what the first changed, keeps the typing, and can overwrite on purpose", async ({ browser, page }) => {
  // the campus's liaison (this page) and an administrator (a second browser) open the same team
  const { admin, other } = await alsoAsAdministrator(browser, page);

  const editMandate = async (p: typeof page, text: string) => {
    await p.locator("summary", { hasText: "Ubah data tim" }).click();
    await p.getByLabel("Tugas (mandat)").fill(text);
  };
  await editMandate(page, "Mandat versi penghubung kampus: pelatihan vokasi nelayan.");
  await editMandate(other, "Mandat versi Biro Adpim: pemantauan triwulanan.");

  await other.getByRole("button", { name: "Simpan perubahan tim" }).click();
  await expect(other.getByTestId("toast")).toContainText("Data tim disimpan.");
  await expect(other.getByTestId("team-mandate")).toHaveText("Mandat versi Biro Adpim: pemantauan triwulanan.");

  await page.getByRole("button", { name: "Simpan perubahan tim" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("heading", { name: "Data tim ini telah diubah orang lain" })).toBeVisible();
  await expect(conflict).toContainText("Admin Biro Adpim");
  await expect(conflict).toContainText("Mandat versi Biro Adpim: pemantauan triwulanan.");
  // nothing of this save was written, and what was typed is still there
  await expect(page.getByTestId("team-mandate")).toHaveText("Mandat versi Biro Adpim: pemantauan triwulanan.");
  await expect(page.getByLabel("Tugas (mandat)")).toHaveValue("Mandat versi penghubung kampus: pelatihan vokasi nelayan.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await conflict.getByRole("button", { name: "Simpan isian saya (menimpa)" }).click();
  await expect(page.getByTestId("toast")).toContainText("Data tim disimpan.");
  await expect(page.getByTestId("team-mandate")).toHaveText("Mandat versi penghubung kampus: pelatihan vokasi nelayan.");
  await expect(page.getByTestId("conflict")).toHaveCount(0);
  await admin.close();
});

test("a save by someone else while a liaison types does not replace the typing when another form of the page is sent", async ({ browser, page }) => {
  const { admin, other } = await alsoAsAdministrator(browser, page);

  // the liaison starts typing the mandate
  await page.locator("summary", { hasText: "Ubah data tim" }).click();
  await page.getByLabel("Tugas (mandat)").fill("Mandat yang sedang diketik penghubung.");
  // meanwhile the administrator saves the team
  await other.locator("summary", { hasText: "Ubah data tim" }).click();
  await other.getByLabel("Tugas (mandat)").fill("Mandat yang disimpan administrator.");
  await other.getByRole("button", { name: "Simpan perubahan tim" }).click();
  await expect(other.getByTestId("toast")).toContainText("Data tim disimpan.");
  await admin.close();

  // the liaison adds a member with the other form of the page: the page reloads its data
  const addSection = page.getByRole("region", { name: "Tambah anggota" });
  await addSection.getByLabel("Nama anggota").fill("Sdr. Anggota Sela");
  await addSection.getByLabel("Unsur").selectOption({ label: "Unsur perguruan tinggi" });
  await addSection.getByLabel("Kedudukan dalam tim").selectOption({ label: "Anggota" });
  await addSection.getByRole("button", { name: "Tambahkan anggota" }).click();
  await expect(page.getByTestId("toast")).toContainText("Sdr. Anggota Sela ditambahkan ke tim.");
  await expect(page.getByTestId("team-mandate")).toHaveText("Mandat yang disimpan administrator.");

  // the typing is still there, and saving it meets the other save instead of silently overwriting it
  await expect(page.getByLabel("Tugas (mandat)")).toHaveValue("Mandat yang sedang diketik penghubung.");
  await page.getByRole("button", { name: "Simpan perubahan tim" }).click();
  await expect(page.getByTestId("conflict")).toContainText("Mandat yang disimpan administrator.");
  await expect(page.getByLabel("Tugas (mandat)")).toHaveValue("Mandat yang sedang diketik penghubung.");
});
