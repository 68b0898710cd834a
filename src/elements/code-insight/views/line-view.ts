import { html, nothing } from 'lit';
import { legendTemplate } from '../../../charts/legend.js';
import { lineLayout, nearestTimeIndex, toChartSeries } from '../../../charts/line.js';
import { lineChartTemplate } from '../../../charts/line-chart.js';
import { lineSummary } from '../../../charts/summary.js';
import { tooltipTemplate } from '../../../charts/tooltip.js';
import type { LineInsightData } from '../../../model/insight-data.js';
import type { ChartView, ViewOptions } from './view.js';

/** Below this many pixels per sample, dots on every point would merge into a thick line. */
const MIN_POINT_SPACING = 10;

export function lineView(data: LineInsightData, options: ViewOptions): ChartView {
  const series = toChartSeries(data.series);
  const layout = lineLayout(series, options, options);
  const showPoints = (layout.plot.right - layout.plot.left) / Math.max(1, layout.times.length) >= MIN_POINT_SPACING;
  const summary = lineSummary(data.title, series, options.locale);
  return {
    count: layout.times.length,
    render: (activeIndex) =>
      html`<svg class="plot" role="img" aria-label=${summary} viewBox="0 0 ${layout.width} ${layout.height}">
        ${lineChartTemplate(layout, { activeIndex, showPoints })}
      </svg>`,
    legend: () => (series.length ? legendTemplate(series) : nothing),
    tooltip: (activeIndex) => {
      if (activeIndex < 0 || activeIndex >= layout.times.length) return undefined;
      const x = layout.xs[activeIndex];
      return { content: tooltipTemplate(layout, activeIndex, options.locale), x, y: layout.plot.top };
    },
    indexAt: (x) => (x < layout.plot.left - 8 || x > layout.plot.right + 8 ? -1 : nearestTimeIndex(layout, x)),
  };
}
