/** What was clicked: a point of a series, a slice or a bar. */
export interface InsightPointDetail {
  seriesId: string;
  label: string;
  /** ISO 8601 date of a line chart's point; absent for slices and bars. */
  date?: string;
  value: number;
  /** The search behind it on the instance (http(s) only), when there is one. */
  url?: string;
}

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
