import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// The HTML the server sends for the main pages the journeys visit passes the W3C validator
// (vnu-jar, Java): 0 errors, among them no id used twice (a form sharing its id with another
// element loses its fields).

const VNU = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
const OUT = path.resolve("tests/.tmp/html-validity");

type VnuMessage = { type: string; subType?: string; message: string; url: string; lastLine?: number; extract?: string };

/** The server-rendered HTML of each path, as the signed-in page's browser would receive it. */
async function collect(page: Page, label: string, paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const response = await page.request.get(p);
    expect(response.status(), `${p} as ${label}`).toBeLessThan(400);
    const file = path.join(OUT, `${label}${p.replace(/[^a-z0-9]+/gi, "_")}.html`);
    fs.writeFileSync(file, await response.text());
    files.push(file);
  }
  return files;
}

function validate(files: string[]): string[] {
  let output = "";
  try {
    execFileSync("java", ["-jar", VNU, "--format", "json", "--errors-only", ...files], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    // vnu exits 1 when it reports errors; the report is on stderr
    output = (error as { stderr?: string }).stderr ?? "";
    if (!output) throw error;
  }
  if (!output.trim()) return [];
  const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${path.basename(decodeURIComponent(m.url))}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 120)}` : ""}`);
}

test("the main pages' HTML has 0 errors in the W3C validator", async ({ browser }) => {
  test.setTimeout(180_000);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const files: string[] = [];

  const anonymous = await browser.newContext({ locale: "id-ID" });
  files.push(...(await collect(await anonymous.newPage(), "anonymous", ["/login", "/publik"])));
  await anonymous.close();

  const liaison = await browser.newContext({ locale: "id-ID" });
  const lp = await liaison.newPage();
  await signIn(lp, "liaison.itb@demo.test");
  await lp.goto("/campuses/itb");
  const itemHref = await lp.locator('main a[href^="/items/"]:not([href^="/items/new"])').first().getAttribute("href");
  await lp.goto("/campuses/itb/teams");
  const teamHref = await lp.getByTestId("team-list").locator('a[href^="/teams/"]').first().getAttribute("href");
  files.push(
    ...(await collect(lp, "liaison", [
      "/campuses",
      "/campuses/itb",
      "/campuses/itb/check-in",
      "/campuses/itb/teams",
      teamHref!,
      itemHref!,
      `${itemHref}/edit`,
      "/roadmap",
      "/indicators",
      "/notifications",
      "/search?q=itb",
      "/units",
      "/units/bappeda",
    ])),
  );
  await liaison.close();

  const reviewer = await browser.newContext({ locale: "id-ID" });
  const rp = await reviewer.newPage();
  await signIn(rp, "reviewer@demo.test");
  files.push(...(await collect(rp, "reviewer", ["/dashboard", "/review", "/quarters", "/reminders", "/reports/briefing", "/audit"])));
  await reviewer.close();

  expect(validate(files)).toEqual([]);
});
