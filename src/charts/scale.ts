import { nice, ticks } from 'd3-array';
import { utcTicks } from 'd3-time';

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

/** Sensible calendar ticks (days, weeks, months, years) between two UTC times. */
export function timeTicks(start: number, stop: number, count: number): Date[] {
  return utcTicks(new Date(start), new Date(stop), count);
}
