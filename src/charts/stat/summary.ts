import type { StatInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import type { StatFigures } from './layout.js';

/** What a screen reader hears for a single number: what it counts, the number, and its change. */
export function statSummary(data: StatInsightData, { value, change, since }: StatFigures, locale: string | undefined): string {
  return [data.title || data.label, `${value}${data.label ? ` ${data.label}` : ''}`, change === undefined ? '' : messagesFor(locale).statChange(change, since)]
    .filter(Boolean)
    .join('. ');
}
