import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Becomes true once the host comes within `margin` of the viewport, and stays true (lazy loading). */
export class NearViewportController implements ReactiveController {
  value = false;
  readonly #host: Host;
  readonly #observer: IntersectionObserver;

  constructor(host: Host, margin: string) {
    this.#host = host;
    host.addController(this);
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.value = true;
        this.#observer.disconnect();
        host.requestUpdate();
      },
      { rootMargin: margin },
    );
  }

  hostConnected(): void {
    if (!this.value) this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
