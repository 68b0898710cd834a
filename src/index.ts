/**
 * code-insights-elements: importing this module defines every element. The classes, `configure()` and the
 * types are exported for apps that want them.
 */
import './elements/code-insight/define.js';
import './elements/insights-dashboard/define.js';
import './elements/insight-series/define.js';
import './elements/insight-annotation/define.js';

export { CodeInsightElement, type InsightState } from './elements/code-insight/code-insight.js';
export { InsightSeriesElement } from './elements/insight-series/insight-series.js';
export { InsightAnnotationElement } from './elements/insight-annotation/insight-annotation.js';
export { InsightsDashboardElement, type DashboardState } from './elements/insights-dashboard/insights-dashboard.js';
export type { ViewFilters } from './model/view-filters.js';
export { configure, type CodeInsightsOptions } from './configure.js';
export { InsightsClient, type InsightFilters, type SeriesDisplayOptions } from './api/client.js';
export { InsightsError, type InsightsErrorKind } from './api/errors.js';
export { InsightLoadEvent } from './events/insight-load.js';
export { InsightErrorEvent } from './events/insight-error.js';
export { InsightPointClickEvent, type InsightPointDetail } from './events/insight-point-click.js';
export { InsightViewEvent, type InsightViewDetail } from './events/insight-view.js';
export { InsightsFiltersChangeEvent } from './events/insights-filters-change.js';
export { MENU_ACTIONS, type MenuAction } from './model/menu-actions.js';
export type * from './model/insight-data.js';
export { defaultMessages, type Messages } from './model/messages.js';
export type { Translation } from './model/locale-messages.js';
