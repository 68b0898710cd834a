import { nice, ticks } from 'd3-array';
import { stepOf, type StepUnit } from '../model/step.js';
import { formatTimeTick } from './format.js';

/**
 * Linear scales on d3-array's `ticks`/`nice` (the same tick math as d3-scale, without the ~9 KB gzip that d3-scale
 * brings along: interpolators, colour parsing and default d3-format/d3-time-format locales that this library never
 * uses, labels go through Intl), and time ticks on the samples themselves.
 */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  ticks(count: number): number[];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = (value: number) => r0 + (value - d0) * k;
  return Object.assign(scale, { domain, ticks: (count: number) => ticks(d0, d1, count) });
}

/** The domain extended to round tick values, as d3-scale's `nice()`. */
export function niceDomain(domain: readonly [number, number], count: number): [number, number] {
  return nice(domain[0], domain[1], count);
}

/** Every how many samples a tick may fall, per step: round counts (quarters, weeks, fortnights); past the last, its multiples. */
const EVERY: Record<StepUnit, number[]> = {
  HOUR: [1, 2, 3, 6, 12, 24],
  DAY: [1, 2, 3, 7, 14],
  WEEK: [1, 2, 4, 8, 13, 26, 52],
  MONTH: [1, 2, 3, 6, 12],
  YEAR: [1, 2, 5, 10],
};

/** Pixels for one x label ("Jan 2026", "12:00 PM" at 11 px) and the gap to the next. */
const TICK_SPACE = 60;

export interface TimeTick {
  time: number;
  /** Position along the axis, in pixels. */
  at: number;
  label: string;
}

/**
 * Time axis ticks on the samples themselves, every k-th one with k as small as the labels' room allows: a
 * calendar tick between samples (d3's weekly ticks under monthly points) names a date nobody measured, and a
 * reader takes the point beside "Sep 13" for 13 September. Month, year and hour steps count k in calendar
 * units, so ticks fall on quarters, Januaries and midnights, where the labels name the new year or day; data
 * that never falls there (quarters sampled in February) takes every k-th sample instead. Samples closer than the
 * labels' room (irregular dates) are skipped.
 */
export function timeTicks(times: readonly number[], x: (time: number) => number, locale?: string): TimeTick[] {
  const { unit, value } = stepOf(times);
  const n = times.length;
  // Hourly labels may carry their day ("Mar 2, 5 PM").
  const space = unit === 'HOUR' ? TICK_SPACE + 24 : TICK_SPACE;
  const needed = n > 1 ? (space * (n - 1)) / (x(times[n - 1]) - x(times[0])) : 1;
  const every = EVERY[unit];
  const most = every[every.length - 1];
  // At most every (n - 1)-th: a narrow chart still shows where its data starts and ends.
  const k = Math.min(every.find((e) => e >= needed) ?? Math.ceil(needed / most) * most, n - 1 || 1);
  const calendar = (time: number, i: number) => {
    const date = new Date(time);
    return unit === 'MONTH'
      ? date.getUTCFullYear() * 12 + date.getUTCMonth()
      : unit === 'YEAR'
        ? date.getUTCFullYear()
        : unit === 'HOUR'
          ? Math.floor(time / 36e5)
          : i;
  };
  const span = unit === 'DAY' || unit === 'WEEK' ? k : k * value;
  // The room is checked first: on a long series most samples are too close to the last tick to need a date.
  const pick = (on: (time: number, i: number) => boolean) => {
    const ticks: TimeTick[] = [];
    times.forEach((time, i) => {
      const before = ticks[ticks.length - 1];
      const at = x(time);
      if ((!before || at - before.at >= space * 0.8) && on(time, i)) ticks.push({ time, at, label: formatTimeTick(time, before?.time, unit, locale) });
    });
    return ticks;
  };
  const ticks = pick((time, i) => calendar(time, i) % span === 0);
  return ticks.length < Math.min(n, 2) ? pick((_, i) => i % k === 0) : ticks;
}
