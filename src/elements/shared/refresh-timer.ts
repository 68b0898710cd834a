import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `refresh` every `seconds` while the page is visible: a hidden tab costs the instance nothing, and
 * comes back up to date (one refresh on return if one was missed).
 */
export class RefreshTimer implements ReactiveController {
  #timer?: ReturnType<typeof setInterval>;
  #missed = false;
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
      if (document.visibilityState === 'hidden') this.#missed = true;
      else this.#refresh();
    }, seconds * 1000);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#missed = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #onVisibility = (): void => {
    if (document.visibilityState !== 'visible' || !this.#missed) return;
    this.#missed = false;
    this.#refresh();
  };
}
