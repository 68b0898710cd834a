import type { CategoryItem } from './insight-data.js';
import { OTHER_COLOR } from './palette.js';

/**
 * Largest first, with the items below `otherThreshold` of the total (a fraction, as Sourcegraph's
 * `PieChartInsightViewPresentation.otherThreshold`) summed into one `otherLabel` item at the end, painted a neutral grey. A lone small
 * item keeps its own name: an "Other" that stands for one thing hides its name for nothing. Items without a
 * positive, finite value cannot be drawn as a share of anything and are dropped. Pure.
 */
export function groupSmallItems(items: readonly CategoryItem[], otherThreshold: number, otherLabel: string): CategoryItem[] {
  // Array#sort is stable: equal values keep the order they came in.
  const sorted = items.filter((item) => Number.isFinite(item.value) && item.value > 0).sort((a, b) => b.value - a.value);
  const total = sorted.reduce((sum, item) => sum + item.value, 0);
  if (!(otherThreshold > 0) || total <= 0) return sorted;
  const large = sorted.filter((item) => item.value / total >= otherThreshold);
  const small = sorted.slice(large.length);
  if (small.length < 2) return sorted;
  return [...large, { label: otherLabel, value: small.reduce((sum, item) => sum + item.value, 0), color: OTHER_COLOR }];
}
