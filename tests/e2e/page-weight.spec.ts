import { expect, test, type Page } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { signIn } from "./support";

// What a phone downloads (issue #17, decision 004): the stylesheet travels inside the document,
// and the pages sent without React (/publik, /login, the campus workspace, the dashboard, the item
// page, the briefing) load no script file: their one script is inline, a few hundred bytes (app/utils/plain-page.ts).

/** The scripts of a document: none loaded from a file, no module, no data stream; only the inline plain-page script. */
function expectPlainPage(html: string) {
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=|rel="modulepreload"|type="module"|__remixContext/);
  expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/^<script nonce="[^"]+">$/)]);
}

const SLATE_50 = "rgb(248, 250, 252)";

test("the stylesheet is inline in every document, and /publik and /login load no script file", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));

  const publik = await page.goto("/publik");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transparansi Kolaborasi Banten");
  const publikHtml = (await publik?.text()) ?? "";
  expect(publikHtml).toContain('<style id="app-css">');
  expectPlainPage(publikHtml);
  expect(requested.filter((p) => p.endsWith(".js"))).toEqual([]);
  // styled from the inline stylesheet, with no stylesheet fetched
  expect((await page.locator("style#app-css").textContent())?.length).toBeGreaterThan(1000);
  expect(requested.filter((p) => p.endsWith(".css"))).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(SLATE_50);

  // signing in: a plain form, no script file either
  const login = await page.goto("/login");
  const loginHtml = (await login?.text()) ?? "";
  expect(loginHtml).toContain('<style id="app-css">');
  expectPlainPage(loginHtml);
  expect(requested.filter((p) => p.endsWith(".js"))).toEqual([]);

  // a hydrated page after signing in: the same inline stylesheet, and its scripts
  await signIn(page, "reviewer@demo.test");
  const campuses = await page.goto("/campuses");
  const campusesHtml = (await campuses?.text()) ?? "";
  expect(campusesHtml).toContain('<style id="app-css">');
  expect(campusesHtml).not.toContain('rel="stylesheet"');
  expect(campusesHtml).toMatch(/<script\b[^>]*type="module"/);
  expect(requested.some((p) => p.startsWith("/build/") && p.endsWith(".js"))).toBe(true);
});

test("the campus workspace, the dashboard, the item page and the briefing load no script file, and their links and filters work as plain HTML", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/campuses/itb");
  const itemPath = await page.locator('main a[href^="/items/"]:not([href^="/items/new"])').first().getAttribute("href");
  for (const path of ["/campuses/itb", itemPath!, "/reports/briefing", "/dashboard"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const html = (await response?.text()) ?? "";
    expect(html).toContain('<style id="app-css">');
    // no module, no data stream, no page strings
    expectPlainPage(html);
  }
  expect(scripts).toEqual([]);

  // the dashboard's filters are a GET form the browser submits itself
  await page.getByRole("form", { name: "Saring" }).getByLabel("Kampus").selectOption("itb");
  const filtered = page.waitForURL(/\/dashboard\?/);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await filtered;
  expect(new URL(page.url()).searchParams.get("campus")).toBe("itb");
  // (every campus keeps its row; the others count none of the filtered items)
  const rows = page.getByTestId("campus-table").locator("tbody tr");
  expect(Number(await rows.filter({ has: page.getByRole("rowheader", { name: "ITB" }) }).locator("td").first().innerText())).toBeGreaterThan(0);
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "UMT" }) }).locator("td").first()).toHaveText("0");

  // a link on the campus workspace is a document load that brings the next page's scripts
  await page.goto("/campuses/itb");
  const documentLoad = page.waitForEvent("load");
  await page.locator('main a[href^="/teams/"]').first().click();
  await documentLoad;
  await expect(page).toHaveURL(/\/teams\//);
  await expect.poll(() => scripts.length).toBeGreaterThan(0);
});

test("after sign-in and client-side navigation the page keeps its styles", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  const fetchedCss: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "stylesheet") fetchedCss.push(request.url());
  });
  // a link inside the app: Remix navigates in the browser and re-renders the root layout
  await page.goto("/campuses");
  await page.getByRole("link", { name: /Institut Teknologi Bandung/ }).first().click();
  await expect(page).toHaveURL(/\/campuses\/itb$/);
  expect(await page.locator("style#app-css").count()).toBe(1);
  expect((await page.locator("style#app-css").textContent())?.length).toBeGreaterThan(1000);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(SLATE_50);
  expect(fetchedCss).toEqual([]);

  // the campus workspace has no script of its own, but reached from inside the app it opens at its
  // top like any page (the router's scroll handling stays on)
  await page.goto("/campuses");
  const last = page.getByTestId("campus-list").getByRole("link").last();
  await last.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await last.click();
  await expect(page).toHaveURL(/\/campuses\/[^/]+$/);
  await expect(page.locator("section[aria-labelledby=items]")).toBeVisible();
  expect(documents).toEqual([]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

// Form validation (Zod and the schemas, app/domain/schemas/forms.ts) is its own chunk, fetched when the
// user first works in a form (app/components/use-lazy-validation.ts): not in the first load.
const VALIDATION_CHUNK = /\/build\/_shared\/forms-[A-Z0-9]+\.js$/;

function watchScripts(page: Page) {
  const scripts: { path: string; body: Promise<string> }[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith("/build/") && path.endsWith(".js")) scripts.push({ path, body: response.text().catch(() => "") });
  });
  return {
    paths: () => scripts.map((s) => s.path),
    /** the scripts so far that carry Zod (its error class is named in its code) */
    withZod: async () => (await Promise.all(scripts.map(async (s) => ((await s.body).includes("ZodError") ? s.path : null)))).filter(Boolean),
  };
}

test("a form page loads without the validation code, which arrives with the first field used", async ({ page }) => {
  await signIn(page, "liaison.unma@demo.test");
  // a new item, as a liaison opens it from the campus workspace (a document load)
  const scripts = watchScripts(page);
  const response = await page.goto("/items/new?campus=unma");
  await page.waitForLoadState("networkidle");
  expect(scripts.paths().length).toBeGreaterThan(0);
  expect(scripts.paths().filter((p) => VALIDATION_CHUNK.test(p))).toEqual([]);
  expect(await scripts.withZod()).toEqual([]);
  expect(await response?.text()).not.toMatch(/_shared\/forms-/);

  // a field focused and left empty: the chunk comes, and the field says what is wrong, before any submission
  const title = page.getByLabel("Judul program");
  await expect(async () => {
    await title.focus();
    await title.blur();
    await expect(title).toHaveAttribute("aria-invalid", "true", { timeout: 1_000 });
  }).toPass();
  await expect(page.getByText("Wajib diisi.").first()).toBeVisible();
  expect(scripts.paths().filter((p) => VALIDATION_CHUNK.test(p))).toHaveLength(1);
  expect((await scripts.withZod()).length).toBeGreaterThan(0);
  // the constraints still reach the HTML without Zod
  await expect(title).toHaveAttribute("required", "");
  await expect(title).toHaveAttribute("maxlength", /^\d+$/);
});

test("when the validation chunk does not come, a submission is validated by the server after a moment and a blur waits for the chunk", async ({ page }) => {
  await signIn(page, "liaison.unma@demo.test");
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(VALIDATION_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  // every request for the chunk is counted from the start: on a busy machine it may leave well after the focus that asked for it
  let askedForChunk = 0;
  page.on("request", (request) => {
    if (VALIDATION_CHUNK.test(request.url())) askedForChunk += 1;
  });
  await page.goto("/account");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Simpan kata sandi" }) });
  const current = form.getByLabel("Kata sandi saat ini");
  const next = form.getByLabel("Kata sandi baru", { exact: true });
  expect(askedForChunk).toBe(0);
  // the first focus in the form asks for the chunk (focused again until the page has hydrated)
  await expect(async () => {
    await current.blur();
    await current.focus();
    await expect.poll(() => askedForChunk, { timeout: 2_000 }).toBeGreaterThan(0);
  }).toPass();

  // submitted while the chunk is held: the submission waits for it a moment (SUBMIT_PATIENCE_MS), then
  // the server validates, and its errors sit beside the fields
  await current.fill("not-the-password");
  // (with single fetch the action is posted to /account.data)
  const posted = page.waitForRequest((r) => r.method() === "POST" && /^\/account(\.data)?$/.test(new URL(r.url()).pathname));
  await form.getByRole("button", { name: "Simpan kata sandi" }).click();
  // while it waits, the form says so (and its button looks busy)
  await expect(form).toHaveAttribute("aria-busy", "true");
  await posted;
  await expect(form).not.toHaveAttribute("aria-busy");
  await expect(next).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Wajib diisi.").first()).toBeVisible();

  // a blur, still before the chunk: the server's error stays, nothing is said of the field yet
  await current.fill("");
  await current.blur();
  await expect(next).toHaveAttribute("aria-invalid", "true");
  await expect(current).not.toHaveAttribute("aria-invalid", "true");

  // the chunk arrives: the waiting blur is validated as it would have been at once
  release();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(next).toHaveAttribute("aria-invalid", "true");
});

/**
 * Every script file a document load of `path` brings, once the network is idle: their text, and their
 * gzipped size (each file on its own, as the server compresses it).
 */
async function documentScripts(page: Page, path: string): Promise<{ bytes: number; text: string }> {
  const urls: string[] = [];
  const listen = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === "script") urls.push(request.url());
  };
  page.on("request", listen);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  page.off("request", listen);
  expect(urls.length, path).toBeGreaterThan(0);
  const bodies = await Promise.all(urls.map(async (url) => (await page.request.get(url)).body()));
  return { bytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0), text: bodies.map(String).join("\n") };
}

test("pages whose forms are only buttons load neither Zod nor Conform; a page with a form's fields loads Conform, not Zod", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  // (Zod names its error class; Conform marks fields it filled)
  const scriptsOf = async (path: string) => (await documentScripts(page, path)).text;
  for (const path of ["/notifications", "/reminders", "/admin/outbox", "/campuses/itb/import"]) {
    const scripts = await scriptsOf(path);
    expect(scripts, path).not.toContain("ZodError");
    expect(scripts, path).not.toContain("dataset.conform");
  }
  // closing a quarter has a field: Conform, and Zod only once the user works in the form
  // (the briefing, which shared its module, is sent without scripts now)
  const quarters = await scriptsOf("/quarters");
  expect(quarters).not.toContain("ZodError");
  expect(quarters).toContain("dataset.conform");
});

test("the heaviest pages with a form's fields load at most 100 kB of gzipped JavaScript (Preact in the browser)", async ({ page }) => {
  await signIn(page, "reviewer@demo.test");
  /** The first link of a list page to one of its records. */
  async function firstRecord(list: string, prefix: string): Promise<string> {
    await page.goto(list);
    const href = await page.locator(`main a[href^="${prefix}"]:not([href$="/new"])`).first().getAttribute("href");
    expect(href, list).toBeTruthy();
    return href!;
  }
  const pages = [
    await firstRecord("/indicators", "/indicators/"),
    await firstRecord("/agreements", "/agreements/"),
    await firstRecord("/review", "/milestones/"),
    await firstRecord("/campuses/itb", "/teams/"),
    "/account",
  ];
  for (const path of pages) {
    const { bytes, text } = await documentScripts(page, path);
    expect(bytes, path).toBeLessThanOrEqual(100_000);
    // a page with a form's fields: Conform is part of what was counted
    expect(text, path).toContain("dataset.conform");
  }
});
