import { nice, ticks } from 'd3-array';
import { utcDay, utcTickInterval, utcTicks } from 'd3-time';

/**
 * Linear and UTC time scales on d3-array's `ticks`/`nice` and d3-time's `utcTicks`: the same tick math as
 * d3-scale, without the ~9 KB gzip that d3-scale brings along (interpolators, colour parsing and default
 * d3-format/d3-time-format locales that this library never uses: labels go through Intl).
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

const WEEK = 7 * 864e5;

/**
 * Sensible calendar ticks (days, weeks, months, years) between two UTC times. Weekly ticks fall on the weekday
 * the data starts on, not on d3's Sundays: weekly samples taken on Mondays would otherwise sit a day after
 * every tick, and a reader would take the point beside "Sep 13" for 13 September.
 */
export function timeTicks(start: number, stop: number, count: number): Date[] {
  const interval = utcTickInterval(new Date(start), new Date(stop), count);
  const reference = interval?.floor(new Date(Date.UTC(2001, 0, 7)));
  if (!interval || !reference || +interval.offset(reference, 1) - +reference !== WEEK) return utcTicks(new Date(start), new Date(stop), count);
  const ticks: Date[] = [];
  for (let tick = +utcDay.ceil(new Date(start)); tick <= stop; tick += WEEK) ticks.push(new Date(tick));
  return ticks;
}
