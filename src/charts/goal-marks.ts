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
  /** Where the label goes: the first corner of the line (left or right, above or below it) that no line crosses. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
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
  /** The series' lines as drawn (pixels), which goal labels keep clear of. */
  lines: readonly Polyline[] = [],
): GoalMarks {
  const rows = (goals?.series ?? []).filter((r) => r.goal && r.outlook);
  const marks: GoalMarks = { goals: [], goalDates: [], projections: [], annotations: [] };
  const trends: Polyline[] = [];
  for (const row of rows) {
    const end = projectionEnd(row);
    const trend = row.outlook!.trend!;
    if (end === undefined || trend.t >= t1) continue;
    const stop = Math.min(end, t1);
    const at = (slope: number) => edge(trend.t, trend.at, slope, stop, v0, v1);
    const line = at(trend.slope);
    const [high, low] = [at(trend.high), at(trend.low)];
    const d = (points: [number, number][]) => points.map(([t, v], i) => `${i ? 'L' : 'M'}${r(x(t))},${r(y(v))}`).join('');
    const trendPoints: [number, number][] = [[trend.t, clamp(trend.at, v0, v1)], ...line];
    trends.push({ xs: trendPoints.map(([t]) => x(t)), ys: trendPoints.map(([, v]) => y(v)) });
    marks.projections.push({
      seriesId: row.seriesId,
      color: row.seriesId ? colorOf(row.seriesId) : undefined,
      d: d([[trend.t, clamp(trend.at, v0, v1)], ...line]),
      band: `${d([[trend.t, clamp(trend.at, v0, v1)], ...high, ...low.reverse()])}Z`,
    });
  }
  // One line per distinct goal: the card's goal for every series is one line, not one per series.
  const shared = rows.length > 1 && rows.every((r) => r.goal!.value === rows[0].goal!.value && r.goal!.date === rows[0].goal!.date);
  const box = { left: x(t0), right: x(t1), top: y(v1), bottom: y(v0) };
  // The goal-date and event markers run from the plot's top to its bottom: labels keep clear of them too, and of
  // the labels placed before them.
  const dates = rows.flatMap((row) => (row.goal!.date !== undefined && row.goal!.date >= t0 && row.goal!.date <= t1 ? [x(row.goal!.date)] : []));
  const events = annotations.map((a) => toTime(a.date)).filter((t) => t >= t0 && t <= t1).map(x);
  const obstacles: Polyline[] = [...lines, ...trends, ...[...dates, ...events].map((at) => ({ xs: [at, at], ys: [box.top, box.bottom] }))];
  for (const row of shared ? rows.slice(0, 1) : rows) {
    const seriesId = shared ? undefined : row.seriesId || undefined;
    const value = row.goal!.value;
    const text = label(value);
    const place = labelPlace(y(value), text, box, obstacles);
    obstacles.push(labelOutline(place, text));
    marks.goals.push({ seriesId, value, y: y(value), color: seriesId && rows.length > 1 ? colorOf(seriesId) : undefined, label: text, ...place });
    const date = row.goal!.date;
    if (date !== undefined && date >= t0 && date <= t1 && !marks.goalDates.includes(x(date))) marks.goalDates.push(x(date));
  }
  for (const a of annotations) {
    const time = toTime(a.date);
    if (time >= t0 && time <= t1) marks.annotations.push({ time, x: x(time), label: a.label, ...(a.url ? { url: a.url } : {}) });
  }
  return marks;
}

/** A line in pixels: its vertices' x and y. */
export interface Polyline {
  xs: readonly number[];
  ys: readonly number[];
}

/** The goal label's font size (the template's), and roughly how wide its characters are. */
const LABEL_SIZE = 11;
const CHAR_WIDTH = 0.62 * LABEL_SIZE;
/** Room kept between a label and a line: a point's dot has a radius of about 3.5 px. */
const CLEARANCE = 4;

/**
 * Where a goal line's label goes: above the line at its left end, else at its right end, else below it (left, then
 * right), choosing the first place inside the plot that no series line or projection crosses; above-left when
 * every place is taken. A label on a line sits on a series near the goal (a goal of 0 under a series near zero).
 */
export function labelPlace(
  lineY: number,
  text: string,
  plot: { left: number; right: number; top: number; bottom: number },
  lines: readonly Polyline[],
): Pick<GoalLine, 'labelX' | 'labelY' | 'anchor'> {
  const width = labelWidth(text);
  const places = [lineY - 5, lineY + LABEL_SIZE + 3].flatMap((baseline) =>
    (['start', 'end'] as const).map((anchor) => ({ labelX: anchor === 'start' ? plot.left + 4 : plot.right - 4, labelY: baseline, anchor })),
  );
  const free = places.find(({ labelX, labelY, anchor }) => {
    const x0 = anchor === 'start' ? labelX : labelX - width;
    const [top, bottom] = [labelY - LABEL_SIZE + 2, labelY + 2];
    if (top < plot.top || bottom > plot.bottom) return false;
    return !lines.some((line) => crosses(line, x0 - CLEARANCE, x0 + width + CLEARANCE, top - CLEARANCE, bottom + CLEARANCE));
  });
  return free ?? places[0];
}

const labelWidth = (text: string) => text.length * CHAR_WIDTH;

/** A placed label's box as a closed line, so the labels placed after it keep clear of it. */
function labelOutline({ labelX, labelY, anchor }: Pick<GoalLine, 'labelX' | 'labelY' | 'anchor'>, text: string): Polyline {
  const x0 = anchor === 'start' ? labelX : labelX - labelWidth(text);
  const [x1, top, bottom] = [x0 + labelWidth(text), labelY - LABEL_SIZE + 2, labelY + 2];
  return { xs: [x0, x1, x1, x0, x0], ys: [top, top, bottom, bottom, top] };
}

/** Whether `line` passes through the box [x0, x1] × [y0, y1]. */
function crosses({ xs, ys }: Polyline, x0: number, x1: number, y0: number, y1: number): boolean {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1) return true;
    if (i === 0) continue;
    const [ax, ay, bx, by] = [xs[i - 1], ys[i - 1], xs[i], ys[i]];
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1) continue;
    // The segment inside the box's x range, and the y range it spans there (all of it when vertical).
    const at = (px: number) => ay + ((by - ay) * (px - ax)) / (bx - ax);
    const [ya, yb] = ax === bx ? [ay, by] : [at(Math.max(Math.min(ax, bx), x0)), at(Math.min(Math.max(ax, bx), x1))];
    if (Math.max(ya, yb) >= y0 && Math.min(ya, yb) <= y1) return true;
  }
  return false;
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
