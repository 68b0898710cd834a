import type { InsightData } from '../model/insight-data.js';

/** An insight's data arrived and is drawn. `detail` is the `InsightData`. */
export class InsightLoadEvent extends CustomEvent<InsightData> {
  constructor(data: InsightData) {
    super('insight-load', { bubbles: true, composed: true, detail: data });
  }
}

declare global {
  interface HTMLElementEventMap {
    'insight-load': InsightLoadEvent;
  }
  // The events are composed and bubble, so pages often listen on the document.
  interface DocumentEventMap {
    'insight-load': InsightLoadEvent;
  }
}
