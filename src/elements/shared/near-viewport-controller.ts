import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Becomes true once the host comes within `margin` of the viewport, and stays true (lazy loading). */
export class NearViewportController implements ReactiveController {
  value = false;
  readonly #host: Host;
  readonly #margin: string;
  /** Made when the host is first connected in a browser: a server render constructs elements without one. */
  #observer?: IntersectionObserver;

  constructor(host: Host, margin: string) {
    this.#host = host;
    this.#margin = margin;
    host.addController(this);
  }

  hostConnected(): void {
    // A server render that connects elements (@lit-labs/ssr's opt-in connectedCallback) has no IntersectionObserver.
    if (this.value || isServer) return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.value = true;
        this.#observer?.disconnect();
        this.#host.requestUpdate();
      },
      { rootMargin: this.#margin },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
