/** Sourcegraph's time steps (`TimeIntervalStepUnit`) in the attribute notation `1d`, `2w`, `1mo`, `6h`, `1y`. */
export type StepUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface Step {
  unit: StepUnit;
  value: number;
}

const UNITS: Record<string, StepUnit> = { h: 'HOUR', d: 'DAY', w: 'WEEK', mo: 'MONTH', y: 'YEAR' };

/** `1mo`, `2w`, `1d`, `6h`, `1y` → a step; undefined when it is not one. */
export function parseStep(text: string): Step | undefined {
  const match = /^(\d+)\s*(h|d|w|mo|y)$/.exec(text.trim());
  const value = match ? Number(match[1]) : 0;
  return match && value >= 1 ? { unit: UNITS[match[2]], value } : undefined;
}

/**
 * Each unit's length in hours, and the shortest gap that counts as one: 28.5 days makes a month, so samples four
 * weeks apart (two can fall in one month) stay weeks; 20 hours makes a day, so a step of 23 hours (a span cut into
 * equal parts) is read by its days.
 */
const LENGTHS: [StepUnit, number, number][] = [
  ['YEAR', 8766, 8640],
  ['MONTH', 730.5, 684],
  ['WEEK', 168, 168],
  ['DAY', 24, 20],
  ['HOUR', 1, 0],
];

/**
 * The step sorted sample times were taken at, read from the times themselves (third-party files and pasted
 * insights carry none): the median gap, so a missing or late sample does not change it. A long series' median is
 * that of 1,000 gaps spread over it (sorting 100,000 took milliseconds of every layout). One sample: a month,
 * Sourcegraph's default.
 */
export function stepOf(times: readonly number[]): Step {
  const stride = Math.ceil(times.length / 1000);
  const gaps = new Float64Array(Math.max(1, Math.floor((times.length - 1) / stride)))
    .map((_, i) => times[i * stride + 1] - times[i * stride] || 2.63e9)
    .sort();
  const hours = gaps[gaps.length >> 1] / 36e5;
  const [unit, length] = LENGTHS.find(([, , shortest]) => hours >= shortest)!;
  return { unit, value: Math.max(1, Math.round(hours / length)) };
}

const HOUR = 36e5;
const HOURS: Record<StepUnit, number> = { HOUR: 1, DAY: 24, WEEK: 168, MONTH: 0, YEAR: 0 };

/**
 * The time `k` steps after `t` (negative: before): months and years on the calendar (UTC), the day kept where the
 * month has it and the month's last day where it does not (Jan 31 + 1 month is Feb 28, + 2 months Mar 31). Counted
 * from `t` each time, so a month-end series does not drift to the 28th.
 */
export function stepsFrom(t: number, step: Step, k = 1): number {
  if (HOURS[step.unit]) return t + k * step.value * HOURS[step.unit] * HOUR;
  const d = new Date(t);
  const [year, month] = [d.getUTCFullYear(), d.getUTCMonth() + k * step.value * (step.unit === 'YEAR' ? 12 : 1)];
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}
