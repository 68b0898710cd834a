import { InsightSeriesElement } from './insight-series.js';

if (globalThis.customElements && !customElements.get('insight-series')) customElements.define('insight-series', InsightSeriesElement);

declare global {
  interface HTMLElementTagNameMap {
    'insight-series': InsightSeriesElement;
  }
}

export { InsightSeriesElement };
