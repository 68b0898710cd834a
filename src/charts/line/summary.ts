import { messagesFor } from '../../model/locale-messages.js';
import { formatDate, formatNumber } from '../format.js';
import { timeExtent, type ChartSeries } from './layout.js';

/** Latest values named in the summary; the data table has the rest. */
const MAX_NAMED = 5;

/** What a screen reader hears for the chart: title, series count, time range and latest values. */
export function lineSummary(title: string, series: readonly ChartSeries[], locale: string | undefined): string {
  const range = timeExtent(series);
  const [from, to] = range ? range.map((t) => formatDate(t, locale, 'full')) : ['', ''];
  const latest = series
    .filter((s) => s.points.length)
    .slice(0, MAX_NAMED)
    .map((s) => `${s.label} ${formatNumber(s.points[s.points.length - 1].value, locale, false)}`);
  // Ad-hoc insights have no title: the sentence then starts with the chart.
  return messagesFor(locale).lineSummary(title, series.length, from, to, latest);
}
