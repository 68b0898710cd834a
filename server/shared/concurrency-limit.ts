/**
 * At most `concurrent` jobs at once, at most `queued` waiting: what keeps a burst of requests from turning into
 * a burst of processes, upstream calls or renders. A job that cannot even wait is refused at once (the caller
 * answers 503 with Retry-After), and a waiter whose request is aborted leaves the queue.
 */

export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

export interface ConcurrencyLimitOptions {
  concurrent: number;
  queued: number;
}

export class ConcurrencyLimit {
  readonly #concurrent: number;
  readonly #queued: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: ConcurrencyLimitOptions) {
    this.#concurrent = options.concurrent;
    this.#queued = options.queued;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `job` when a place is free; throws QueueFullError when too many already wait, `signal.reason` when aborted. */
  async run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#running >= this.#concurrent) await this.#wait(signal);
    else this.#running++;
    try {
      return await job();
    } finally {
      const next = this.#waiting.shift();
      // The place passes straight to the next waiter, so a job arriving now cannot jump the queue.
      if (next) next();
      else this.#running--;
    }
  }

  #wait(signal: AbortSignal | undefined): Promise<void> {
    if (this.#waiting.length >= this.#queued) {
      return Promise.reject(new QueueFullError(`${this.#running} jobs are running and ${this.#waiting.length} waiting, the most this server takes.`));
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        const index = this.#waiting.indexOf(go);
        if (index !== -1) this.#waiting.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.#waiting.push(go);
    });
  }
}
