import { toTime } from './dates.js';
import type { InsightData } from './insight-data.js';

/**
 * An insight's data as CSV: a line chart gives one row per date and one column per series; slices and bars
 * one row per label; a single number its value. Dates are ISO 8601, numbers unformatted, so spreadsheets read them.
 */
export function insightToCSV(data: InsightData): string {
  const rows: (string | number)[][] = [];
  if (data.kind === 'line') {
    const times = [...new Set(data.series.flatMap((s) => s.points.map((p) => toTime(p.date))))].filter(Number.isFinite).sort((a, b) => a - b);
    const values = data.series.map((s) => new Map(s.points.map((p) => [toTime(p.date), p.value])));
    rows.push(['date', ...data.series.map((s) => s.label)]);
    for (const time of times) rows.push([new Date(time).toISOString(), ...values.map((v) => v.get(time) ?? '')]);
  } else if (data.kind === 'stat') {
    rows.push(['label', 'value', 'previous'], [data.label ?? data.title, data.value, data.previous ?? '']);
  } else {
    rows.push(['label', 'value'], ...data.items.map((item) => [item.label, item.value]));
  }
  return rows.map(csvRow).join('\r\n') + '\r\n';
}

/** One CSV line: fields quoted where needed, and no text cell a spreadsheet would run as a formula. */
export function csvRow(row: readonly (string | number)[]): string {
  return row.map(cell).join(',');
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // A label from a server must not become a spreadsheet formula (=HYPERLINK(…), +cmd|…).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
