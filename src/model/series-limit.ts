import type { LineInsightData } from './insight-data.js';

/**
 * At most `limit` series, in the order given (the instance already sorted them); says how many were left out, and
 * the names of those it left out itself (an instance that applied the limit sends no names for the rest).
 */
export function limitSeries(
  data: LineInsightData,
  limit: number,
  total = data.series.length,
): { data: LineInsightData; hidden: number; hiddenLabels: string[] } {
  const shown = data.series.length > limit ? { ...data, series: data.series.slice(0, limit) } : data;
  return { data: shown, hidden: Math.max(0, total - shown.series.length), hiddenLabels: data.series.slice(limit).map((s) => s.label) };
}
