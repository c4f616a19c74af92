import { expect, test } from "@playwright/test";
import { quarterOf, todayInBanten } from "../../app/domain/dates";
import { shiftQuarter } from "../../app/domain/quarter";
import { signIn } from "./support";

// the demo data is seeded relative to today: its history reaches back into the last quarters
const LAST_ENDED = shiftQuarter(quarterOf(todayInBanten()), -1);
const BEFORE_THAT = shiftQuarter(LAST_ENDED, -1);

test("the governor's office closes the last ended quarter and sees it as it was", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  await page.goto("/quarters");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Triwulan Ditutup");
  // (other specs share this database and may have closed an older quarter already)
  const select = page.getByLabel("Triwulan yang ditutup");
  // only ended quarters are offered, the last one first; never the current quarter
  await expect(select).toHaveValue(LAST_ENDED);
  await expect(select.locator(`option[value="${quarterOf(todayInBanten())}"]`)).toHaveCount(0);
  await page.locator("summary", { hasText: "Tutup triwulan" }).click();
  await page.getByRole("button", { name: "Ya, tutup triwulan" }).click();

  await expect(page).toHaveURL(new RegExp(`/quarters/${LAST_ENDED}$`));
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText(`Triwulan ${LAST_ENDED} ditutup:`);
  const frozen = Number((await toast.textContent())!.match(/(\d+) program dibekukan/)![1]);
  expect(frozen).toBeGreaterThan(0);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Triwulan ${LAST_ENDED}`);
  await expect(page.getByText(/dibekukan pada .* oleh Peninjau Biro Adpim/)).toBeVisible();
  const kpis = page.getByTestId("kpis");
  await expect(kpis.getByText("Program", { exact: true }).locator("..")).toContainText(String(frozen));

  // per campus, collapsed; opening one shows each item's frozen status, progress, report and change
  const campus = page.locator("details").first();
  await expect(campus.getByTestId("snapshot").first()).toBeHidden();
  await campus.locator("summary").click();
  const snapshot = campus.getByTestId("snapshot").first();
  await expect(snapshot).toBeVisible();
  await expect(snapshot.getByRole("progressbar")).toBeVisible();
  await expect(snapshot.getByTestId("change-summary")).toContainText("Pertama tercatat");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // the list records who closed it and how many items were frozen; it cannot be closed again
  await page.goto("/quarters");
  const entry = page.getByTestId("quarter-list").getByRole("listitem").filter({ hasText: LAST_ENDED });
  await expect(entry).toContainText("Peninjau Biro Adpim");
  await expect(entry.getByTestId("frozen-count")).toHaveText(String(frozen));
  await expect(page.getByLabel("Triwulan yang ditutup").locator(`option[value="${LAST_ENDED}"]`)).toHaveCount(0);

  // an observer reads the closed quarter too, but is not offered the close form
  await page.context().clearCookies();
  await signIn(page, "observer@demo.test");
  await page.goto("/quarters");
  await expect(page.getByRole("heading", { name: "Tutup triwulan" })).toHaveCount(0);
  await page.getByRole("link", { name: `Triwulan ${LAST_ENDED}` }).click();
  await expect(page.getByTestId("kpis")).toContainText(String(frozen));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("closing an earlier quarter is a plain form post; campuses open and the two quarters compare", async ({ page }) => {
    await signIn(page, "reviewer@demo.test");
    await page.goto("/quarters");
    await page.getByLabel("Triwulan yang ditutup").selectOption(BEFORE_THAT);
    await page.locator("summary", { hasText: "Tutup triwulan" }).click();
  await page.getByRole("button", { name: "Ya, tutup triwulan" }).click();
    await expect(page).toHaveURL(new RegExp(`/quarters/${BEFORE_THAT}$`));
    await expect(page.getByTestId("toast")).toContainText(`Triwulan ${BEFORE_THAT} ditutup`);

    const campus = page.locator("details").first();
    await campus.locator("summary").click();
    await expect(campus.getByTestId("snapshot").first()).toBeVisible();

    await page.goto(`/quarters/compare?a=${BEFORE_THAT}&b=${LAST_ENDED}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Perbandingan triwulan");
    const table = page.getByTestId("compare-table");
    await expect(table.getByRole("columnheader", { name: BEFORE_THAT })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: LAST_ENDED })).toBeVisible();
    await expect(page.getByTestId("compare-itb").getByRole("rowheader")).toHaveText("ITB");
    await expect(page.getByTestId("compare-total")).toContainText("Seluruh kampus");
  });
});
