import { nothing } from 'lit';
import type { StatInsightData } from '../../model/insight-data.js';
import type { ChartView, ViewOptions } from '../view.js';
import { sparklineLayout, statFigures } from './layout.js';
import { statSummary } from './summary.js';
import { statTemplate } from './template.js';

/** A single number: the latest value, its change over the period, and a sparkline of the series behind it. */
export function statView(data: StatInsightData, options: ViewOptions): ChartView {
  const figures = statFigures(data, options.locale);
  // The sparkline reuses the line layout without axes: the chart area's lower part.
  const spark = sparklineLayout(data, options.width);
  const summary = statSummary(data, figures);
  return {
    count: 0,
    seriesCount: 0,
    render: () => statTemplate(data, figures, spark, summary),
    legend: () => nothing,
    tooltip: () => undefined,
    activeAt: () => ({ index: -1, series: 0 }),
    detail: () => undefined,
    table: () => nothing,
  };
}
