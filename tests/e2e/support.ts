import { expect, type Page } from "@playwright/test";

/** The password of every demo account (prisma/seed.ts). */
export const DEMO_PASSWORD = "kolaborasi2025";

/** Signs in through the login form and waits until the app has let the user in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Waits until the page's scripts have hydrated it (app/root.tsx marks <html>). A page opened by a
 * document load (after a page sent without scripts, such as the campus workspace) is plain HTML
 * until then: a form submitted earlier goes to the server, which never sends passwords back.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
