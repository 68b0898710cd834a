/**
 * Goals on a line insight: which series each goal applies to (the card's `goal`, a series' own goal, or the total
 * of a stacked chart), each one's outlook (see projection.ts) and change over the `compare` period, and the status
 * the card reflects. What the card, the CSV, the summary and the image embeds all read.
 */
import { changeOver, type Change } from './change.js';
import { toTime } from './dates.js';
import type { LineInsightData } from './insight-data.js';
import { outlook, worstStatus, type Goal, type GoalStatus, type Outlook, type Sample } from './projection.js';

export interface GoalOptions {
  /** The card's goal (`goal`, `goal-date`). */
  goal?: Goal;
  /** Which series the card's goal is for: a label or an id. */
  goalSeries?: string;
  /** `better`: +1 when up is progress, -1 when down is, where no goal says. */
  better?: 1 | -1;
  /** `baseline-date`, ms. */
  baseline?: number;
  /** `trend-window`. */
  window?: number;
  /** `compare`, from parsePeriod. */
  compare?: (t: number) => number;
  stacked?: boolean;
}

export interface SeriesGoal {
  /** The series' id; '' for the total of a stacked chart. */
  seriesId: string;
  label: string;
  samples: Sample[];
  goal?: Goal;
  outlook?: Outlook;
  change?: Change;
  /** The way that counts as progress: from the goal, else `better`; undefined when nothing says. */
  better?: 1 | -1;
}

export interface Goals {
  series: SeriesGoal[];
  /** The card's `goal-series` when it names no series of the chart. */
  unmatched?: string;
  /** The status of the series with a goal that needs attention most; undefined without goals. */
  status?: GoalStatus;
}

/** The samples of a series, by time, without missing values. */
const samplesOf = (points: readonly { date: string | Date; value: number }[]): Sample[] =>
  points.map((p) => ({ t: toTime(p.date), v: p.value })).filter((s) => Number.isFinite(s.t) && Number.isFinite(s.v)).sort((a, b) => a.t - b.t);

/** The sum of every series at each date (a stacked chart's top line). */
function totalOf(data: LineInsightData): Sample[] {
  const sums = new Map<number, number>();
  for (const series of data.series) for (const s of samplesOf(series.points)) sums.set(s.t, (sums.get(s.t) ?? 0) + s.v);
  return [...sums].map(([t, v]) => ({ t, v })).sort((a, b) => a.t - b.t);
}

export function goalsOf(data: LineInsightData, options: GoalOptions): Goals {
  const { goal, goalSeries, stacked } = options;
  const named = goal && goalSeries !== undefined ? data.series.find((s) => s.id === goalSeries || s.label === goalSeries) : undefined;
  // The total of a stacked chart of two or more series; a lone series is its own total.
  const total = stacked && data.series.length > 1;
  const rows: SeriesGoal[] = data.series.map((series) => {
    const own = series.goal ? { value: series.goal.value, date: series.goal.date === undefined ? undefined : toTime(series.goal.date) } : undefined;
    // The card's goal: for the series it names, else for every series (not when stacked: then it is the total's).
    const cardGoal = goal && (named ? named === series : goalSeries === undefined && !total) ? goal : undefined;
    return { seriesId: series.id, label: series.label, samples: samplesOf(series.points), goal: own ?? cardGoal };
  });
  if (total && goal && goalSeries === undefined) rows.push({ seriesId: '', label: '', samples: totalOf(data), goal });
  for (const row of rows) {
    if (row.goal) row.outlook = outlook(row.samples, row.goal, { window: options.window, baseline: options.baseline, better: options.better });
    row.better = row.outlook?.better ?? options.better;
    if (options.compare) row.change = changeOver(row.samples, options.compare);
  }
  // A goal-series that names no series (a typo, a renamed series) says so, rather than showing nothing.
  const unmatched = goal && goalSeries !== undefined && !named ? goalSeries : undefined;
  const status = unmatched ? 'unknown' : worstStatus(rows.flatMap((r) => (r.outlook ? [r.outlook.status] : [])));
  return { series: rows, status, unmatched };
}

/** Where a series' projection ends: at the goal (on track), at the goal date (behind, or going nowhere), else none. */
export function projectionEnd(row: SeriesGoal): number | undefined {
  const o = row.outlook;
  if (!o?.trend || o.status === 'reached' || o.status === 'unknown') return undefined;
  if (o.status === 'on-track') return o.eta!.date;
  return row.goal?.date !== undefined && row.goal.date > o.trend.t ? row.goal.date : undefined;
}
