import { svg } from 'lit';
import type { LineInsightData } from '../../model/insight-data.js';
import type { ChartImage, ImageOptions } from '../image.js';
import { lineLayout, toChartSeries } from './layout.js';
import { lineSummary } from './summary.js';
import { changeFigures } from '../change-text.js';
import { goalState, withHeadline } from '../headline.js';
import { hasRoomForPoints, lineChartTemplate } from './template.js';

/** The line chart as an image: every series, no active point. */
export function lineImage(data: LineInsightData, options: ImageOptions): ChartImage {
  const series = toChartSeries(data.series);
  const goal = goalState(data, options, options.stacked, options.locale);
  const summary = withHeadline(lineSummary(data.title, series, options.locale), goal.headline);
  return {
    goal: goal.status ? goal : undefined,
    // `compare`: each series' change after its label, as the card's legend shows it.
    legend: series.map((s) => {
      const row = goal.goals?.series.find((r) => r.seriesId === s.id && r.change);
      const change = row && changeFigures(row.change!, row.better, options.locale);
      return { id: s.id, label: s.label, color: s.color, ...(change ? { detail: `${change.arrow} ${change.text}` } : {}) };
    }),
    body: (size) => {
      const layout = lineLayout(series, size, { ...options, goals: goal.goals, annotations: goal.annotations });
      return svg`<g class="plot" role="img" aria-label=${summary}>
        ${lineChartTemplate(layout, { activeIndex: -1, showPoints: hasRoomForPoints(layout) })}
      </g>`;
    },
  };
}
