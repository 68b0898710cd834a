/**
 * Gives the main thread back before continuing. Cards answered by the same batched request would otherwise
 * all render in one task (six charts at once is a long task that delays input); each awaits its own turn.
 * `scheduler.yield()` keeps the continuation ahead of unrelated work where the browser has it.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}

/**
 * Resolves once the page's deferred and module scripts have all run (DOMContentLoaded). An element upgraded by
 * the library's own script waits for it before its first request, so a `token` or `configure()` set by a page
 * script that comes after the library's is in place: no anonymous request, no 401 in the console.
 */
export function pageScriptsRan(): Promise<void> | undefined {
  // Deferred and module scripts run while readyState is already 'interactive'; only the navigation entry
  // tells whether DOMContentLoaded has fired.
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (document.readyState === 'complete' || (document.readyState === 'interactive' && !navigation) || navigation?.domContentLoadedEventStart) {
    return undefined;
  }
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Runs `callback` after the next frame has painted, once the main thread is idle (within a second at most).
 * Where requestIdleCallback is missing (Safari), right after the next frame. With `afterPaint: false`, as soon
 * as nothing else waits, without waiting for a frame: for the later slices of work already under way. Those go
 * through `scheduler.postTask` at background priority where the browser has it, because an idle callback asked
 * for from an idle callback waits for the next idle period (up to 50 ms later), which left the CPU idle most of
 * the time; input and frames still come first.
 */
export function whenIdle(callback: () => void, { afterPaint = true } = {}): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (!afterPaint && scheduler?.postTask) {
    void scheduler.postTask(callback, { priority: 'background' });
    return;
  }
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
    else setTimeout(callback);
  };
  if (afterPaint) requestAnimationFrame(idle);
  else idle();
}
