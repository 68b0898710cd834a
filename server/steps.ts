import type { StepUnit } from './source.ts';

export interface Step {
  unit: StepUnit;
  value: number;
}

const UNITS: Record<string, StepUnit> = { h: 'HOUR', d: 'DAY', w: 'WEEK', mo: 'MONTH', y: 'YEAR' };
const HOUR = 3_600_000;
const APPROXIMATE: Record<StepUnit, number> = { HOUR, DAY: 24 * HOUR, WEEK: 168 * HOUR, MONTH: 730 * HOUR, YEAR: 8760 * HOUR };

/** `1mo`, `2w`, `1d`, `6h`, `1y` → a Sourcegraph step; undefined when it is not one. */
export function parseStep(text: string): Step | undefined {
  const match = /^(\d+)\s*(h|d|w|mo|y)$/.exec(text.trim());
  const value = match ? Number(match[1]) : 0;
  return match && value >= 1 ? { unit: UNITS[match[2]], value } : undefined;
}

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
