/** What changed over a period (`compare="1mo"`): per series, the latest value against the one a period before. */
import type { Sample } from './projection.js';

export interface Change {
  /** The value a period before the latest sample (the latest sample at or before then), and the latest value. */
  from: number;
  to: number;
  /** Time of `from`. */
  since: number;
  delta: number;
  /** Relative change; undefined from zero. */
  ratio?: number;
}

const PERIOD = /^(\d+)\s*(d|w|mo|q|y)$/;

/** `1w`, `2w`, `1mo`, `1q`, `1y` → a function moving a time back by that period (in UTC); undefined when invalid. */
export function parsePeriod(text: string): ((t: number) => number) | undefined {
  const match = PERIOD.exec(text.trim());
  const n = match ? Number(match[1]) : 0;
  if (!match || n < 1) return undefined;
  const unit = match[2];
  if (unit === 'd' || unit === 'w') return (t) => t - n * (unit === 'w' ? 7 : 1) * 864e5;
  const months = n * (unit === 'q' ? 3 : unit === 'y' ? 12 : 1);
  return (t) => {
    const d = new Date(t);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - months);
    // Mar 31 a month back is Feb 28 (or 29), not Mar 3.
    d.setUTCDate(Math.min(day, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
    return d.getTime();
  };
}

/** The change over `back` (from parsePeriod) of samples sorted by time; undefined when none is that old. */
export function changeOver(samples: readonly Sample[], back: (t: number) => number): Change | undefined {
  const last = samples[samples.length - 1];
  if (!last) return undefined;
  const then = back(last.t);
  let from: Sample | undefined;
  for (const s of samples) if (s.t <= then) from = s;
  if (!from) return undefined;
  const delta = last.v - from.v;
  return { from: from.v, to: last.v, since: from.t, delta, ratio: from.v ? delta / Math.abs(from.v) : undefined };
}
