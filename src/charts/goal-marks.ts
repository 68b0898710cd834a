/**
 * What goals and annotations add to a line chart: the room they need on its axes, and their marks (the goal
 * line, the marker at the goal date, each series' dashed projection with its optimistic–pessimistic band, and
 * the events on the time axis). Pure geometry, shared by the card and the image embeds through the line layout.
 */
import { projectionEnd, type Goals } from '../model/goals.js';
import type { Annotation } from '../model/insight-data.js';
import { toTime } from '../model/dates.js';

export interface GoalLine {
  /** The series the goal is for; undefined when it is the card's goal for every series (or a stacked total). */
  seriesId?: string;
  value: number;
  y: number;
  color?: string;
  /** "Goal 0", in the reader's locale. */
  label: string;
}

export interface ProjectionMark {
  /** '' for a stacked chart's total. */
  seriesId: string;
  color?: string;
  /** The dashed trend from the last sample on, and the band between its optimistic and pessimistic paces. */
  d: string;
  band: string;
}

export interface AnnotationMark {
  time: number;
  x: number;
  label: string;
  url?: string;
}

export interface GoalMarks {
  goals: GoalLine[];
  /** x of the goal date, when it falls inside the chart. */
  goalDates: number[];
  projections: ProjectionMark[];
  annotations: AnnotationMark[];
}

type Scale = (value: number) => number;

/** How far a projection may stretch the time axis past the data, as a share of the data's span. */
const MAX_STRETCH = 0.6;

/**
 * The time the axis must reach and the values it must show for `goals`: goal values, goal dates and projection
 * ends (a projection years out is cut at MAX_STRETCH of the span, and continues in the headline's words).
 */
export function goalExtent(goals: Goals | undefined, annotations: readonly Annotation[], [first, last]: readonly [number, number]): { until: number; values: number[] } {
  const cap = last + Math.max(last - first, 864e5) * MAX_STRETCH;
  let until = last;
  const values: number[] = [];
  for (const row of goals?.series ?? []) {
    if (!row.goal || !row.outlook) continue;
    values.push(row.goal.value);
    const projected = projectionEnd(row);
    const date = Number.isFinite(row.goal.date) ? row.goal.date! : last;
    const end = Math.min(cap, Math.max(projected ?? last, Math.min(date, cap)));
    until = Math.max(until, end);
    // The projection stops at the goal (on track) even where the axis goes on to the goal date.
    const trend = row.outlook.trend;
    if (trend && projected !== undefined) values.push(trend.at + trend.slope * (Math.min(end, projected) - trend.t));
  }
  for (const a of annotations) {
    const t = toTime(a.date);
    if (t > last && t <= cap) until = Math.max(until, t);
  }
  return { until, values };
}

/** The marks of `goals` and `annotations` on scales `x` (time) and `y`, inside `[t0, t1]` × `[v0, v1]`. */
export function goalMarks(
  goals: Goals | undefined,
  annotations: readonly Annotation[],
  x: Scale,
  y: Scale,
  [t0, t1]: readonly [number, number],
  [v0, v1]: readonly [number, number],
  colorOf: (seriesId: string) => string | undefined,
  label: (value: number) => string,
): GoalMarks {
  const rows = (goals?.series ?? []).filter((r) => r.goal && r.outlook);
  const marks: GoalMarks = { goals: [], goalDates: [], projections: [], annotations: [] };
  // One line per distinct goal: the card's goal for every series is one line, not one per series.
  const shared = rows.length > 1 && rows.every((r) => r.goal!.value === rows[0].goal!.value && r.goal!.date === rows[0].goal!.date);
  for (const row of shared ? rows.slice(0, 1) : rows) {
    const seriesId = shared ? undefined : row.seriesId || undefined;
    const value = row.goal!.value;
    marks.goals.push({ seriesId, value, y: y(value), color: seriesId && rows.length > 1 ? colorOf(seriesId) : undefined, label: label(value) });
    const date = row.goal!.date;
    if (date !== undefined && date >= t0 && date <= t1 && !marks.goalDates.includes(x(date))) marks.goalDates.push(x(date));
  }
  for (const row of rows) {
    const end = projectionEnd(row);
    const trend = row.outlook!.trend!;
    if (end === undefined || trend.t >= t1) continue;
    const stop = Math.min(end, t1);
    const at = (slope: number) => edge(trend.t, trend.at, slope, stop, v0, v1);
    const line = at(trend.slope);
    const [high, low] = [at(trend.high), at(trend.low)];
    const d = (points: [number, number][]) => points.map(([t, v], i) => `${i ? 'L' : 'M'}${r(x(t))},${r(y(v))}`).join('');
    marks.projections.push({
      seriesId: row.seriesId,
      color: row.seriesId ? colorOf(row.seriesId) : undefined,
      d: d([[trend.t, clamp(trend.at, v0, v1)], ...line]),
      band: `${d([[trend.t, clamp(trend.at, v0, v1)], ...high, ...low.reverse()])}Z`,
    });
  }
  for (const a of annotations) {
    const time = toTime(a.date);
    if (time >= t0 && time <= t1) marks.annotations.push({ time, x: x(time), label: a.label, ...(a.url ? { url: a.url } : {}) });
  }
  return marks;
}

/**
 * The points of a line from (t, v) with `slope` to time `stop`, kept inside [v0, v1]: where it leaves the range
 * it runs along the edge (so the band's polygon is clipped without a clip path, which an image could not share).
 */
function edge(t: number, v: number, slope: number, stop: number, v0: number, v1: number): [number, number][] {
  const end = v + slope * (stop - t);
  if (end >= v0 && end <= v1) return [[stop, end]];
  const bound = end > v1 ? v1 : v0;
  const exit = slope ? t + (bound - v) / slope : stop;
  return [
    [Math.max(t, Math.min(stop, exit)), bound],
    [stop, bound],
  ];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r = (n: number) => Math.round(n * 10) / 10;
