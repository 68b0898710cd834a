import type { CategoryInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import { formatPercent } from '../format.js';
import type { PieLayout } from './layout.js';

/** Slices named in the summary; the data table has the rest. */
const MAX_NAMED = 5;

/** What a screen reader hears for a pie: the title, the largest slices with their shares, and how many there are. */
export function pieSummary(data: CategoryInsightData, layout: PieLayout, locale: string | undefined): string {
  // Data from `src` or the `data` property comes in any order; the summary names the largest.
  const largest = [...layout.slices].sort((a, b) => b.value - a.value).slice(0, MAX_NAMED).map((s) => `${s.label} ${formatPercent(s.percent, locale)}`);
  return messagesFor(locale).pieSummary(data.title, largest, layout.slices.length);
}
