import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextActive, pointText } from '../../charts/keyboard.js';
import type { LegendControls } from '../../charts/legend.js';
import { tooltipPosition } from '../../charts/tooltip.js';
import { viewFor, type Active, type ChartView, type GoalDrawing } from '../../charts/view.js';
import { InsightPointClickEvent } from '../../events/insight-point-click.js';
import type { InsightData } from '../../model/insight-data.js';
import { messagesFor, type Messages } from '../../model/locale-messages.js';
import { safeHttpURL } from '../../model/url.js';
import type { DragZoomController } from './drag-zoom-controller.js';

type ChartHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** What a card's chart is drawn from; the view is built again only when one of these changes. */
export interface ChartInputs extends GoalDrawing {
  data: InsightData;
  width: number;
  height: number;
  yZero: boolean;
  stacked: boolean;
  locale: string | undefined;
  /** The page's own title for the card, in place of the insight's (the summary and table caption say it). */
  heading: string | undefined;
}

const NONE: Active = { index: -1, series: 0 };

/**
 * A card's chart and the reader on it: the view for the current data, size and options (built once per change
 * of any, never on a pointer move, so hovering costs a lookup), the mark the reader is on by pointer or keyboard,
 * the tooltip beside it, legend toggles and highlighting, what the live region announces, and choosing a mark
 * (Enter or a click), which fires `insight-point-click` and by default opens the search behind it.
 */
export class ChartController implements ReactiveController {
  /** The mark the reader is on (index -1: none). */
  active: Active = NONE;
  /** The series whose legend item is pointed at or focused. */
  highlighted?: string;
  /** What the live region says: the point the keyboard is on, or what a menu entry did. */
  announcement = '';
  /** Series turned off in the legend. */
  hiddenSeries: ReadonlySet<string> = new Set();
  /** Whether a chart is drawn (not loading, empty or failed): pointer and keys do nothing otherwise. */
  drawn = false;
  #view?: { inputs: ChartInputs; hidden: ReadonlySet<string>; zoom: DragZoomController['zoom']; words: Messages; view: ChartView };
  /** The active mark the tooltip was last placed for. */
  #placed?: Active;

  constructor(
    private readonly host: ChartHost,
    private readonly zoom: DragZoomController,
  ) {
    host.addController(this);
  }

  /** The view of `inputs`, the same object while neither they nor the toggles, zoom and words (configure()) change. */
  viewOf(inputs: ChartInputs): ChartView {
    const last = this.#view;
    const words = messagesFor(inputs.locale);
    const same =
      last?.hidden === this.hiddenSeries &&
      last.words === words &&
      last.zoom === this.zoom.zoom &&
      (Object.keys(inputs) as (keyof ChartInputs)[]).every((key) => inputs[key] === last.inputs[key]);
    if (!same) {
      const data = inputs.heading ? { ...inputs.data, title: inputs.heading } : inputs.data;
      const view = viewFor(data, { ...inputs, legend: this.legend, zoom: this.zoom.zoom });
      this.#view = { inputs, hidden: this.hiddenSeries, zoom: this.zoom.zoom, words, view };
    }
    return this.#view!.view;
  }

  /** The view last built, while a chart is drawn. */
  get view(): ChartView | undefined {
    return this.drawn ? this.#view?.view : undefined;
  }

  /** What the screen readers' table is built from: a new table only when one of these changes (not the size). */
  get tableKey(): unknown[] | undefined {
    const last = this.#view;
    return this.drawn && last ? [last.inputs.data, last.inputs.locale, last.words, last.inputs.heading, last.hidden, last.zoom] : undefined;
  }

  hostUpdated(): void {
    if (this.#placed === this.active) return;
    this.#placed = this.active;
    this.#placeTooltip();
  }

  /** The legend's view of this card: stable, so views built with it stay valid while toggles change. */
  readonly legend: LegendControls = (() => {
    const chart = () => this;
    return {
      get hidden() {
        return chart().hiddenSeries;
      },
      toggle: (id: string) => {
        const hidden = new Set(this.hiddenSeries);
        if (!hidden.delete(id)) hidden.add(id);
        this.hiddenSeries = hidden;
        this.host.requestUpdate();
      },
      highlight: (id: string | undefined) => {
        this.highlighted = id;
        this.host.requestUpdate();
      },
    };
  })();

  announce = (text: string): void => {
    this.announcement = text;
    this.host.requestUpdate();
  };

  /**
   * A drag across a line chart selects a time range to zoom into; a plain click still drills down. The drag selects
   * no text on the way because the chart area's text cannot be selected (its styles), not by cancelling this event:
   * its default also focuses the chart, and cancelling it keeps mousedown from the page (d3-drag, too, leaves it).
   */
  handlePointerDown = (event: PointerEvent): void => {
    if (event.button === 0 && this.view?.timeAt) this.zoom.press(chartX(event));
  };

  handlePointerUp = (): void => {
    if (this.zoom.release(this.view?.timeAt)) this.#setActive(NONE);
  };

  handlePointerMove = (event: PointerEvent): void => {
    if (this.zoom.pressed) this.zoom.move(chartX(event));
    const active = this.#activeAt(event);
    if (active.index !== this.active.index || active.series !== this.active.series) this.#setActive(active);
  };

  handlePointerLeave = (): void => {
    this.#setActive(NONE);
    this.zoom.cancel();
  };

  handleClick = (event: MouseEvent): void => {
    if (this.zoom.endsZoom()) return;
    const active = this.#activeAt(event);
    if (active.index >= 0) this.#choose(active);
  };

  handleKeyDown = (event: KeyboardEvent): void => {
    const view = this.view;
    if (!view?.count) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.active.index < 0) return;
      event.preventDefault();
      this.#choose(this.active);
      return;
    }
    const next = nextActive(this.active, event.key, view.count, view.seriesCount);
    if (!next) return;
    event.preventDefault();
    this.#setActive(next);
    const detail = view.detail(next);
    const note = next.index < 0 ? '' : view.note?.(next);
    this.announce(next.index < 0 || !detail ? '' : `${pointText(detail, this.#view?.inputs.locale)}${note ? `. ${note}` : ''}`);
  };

  #setActive(active: Active): void {
    this.active = active;
    this.host.requestUpdate();
  }

  #activeAt(event: MouseEvent): Active {
    const view = this.view;
    if (!view) return NONE;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return view.activeAt(event.clientX - box.left, event.clientY - box.top, event.composedPath()[0] as Element);
  }

  /** Fires insight-point-click; unless a listener cancels it, opens the search behind the point in a new tab. */
  #choose(active: Active): void {
    const detail = this.view?.detail(active);
    if (!detail) return;
    const event = new InsightPointClickEvent(detail);
    this.host.dispatchEvent(event);
    const url = safeHttpURL(detail.url);
    if (!event.defaultPrevented && url) window.open(url, '_blank', 'noopener,noreferrer');
  }

  /** Beside the mark (see `tooltipPosition`), measured once per mark the reader moves to. */
  #placeTooltip(): void {
    const tooltip = this.host.renderRoot.querySelector<HTMLElement>('.tooltip');
    const mark = this.active.index >= 0 ? this.view?.tooltip(this.active) : undefined;
    if (!tooltip || !mark) return;
    const size = { width: tooltip.offsetWidth, height: tooltip.offsetHeight };
    const { left, top } = tooltipPosition(mark.x, mark.y, size, this.#view?.inputs ?? size);
    tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }
}

/** The pointer's x in the chart area. */
function chartX(event: PointerEvent): number {
  return event.clientX - (event.currentTarget as HTMLElement).getBoundingClientRect().left;
}
