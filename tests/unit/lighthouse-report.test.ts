import { describe, expect, it } from "vitest";
import { lighthouseMarkdown, medianRun, summarize, type LighthouseResult, type PageFigures } from "../../scripts/bench/lighthouse-report";

// The parts of a Lighthouse 12 result (lhr) the bench reads, with the field names Lighthouse writes.
function report(overrides: { score?: number | null; lcp?: number; runtimeError?: LighthouseResult["runtimeError"] } = {}): LighthouseResult {
  const origin = "http://127.0.0.1:4000";
  return {
    categories: { performance: { score: overrides.score === undefined ? 0.934 : overrides.score } },
    audits: {
      "first-contentful-paint": { numericValue: 1234.5 },
      "largest-contentful-paint": { numericValue: overrides.lcp ?? 1480 },
      "total-blocking-time": { numericValue: 40 },
      "cumulative-layout-shift": { numericValue: 0.0012 },
      "speed-index": { numericValue: 1600 },
      "mainthread-work-breakdown": { numericValue: 900 },
      "network-requests": {
        details: {
          items: [
            { url: `${origin}/login`, resourceType: "Document", transferSize: 5000 },
            { url: `${origin}/build/_shared/chunk-A.js`, resourceType: "Script", transferSize: 80_000 },
            { url: `${origin}/build/root-B.js`, resourceType: "Script", transferSize: 2_500 },
            // a script from elsewhere is not the app's
            { url: "https://example.org/widget.js", resourceType: "Script", transferSize: 9_999 },
            { url: `${origin}/build/_assets/tailwind-C.css`, resourceType: "Stylesheet", transferSize: 6_100 },
          ],
        },
      },
      "render-blocking-resources": { details: { items: [{ url: `${origin}/build/_assets/tailwind-C.css` }] } },
      "unused-javascript": { details: { items: [{ wastedBytes: 30_000 }, { wastedBytes: 7_000 }] } },
    },
    runtimeError: overrides.runtimeError,
  };
}

describe("summarize", () => {
  it("reads the score, the metrics and the app's script and stylesheet bytes from a report", () => {
    expect(summarize(report())).toEqual({
      score: 93,
      fcp: 1234.5,
      lcp: 1480,
      tbt: 40,
      cls: 0.0012,
      speedIndex: 1600,
      jsTransferred: 82_500,
      jsFiles: 2,
      cssTransferred: 6_100,
      renderBlocking: ["/build/_assets/tailwind-C.css"],
      unusedJs: 37_000,
      mainThreadMs: 900,
      runtimeError: null,
    } satisfies PageFigures);
  });

  it("keeps a failed run visible instead of inventing figures", () => {
    const failed = report({ score: null, runtimeError: { code: "NO_FCP", message: "The page did not paint any content." } });
    delete failed.audits["largest-contentful-paint"];
    const figures = summarize(failed);
    expect(figures.score).toBeNull();
    expect(figures.lcp).toBeNull();
    expect(figures.runtimeError).toBe("NO_FCP: The page did not paint any content.");
  });
});

describe("medianRun", () => {
  it("picks the run with the median score, ignoring runs without one", () => {
    const runs = [0.99, 0.71, 0.95, null, 0.88].map((score, n) => summarize(report({ score, lcp: 1000 + n })));
    expect(medianRun(runs).score).toBe(88);
    expect(medianRun(runs.slice(0, 1)).score).toBe(99);
  });
});

describe("lighthouseMarkdown", () => {
  it("writes a row per page and judges the targets of issue #17 on every page but the dashboard", () => {
    const good = summarize(report({ score: 0.99, lcp: 1400 }));
    const slow = summarize(report({ score: 0.8, lcp: 2600 }));
    const page = (name: string, path: string, median: PageFigures, gzipped: number) => ({
      name,
      path,
      signedIn: name !== "login",
      runs: [median],
      median,
      scriptGzip: { files: 3, gzipped },
    });
    const text = lighthouseMarkdown({
      pages: [page("login", "/login", good, 90_000), page("item", "/items/x", slow, 170_000), page("dashboard", "/dashboard", slow, 140_000)],
      machine: { cpu: "CPU", cores: 2, memoryBytes: 2 ** 32, node: "v20", platform: "Linux", date: "2026-11-30T00:00:00Z", git: "abc123" },
      lighthouseVersion: "12.8.2",
      chromium: "Chrome/156",
      runs: 1,
      account: "reviewer@bench.test",
      loadAverage: { before: [1, 1, 1], after: [2, 1, 1] },
    });
    expect(text).toContain("| `/login` | 99 | 1.23 s | 1.40 s | 40 ms | 0.001 |");
    expect(text).toContain("| `/login` | met (99) | met (1.40 s) | met (90.0 kB) |");
    expect(text).toContain("| `/items/x` | **not met** (80) | **not met** (2.60 s) | **not met** (170.0 kB) |");
    // the dashboard is measured, not judged
    expect(text).toMatch(/\| `\/dashboard` \(signed in\) \| 80 \|/);
    expect(text).not.toContain("| `/dashboard` | ");
    expect(text).toContain("Build: abc123, measured 2026-11-30T00:00:00Z");
  });
});
