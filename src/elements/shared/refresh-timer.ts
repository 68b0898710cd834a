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
  /** The interval last started: a host moved in the page (disconnected, then connected) keeps refreshing. */
  #seconds = 0;

  constructor(host: ReactiveControllerHost, refresh: () => void) {
    host.addController(this);
    this.#refresh = refresh;
  }

  hostConnected(): void {
    if (this.#seconds > 0 && this.#timer === undefined) this.start(this.#seconds);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#missed?.();
    this.#missed = undefined;
  }

  start(seconds: number): void {
    this.stop();
    this.#seconds = seconds;
    if (!(seconds > 0)) return;
    this.#timer = setInterval(() => {
      this.#missed ??= whenVisible(() => {
        this.#missed = undefined;
        this.#refresh();
      });
    }, seconds * 1000);
  }

  stop(): void {
    this.hostDisconnected();
    this.#seconds = 0;
  }
}
