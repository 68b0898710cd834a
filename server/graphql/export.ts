import { csvRow } from '../../src/model/csv-export.ts';
import type { InsightSource } from '../sources/source.ts';

/**
 * Every point of a saved insight as CSV, as Sourcegraph's `GET /.api/insights/export/{id}` answers: one row per
 * series and recording time. Undefined for an unknown insight and for language usage, which has no series.
 */
export async function exportCSV(source: InsightSource, id: string): Promise<string | undefined> {
  const insight = source.insights().find((i) => i.id === id);
  if (!insight || insight.kind !== 'line') return undefined;
  const queries = new Map(insight.series.map((s) => [s.seriesId, s.query]));
  const rows = [['Series Label', 'Series Query', 'Recording Time', 'Value']];
  for (const series of await source.series(insight, {})) {
    const query = queries.get(series.seriesId) ?? insight.series[0]?.query ?? '';
    for (const point of series.points) rows.push([series.label, query, point.time.toISOString(), String(point.value)]);
  }
  // Labels come from repositories' contents (capture groups): csvRow keeps them from becoming formulas.
  return rows.map(csvRow).join('\r\n') + '\r\n';
}
