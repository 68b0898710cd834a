import { html, type TemplateResult } from 'lit';
import { defaultMessages as m } from '../model/messages.js';
import type { ChartSeries } from './line.js';
import { swatch } from './tooltip.js';

/** One item per series with its colour; the contract's `data-legend-item` hooks live here. */
export function legendTemplate(series: readonly ChartSeries[]): TemplateResult {
  return html`<ul class="legend" part="legend" aria-label=${m.legend}>
    ${series.map(
      (s) => html`<li data-legend-item data-series-id=${s.id}>${swatch(s.color)}<span class="legend-label">${s.label}</span></li>`,
    )}
  </ul>`;
}
