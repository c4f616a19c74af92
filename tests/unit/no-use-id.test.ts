import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// The server renders with React and a production build hydrates with Preact (decision 012): their
// useId values differ, and hydration keeps the server's attributes, so an id from useId would point
// at nothing in the browser. Ids are given or derived from names instead.

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

test("no component of the app takes an id from useId", () => {
  const app = path.resolve(import.meta.dirname, "..", "..", "app");
  const files = sources(app);
  expect(files.length).toBeGreaterThan(50);
  const calls = files.filter((file) => /\buseId\s*\(/.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(app, file));
  expect(calls).toEqual([]);
});
