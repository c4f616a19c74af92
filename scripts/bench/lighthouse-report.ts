// Reading a Lighthouse report (the `lhr` JSON) and writing bench/lighthouse.md: pure functions, kept
// apart from the runner so a unit test can check them without Chromium.
import type { describeMachine } from "./server";

/** The figures kept from one Lighthouse report. Times in milliseconds, sizes in bytes. */
export type PageFigures = {
  score: number | null;
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  speedIndex: number | null;
  /** bytes over the wire (gzipped when the server compresses) of every script under /build */
  jsTransferred: number;
  jsFiles: number;
  /** the stylesheets' bytes over the wire */
  cssTransferred: number;
  renderBlocking: string[];
  unusedJs: number | null;
  mainThreadMs: number | null;
  runtimeError: string | null;
};

type Audit = { numericValue?: number; score?: number | null; details?: { items?: Array<Record<string, unknown>> } };
export type LighthouseResult = {
  categories: { performance?: { score: number | null } };
  audits: Record<string, Audit | undefined>;
  runtimeError?: { code: string; message: string };
};

const numeric = (lhr: LighthouseResult, id: string) => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

/** Reads the figures of issue #17 from a Lighthouse result (the `lhr` JSON). */
export function summarize(lhr: LighthouseResult): PageFigures {
  const requests = (lhr.audits["network-requests"]?.details?.items ?? []) as Array<{ url?: string; resourceType?: string; transferSize?: number }>;
  const scripts = requests.filter((r) => r.resourceType === "Script" && typeof r.url === "string" && new URL(r.url).pathname.startsWith("/build/"));
  const styles = requests.filter((r) => r.resourceType === "Stylesheet");
  const blocking = (lhr.audits["render-blocking-resources"]?.details?.items ?? []) as Array<{ url?: string }>;
  const score = lhr.categories.performance?.score;
  return {
    score: typeof score === "number" ? Math.round(score * 100) : null,
    fcp: numeric(lhr, "first-contentful-paint"),
    lcp: numeric(lhr, "largest-contentful-paint"),
    tbt: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    speedIndex: numeric(lhr, "speed-index"),
    jsTransferred: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    jsFiles: scripts.length,
    cssTransferred: styles.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    renderBlocking: blocking.map((b) => (b.url ? new URL(b.url).pathname : "?")),
    unusedJs: ((): number | null => {
      const audit = lhr.audits["unused-javascript"];
      if (!audit?.details?.items) return null;
      return (audit.details.items as Array<{ wastedBytes?: number }>).reduce((sum, i) => sum + (i.wastedBytes ?? 0), 0);
    })(),
    mainThreadMs: numeric(lhr, "mainthread-work-breakdown"),
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

/** The run with the median performance score (Lighthouse's own advice for noisy machines). */
export function medianRun(runs: PageFigures[]): PageFigures {
  const scored = runs.filter((r) => r.score !== null).sort((a, b) => a.score! - b.score! || (a.lcp ?? 0) - (b.lcp ?? 0));
  if (scored.length === 0) return runs[0]!;
  return scored[Math.floor((scored.length - 1) / 2)]!;
}

export type PageResult = { name: string; path: string; signedIn: boolean; runs: PageFigures[]; median: PageFigures; scriptGzip: { files: number; gzipped: number; inlineScripts?: number } };

export const ms = (v: number | null) => (v === null ? "–" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
export const kb = (v: number | null) => (v === null ? "–" : `${(v / 1000).toFixed(1)} kB`);

/** bench/lighthouse.md */
export function lighthouseMarkdown(input: {
  pages: PageResult[];
  machine: ReturnType<typeof describeMachine>;
  lighthouseVersion: string;
  chromium: string;
  runs: number;
  /** who the signed-in pages were read as */
  account: string;
  loadAverage: { before: number[]; after: number[] };
}): string {
  const { pages, machine } = input;
  const targets = pages.filter((p) => p.name !== "dashboard");
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
  const lines = [
    "# Lighthouse, mobile",
    "",
    `Written by \`npm run bench:lighthouse\` (scripts/bench/lighthouse.ts); see bench/README.md, section "Lighthouse".`,
    "",
    `- Build: ${machine.git}, measured ${machine.date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, ${machine.platform}, Node ${machine.node}`,
    `- Lighthouse ${input.lighthouseVersion}, ${input.chromium}, headless; mobile preset (simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; 4x CPU slowdown)`,
    `- Production build against a copy of the scale-1 bench database; signed-in pages as \`${input.account}\` (cookie from the login form)`,
    `- ${input.runs} run(s) per page; the row is the run with the median score`,
    `- Load average (1, 5, 15 min) before ${input.loadAverage.before.map((l) => l.toFixed(2)).join(", ")}, after ${input.loadAverage.after.map((l) => l.toFixed(2)).join(", ")} (${machine.cores} cores: above ${machine.cores} the machine was busy and the CPU-bound figures, TBT above all, are inflated)`,
    "",
    "| page | score | FCP | LCP | TBT | CLS | Speed Index | JS over the wire | JS gzipped (zlib) | CSS over the wire | unused JS | main-thread work |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...pages.map((p) => {
      const m = p.median;
      return `| \`${p.path}\`${p.signedIn ? " (signed in)" : ""} | ${m.score ?? "–"} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${m.cls === null ? "–" : m.cls.toFixed(3)} | ${ms(m.speedIndex)} | ${kb(m.jsTransferred)} (${m.jsFiles} files) | ${kb(p.scriptGzip.gzipped)} (${p.scriptGzip.files} files${p.scriptGzip.inlineScripts ? `, ${p.scriptGzip.inlineScripts} inline` : ""}) | ${kb(m.cssTransferred)} | ${kb(m.unusedJs)} | ${ms(m.mainThreadMs)} |`;
    }),
    "",
    "Scores of every run: " + pages.map((p) => `\`${p.path}\` ${p.runs.map((r) => r.score ?? "–").join(", ")}`).join("; ") + ".",
    "",
    "## Targets (issue #17)",
    "",
    "| page | score ≥ 98 | LCP ≤ 1.5 s | JS ≤ 100 kB gzipped |",
    "|---|---|---|---|",
    ...targets.map((p) => {
      const m = p.median;
      return `| \`${p.path}\` | ${verdict((m.score ?? 0) >= 98)} (${m.score ?? "–"}) | ${verdict(m.lcp !== null && m.lcp <= 1500)} (${ms(m.lcp)}) | ${verdict(p.scriptGzip.gzipped <= 100_000)} (${kb(p.scriptGzip.gzipped)}) |`;
    }),
    "",
  ];
  const blocking = pages.filter((p) => p.median.renderBlocking.length > 0);
  if (blocking.length) lines.push(`Render-blocking: ${blocking.map((p) => `\`${p.path}\` ${p.median.renderBlocking.join(", ")}`).join("; ")}.`, "");
  const errors = pages.flatMap((p) => p.runs.filter((r) => r.runtimeError).map((r) => `\`${p.path}\`: ${r.runtimeError}`));
  if (errors.length) lines.push("Lighthouse errors: " + errors.join("; "), "");
  return lines.join("\n");
}

