import type { LineInsightData } from './insight-data.js';

/** At most `limit` series, in the order given (the instance already sorted them); says how many were left out. */
export function limitSeries(data: LineInsightData, limit: number, total = data.series.length): { data: LineInsightData; hidden: number } {
  const shown = data.series.length > limit ? { ...data, series: data.series.slice(0, limit) } : data;
  return { data: shown, hidden: Math.max(0, total - shown.series.length) };
}
