import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Pointer travel under this many pixels between press and release is a click (a drill-down), not a drag. */
const DRAG_THRESHOLD = 6;

/**
 * Drag across a line chart to zoom into a time range; `reset()` (the reset button, a double-click) goes back.
 * Positions are in chart-area pixels; the card's view turns them into times.
 */
export class DragZoomController implements ReactiveController {
  /** The drag in progress: where it started and where the pointer is. */
  drag?: { from: number; to: number };
  /** The time range zoomed into. */
  zoom?: readonly [number, number];
  #start?: number;
  /** Set when a drag zoomed, so the click that ends it does not also drill down. */
  #zoomed = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  press(x: number): void {
    this.#start = x;
  }

  /** Whether a press is on: only then does a pointer move need its position measured. */
  get pressed(): boolean {
    return this.#start !== undefined;
  }

  move(x: number): void {
    if (this.#start === undefined) return;
    // A few pixels of wobble are still a click.
    if (!this.drag && Math.abs(x - this.#start) <= DRAG_THRESHOLD) return;
    this.drag = { from: this.#start, to: x };
    this.host.requestUpdate();
  }

  /** Ends a press: zooms into the range dragged over, when `timeAt` maps both ends to times in order. */
  release(timeAt: ((x: number) => number | undefined) | undefined): boolean {
    const drag = this.drag;
    this.cancel();
    if (!drag || !timeAt) return false;
    const from = timeAt(Math.min(drag.from, drag.to));
    const to = timeAt(Math.max(drag.from, drag.to));
    if (from === undefined || to === undefined || to <= from) return false;
    this.zoom = [from, to];
    this.#zoomed = true;
    this.host.requestUpdate();
    return true;
  }

  /** Drops a press or drag in progress (the pointer left, the chart lost focus). */
  cancel(): void {
    this.#start = undefined;
    if (!this.drag) return;
    this.drag = undefined;
    this.host.requestUpdate();
  }

  reset = (): void => {
    if (!this.zoom) return;
    this.zoom = undefined;
    this.host.requestUpdate();
  };

  /** Whether a click only ends a drag that zoomed (and must not drill down). Answers once per zoom. */
  endsZoom(): boolean {
    const zoomed = this.#zoomed;
    this.#zoomed = false;
    return zoomed;
  }

  /**
   * What the zoom draws over the chart: the brush while dragging, and the reset button while zoomed, in the
   * chart's top right corner (as in Highcharts) so that zooming and resetting never move the plot. The button's
   * presses stay its own: they must not start a drag, choose a point or move between points.
   */
  overlay(resetLabel: string): TemplateResult {
    const own = (event: Event) => event.stopPropagation();
    return html`${this.drag ? html`<div class="brush" aria-hidden="true"></div>` : nothing}${this.zoom
      ? html`<button type="button" class="zoom-reset" @pointerdown=${own} @keydown=${own} @click=${this.#resetFrom}>${resetLabel}</button>`
      : nothing}`;
  }

  /** Resets from the button, and hands the focus to the chart: the button goes, the reader stays on the chart. */
  #resetFrom = (event: Event): void => {
    event.stopPropagation();
    (event.currentTarget as HTMLElement).closest<HTMLElement>('[tabindex]')?.focus();
    this.reset();
  };

  /** Places the brush (the dragged range) without an inline style attribute, which a strict CSP forbids. */
  placeBrush(brush: HTMLElement | null): void {
    if (!brush || !this.drag) return;
    brush.style.transform = `translateX(${Math.min(this.drag.from, this.drag.to)}px)`;
    brush.style.width = `${Math.abs(this.drag.to - this.drag.from)}px`;
  }
}
