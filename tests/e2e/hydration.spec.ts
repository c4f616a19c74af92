import { expect, test } from "@playwright/test";
import { hydrated, signIn } from "./support";

// A slow phone: the liaison types into the check-in while the page is still hydrating. React used to
// hydrate synchronously on the first keystroke, find Remix still decoding the page's data, and give
// up (React error 345): the page then never hydrated. Now the page hydrates, keeps what was typed,
// and validates in the browser as any hydrated page.

test("a form typed into while a slow phone hydrates the page: it hydrates and keeps the input", async ({ page }) => {
  await signIn(page, "liaison.unwim@demo.test");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/campuses/unwim");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });

  await page.getByTestId("check-in-link").getByRole("link", { name: "Isi laporan bulanan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laporan bulanan");
  const rows = page.getByTestId("check-in-row");
  await rows.nth(0).getByLabel("Kemajuan (%)").fill("150");
  await rows.nth(1).getByLabel("Satu kalimat kemajuan").fill("Rapat koordinasi dengan Bappeda selesai.");

  await hydrated(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(errors).toEqual([]);
  await expect(rows.nth(0).getByLabel("Kemajuan (%)")).toHaveValue("150");
  await expect(rows.nth(1).getByLabel("Satu kalimat kemajuan")).toHaveValue("Rapat koordinasi dengan Bappeda selesai.");

  await page.getByRole("button", { name: "Kirim laporan bulanan" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(rows.nth(0).getByText("Kemajuan harus antara 0 dan 100.")).toBeVisible();
  await expect(page).toHaveURL(/\/campuses\/unwim\/check-in$/);
});
