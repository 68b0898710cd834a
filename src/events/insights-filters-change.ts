import type { ViewFilters } from '../model/view-filters.js';

/** The reader applied or cleared filters in a dashboard's filter bar. `detail` is the filters now in force. */
export class InsightsFiltersChangeEvent extends CustomEvent<ViewFilters> {
  constructor(filters: ViewFilters) {
    super('insights-filters-change', { bubbles: true, composed: true, detail: filters });
  }
}

declare global {
  interface HTMLElementEventMap {
    'insights-filters-change': InsightsFiltersChangeEvent;
  }
  // The events are composed and bubble, so pages often listen on the document.
  interface DocumentEventMap {
    'insights-filters-change': InsightsFiltersChangeEvent;
  }
}
