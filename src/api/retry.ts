import { InsightsError } from './errors.js';

export interface RetryOptions {
  /** Attempts after the first. */
  retries: number;
  /** First backoff in milliseconds; each later one doubles, with full jitter. */
  baseDelay: number;
  /** Longest wait this library accepts from `Retry-After` before giving up instead. */
  maxRetryAfter: number;
  signal?: AbortSignal;
}

/**
 * Runs an idempotent request again when the instance may recover by itself (network errors, timeouts,
 * 5xx, 429), with exponential backoff and full jitter so many cards do not retry in lockstep. A `Retry-After`
 * from the instance wins over the backoff.
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof InsightsError) || !error.transient || failures >= options.retries) throw error;
      if (error.retryAfter !== undefined && error.retryAfter * 1000 > options.maxRetryAfter) throw error;
      const backoff = Math.random() * options.baseDelay * 2 ** failures;
      await sleep(error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff, options.signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', abort, { once: true });
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
  });
}
