/**
 * "Are we on track?": a series' progress towards a goal, and when it will get there at its recent pace.
 *
 * The pace is a Theil–Sen trend (the median of the slopes between every pair of recent samples), so one odd
 * sample, a re-index or a timed-out search, barely moves it; its optimistic and pessimistic bounds are Sen's
 * rank-based confidence interval of that median (80 %). Too few samples, or a spread that does not even say
 * which way the series is going, give `unknown`: never a made-up date.
 */

/** A sample: time in ms since the epoch, and its value. */
export interface Sample {
  t: number;
  v: number;
}

export type GoalStatus = 'on-track' | 'behind' | 'reached' | 'no-progress' | 'wrong-way' | 'unknown';

export interface Trend {
  /** Value per ms: the median pairwise slope, and the bounds of its 80 % interval (low ≤ slope ≤ high). */
  slope: number;
  low: number;
  high: number;
  /** The trend's value at the last sample's time (robust: not the last sample itself). */
  at: number;
  /** The last sample's time, and the first one's of those the trend uses. */
  t: number;
  from: number;
}

export interface Goal {
  value: number;
  /** Deadline, ms since the epoch. */
  date?: number;
}

export interface Outlook {
  status: GoalStatus;
  /** +1 when up is progress, -1 when down is. */
  better: 1 | -1;
  /** The latest value, and the one progress is measured from. */
  current: number;
  baseline: number;
  /** From baseline (0) to goal (1); below 0 when the series moved the wrong way; undefined when baseline is the goal. */
  progress?: number;
  trend?: Trend;
  /** When the trend reaches the goal, with the optimistic and pessimistic dates (`latest` undefined: maybe never). */
  eta?: { date: number; earliest: number; latest?: number };
  /** What the trend says the value is on the goal date when it is `behind` (the latest value once that date is past). */
  atGoalDate?: number;
}

/** Samples the trend uses by default: two months of weekly data, eight months of monthly data. */
export const DEFAULT_TREND_WINDOW = 8;
/** Fewer recent samples than this give no trend. */
export const MIN_TREND_SAMPLES = 4;
/** At most this many: the trend compares every pair (1,770 slopes for 60), and image URLs may ask for the most. */
export const MAX_TREND_SAMPLES = 60;
// z for a two-sided 80 % interval: the band between a reasonably optimistic and a reasonably pessimistic pace.
const Z = 1.2816;
// Further out than this, a date is not a forecast anyone should plan with.
const HORIZON = 10 * 365.25 * 864e5;

/** The Theil–Sen trend of the last `window` samples (sorted by time); undefined with fewer than MIN_TREND_SAMPLES. */
export function trendOf(samples: readonly Sample[], window = DEFAULT_TREND_WINDOW): Trend | undefined {
  const recent = samples.slice(-Math.min(MAX_TREND_SAMPLES, Math.max(window, MIN_TREND_SAMPLES)));
  const n = recent.length;
  if (n < MIN_TREND_SAMPLES) return undefined;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (recent[j].t > recent[i].t) slopes.push((recent[j].v - recent[i].v) / (recent[j].t - recent[i].t));
  if (slopes.length < MIN_TREND_SAMPLES) return undefined;
  slopes.sort((a, b) => a - b);
  const slope = median(slopes);
  // Sen (1968): the interval's ranks from the variance of Kendall's S (no ties correction; counts rarely tie in time).
  const c = Z * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const last = slopes.length - 1;
  const low = slopes[clamp(Math.floor((slopes.length - c) / 2), 0, last)];
  const high = slopes[clamp(Math.ceil((slopes.length + c) / 2), 0, last)];
  const t = recent[n - 1].t;
  return { slope, low, high, at: median(recent.map((s) => s.v + slope * (t - s.t)).sort((a, b) => a - b)), t, from: recent[0].t };
}

/**
 * Where a series stands against its goal. `better` says which way is progress when the goal does not (a goal
 * equal to the baseline); `baseline` is the time progress is measured from (default: the first sample).
 */
export function outlook(
  samples: readonly Sample[],
  goal: Goal,
  options: { window?: number; baseline?: number; better?: 1 | -1 } = {},
): Outlook | undefined {
  if (!samples.length || !Number.isFinite(goal.value)) return undefined;
  const current = samples[samples.length - 1].v;
  // A baseline date after the last sample measures from the last one, not the first.
  const base = options.baseline === undefined ? samples[0] : (samples.find((s) => s.t >= options.baseline!) ?? samples[samples.length - 1]);
  // An explicit `better` wins: a goal for every series may sit above some series' starts and below others'.
  const better = options.better ?? (goal.value > base.v ? 1 : goal.value < base.v ? -1 : goal.value >= current ? 1 : -1);
  const distance = goal.value - base.v;
  const result: Outlook = { status: 'unknown', better, current, baseline: base.v, progress: distance ? (current - base.v) / distance : undefined };
  if ((goal.value - current) * better <= 0) return { ...result, status: 'reached' };
  const trend = trendOf(samples, options.window);
  if (!trend) return result;
  result.trend = trend;
  const left = goal.value - trend.at;
  // The trend is already past the goal (the latest sample fell back): it gets there now, not later.
  if (left * better <= 0) return { ...result, status: 'on-track', eta: { date: trend.t, earliest: trend.t, latest: trend.t } };
  // Toward the goal: positive; the bounds likewise, the optimistic one first.
  const [pace, optimistic, pessimistic] = better > 0 ? [trend.slope, trend.high, trend.low] : [-trend.slope, -trend.low, -trend.high];
  const span = trend.t - trend.from;
  // Flat: over the window the trend moves less than half a count (and under 1 % of the way left).
  if (Math.abs(pace) * span < Math.max(0.5, Math.abs(left) * 0.01) && optimistic * pessimistic <= 0) return { ...result, status: 'no-progress' };
  if (optimistic < 0) return { ...result, status: 'wrong-way' };
  // Noise: the band is wider than twice the pace itself, so no date would mean anything.
  if (pace <= 0 || optimistic - pessimistic > 2 * pace) return result;
  const reach = (speed: number) => (speed > 0 && Math.abs(left) / speed <= HORIZON ? trend.t + Math.abs(left) / speed : undefined);
  const date = reach(pace);
  if (date !== undefined) result.eta = { date, earliest: reach(optimistic) ?? date, latest: reach(pessimistic) };
  if (goal.date !== undefined && Number.isFinite(goal.date) && (date === undefined || date > goal.date)) {
    result.atGoalDate = goal.date > trend.t ? trend.at + trend.slope * (goal.date - trend.t) : current;
    return { ...result, status: 'behind' };
  }
  return { ...result, status: date === undefined ? 'no-progress' : 'on-track' };
}

/** The status a card shows for several series: the one that needs attention most. */
export function worstStatus(statuses: readonly GoalStatus[]): GoalStatus | undefined {
  const order: GoalStatus[] = ['wrong-way', 'behind', 'no-progress', 'unknown', 'on-track', 'reached'];
  return order.find((s) => statuses.includes(s));
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
