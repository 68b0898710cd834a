import { svg } from 'lit';
import type { LineInsightData } from '../../model/insight-data.js';
import type { ChartImage, ImageOptions } from '../image.js';
import { lineLayout, toChartSeries } from './layout.js';
import { lineSummary } from './summary.js';
import { goalState, withHeadline } from '../headline.js';
import { hasRoomForPoints, lineChartTemplate } from './template.js';

/** The line chart as an image: every series, no active point. */
export function lineImage(data: LineInsightData, options: ImageOptions): ChartImage {
  const series = toChartSeries(data.series);
  const goal = goalState(data, options, options.stacked, options.locale);
  const summary = withHeadline(lineSummary(data.title, series, options.locale), goal.headline);
  return {
    goal: goal.status ? goal : undefined,
    legend: series.map((s) => ({ id: s.id, label: s.label, color: s.color })),
    body: (size) => {
      const layout = lineLayout(series, size, { ...options, goals: goal.goals, annotations: goal.annotations });
      return svg`<g class="plot" role="img" aria-label=${summary}>
        ${lineChartTemplate(layout, { activeIndex: -1, showPoints: hasRoomForPoints(layout) })}
      </g>`;
    },
  };
}
