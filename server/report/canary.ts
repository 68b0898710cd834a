/**
 * The canary: signs that an insight's data pipeline broke rather than that the code changed. Teams sent a
 * weekly "canary" report whose job was to catch these early: an insight that fails, one stuck computing, one
 * that stopped getting points, or a series that fell to zero or leapt in a single step (a re-index, a renamed
 * repository, a search that timed out) — real code rarely moves that much in one step.
 *
 * Pure: the caller says what "now" is, so a test (or a report run `--as-of` a date) gets the same answer.
 */
import type { Sample } from '../../src/model/projection.ts';
import { stepOf, stepsFrom } from '../../src/model/step.ts';

export type CanaryKind = 'failed' | 'stuck' | 'stale' | 'zero' | 'jump';

export interface CanaryInput {
  /** Why the insight could not be loaded at all. */
  error?: string;
  /** Jobs the instance says failed (over every series). */
  failedJobs?: number;
  /** Set while the instance is still computing the insight; `since`: when it queued the work (ms), when it says. */
  processing?: { since?: number };
  series: { label: string; samples: readonly Sample[] }[];
}

export interface CanaryOptions {
  now: number;
  /** Steps ending after this time are checked for drops and jumps (the report's period); default: the last step only. */
  since?: number;
  /** Hours of computing after which an insight counts as stuck. */
  stuckHours: number;
  /** A one-step change larger than this fraction of the earlier value (0.5: half) is a jump… */
  jump: number;
  /** …when it is also at least this many (3 → 7 is +133 % and nothing to worry about). */
  minJump: number;
}

export const CANARY_DEFAULTS: Omit<CanaryOptions, 'now' | 'since'> = { stuckHours: 24, jump: 0.5, minJump: 10 };

export interface CanaryWarning {
  kind: CanaryKind;
  /** The series concerned (drops and jumps). */
  series?: string;
  /** Numbers the sentence needs: the values around a step, hours computing, steps without a point, jobs failed. */
  from?: number;
  to?: number;
  /** The time of the step's later point, or of the last point. */
  at?: number;
  count?: number;
  error?: string;
}

/** Every warning for one insight, the worst kind first. */
export function canaryWarnings(input: CanaryInput, options: CanaryOptions): CanaryWarning[] {
  if (input.error !== undefined) return [{ kind: 'failed', error: input.error }];
  const warnings: CanaryWarning[] = [];
  if (input.failedJobs) warnings.push({ kind: 'failed', count: input.failedJobs });
  if (input.processing) {
    // An instance that does not say since when (or says the epoch, as the local server does) cannot be judged.
    const since = input.processing.since;
    const hours = since ? (options.now - since) / 36e5 : 0;
    if (hours > options.stuckHours) warnings.push({ kind: 'stuck', count: Math.floor(hours) });
    // Points stop coming while an insight is computed: that is not staleness.
    return warnings;
  }
  const stale = staleness(input.series, options.now);
  if (stale) warnings.push(stale);
  for (const series of input.series) {
    const step = suddenStep(series.samples, options);
    if (step) warnings.push({ ...step, series: series.label });
  }
  return warnings;
}

/** Steps counted at most: "no new point for N steps" needs no exact N for an hourly insight left for years. */
const MAX_MISSED = 10_000;

/**
 * "No new point for two steps": the newest point of any series is older than two of the insight's steps. The
 * step is the time axis's own (model/step.ts), on the calendar: a monthly insight has missed two points on the
 * 1st of the second month, not 62 days later. Duplicate times read as a month there, which only makes it slower
 * to warn; one point says no step at all, and is not judged.
 */
function staleness(series: CanaryInput['series'], now: number): CanaryWarning | undefined {
  const longest = series.reduce<readonly Sample[]>((a, s) => (s.samples.length > a.length ? s.samples : a), []);
  const last = Math.max(...series.map((s) => s.samples[s.samples.length - 1]?.t ?? -Infinity));
  if (longest.length < 2 || !Number.isFinite(last)) return undefined;
  const step = stepOf(longest.map((s) => s.t));
  let missed = 0;
  for (let t = stepsFrom(last, step); t <= now && missed < MAX_MISSED; t = stepsFrom(last, step, missed + 1)) missed++;
  return missed >= 2 ? { kind: 'stale', at: last, count: missed } : undefined;
}

/** The first drop to zero or jump among the steps that end in the period (the last step without one). */
function suddenStep(samples: readonly Sample[], options: CanaryOptions): Omit<CanaryWarning, 'series'> | undefined {
  const first = options.since === undefined ? samples.length - 1 : samples.findIndex((s) => s.t > options.since!);
  if (first < 0) return undefined;
  for (let i = Math.max(1, first); i < samples.length; i++) {
    const [from, to] = [samples[i - 1].v, samples[i].v];
    if (from > 0 && to === 0) return { kind: 'zero', from, to, at: samples[i].t };
    const change = Math.abs(to - from);
    if (change >= options.minJump && change > options.jump * Math.abs(from)) return { kind: 'jump', from, to, at: samples[i].t };
  }
  return undefined;
}
