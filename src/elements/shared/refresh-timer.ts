import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenVisible } from './visibility.js';

/**
 * Calls `refresh` every `seconds` while the page is visible: a hidden tab costs the instance nothing, and
 * comes back up to date (one refresh on return if one was missed).
 */
export class RefreshTimer implements ReactiveController {
  #timer?: ReturnType<typeof setInterval>;
  /** Cancels the refresh missed while the page was hidden, which waits for it to be shown. */
  #missed?: () => void;
  readonly #refresh: () => void;

  constructor(host: ReactiveControllerHost, refresh: () => void) {
    host.addController(this);
    this.#refresh = refresh;
  }

  hostDisconnected(): void {
    this.stop();
  }

  start(seconds: number): void {
    this.stop();
    if (!(seconds > 0)) return;
    this.#timer = setInterval(() => {
      this.#missed ??= whenVisible(() => {
        this.#missed = undefined;
        this.#refresh();
      });
    }, seconds * 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#missed?.();
    this.#missed = undefined;
  }
}
