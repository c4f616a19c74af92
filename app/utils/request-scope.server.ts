import { AsyncLocalStorage } from "node:async_hooks";

// Values read once per request. A page's loaders run side by side and each asks who is signed in
// and which data version the cached pages are at: within one request the answer is read once
// (server.mjs runs each request in its own scope). Every committed write clears the request's
// values (app/utils/db.server.ts), so what an action changed is read again by the loaders that run
// after it in the same request. Outside a request (scripts, jobs, tests calling a loader) nothing
// is kept: each call reads again.

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `handle` (one request) with its own, empty set of kept values. */
export function runInRequestScope<T>(handle: () => T): T {
  return scope.run(new Map(), handle);
}

/** `read()` once per request and key; a failed read is not kept. */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const kept = scope.getStore();
  if (!kept) return read();
  const hit = kept.get(key);
  if (hit) return hit as Promise<T>;
  const value = read();
  kept.set(key, value);
  value.catch(() => {
    if (kept.get(key) === value) kept.delete(key);
  });
  return value;
}

/** Forgets what this request has read: called after each committed write. */
export function forgetRequestValues(): void {
  scope.getStore()?.clear();
}
