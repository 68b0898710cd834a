import { toTime } from './dates.js';
import { projectionEnd, type Goals } from './goals.js';
import { stepOf, stepsFrom } from './step.js';
import type { InsightData } from './insight-data.js';

/** Future rows a projection adds at most (weekly data projected two years out stays a readable sheet). */
const MAX_PROJECTED_ROWS = 120;

/**
 * An insight's data as CSV: a line chart gives one row per date and one column per series; slices and bars
 * one row per label; a single number its value. Dates are ISO 8601, numbers unformatted, so spreadsheets read them.
 */
export function insightToCSV(data: InsightData, goals?: Goals): string {
  const rows: (string | number)[][] = [];
  if (data.kind === 'line') {
    const times = [...new Set(data.series.flatMap((s) => s.points.map((p) => toTime(p.date))))].filter(Number.isFinite).sort((a, b) => a - b);
    const values = data.series.map((s) => new Map(s.points.map((p) => [toTime(p.date), p.value])));
    // With goals: each goal's value and its series' projected value, in columns of their own, and the projection's
    // future dates (at the data's usual step, up to where it ends) as rows of their own.
    const projected = (goals?.series ?? []).filter((g) => g.goal && g.outlook);
    const step = times.length > 1 ? stepOf(times) : undefined;
    const future = new Set<number>();
    for (const g of projected) {
      const end = projectionEnd(g);
      const from = g.outlook!.trend?.t ?? Infinity;
      if (end === undefined || !step) continue;
      const last = startOfDay(end);
      for (let k = 1, t = stepsFrom(from, step); t < last && k <= MAX_PROJECTED_ROWS; t = stepsFrom(from, step, ++k)) future.add(t);
      future.add(last);
    }
    const header = (g: (typeof projected)[number]) => g.label || 'Total';
    rows.push(['date', ...data.series.map((s) => s.label), ...projected.flatMap((g) => [`${header(g)} goal`, `${header(g)} projected`])]);
    const all = [...times, ...[...future].filter((t) => t > times[times.length - 1]).sort((a, b) => a - b)];
    for (const time of all) {
      const extra = projected.flatMap((g) => {
        const trend = g.outlook!.trend;
        const end = projectionEnd(g);
        const inside = trend && end !== undefined && time >= trend.t && time <= startOfDay(end) + 864e5;
        return [g.goal!.value, inside ? round(trend.at + trend.slope * (time - trend.t)) : ''];
      });
      rows.push([new Date(time).toISOString(), ...values.map((v) => v.get(time) ?? ''), ...extra]);
    }
  } else if (data.kind === 'stat') {
    rows.push(['label', 'value', 'previous'], [data.label ?? data.title, data.value, data.previous ?? '']);
  } else {
    rows.push(['label', 'value'], ...data.items.map((item) => [item.label, item.value]));
  }
  return rows.map(csvRow).join('\r\n') + '\r\n';
}

const round = (v: number) => Math.round(v * 100) / 100;
const startOfDay = (t: number) => t - (((t % 864e5) + 864e5) % 864e5);

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
