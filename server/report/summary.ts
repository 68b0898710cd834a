/**
 * The report's first line, "3 on track, 1 behind, 2 without a goal; biggest change: …", and the order insights
 * are shown in. Pure, over the collected report.
 */
import type { Change } from '../../src/model/change.ts';
import type { Report, ReportInsight } from './collect.ts';
import { changeOf, STATUS_ORDER, STATUS_WORDS, text } from './text.ts';

/** Relative changes are measured from at least this, so 1 → 3 (+200 %) does not outrank 4,000 → 3,000. */
const CHANGE_FLOOR = 10;

export interface BiggestChange {
  insight: ReportInsight;
  label: string;
  change: Change;
  better?: 1 | -1;
}

/** The series that moved most over the period, relative to where it was. */
export function biggestChange(insights: readonly ReportInsight[]): BiggestChange | undefined {
  let best: (BiggestChange & { size: number }) | undefined;
  for (const insight of insights) {
    for (const row of insight.rows) {
      if (!row.change || row.change.delta === 0) continue;
      const size = Math.abs(row.change.delta) / Math.max(Math.abs(row.change.from), CHANGE_FLOOR);
      if (!best || size > best.size) best = { insight, label: row.label, change: row.change, better: row.better, size };
    }
  }
  return best && { insight: best.insight, label: best.label, change: best.change, better: best.better };
}

export function summaryLine(report: Report): string {
  const { insights, locale } = report;
  if (!insights.length) return text.noInsights;
  const parts: string[] = [];
  for (const status of STATUS_ORDER) {
    const n = insights.filter((i) => i.goals?.status === status).length;
    if (n) parts.push(`${n} ${STATUS_WORDS[status]}`);
  }
  const failed = insights.filter((i) => i.error !== undefined).length;
  const withoutGoal = insights.filter((i) => i.error === undefined && !i.goals?.status).length;
  if (withoutGoal) parts.push(text.withoutGoal(withoutGoal));
  if (failed) parts.push(text.failed(failed));
  const biggest = biggestChange(insights);
  const what = biggest && (insights.filter((i) => i.rows.length).length > 1 || biggest.insight.rows.length > 1 ? `${biggest.insight.title}, ${biggest.label}` : biggest.insight.title);
  const change = biggest ? `; ${text.biggestChange(what!, changeOf(biggest, locale).line)}` : '';
  const warnings = insights.reduce((n, i) => n + i.warnings.length, 0);
  const sentence = (value: string) => `${value.charAt(0).toUpperCase()}${value.slice(1)}.`;
  return `${sentence(`${parts.join(', ')}${change}`)} ${sentence(warnings ? text.warnings(warnings) : text.noWarnings)}`;
}

/** With `canary`, insights with warnings come first (failed ones before the rest); otherwise the report's own order. */
export function ordered(insights: readonly ReportInsight[], canary: boolean): ReportInsight[] {
  if (!canary) return [...insights];
  const rank = (i: ReportInsight) => (i.error !== undefined ? 0 : i.warnings.length ? 1 : 2);
  return [...insights].sort((a, b) => rank(a) - rank(b));
}
