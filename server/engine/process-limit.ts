/**
 * A cap on processes running at once; the rest wait their turn, first come first served. Without it every
 * request started its own git processes, and a few hundred concurrent ones ran the server out of file handles
 * (each process holds two or three pipes), which crashed it.
 *
 * Holders that are merely idle (a `git cat-file` waiting for the next read) can offer their slot: a waiter then
 * reclaims it instead of waiting for their idle timeout.
 */
export class ProcessLimit {
  readonly capacity: number;
  #running = 0;
  /** Insertion-ordered, so the oldest waiter is first; an aborted waiter deletes itself. */
  readonly #waiting = new Set<() => void>();
  readonly #idle = new Set<() => void>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A process limit must be a whole number ≥ 1, not ${capacity}.`);
    this.capacity = capacity;
  }

  /** Slots taken (processes running or about to start). */
  get running(): number {
    return this.#running;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Resolves with a release function (safe to call more than once) when a slot is free; an abort leaves the queue. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#running < this.capacity && this.#waiting.size === 0) return Promise.resolve(this.#take());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#waiting.delete(grant);
        reject(signal!.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.#take());
      };
      this.#waiting.add(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#reclaimIdle();
    });
  }

  /**
   * Offers an idle holder's slot: `reclaim` (which should end the process and so release the slot) is called
   * when someone waits, now or later. Returns a function that withdraws the offer (when the holder is busy again).
   */
  offerIdle(reclaim: () => void): () => void {
    this.#idle.add(reclaim);
    this.#reclaimIdle();
    return () => this.#idle.delete(reclaim);
  }

  #take(): () => void {
    this.#running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running--;
      const next = this.#waiting.values().next();
      if (!next.done) {
        this.#waiting.delete(next.value);
        next.value();
      }
    };
  }

  #reclaimIdle(): void {
    if (this.#waiting.size === 0) return;
    const oldest = this.#idle.values().next();
    if (oldest.done) return;
    this.#idle.delete(oldest.value);
    oldest.value();
  }
}
