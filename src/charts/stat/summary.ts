import type { StatInsightData } from '../../model/insight-data.js';
import { defaultMessages as m } from '../../model/messages.js';
import type { StatFigures } from './layout.js';

/** What a screen reader hears for a single number: what it counts, the number, and its change. */
export function statSummary(data: StatInsightData, { value, change, since }: StatFigures): string {
  return [data.title || data.label, `${value}${data.label ? ` ${data.label}` : ''}`, change === undefined ? '' : m.statChange(change, since)]
    .filter(Boolean)
    .join('. ');
}
