/** What changed over a period (`compare="1mo"`): per series, the latest value against the one a period before. */
import type { Sample } from './projection.js';
import { stepsFrom, type Step } from './step.js';

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
  const step: Step = unit === 'd' || unit === 'w' ? { unit: 'DAY', value: n * (unit === 'w' ? 7 : 1) } : { unit: 'MONTH', value: n * (unit === 'q' ? 3 : unit === 'y' ? 12 : 1) };
  // Mar 31 a month back is Feb 28 (or 29), not Mar 3: the calendar rule of stepsFrom.
  return (t) => stepsFrom(t, step, -1);
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
