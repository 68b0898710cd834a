import { parsePeriod } from '../model/change.js';
import { AN_ISO_DATE, toTime } from '../model/dates.js';
import type { GoalOptions } from '../model/goals.js';
import { MAX_TREND_SAMPLES, MIN_TREND_SAMPLES } from '../model/projection.js';
import { invalid } from './view-options.js';

/** The goal attributes of `<code-insight>` (SPEC "Goals, projections, change and annotations"), also URL parameters of the image embeds. */
export interface GoalAttributes {
  /** A number, or its text (a URL parameter), named as written when it is not one. */
  goal?: number | string | null;
  goalDate?: string | null;
  goalSeries?: string | null;
  better?: string | null;
  baselineDate?: string | null;
  trendWindow?: number | null;
  compare?: string | null;
}

/** Checked goal attributes, or a configuration error naming the attribute (`noun`: parameter, for the embeds). */
export function goalOptions(a: GoalAttributes, noun: 'attribute' | 'parameter' = 'attribute'): GoalOptions {
  const options: GoalOptions = {};
  if (a.goal != null && a.goal !== '') {
    const value = typeof a.goal === 'string' ? (/^\s*-?(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i.test(a.goal) ? Number(a.goal) : NaN) : a.goal;
    if (!Number.isFinite(value)) throw invalid('goal', String(a.goal), 'a number', noun);
    options.goal = { value, date: a.goalDate ? checkedDate('goal-date', a.goalDate, noun) : undefined };
  } else if (a.goalDate) throw invalid('goal-date', a.goalDate, 'a goal as well (goal="0")', noun);
  if (a.goalSeries) options.goalSeries = a.goalSeries.trim();
  if (a.better) {
    if (a.better !== 'up' && a.better !== 'down') throw invalid('better', a.better, 'up or down', noun);
    options.better = a.better === 'up' ? 1 : -1;
  }
  if (a.baselineDate) options.baseline = checkedDate('baseline-date', a.baselineDate, noun);
  if (a.trendWindow != null) {
    if (!Number.isInteger(a.trendWindow) || a.trendWindow < MIN_TREND_SAMPLES || a.trendWindow > MAX_TREND_SAMPLES)
      throw invalid('trend-window', String(a.trendWindow), `a whole number of samples from ${MIN_TREND_SAMPLES} to ${MAX_TREND_SAMPLES}`, noun);
    options.window = a.trendWindow;
  }
  if (a.compare) {
    options.compare = parsePeriod(a.compare);
    if (!options.compare) throw invalid('compare', a.compare, 'a period such as 1w, 1mo, 1q or 1y', noun);
  }
  return options;
}

function checkedDate(attribute: string, value: string, noun: string): number {
  const time = toTime(value.trim());
  if (!Number.isFinite(time)) throw invalid(attribute, value, AN_ISO_DATE, noun);
  return time;
}
