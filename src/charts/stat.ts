import { svg, type SVGTemplateResult } from 'lit';
import type { StatInsightData } from '../model/insight-data.js';
import { formatDate, formatNumber } from './format.js';
import { lineLayout, toChartSeries, underADayApart, type LineLayout } from './line.js';

/** Height of a single number's sparkline: the lower part of the chart area. */
export const SPARKLINE_HEIGHT = 64;

/** What a single-number card shows, as text: the card and the server's image embeds draw the same words. */
export interface StatFigures {
  /** The latest value, formatted. */
  value: string;
  /** The change over the period, signed (`+12`, `−3`, `±0`); undefined without an earlier value. */
  change?: string;
  direction: 'up' | 'down' | 'flat';
  /** The date the change is measured from, formatted. */
  since?: string;
}

export function statFigures(data: StatInsightData, locale: string | undefined): StatFigures {
  const change = data.previous === undefined ? undefined : data.value - data.previous;
  return {
    value: formatNumber(data.value, locale, Math.abs(data.value) >= 100_000),
    change: change === undefined ? undefined : signed(change, locale),
    direction: change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down',
    since: data.since === undefined ? undefined : formatDate(new Date(data.since), locale, subDaily(data) ? 'fullTime' : 'full'),
  };
}

/** Samples under a day apart: "since Nov 22" would not say which hour the change is counted from. */
function subDaily(data: StatInsightData): boolean {
  return underADayApart((data.points ?? []).map((p) => new Date(p.date).getTime()).sort((a, b) => a - b));
}

/** The sparkline: the line layout without axes, or undefined when there are too few points for a line. */
export function sparklineLayout(data: StatInsightData, width: number): LineLayout | undefined {
  const series = toChartSeries([{ id: 'stat', label: data.label ?? '', points: data.points ?? [] }]);
  return series[0].points.length > 1 ? lineLayout(series, { width, height: SPARKLINE_HEIGHT }, { yZero: false }) : undefined;
}

/** The sparkline's one path (the contract's `data-mark="line"`), for inside an `<svg>` with the layout's size. */
export function sparklineTemplate(spark: LineLayout, label: string): SVGTemplateResult {
  return svg`<path data-mark="line" data-series-id="stat" data-label=${label} d=${spark.lines[0].d} stroke=${spark.lines[0].color}></path>`;
}

function signed(value: number, locale: string | undefined): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale, Math.abs(value) >= 100_000)}`;
}
