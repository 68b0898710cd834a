/**
 * React wrappers (`code-insights-elements/react`), made with @lit/react: properties are set as properties (so
 * `data`, `token` and `client` take objects), and the elements' events are props. Importing this module defines
 * the elements. React is an optional peer dependency: only this entry needs it.
 *
 *   <CodeInsight instance="https://sourcegraph.example.com" insightId="…" onInsightLoad={(e) => e.detail.title} />
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CodeInsightElement } from '../elements/code-insight/define.js';
import { InsightAnnotationElement } from '../elements/insight-annotation/define.js';
import { InsightSeriesElement } from '../elements/insight-series/define.js';
import { InsightsDashboardElement } from '../elements/insights-dashboard/define.js';
import type { InsightErrorEvent } from '../events/insight-error.js';
import type { InsightLoadEvent } from '../events/insight-load.js';
import type { InsightPointClickEvent } from '../events/insight-point-click.js';
import type { InsightViewEvent } from '../events/insight-view.js';
import type { InsightsFiltersChangeEvent } from '../events/insights-filters-change.js';

/** The events a card fires, as React props. They bubble, so a dashboard passes on its cards' events too. */
const insightEvents = {
  onInsightLoad: 'insight-load' as EventName<InsightLoadEvent>,
  onInsightError: 'insight-error' as EventName<InsightErrorEvent>,
  onInsightPointClick: 'insight-point-click' as EventName<InsightPointClickEvent>,
  onInsightView: 'insight-view' as EventName<InsightViewEvent>,
};

/** `<code-insight>`: one insight card. */
export const CodeInsight = createComponent({
  react: React,
  tagName: 'code-insight',
  elementClass: CodeInsightElement,
  events: insightEvents,
  displayName: 'CodeInsight',
});

/** `<insights-dashboard>`: a grid of cards with one filter bar; its cards' events arrive as its own. */
export const InsightsDashboard = createComponent({
  react: React,
  tagName: 'insights-dashboard',
  elementClass: InsightsDashboardElement,
  events: { ...insightEvents, onInsightsFiltersChange: 'insights-filters-change' as EventName<InsightsFiltersChangeEvent> },
  displayName: 'InsightsDashboard',
});

/** `<insight-series>`: one series of an ad-hoc `<CodeInsight>`, as its child. */
export const InsightSeries = createComponent({
  react: React,
  tagName: 'insight-series',
  elementClass: InsightSeriesElement,
  displayName: 'InsightSeries',
});

/** `<insight-annotation>`: an event on a `<CodeInsight>`'s time axis (a release, "codemod landed"), as its child. */
export const InsightAnnotation = createComponent({
  react: React,
  tagName: 'insight-annotation',
  elementClass: InsightAnnotationElement,
  displayName: 'InsightAnnotation',
});

export type { CodeInsightElement, InsightAnnotationElement, InsightSeriesElement, InsightsDashboardElement };
export type { InsightErrorEvent, InsightLoadEvent, InsightPointClickEvent, InsightViewEvent, InsightsFiltersChangeEvent };
export type { InsightPointDetail } from '../events/insight-point-click.js';
export type * from '../model/insight-data.js';
