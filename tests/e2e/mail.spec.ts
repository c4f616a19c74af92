import { expect, test } from "@playwright/test";
import { startSmtp, type Inbox } from "../support/smtp";
import { DEMO_PASSWORD, signIn } from "./support";

// A liaison who never opens the app: the weekly digest (written by the scheduler when the server
// started, the week's run caught up) reaches a real SMTP server on loopback, its link is followed,
// the liaison signs in and lands on the item's update form.

let inbox: Inbox;

const DIGEST_RECIPIENT = "liaison.itb@demo.test";
const addressOf = (m: Inbox["messages"][number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

test.beforeAll(async () => {
  inbox = await startSmtp(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(() => inbox?.close());

test("a liaison's digest arrives by e-mail and its link leads, after signing in, to the item's update form", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // the server tried while nobody listened; an administrator sends the waiting messages again now
  const admin = await browser.newPage();
  await signIn(admin, "admin@demo.test");
  await admin.goto("/admin/outbox");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Kotak keluar e-mail");
  const retryAll = admin.getByRole("button", { name: "Kirim ulang semua yang gagal atau tertunda" });
  if (await retryAll.isVisible()) {
    await retryAll.click();
    await expect(admin.getByTestId("toast")).toContainText("dijadwalkan untuk dikirim ulang");
  }

  // a liaison's digest with a line to post an update (ITB's: no other journey changes that
  // account's password or preferences, so the demo password still signs it in)
  const digestWithUpdateLink = () =>
    inbox.messages.find(
      (m) =>
        m.subject?.startsWith("Ringkasan mingguan · ") &&
        addressOf(m) === DIGEST_RECIPIENT &&
        /\/items\/[^\s#]+#new-update/.test(m.text ?? ""),
    );
  await expect.poll(() => digestWithUpdateLink() !== undefined, { timeout: 150_000 }).toBe(true);
  const digest = digestWithUpdateLink()!;
  const to = DIGEST_RECIPIENT;
  expect(digest.html).toContain("#new-update");
  const link = /(https?:\/\/\S+\/items\/[^\s#]+#new-update)/.exec(digest.text ?? "")![1]!;
  expect(link.startsWith(`${baseURL}/items/`)).toBe(true);
  const itemPath = new URL(link).pathname;

  // the liaison, signed out, follows the link: sign in first, then straight to the item's update form
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email").fill(to);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(new RegExp(`${itemPath}(#new-update)?$`));
  await expect(page.getByRole("heading", { name: "Laporan kemajuan baru" })).toBeVisible();
  await context.close();

  // the outbox shows it sent
  await admin.goto("/admin/outbox?state=SENT");
  await expect(admin.getByTestId("outbox-row").filter({ hasText: to }).first()).toBeVisible();
});

test("on /account a liaison turns e-mail off, creates a calendar address that a calendar app can read, and revokes it", async ({ page }) => {
  await signIn(page, "liaison.umt@demo.test");
  await page.goto("/account");
  const prefs = page.getByTestId("mail-preferences");
  const immediate = prefs.getByLabel("Kirim e-mail untuk setiap pemberitahuan (komentar, keputusan tonggak, pengingat, jatuh tempo)");
  await expect(immediate).toBeChecked();
  await immediate.uncheck();
  await prefs.getByLabel("Ringkasan mingguan (Senin pagi)").selectOption("OFF");
  await prefs.getByRole("button", { name: "Simpan pengaturan e-mail" }).click();
  await expect(page.getByTestId("toast")).toContainText("Pengaturan e-mail disimpan.");
  await expect(immediate).not.toBeChecked();
  await expect(prefs.getByLabel("Ringkasan mingguan (Senin pagi)")).toHaveValue("OFF");

  await page.getByRole("button", { name: "Buat alamat kalender" }).click();
  const address = await page.getByLabel("Alamat kalender Anda").inputValue();
  expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  // read as a calendar application would: a plain GET, no session
  const feed = await fetch(address);
  expect(feed.status).toBe(200);
  expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");

  await page.reload();
  await expect(page.getByTestId("calendar-state")).toContainText("Alamat kalender aktif sejak");
  await page.getByRole("button", { name: "Cabut alamat kalender" }).click();
  await expect(page.getByTestId("toast")).toContainText("Alamat kalender dicabut.");
  expect((await fetch(address)).status).toBe(404);
});
