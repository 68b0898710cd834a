import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The size of one element of the host's shadow DOM, from a ResizeObserver: the host re-renders when it
 * changes, and lays out from `value` in render(). (What @lit-labs/observers' ResizeController does, in the few
 * lines this library needs.)
 */
export class SizeController implements ReactiveController {
  value?: { width: number; height: number };
  #target?: Element;
  readonly #observer: ResizeObserver;

  constructor(host: Host) {
    host.addController(this);
    this.#observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width === this.value?.width && height === this.value?.height) return;
      this.value = { width, height };
      host.requestUpdate();
    });
  }

  observe(target: Element): void {
    this.#target = target;
    this.#observer.observe(target);
  }

  hostConnected(): void {
    if (this.#target) this.#observer.observe(this.#target);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
