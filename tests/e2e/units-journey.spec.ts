// Issue #16's journey at 360 px: the governor's office hands a campus's obstacle to Bappeda; Bappeda's
// focal point finds it on the unit's page, posts the unit's note and resolves the obstacle; the
// campus's liaison sees the resolution and the note on the item.
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { signIn } from "./support";

type Target = { itemId: string; obstacleId: string; description: string; unitId: string; campusSlug: string };

/** A published item whose counterpart is Bappeda, with an open obstacle (the campus's, if there is one). */
function findTarget(): Target {
  const file = path.resolve(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3210}/e2e.db`);
  const db = new Database(file, { readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    const row = db
      .prepare(
        `SELECT i."id" AS itemId, o."id" AS obstacleId, o."description" AS description, u."id" AS unitId, c."slug" AS campusSlug
         FROM "Obstacle" o JOIN "RoadmapItem" i ON i."id" = o."itemId" JOIN "GovernmentUnit" u ON u."id" = i."governmentUnitId"
         JOIN "Campus" c ON c."id" = i."campusId"
         WHERE u."code" = 'bappeda' AND i."visibility" = 'PUBLISHED' AND o."status" = 'OPEN'
           AND EXISTS (SELECT 1 FROM "UserCampus" uc JOIN "User" l ON l."id" = uc."userId" WHERE uc."campusId" = c."id" AND l."email" = 'liaison.' || c."slug" || '@demo.test')
         ORDER BY (o."ownerSide" = 'CAMPUS') DESC, o."createdAt" ASC LIMIT 1`,
      )
      .get() as Target | undefined;
    if (!row) throw new Error("the demo data has no open obstacle on a published item of Bappeda");
    return row;
  } finally {
    db.close();
  }
}

test("an obstacle handed to Bappeda is found, noted and resolved by its focal point, and the campus sees it", async ({ page }) => {
  const target = findTarget();
  const obstacle = page.locator(`#obstacle-${target.obstacleId}`);

  // the governor's office hands the obstacle to Bappeda, with an owner and a due date
  await signIn(page, "reviewer@demo.test");
  await page.goto(`/items/${target.itemId}`);
  await obstacle.getByText("Serahkan kendala").click();
  await obstacle.getByLabel("Perangkat daerah", { exact: true }).check();
  await obstacle.getByLabel("Perangkat Daerah", { exact: true }).selectOption(target.unitId);
  await obstacle.getByLabel("Nama penanggung jawab").fill("Kabid Data dan Informasi");
  await obstacle.getByLabel("Target selesai").fill("2026-12-31");
  await obstacle.getByRole("button", { name: "Simpan penanggung jawab" }).click();
  await expect(page.getByText("Penanggung jawab kendala disimpan.")).toBeVisible();
  await expect(obstacle.getByTestId("obstacle-owner").getByRole("link", { name: /Bappeda/ })).toBeVisible();
  await expect(obstacle.getByTestId("obstacle-owner")).toContainText("Kabid Data dan Informasi");

  // Bappeda's focal point finds it first on the unit's page
  await page.context().clearCookies();
  await signIn(page, "unit.bappeda@demo.test");
  await page.goto("/units/bappeda");
  // (the demo's obstacle texts repeat across items: the one on this item)
  await page.getByTestId("unit-obstacles").locator(`a[href^="/items/${target.itemId}"]`).filter({ hasText: target.description }).first().click();
  await expect(page).toHaveURL(new RegExp(`/items/${target.itemId}`));

  // posts the unit's note: in the item's history, marked as Bappeda's
  await page.getByLabel(/^Catatan \(apa yang sudah diberikan/).fill("Data kependudukan per kecamatan sudah kami kirim ke tim kampus.");
  await page.getByRole("button", { name: "Kirim catatan" }).click();
  await expect(page.getByText("Catatan perangkat daerah terkirim.")).toBeVisible();
  const note = page.getByTestId("government-note").first();
  await expect(note).toContainText("Catatan Bappeda");
  await expect(note).toContainText("Data kependudukan per kecamatan");

  // and resolves the obstacle
  await obstacle.getByLabel("Cara penyelesaian").fill("Data sudah dikirim melalui surat resmi Bappeda.");
  await obstacle.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(page.getByText("Kendala ditandai selesai.")).toBeVisible();
  await expect(page.getByTestId("resolved-obstacles")).toContainText("Data sudah dikirim melalui surat resmi Bappeda.");

  // the campus's liaison is told, and sees the resolution and the note on the item
  await page.context().clearCookies();
  await signIn(page, `liaison.${target.campusSlug}@demo.test`);
  await page.goto("/notifications");
  await expect(page.getByText(/Bappeda menyelesaikan kendala/).first()).toBeVisible();
  await page.goto(`/items/${target.itemId}`);
  await expect(page.getByTestId("resolved-obstacles")).toContainText("Data sudah dikirim melalui surat resmi Bappeda.");
  await expect(page.getByTestId("government-note").first()).toContainText("Catatan Bappeda");
  // 360 px: nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
