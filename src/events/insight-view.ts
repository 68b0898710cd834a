import type { InsightData } from '../model/insight-data.js';

/** Which insight a reader saw: its saved id (none for other insights), the kind of chart, and its title. */
export interface InsightViewDetail {
  /** The saved insight's id (from `insight-id`); undefined for ad-hoc, language, group-by and third-party insights. */
  id?: string;
  /** The chart drawn: `line`, `pie`, `bar` or `stat`. */
  kind: InsightData['kind'];
  /** The title shown (`heading`, else the insight's own); may be empty. */
  title: string;
}

/**
 * A card's insight was seen: at least half the card was in the viewport for a second while it showed the
 * insight. Fired once per card and insight (again when the card shows another insight), for a page's analytics.
 */
export class InsightViewEvent extends CustomEvent<InsightViewDetail> {
  constructor(detail: InsightViewDetail) {
    super('insight-view', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'insight-view': InsightViewEvent;
  }
  // The events are composed and bubble, so pages often listen on the document.
  interface DocumentEventMap {
    'insight-view': InsightViewEvent;
  }
}
