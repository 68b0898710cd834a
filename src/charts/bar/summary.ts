import type { CategoryInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import type { BarLayout } from './layout.js';

/** Bars named in the summary; the data table has the rest. */
const MAX_NAMED = 5;

/** What a screen reader hears for grouped results: the title, the largest bars with their values, and how many groups. */
export function barSummary(data: CategoryInsightData, layout: BarLayout, locale: string | undefined): string {
  const largest = layout.bars.slice(0, MAX_NAMED).map((b) => `${b.label} ${b.valueLabel}`);
  return messagesFor(locale).barSummary(data.title, largest, data.items.length);
}
