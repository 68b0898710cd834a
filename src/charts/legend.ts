import { html, nothing, type TemplateResult } from 'lit';
import type { ChangeFigures } from './change-text.js';
import { messagesFor } from '../model/locale-messages.js';
import type { ChartSeries } from './line/layout.js';
import { swatch } from './tooltip.js';

export interface LegendControls {
  /** Series the reader turned off. */
  hidden: ReadonlySet<string>;
  toggle(seriesId: string): void;
  /** Called with a series id while the pointer or focus is on its item, undefined after. */
  highlight(seriesId: string | undefined): void;
}

/** Above this many series, a wide card puts the legend beside the chart, and a long legend scrolls (the card's styles). */
const FEW = 3;

/**
 * The width a legend of `count` series takes beside a chart that shares `width` with it (a quarter, 160 to 256
 * px), or 0 where it goes below (a few series, or less than 640 px). Decided here, before the chart is laid out:
 * a CSS rule moving it beside the chart afterwards made the card lay out and draw its chart twice.
 */
export function legendBeside(width: number, count: number): number {
  return count > FEW && width >= 640 ? Math.min(256, Math.max(160, width / 4)) : 0;
}

/**
 * One item per series with its colour; the contract's `data-legend-item` hooks live here. With controls, each
 * item is a toggle button (pressed: the series is shown) that highlights its line while pointed at or focused.
 */
export function legendTemplate(
  series: readonly ChartSeries[],
  locale: string | undefined,
  controls?: LegendControls,
  changes?: ReadonlyMap<string, ChangeFigures>,
): TemplateResult {
  const change = (id: string) => {
    const c = changes?.get(id);
    return c ? html` <span class="change" part="change" data-tone=${c.tone}><span aria-hidden="true">${c.arrow}</span> ${c.text}</span>` : nothing;
  };
  return html`<ul class=${series.length > FEW ? 'legend many' : 'legend'} part="legend" aria-label=${messagesFor(locale).legend}>
    ${series.map((s, i) =>
      controls
        ? html`<li data-legend-item data-series-id=${s.id}>
            <button
              type="button"
              class="legend-toggle"
              aria-pressed=${!controls.hidden.has(s.id)}
              @click=${() => controls.toggle(s.id)}
              @pointerenter=${() => controls.highlight(s.id)}
              @pointerleave=${() => controls.highlight(undefined)}
              @focus=${() => controls.highlight(s.id)}
              @blur=${() => controls.highlight(undefined)}
            >
              ${swatch(s.color, i % 5)}<span class="legend-label">${s.label}</span>${change(s.id)}
            </button>
          </li>`
        : html`<li data-legend-item data-series-id=${s.id}>${swatch(s.color, i % 5)}<span class="legend-label">${s.label}</span>${change(s.id)}</li>`,
    )}
  </ul>`;
}
