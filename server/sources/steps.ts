import type { Step, StepUnit } from '../../src/model/step.ts';

export { parseStep, type Step } from '../../src/model/step.ts';

const HOUR = 3_600_000;
const APPROXIMATE: Record<StepUnit, number> = { HOUR, DAY: 24 * HOUR, WEEK: 168 * HOUR, MONTH: 730 * HOUR, YEAR: 8760 * HOUR };

/**
 * The step that spreads `points` samples over a history of `span` milliseconds: the coarsest unit that
 * still gives every sample its own interval, so a week-old repository gets daily points and a decade-old
 * one yearly points.
 */
export function stepForSpan(span: number, points: number): Step {
  const perInterval = span / Math.max(1, points - 1);
  for (const unit of ['YEAR', 'MONTH', 'WEEK', 'DAY'] as const) {
    if (perInterval >= APPROXIMATE[unit]) return { unit, value: Math.floor(perInterval / APPROXIMATE[unit]) };
  }
  return { unit: 'HOUR', value: Math.max(1, Math.ceil(perInterval / HOUR)) };
}

/** `points` sample times, oldest first, the last at `end`, one calendar step apart (in UTC). */
export function sampleDates(step: Step, points: number, end: Date): Date[] {
  return Array.from({ length: points }, (_, i) => offset(end, step, i - (points - 1)));
}

function offset(date: Date, { unit, value }: Step, count: number): Date {
  const d = new Date(date);
  const n = value * count;
  if (unit === 'HOUR') d.setUTCHours(d.getUTCHours() + n);
  else if (unit === 'DAY') d.setUTCDate(d.getUTCDate() + n);
  else if (unit === 'WEEK') d.setUTCDate(d.getUTCDate() + 7 * n);
  else if (unit === 'MONTH') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d;
}
