import type { StatInsightData } from '../../model/insight-data.js';
import { formatDate, formatNumber } from '../format.js';
import { toChartSeries, underADayApart } from '../line/layout.js';
import { pixelColumnIndices, polylinePath } from '../path.js';
import { linearScale } from '../scale.js';
import { signedNumber, toneOf } from '../change-text.js';
import { goalState, type GoalState } from '../headline.js';
import type { GoalDrawing } from '../view.js';

/** Height of a single number's sparkline: the lower part of the chart area. */
export const SPARKLINE_HEIGHT = 64;

/** What a single-number card shows, as text: the card and the server's image embeds draw the same words. */
export interface StatFigures {
  /** The latest value, formatted. */
  value: string;
  /** The change over the period, signed (`+12`, `−3`, `±0`); undefined without an earlier value. */
  change?: string;
  direction: 'up' | 'down' | 'flat';
  /** The direction as a glyph: ▲, ▼ or ■. */
  arrow: string;
  /**
   * Whether the change is good news: `neutral` until the data says which way is better (a rise in TODOs is no
   * success), so the change is drawn in the muted colour, not green or red. A `better` direction colours it.
   */
  tone: 'good' | 'bad' | 'neutral';
  /** The date the change is measured from, formatted. */
  since?: string;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

export function statFigures(data: StatInsightData, locale: string | undefined, better?: 1 | -1): StatFigures {
  const change = data.previous === undefined ? undefined : data.value - data.previous;
  const direction = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  return {
    tone: toneOf(change ?? 0, better),
    value: formatNumber(data.value, locale, Math.abs(data.value) >= 100_000),
    change: change === undefined ? undefined : signedNumber(change, locale),
    direction,
    arrow: ARROWS[direction],
    since: data.since === undefined ? undefined : formatDate(new Date(data.since), locale, subDaily(data) ? 'fullTime' : 'full'),
  };
}

/** Samples under a day apart: "since Nov 22" would not say which hour the change is counted from. */
function subDaily(data: StatInsightData): boolean {
  return underADayApart((data.points ?? []).map((p) => new Date(p.date).getTime()).sort((a, b) => a - b));
}

/** A sparkline: one path across the whole width, its own height fitted to the data. */
export interface Sparkline {
  width: number;
  height: number;
  d: string;
  color: string;
}

/**
 * The sparkline, or undefined when there are too few points for a line. No axes, so no gutter: it runs edge to
 * edge, and its y-domain is the data's own range (not from 0), so that a change from 13 to 35 rises across the
 * whole height; half a stroke of room is kept at each edge so the line is never clipped.
 */
export function sparklineLayout(data: StatInsightData, width: number): Sparkline | undefined {
  const [{ points, color }] = toChartSeries([{ id: 'stat', label: data.label ?? '', points: data.points ?? [] }]);
  if (points.length < 2) return undefined;
  // A loop, not Math.min(...values): a spread of 100,000 arguments overflows some engines' stacks.
  let [low, high] = [Infinity, -Infinity];
  for (const p of points) [low, high] = [Math.min(low, p.value), Math.max(high, p.value)];
  const x = linearScale([points[0].time, points[points.length - 1].time], [1, width - 1]);
  // A flat series runs across the middle.
  const y = linearScale(high > low ? [low, high] : [low - 1, low + 1], [SPARKLINE_HEIGHT - 1, 1]);
  // Long series through at most a few points per pixel column, as the line chart draws them (path.ts).
  const [xs, ys] = [points.map((p) => x(p.time)), points.map((p) => y(p.value))];
  const kept = pixelColumnIndices(xs, ys);
  const d = polylinePath(kept.map((k) => xs[k]), kept.map((k) => ys[k]));
  return { width, height: SPARKLINE_HEIGHT, d, color };
}

/** A single number's goal: the card's goal applied to the series behind the number (see headline.ts). */
export function statGoal(data: StatInsightData, drawing: GoalDrawing, locale: string | undefined): GoalState & { progress?: number; better?: 1 | -1 } {
  const line = { kind: 'line' as const, title: data.title, series: [{ id: 'stat', label: data.label ?? '', points: data.points ?? [] }] };
  const state = goalState(line, drawing, false, locale);
  const row = state.goals?.series[0];
  return { ...state, progress: row?.outlook?.progress, better: row?.better };
}
