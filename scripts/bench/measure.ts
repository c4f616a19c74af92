// One measurement: autocannon (as a library) against one request, after a warm-up. Latencies are
// recorded per response and their percentiles computed exactly (autocannon's own histogram has
// no p95).
import http from "node:http";
import autocannon, { type Instance } from "autocannon";

export type Target = {
  title: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export type RunOptions = {
  connections: number;
  /** seconds of the measured run (ignored when `amount` is given) */
  duration: number;
  /** seconds of warm-up before it, not recorded; 0 for none */
  warmup: number;
  /** a fixed number of requests instead of a duration: every response is then waited for */
  amount?: number;
  /**
   * Waits until the server has finished the requests a timed run abandoned (autocannon drops
   * them when time is up, the server still works on them); called after each run.
   */
  settle?: () => Promise<void>;
  /**
   * Fewer responses than this in the timed run (a route slower than the duration allows) and it
   * is measured again over a fixed number of requests instead, so its percentiles mean something.
   */
  minResponses?: number;
};

export type Measurement = {
  title: string;
  url: string;
  method: string;
  connections: number;
  seconds: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  statuses: Record<string, number>;
  /** 2xx and 3xx responses */
  ok: number;
  /** other status codes */
  failures: number;
  /** socket errors and timeouts (no response at all) */
  errors: number;
  /** what those errors were, by code or message */
  errorKinds: Record<string, number>;
  /** requests per second of the last warm-up round (used to size a run by amount) */
  warmupRequestsPerSecond: number | null;
  /** warm-up rounds run before the measurement (until the rate stopped rising; 0 for none) */
  warmupRounds: number;
  /** how the measured run was bounded */
  mode: "duration" | "amount";
};

let current: Instance | null = null;

/** Stops the run in progress (on SIGINT). */
export function stopCurrentRun() {
  current?.stop();
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

async function once(target: Target, options: { connections: number; duration?: number; amount?: number }) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const instance = autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    timeout: 120,
  });
  current = instance;
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  instance.on("reqError", (error) => {
    errors++;
    const kind = (error as NodeJS.ErrnoException).code ?? error.message ?? "unknown";
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  });
  try {
    const result = await instance;
    const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
    if (result.errors > errors) errorKinds.unreported = (errorKinds.unreported ?? 0) + result.errors - errors;
    return { latencies, statuses, errors: Math.max(errors, result.errors), errorKinds, seconds };
  } finally {
    current = null;
  }
}

/** At most this many warm-up rounds per route. */
export const MAX_WARMUP_ROUNDS = 5;
/** A round this much faster than the one before means the route is still warming up. */
export const STILL_WARMING = 0.05;

/**
 * Whether the rates of the warm-up rounds so far (requests per second, oldest first) show a
 * route at its steady rate: the last round no more than 5 % faster than the one before, or the
 * last round allowed. The server's JIT compiles a route's code while it runs: a route with a long
 * path of its own (the progress update: the multipart form, the validation, Prisma's transaction)
 * ran 270, then 362, then 398 per second in three 8-second rounds on a fresh server.
 */
export function warmedUp(rates: readonly number[]): boolean {
  if (rates.length >= MAX_WARMUP_ROUNDS) return true;
  if (rates.length < 2) return false;
  return rates[rates.length - 1]! <= rates[rates.length - 2]! * (1 + STILL_WARMING);
}

/** Warm-up rounds of `seconds` each until the route's rate stops rising; the rates and the last round's responses. */
export async function warmUp(target: Target, options: Pick<RunOptions, "connections" | "settle">, seconds: number) {
  const rates: number[] = [];
  let statuses: Record<string, number> = {};
  while (!warmedUp(rates)) {
    const warm = await once(target, { connections: options.connections, duration: seconds });
    rates.push(warm.latencies.length / Math.max(warm.seconds, 0.001));
    statuses = warm.statuses;
    await options.settle?.();
  }
  return { rates, ok: okResponses(statuses), statuses };
}

/** The 2xx and 3xx responses among these counts by status code. */
function okResponses(statuses: Record<string, number>): number {
  return Object.entries(statuses)
    .filter(([code]) => code.startsWith("2") || code.startsWith("3"))
    .reduce((a, [, n]) => a + n, 0);
}

export async function measure(target: Target, options: RunOptions): Promise<Measurement> {
  let warmupRequestsPerSecond: number | null = null;
  let warmupRounds = 0;
  if (options.warmup > 0) {
    const warm = await warmUp(target, options, options.warmup);
    warmupRequestsPerSecond = warm.rates[warm.rates.length - 1]!;
    warmupRounds = warm.rates.length;
  }
  let mode: Measurement["mode"] = options.amount ? "amount" : "duration";
  let run = await once(target, { connections: options.connections, duration: options.duration, amount: options.amount });
  await options.settle?.();
  if (mode === "duration" && options.minResponses && run.latencies.length < options.minResponses) {
    mode = "amount";
    run = await once(target, { connections: options.connections, amount: options.minResponses });
    await options.settle?.();
  }
  const sorted = Float64Array.from(run.latencies).sort();
  const ok = okResponses(run.statuses);
  const mean = run.latencies.length ? run.latencies.reduce((a, b) => a + b, 0) / run.latencies.length : NaN;
  return {
    title: target.title,
    url: target.url,
    method: target.method ?? "GET",
    connections: options.connections,
    seconds: run.seconds,
    responses: run.latencies.length,
    requestsPerSecond: run.latencies.length / Math.max(run.seconds, 0.001),
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean,
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    },
    statuses: run.statuses,
    ok,
    failures: run.latencies.length - ok,
    errors: run.errors,
    errorKinds: run.errorKinds,
    warmupRequestsPerSecond,
    warmupRounds,
    mode,
  };
}

export type Download = {
  title: string;
  url: string;
  status: number;
  /** from sending the request to the first byte of the response (its headers), as curl's time_starttransfer */
  firstByteMs: number;
  /** from sending the request to the first byte of the body */
  firstBodyByteMs: number;
  totalMs: number;
  bytes: number;
  /** CSV records after the header line (line breaks inside quoted fields are not counted) */
  rows: number;
  rowsPerSecond: number;
  /** the body arrived whole (the server ended it, rather than breaking the connection) */
  complete: boolean;
  /** the server's resident memory, sampled every `intervalMs`: before the request and the highest during it, in bytes */
  rss: { idle: number | null; peak: number | null; samples: number };
};

/**
 * One download, read as fast as the client can, timed to its first byte and its end, with the
 * server's memory sampled while it streams. Rows are counted as CSV records: CRLFs outside quotes.
 */
export function measureDownload(
  target: Target,
  options: { rss?: () => number | null; intervalMs?: number } = {},
): Promise<Download> {
  const sampleRss = options.rss ?? (() => null);
  const idleSamples = [sampleRss(), sampleRss(), sampleRss()].filter((v): v is number => v !== null).sort((a, b) => a - b);
  const idle = idleSamples.length ? idleSamples[Math.floor(idleSamples.length / 2)]! : null;
  let peak = idle;
  let samples = 0;
  const sample = () => {
    const now = sampleRss();
    samples++;
    if (now !== null && (peak === null || now > peak)) peak = now;
  };
  return new Promise((resolve, reject) => {
    const url = new URL(target.url);
    const started = performance.now();
    let firstByteMs = NaN;
    let firstBodyByteMs = NaN;
    let bytes = 0;
    let records = 0;
    let quoted = false;
    let previousCr = false;
    const timer = setInterval(sample, options.intervalMs ?? 50);
    const finish = (status: number, complete: boolean) => {
      clearInterval(timer);
      sample();
      const totalMs = performance.now() - started;
      const rows = Math.max(0, records - 1);
      resolve({
        title: target.title,
        url: target.url,
        status,
        firstByteMs,
        firstBodyByteMs,
        totalMs,
        bytes,
        rows,
        rowsPerSecond: rows / (totalMs / 1000),
        complete,
        rss: { idle, peak, samples },
      });
    };
    const request = http.request(
      url,
      { method: target.method ?? "GET", headers: { ...target.headers, "Accept-Encoding": "identity" } },
      (response) => {
        firstByteMs = performance.now() - started;
        response.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstBodyByteMs = performance.now() - started;
          bytes += chunk.length;
          for (let i = 0; i < chunk.length; i++) {
            const byte = chunk[i]!;
            if (byte === 0x22) quoted = !quoted;
            else if (byte === 0x0a && previousCr && !quoted) records++;
            previousCr = byte === 0x0d;
          }
        });
        response.on("end", () => finish(response.statusCode ?? 0, response.complete));
        response.on("error", () => finish(response.statusCode ?? 0, false));
        response.on("aborted", () => finish(response.statusCode ?? 0, false));
      },
    );
    request.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    request.end(target.body);
  });
}
