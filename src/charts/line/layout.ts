import { bisectCenter } from 'd3-array';
import { toTime } from '../../model/dates.js';
import type { LineSeries } from '../../model/insight-data.js';
import { distinctColors } from '../../model/palette.js';
import { stepOf, stepsFrom } from '../../model/step.js';
import type { Goals } from '../../model/goals.js';
import type { Annotation } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import { formatNumber } from '../format.js';
import { goalExtent, goalMarks, type GoalMarks } from '../goal-marks.js';
import { bandPath, pixelColumnIndices, polylinePath } from '../path.js';
import { linearScale, niceDomain, timeTicks } from '../scale.js';

/** A series ready to lay out: resolved colour, points as numbers sorted by time. */
export interface ChartSeries {
  id: string;
  label: string;
  color: string;
  points: ChartPoint[];
}

export interface ChartPoint {
  time: number;
  value: number;
  url?: string;
  /** Why the instance flagged this point as incomplete. */
  incomplete?: string;
}

export interface Size {
  width: number;
  height: number;
}

export interface LineLayoutOptions {
  /** Start the y axis at zero instead of near the smallest value. */
  yZero: boolean;
  /** Stack the series: each one's band sits on the ones before it (values must not be negative to read well). */
  stacked?: boolean;
  locale?: string;
  /** Goals (see model/goals.ts) and events to mark: the axes make room for them. */
  goals?: Goals;
  annotations?: readonly Annotation[];
  /** Pixels above the plot, in place of `defaults.margin.top`: room for a control over the chart's top corner. */
  top?: number;
}

export interface Tick {
  /** Position along the axis, in pixels from the top-left of the SVG. */
  at: number;
  label: string;
}

export interface LineMark {
  seriesId: string;
  label: string;
  color: string;
  /** SVG path data. */
  d: string;
}

export interface PointMark {
  seriesId: string;
  label: string;
  color: string;
  /** Index into `LineLayout.times`. */
  timeIndex: number;
  x: number;
  y: number;
  point: ChartPoint;
}

export interface AreaMark {
  seriesId: string;
  color: string;
  d: string;
}

export interface LineLayout {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  lines: LineMark[];
  /** Filled bands of a stacked chart (empty otherwise). */
  areas: AreaMark[];
  points: PointMark[];
  /** The points flagged incomplete, which are always drawn: found once here, not on every pointer move. */
  incomplete: PointMark[];
  /** The points at each sample time (index into `times`), for hover and keyboard without a scan. */
  pointsAt: PointMark[][];
  /** Every distinct sample time, ascending, and its x position: what hover and keyboard move along. */
  times: number[];
  xs: number[];
  /** Samples less than a day apart: dates are shown with their time. */
  subDaily: boolean;
  /** Goal lines, projections and annotations. */
  marks: GoalMarks;
}

export const defaults = {
  margin: { top: 12, right: 16, bottom: 28, left: 8 },
  /** Pixels per y tick label: fewer ticks on small charts (x ticks are spaced by timeTicks in scale.ts). */
  yTickSpacing: 44,
  /** Rough width of one digit of an axis label, to size the left margin without measuring text. */
  charWidth: 7,
};

/**
 * Model series to chart series: palette colours where none is given, bad points dropped, sorted by time. A date
 * equal to the one at the same place in the series before (an insight's series usually share theirs) takes that
 * one's time, without a look-up in the parse cache (which hashes each fresh date string).
 */
export function toChartSeries(series: readonly LineSeries[]): ChartSeries[] {
  const colors = distinctColors(series.map((s, index) => ({ color: s.color, slot: index })));
  let before: LineSeries['points'] = [];
  let beforeTimes: number[] = [];
  return series.map((s, index) => {
    const incomplete = new Map((s.incomplete ?? []).map((p) => [toTime(p.date), p.reason]));
    const times = s.points.map((p, i) => (p.date === before[i]?.date ? beforeTimes[i] : toTime(p.date)));
    before = s.points;
    beforeTimes = times;
    const points = s.points
      .map((p, i): ChartPoint => {
        const t = times[i];
        return { time: t, value: p.value, url: p.url, incomplete: incomplete.get(t) };
      })
      .filter((p) => Number.isFinite(p.time) && Number.isFinite(p.value))
      .sort((a, b) => a.time - b.time);
    return { id: s.id, label: s.label, color: colors[index], points };
  });
}

/**
 * Lays out a line chart: scales, ticks and path data for `size`. Pure, so it runs without a DOM.
 *
 * A long chart's first paint needs only its paths: the marks of every point (`points`, `pointsAt`), which hover,
 * the data table and the dots of short series read, are built on first use. For 20 series of 520 points they
 * were 10,400 objects, a third of the layout's time and most of its garbage, before the chart could show.
 */
export function lineLayout(series: readonly ChartSeries[], size: Size, options: LineLayoutOptions): LineLayout {
  const times = sampleTimes(series);
  let timeIndexes: Map<number, number> | undefined;
  const timeIndex = (time: number) => (timeIndexes ??= new Map(times.map((t, i) => [t, i]))).get(time)!;
  // Stacked: each series sits on the sum of the ones before it at the same time (a missing point adds 0).
  const bases = options.stacked ? stackBases(series, times, timeIndex) : undefined;
  const top = (s: number, p: ChartPoint) => (bases ? bases[s][timeIndex(p.time)] + p.value : p.value);
  let [low, high, integers] = [Infinity, -Infinity, true];
  series.forEach((s, i) => {
    for (const p of s.points) {
      const value = top(i, p);
      low = Math.min(low, value);
      high = Math.max(high, value);
      // Counts are whole numbers: never label a tick 0.5 matches.
      integers &&= Number.isInteger(value);
    }
  });
  if (low > high) [low, high] = [0, 1]; // no points
  const [firstTime, dataEnd] = times.length ? [times[0], times[times.length - 1]] : [0, 1];
  const extent = goalExtent(options.goals, options.annotations ?? [], [firstTime, dataEnd]);
  const lastTime = extent.until;
  for (const v of extent.values) [low, high] = [Math.min(low, v), Math.max(high, v)];
  const span = lastTime - firstTime;

  if (options.yZero || options.stacked) low = Math.min(0, low);
  const yTickCount = Math.max(2, Math.floor(size.height / defaults.yTickSpacing));
  // A flat series still needs a y range to draw in.
  const yDomain = niceDomain(low === high ? [low - 1, high + 1] : [low, high], yTickCount);
  const yTickValues = linearScale(yDomain, [0, 1])
    .ticks(integers ? Math.min(yTickCount, yDomain[1] - yDomain[0]) : yTickCount)
    .filter((v) => !integers || Number.isInteger(v));
  const compact = Math.max(...yDomain.map(Math.abs)) >= 10_000;
  const yLabels = yTickValues.map((v) => formatNumber(v, options.locale, compact));

  const { margin } = defaults;
  const left = margin.left + Math.max(...yLabels.map((l) => l.length), 1) * defaults.charWidth + 6;
  const plotTop = options.top ?? margin.top;
  const plot = {
    left,
    top: plotTop,
    right: Math.max(left + 1, size.width - margin.right),
    bottom: Math.max(plotTop + 1, size.height - margin.bottom),
  };
  const y = linearScale(yDomain, [plot.bottom, plot.top]);
  const xDomain: [number, number] = span === 0 ? [firstTime - 864e5, lastTime + 864e5] : [firstTime, lastTime];
  const x = linearScale(xDomain, [plot.left, plot.right]);

  // Past the last sample (a projection's room), ticks go on at the data's own step.
  const tickTimes = [...times];
  if (lastTime > dataEnd && times.length) {
    const step = stepOf(times);
    for (let k = 1, t = stepsFrom(dataEnd, step); t <= lastTime && k <= 500; t = stepsFrom(dataEnd, step, ++k)) tickTimes.push(t);
  }
  const xTicks = timeTicks(tickTimes, x, options.locale);
  const yTicks = yTickValues.map((v, i) => ({ at: y(v), label: yLabels[i] }));

  // Dense series are drawn through at most four points per quarter-pixel column (path.ts); hover and the data
  // table still see every point.
  const simplified = (xs: number[], ys: number[]) => {
    const kept = pixelColumnIndices(xs, ys);
    return kept.length === xs.length ? { xs, ys } : { xs: kept.map((k) => xs[k]), ys: kept.map((k) => ys[k]) };
  };
  const tops = series.map((s, i) => simplified(s.points.map((p) => x(p.time)), s.points.map((p) => y(top(i, p)))));
  const baseLine = (s: number) =>
    simplified(
      series[s].points.map((p) => x(p.time)),
      series[s].points.map((p) => y(bases![s][timeIndex(p.time)])),
    );
  const marks = (filter: (p: ChartPoint) => unknown) =>
    series.flatMap((s, i) =>
      s.points.filter(filter).map((p): PointMark => ({
        seriesId: s.id,
        label: s.label,
        color: s.color,
        timeIndex: timeIndex(p.time),
        x: x(p.time),
        y: y(top(i, p)),
        point: p,
      })),
    );
  let points: PointMark[] | undefined;
  let pointsAt: PointMark[][] | undefined;
  return {
    width: size.width,
    height: size.height,
    plot,
    xTicks,
    yTicks,
    lines: series.map((s, i) => ({ seriesId: s.id, label: s.label, color: s.color, d: polylinePath(tops[i].xs, tops[i].ys) })),
    areas: bases ? series.map((s, i) => ({ seriesId: s.id, color: s.color, d: bandPath(tops[i], baseLine(i)) })) : [],
    get points() {
      return (points ??= marks(() => true));
    },
    incomplete: marks((p) => p.incomplete),
    get pointsAt() {
      if (!pointsAt) {
        pointsAt = times.map((): PointMark[] => []);
        for (const p of this.points) pointsAt[p.timeIndex].push(p);
      }
      return pointsAt;
    },
    times,
    xs: times.map((t) => x(t)),
    subDaily: underADayApart(times),
    marks: goalMarks(
      options.goals,
      options.annotations ?? [],
      x,
      y,
      xDomain,
      yDomain,
      (id) => series.find((s) => s.id === id)?.color,
      (v) => messagesFor(options.locale).goal(formatNumber(v, options.locale, compact)),
      tops,
    ),
  };
}

/** Whether any two consecutive sample times (sorted) are under a day apart: dates then need their hour. */
export function underADayApart(times: readonly number[]): boolean {
  return times.some((t, i) => i > 0 && t - times[i - 1] < 864e5);
}

/** For each series, the sum of the series before it at every sample time. */
function stackBases(series: readonly ChartSeries[], times: number[], timeIndex: (time: number) => number): number[][] {
  const running = times.map(() => 0);
  return series.map((s) => {
    const base = [...running];
    for (const p of s.points) running[timeIndex(p.time)] += p.value;
    return base;
  });
}

/**
 * Every distinct time of the series' (sorted) points, ascending: sorted lists merged, and a series with the times
 * already found (an insight's series usually share theirs) only compared, which is several times faster than
 * hashing every point's time.
 */
function sampleTimes(series: readonly ChartSeries[]): number[] {
  let times: number[] = [];
  for (const { points } of series) {
    if (points.length === times.length && points.every((p, i) => p.time === times[i])) continue;
    const merged: number[] = [];
    for (let i = 0, j = 0; i < times.length || j < points.length; ) {
      const next = j === points.length || times[i] < points[j].time ? times[i++] : points[j++].time;
      if (next !== merged[merged.length - 1]) merged.push(next);
    }
    times = merged;
  }
  return times;
}

/** The events nearest to sample `index` (shown in its tooltip, reached by keyboard with it). */
export function annotationsAt(layout: LineLayout, index: number): LineLayout['marks']['annotations'] {
  return layout.marks.annotations.filter((a) => bisectCenter(layout.times, a.time) === index);
}

/** The sample nearest to pixel `x` (by bisection: hover must stay cheap on long series), or -1 when there is none. */
export function nearestTimeIndex(layout: LineLayout, x: number): number {
  return layout.xs.length ? bisectCenter(layout.xs, x) : -1;
}

/** The extent of all sample times, for summaries (each series' points are sorted: only its ends count). */
export function timeExtent(series: readonly ChartSeries[]): [number, number] | undefined {
  const ends = series.flatMap((s) => (s.points.length ? [s.points[0].time, s.points[s.points.length - 1].time] : []));
  return ends.length ? [Math.min(...ends), Math.max(...ends)] : undefined;
}
