import { nothing } from 'lit';
import type { StatInsightData } from '../../model/insight-data.js';
import type { ChartView, ViewOptions } from '../view.js';
import { withHeadline } from '../headline.js';
import { sparklineLayout, statFigures, statGoal } from './layout.js';
import { statSummary } from './summary.js';
import { statTemplate } from './template.js';

/** A single number: the latest value, its change over the period, and a sparkline of the series behind it. */
export function statView(data: StatInsightData, options: ViewOptions): ChartView {
  const goal = statGoal(data, options, options.locale);
  const figures = statFigures(data, options.locale, goal.better);
  const spark = sparklineLayout(data, options.width);
  const summary = withHeadline(statSummary(data, figures, options.locale), goal.headline);
  return {
    goal: goal.status ? goal : undefined,
    count: 0,
    seriesCount: 0,
    render: () => statTemplate(data, figures, spark, summary, options.locale, goal.progress),
    legend: () => nothing,
    tooltip: () => undefined,
    activeAt: () => ({ index: -1, series: 0 }),
    detail: () => undefined,
    table: () => nothing,
  };
}
