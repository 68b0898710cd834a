import type { InsightPointDetail } from '../model/point-detail.js';

export type { InsightPointDetail } from '../model/point-detail.js';

/**
 * A point, slice or bar was clicked (or chosen with Enter). Cancelable: by default the card opens `detail.url`
 * (the search behind the point) in a new tab; `preventDefault()` keeps the reader on the page.
 */
export class InsightPointClickEvent extends CustomEvent<InsightPointDetail> {
  constructor(detail: InsightPointDetail) {
    super('insight-point-click', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'insight-point-click': InsightPointClickEvent;
  }
  interface DocumentEventMap {
    'insight-point-click': InsightPointClickEvent;
  }
}
