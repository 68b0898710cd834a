// Compiled with tsc, never run: the package's declarations give apps typed elements, events and React props.
import type { InsightData, InsightPointDetail, InsightState, InsightViewDetail, ViewFilters } from 'code-insights-elements';
import { CodeInsightElement } from 'code-insights-elements/elements/code-insight.js';
import type { InsightsDashboardElement } from 'code-insights-elements/elements/insights-dashboard.js';
import { CodeInsight, InsightSeries, InsightsDashboard } from 'code-insights-elements/react';

const card = document.createElement('code-insight');
const typed: CodeInsightElement = card;
typed.insightId = 'aW5zaWdodF92aWV3OiJ4Ig==';
typed.token = 'sgp_…';
typed.theme = 'dark';
const state: InsightState = card.state;
card.addEventListener('insight-load', (event) => {
  const data: InsightData = event.detail;
  return data.title;
});
card.addEventListener('insight-point-click', (event) => {
  const point: InsightPointDetail = event.detail;
  event.preventDefault();
  return point.seriesId;
});
document.addEventListener('insight-error', (event) => event.detail.message);
document.addEventListener('insight-view', (event) => {
  const seen: InsightViewDetail = event.detail;
  // @ts-expect-error kind is 'line' | 'pie' | 'bar' | 'stat'
  return seen.kind === 'donut';
});
document.addEventListener('insights-filters-change', (event) => {
  const filters: ViewFilters = event.detail;
  return filters.includeRepos;
});
const dashboard: InsightsDashboardElement | null = document.querySelector('insights-dashboard');
const series = document.createElement('insight-series');
series.query = 'TODO';
// @ts-expect-error theme is 'auto' | 'light' | 'dark'
card.theme = 'sepia';
// @ts-expect-error no such property
card.insightID = 'x';

export const views = [
  <CodeInsight instance="https://sourcegraph.example.com" insightId="x" seriesLimit={5} onInsightPointClick={(e) => e.detail.url} />,
  <InsightsDashboard dashboardId="y" onInsightError={(e) => e.detail.message} />,
  <InsightsDashboard actions="csv png" hideTitle onInsightView={(e) => e.detail.id} onInsightsFiltersChange={(e) => e.detail.sort} />,
  <CodeInsight repositories="github.com/acme/web">
    <InsightSeries label="TODO" query="TODO" color="var(--oc-blue-7)" captureGroup={false} />
  </CodeInsight>,
  // @ts-expect-error insightId is a string
  <CodeInsight insightId={42} />,
  // @ts-expect-error the event is an InsightLoadEvent: its detail has no `foo`
  <CodeInsight onInsightLoad={(e) => e.detail.foo} />,
];
export { state, dashboard };
