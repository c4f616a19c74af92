/**
 * `load()` once: later calls share its promise. A failed load (a script fetched while offline) is
 * forgotten, so the next call tries again. For the browser's on-demand chunks (the reader's
 * language, the form schemas).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      const attempt = load();
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = null;
      });
    }
    return pending;
  };
}
