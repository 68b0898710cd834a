import type { StatInsightData } from '../../model/insight-data.js';
import { formatDate, formatNumber } from '../format.js';
import { lineLayout, toChartSeries, underADayApart, type LineLayout } from '../line/layout.js';

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
  /** The date the change is measured from, formatted. */
  since?: string;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

export function statFigures(data: StatInsightData, locale: string | undefined): StatFigures {
  const change = data.previous === undefined ? undefined : data.value - data.previous;
  const direction = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  return {
    value: formatNumber(data.value, locale, Math.abs(data.value) >= 100_000),
    change: change === undefined ? undefined : signed(change, locale),
    direction,
    arrow: ARROWS[direction],
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

function signed(value: number, locale: string | undefined): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale, Math.abs(value) >= 100_000)}`;
}
