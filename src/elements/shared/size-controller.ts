import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The size of one element of the host's shadow DOM, from a ResizeObserver: the host re-renders when it
 * changes, and lays out from `value` in render(). (What @lit-labs/observers' ResizeController does, in the few
 * lines this library needs.)
 *
 * Until the observer's first report, which comes only after the next frame's layout, `value` measures the element
 * once, synchronously: a card whose data is already there (the `data` property, a cached response) then draws
 * before that frame, in the time the page waits for it, and the frame paints the chart. Waiting for the report
 * instead drew it inside the frame, which then took the chart's whole work longer (or, for anything that waits
 * for the frame after the chart is in the page, one more frame). The layout this forces is one the frame would
 * do anyway; the observer's report of the same size then changes nothing. An element not rendered (in a hidden
 * tab: no box) has no size until the observer reports one, as before.
 */
export class SizeController implements ReactiveController {
  #value?: { width: number; height: number };
  /** The dimension whose change re-renders the host ('both' by default). */
  readonly #watch: 'width' | 'height' | 'both';
  #target?: Element;
  /** Measured since it was last observed: one forced layout at most until the observer reports. */
  #measured = false;
  readonly #host: Host;
  /** Made on the first observe(), which only the browser's first render calls: a server render (@lit-labs/ssr) has no ResizeObserver. */
  #observer?: ResizeObserver;

  constructor(host: Host, watch: 'width' | 'height' | 'both' = 'both') {
    host.addController(this);
    this.#host = host;
    this.#watch = watch;
  }

  get value(): { width: number; height: number } | undefined {
    if (!this.#value && !this.#measured && this.#target?.isConnected) {
      this.#measured = true;
      this.#value = contentBox(this.#target);
    }
    return this.#value;
  }

  observe(target: Element): void {
    this.#target = target;
    this.#measured = false;
    this.#observer ??= new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      const before = this.#value;
      this.#value = { width, height };
      const changed = (w: boolean, h: boolean) => (this.#watch !== 'height' && w) || (this.#watch !== 'width' && h);
      if (!before || changed(width !== before.width, height !== before.height)) this.#host.requestUpdate();
    });
    this.#observer.observe(target);
  }

  hostConnected(): void {
    if (this.#target) this.#observer?.observe(this.#target);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#measured = false;
  }
}

/**
 * The content box's size as a ResizeObserver's `contentRect` gives it (layout pixels, fractions kept), or
 * undefined for an element without a box. Under a CSS transform the rectangle is the transformed one: the
 * observer's report then differs, and the host renders again at the right size.
 */
function contentBox(element: Element): { width: number; height: number } | undefined {
  const rect = element.getBoundingClientRect();
  if (!rect.width && !rect.height) return undefined;
  const style = getComputedStyle(element);
  const edge = (side: 'Top' | 'Right' | 'Bottom' | 'Left') => parseFloat(style[`padding${side}`]) + parseFloat(style[`border${side}Width`]);
  return { width: Math.max(0, rect.width - edge('Left') - edge('Right')), height: Math.max(0, rect.height - edge('Top') - edge('Bottom')) };
}
