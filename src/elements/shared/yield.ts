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
