import { whenVisible } from '../shared/visibility.js';

/**
 * Polls an insight the instance is still computing: first after `pollInterval`, then backing off by half again
 * each time up to `maxPollInterval`, so a long backfill costs the instance little. Stops when the insight is done
 * or the element leaves; waits while the page is hidden.
 */
export class PollSchedule {
  #timer?: ReturnType<typeof setTimeout>;
  #delay = 0;
  /** Cancels a poll waiting for the page to be shown. */
  #cancelWait?: () => void;
  readonly #poll: () => void;

  constructor(poll: () => void) {
    this.#poll = poll;
  }

  /** Called after every load: schedules the next poll while `processing`, resets the backoff otherwise. */
  update(processing: boolean, options: { pollInterval: number; maxPollInterval: number }): void {
    this.stop();
    if (!processing) {
      this.#delay = 0;
      return;
    }
    this.#delay = this.#delay ? Math.min(this.#delay * 1.5, options.maxPollInterval) : options.pollInterval;
    this.#timer = setTimeout(() => (this.#cancelWait = whenVisible(this.#poll)), this.#delay);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#cancelWait?.();
  }
}
