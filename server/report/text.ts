/**
 * Every sentence of a report, in one place (as src/model/messages.ts is for the card), shared by the HTML, the
 * Markdown and the Slack payload so the three say the same thing. Numbers and dates in the report's locale.
 */
import { changeFigures, type ChangeFigures } from '../../src/charts/change-text.ts';
import { formatDate, formatNumber } from '../../src/charts/format.ts';
import type { Change } from '../../src/model/change.ts';
import type { GoalStatus } from '../../src/model/projection.ts';
import type { CanaryWarning } from './canary.ts';

export const STATUS_WORDS: Record<GoalStatus, string> = {
  'on-track': 'on track',
  reached: 'reached',
  behind: 'behind',
  'no-progress': 'not moving',
  'wrong-way': 'going the wrong way',
  unknown: 'too early to tell',
};

/** The order statuses are counted in: good news first, as a reader expects "3 on track, 1 behind". */
export const STATUS_ORDER: GoalStatus[] = ['on-track', 'reached', 'behind', 'no-progress', 'wrong-way', 'unknown'];

const UNITS: Record<string, [string, string]> = { d: ['day', 'days'], w: ['week', 'weeks'], mo: ['month', 'months'], q: ['quarter', 'quarters'], y: ['year', 'years'] };

/** `1w` → "1 week", `2mo` → "2 months" (the period was checked by parsePeriod). */
export function periodWords(period: string): string {
  const [, n, unit] = /^(\d+)\s*(d|w|mo|q|y)$/.exec(period.trim()) ?? [, period, ''];
  const words = UNITS[unit];
  return words ? `${n} ${Number(n) === 1 ? words[0] : words[1]}` : period;
}

export const count = (value: number, locale: string) => formatNumber(value, locale, false);

/**
 * A series' change as the card's legend says it (charts/change-text.ts): "▲ +120 (+25%)", "■ ±0", with its tone
 * (good or bad news by the way that counts as progress, `better`), so the mail and the card never disagree.
 */
export function changeOf(row: { change: Change; better?: 1 | -1 }, locale: string): ChangeFigures & { line: string } {
  const figures = changeFigures(row.change, row.better, locale);
  return { ...figures, line: `${figures.arrow} ${figures.text}` };
}

export const sinceText = (time: number, locale: string) => `since ${formatDate(time, locale, 'full')}`;

/** One canary warning as a sentence. */
export function warningText(warning: CanaryWarning, locale: string): string {
  const on = warning.at === undefined ? '' : ` on ${formatDate(warning.at, locale, 'full')}`;
  switch (warning.kind) {
    case 'failed':
      return warning.error !== undefined ? `Could not be loaded: ${warning.error}` : `${count(warning.count ?? 0, locale)} of its jobs failed on the instance.`;
    case 'stuck':
      return `Still being computed after ${count(warning.count ?? 0, locale)} hours.`;
    case 'stale':
      return `No new point for ${count(warning.count ?? 0, locale)} steps (the last one is from ${formatDate(warning.at!, locale, 'full')}).`;
    case 'zero':
      return `${warning.series} dropped to zero from ${count(warning.from!, locale)}${on}.`;
    case 'jump':
      return `${warning.series} ${warning.to! > warning.from! ? 'jumped' : 'fell'} from ${count(warning.from!, locale)} to ${count(warning.to!, locale)} in one step${on}.`;
  }
}

export const text = {
  noInsights: 'This report names no insights.',
  canaryHeading: 'Needs a look',
  usageHeading: 'Views',
  mostViewed: 'Most viewed this period',
  notViewed: 'Not viewed this period',
  views: (n: number, locale: string) => (n === 1 ? '1 view' : `${count(n, locale)} views`),
  latest: 'Latest',
  change: 'Change',
  period: (period: string) => `period: ${periodWords(period)}`,
  series: 'Series',
  more: (n: number) => `and ${n} more`,
  openInsight: 'Open the insight',
  search: 'search',
  asOf: (time: number, locale: string) => `As of ${formatDate(time, locale, 'full')}`,
  footer: 'Sent by code-insights-server report.',
  withoutGoal: (n: number) => `${n} without a goal`,
  failed: (n: number) => `${n} could not be loaded`,
  biggestChange: (what: string, change: string) => `biggest change: ${what} ${change}`,
  warnings: (n: number) => (n === 1 ? '1 warning' : `${n} warnings`),
  noWarnings: 'no warnings',
};
