import { formatDate, formatNumber } from '../format.js';
import { timeExtent, type ChartSeries } from './layout.js';

/** Latest values named in the summary; the data table has the rest. */
const MAX_NAMED = 5;

/** What a screen reader hears for the chart: title, series count, time range and latest values. */
export function lineSummary(title: string, series: readonly ChartSeries[], locale: string | undefined): string {
  const range = timeExtent(series);
  // Ad-hoc insights have no title: no empty first sentence then.
  const parts = [`${title ? `${title}. ` : ''}Line chart, ${series.length} series`];
  if (range) parts[0] += `, ${formatDate(range[0], locale, 'full')} to ${formatDate(range[1], locale, 'full')}`;
  const latest = series
    .filter((s) => s.points.length)
    .slice(0, MAX_NAMED)
    .map((s) => `${s.label} ${formatNumber(s.points[s.points.length - 1].value, locale, false)}`);
  if (latest.length) parts.push(`Latest: ${latest.join(', ')}`);
  return `${parts.join('. ')}.`;
}
