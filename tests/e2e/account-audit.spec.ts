import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./support";

const PASSWORD = "kolaborasi2025";

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

test("a reviewer filters the audit trail by sign-ins and finds their own", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Jejak Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jejak Audit");

  // the filters are folded away on a phone until asked for
  await expect(page.getByLabel("Tindakan")).toBeHidden();
  await page.getByText("Saringan").click();
  await page.getByLabel("Tindakan").selectOption("login");
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page).toHaveURL(/[?&]action=login/);
  await expect(page.getByText("Saringan (1 aktif)")).toBeVisible();
  await expect(page.getByLabel("Tindakan")).toHaveValue("login");

  const rows = page.getByTestId("audit-event");
  await expect(rows.first()).toBeVisible();
  // only sign-ins are listed, and the newest is the reviewer's own
  for (const action of await rows.locator("[data-action]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action")))) {
    expect(action).toBe("login");
  }
  await expect(rows.first()).toContainText("Peninjau Biro Adpim");
  await expect(rows.first()).toContainText("Masuk");
  // a phone shows each event as a card that fits the screen
  const box = await rows.first().boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
});

test("a liaison changes their password and signs in with the new one", async ({ page }) => {
  const email = "liaison.iknus@demo.test";
  const newPassword = "sandi-baru-iknus-2025";
  await signIn(page, email);
  await expect(page).toHaveURL(/\/campuses\/iknus$/);
  await page.getByRole("link", { name: "Akun Saya" }).click();
  await expect(page).toHaveURL(/\/account$/);
  // (the campus workspace has no scripts: /account was a document load, validated in the browser once hydrated)
  await hydrated(page);
  await expect(page.getByTestId("account-profile")).toContainText("Penghubung Kampus");
  await expect(page.getByTestId("account-profile")).toContainText("Institut Kemandirian Nusantara");

  const current = page.getByLabel("Kata sandi saat ini");
  const fresh = page.getByLabel("Kata sandi baru", { exact: true });
  const confirm = page.getByLabel("Ulangi kata sandi baru");
  await current.fill(PASSWORD);
  await fresh.fill(newPassword);
  await confirm.fill(`${newPassword}-beda`);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  // the error sits next to the confirmation and is tied to it
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  const errorId = (await confirm.getAttribute("aria-describedby"))!.split(" ").pop()!;
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Kedua kata sandi tidak sama.");
  await expect(page).toHaveURL(/\/account$/);

  await confirm.fill(newPassword);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByTestId("toast")).toContainText("Kata sandi diubah");
  // the typed passwords are gone from the form
  await expect(page.getByLabel("Kata sandi saat ini")).toHaveValue("");

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Email atau kata sandi salah, atau akun tidak aktif.")).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/campuses\/iknus$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a wrong current password is refused by the server next to its field", async ({ page }) => {
    await signIn(page, "liaison.iti@demo.test");
    await page.goto("/account");
    await page.getByLabel("Kata sandi saat ini").fill("bukan-sandi-saya");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-iti-2025");
    await page.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-iti-2025");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    const current = page.getByLabel("Kata sandi saat ini");
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(current).toHaveValue("");
    await expect(page.getByText("Kata sandi saat ini salah.")).toBeVisible();
  });
});
