import { parseColor } from '../../model/color.js';
import type { CategoryItem } from '../../model/insight-data.js';
import { safeHttpURL } from '../../model/url.js';
import { formatNumber, truncateLabel } from '../format.js';
import type { Size, Tick } from '../line/layout.js';
import { SERIES_PALETTE } from '../../model/palette.js';
import { linearScale, niceDomain } from '../scale.js';

export const defaults = {
  margin: { top: 4, right: 8, bottom: 24, left: 4 },
  /**
   * One colour for every bar that brings none: the bars are categories of one measure (matches per repository,
   * per file), so length is the message; a rainbow would suggest the colours mean something.
   */
  barColor: SERIES_PALETTE[0] as string,
  /** Bar thickness bounds, in pixels, and the share of each row left as a gap between bars. */
  minThickness: 10,
  maxThickness: 40,
  rowPadding: 0.3,
  /** Rough width of one character of an 11px label, to fit labels without measuring text. */
  charWidth: 6.5,
  /** The label column never takes more than this share of the width: the bars are the chart. */
  maxLabelShare: 0.4,
  /** Space between a category label and its bar, and between a bar's end and its value label. */
  labelGap: 8,
  valueGap: 4,
  /** Pixels per value-axis tick label: fewer ticks on narrow charts. */
  tickSpacing: 70,
  /** Least space between two tick labels. */
  tickGap: 8,
};

export interface BarMark {
  /** The full label: `data-label`, tooltips and screen readers use it. */
  label: string;
  /** The label as drawn: cut with an ellipsis to fit the label column. */
  shortLabel: string;
  value: number;
  valueLabel: string;
  color: string;
  /** Drill-down link, http(s) only. */
  url?: string;
  /** The bar's rectangle, in SVG coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Vertical centre of the row: where its labels sit. */
  cy: number;
  /** Where the value label starts. */
  valueX: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** The plotting area: bars grow right from the zero line; the value axis is drawn along `bottom`. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** Value-axis ticks; `at` is an x position. */
  ticks: Tick[];
  /** Where value 0 is: the bars' base. */
  zero: number;
  /** Where the category labels end (they are right-aligned to it). */
  labelX: number;
  bars: BarMark[];
  /** Items left out because more bars than fit at `defaults.minThickness` were given (the first ones are kept). */
  hidden: number;
}

export interface BarLayoutOptions {
  locale?: string;
}

/**
 * Cuts `label` with an ellipsis to at most `chars` characters. Paths and repository names (anything with a
 * `/`) keep their end, where the file or repository name is, and their start; other labels keep their start.
 */

/**
 * Lays out horizontal bars, one per item, top to bottom in the given order, with a value axis from zero along
 * the bottom. Rows share the chart's height; bars are at most `defaults.maxThickness` thick, so a few bars are
 * not slabs. Pure, so it is unit-tested without a DOM.
 */
export function barLayout(items: readonly CategoryItem[], size: Size, options: BarLayoutOptions): BarLayout {
  const { margin, charWidth } = defaults;
  // `|| 0`: a NaN size (an element measured before layout) draws nothing rather than NaN paths.
  const width = Math.max(0, size.width) || 0;
  const height = Math.max(0, size.height) || 0;
  const all = items.filter((item) => Number.isFinite(item.value));

  const rowHeight = Math.max(0, height - margin.top - margin.bottom);
  const minStep = defaults.minThickness / (1 - defaults.rowPadding);
  const visible = Math.min(all.length, Math.floor(rowHeight / minStep));
  const shown = all.slice(0, visible);
  // Rows share the whole height, so a few bars fill the card like many do (and cards in a row line up); only
  // the bars' thickness is capped.
  const step = visible ? rowHeight / visible : 0;
  const thickness = Math.min(defaults.maxThickness, step * (1 - defaults.rowPadding));

  // The axis spans what is shown, so a long tail that is hidden does not squash the bars that are not.
  const values = shown.map((item) => item.value);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const valueLabels = shown.map((item) => formatNumber(item.value, options.locale));
  const valueRoom = Math.max(0, ...valueLabels.map((l) => l.length * charWidth)) + defaults.valueGap;
  const labelColumn = Math.min(
    Math.max(0, ...shown.map((item) => item.label.length * charWidth)),
    Math.max(0, width * defaults.maxLabelShare),
  );
  const labelX = margin.left + labelColumn;
  const left = labelX + defaults.labelGap;
  const plot = {
    left,
    top: margin.top,
    right: Math.max(left + 1, width - margin.right - valueRoom),
    bottom: margin.top + visible * step,
  };

  const tickCount = Math.max(2, Math.floor((plot.right - plot.left) / defaults.tickSpacing));
  const domain = niceDomain(low === high ? [0, 1] : [low, high], tickCount);
  // Counts are whole numbers: never label a tick 0.5 matches.
  const integers = values.every(Number.isInteger);
  const compact = Math.max(...domain.map(Math.abs)) >= 10_000;
  const x = linearScale(domain, [plot.left, plot.right]);
  // Fewer ticks until their labels (long ones like "1,000,000" on a narrow card) stop touching; on a card too
  // narrow for even two, the zero tick alone, and the value labels at the bars' ends say the rest.
  const fits = (ticks: Tick[]) => {
    const widest = Math.max(0, ...ticks.map((t) => t.label.length * charWidth));
    return ticks.every((t, i) => i === 0 || t.at - ticks[i - 1].at >= widest + defaults.tickGap);
  };
  let ticks: Tick[] = [];
  for (let count = tickCount; count >= 1; count--) {
    ticks = linearScale(domain, [0, 1])
      .ticks(integers ? Math.max(1, Math.min(count, domain[1] - domain[0])) : count)
      .filter((v) => !integers || Number.isInteger(v))
      .map((v) => ({ at: x(v), label: formatNumber(v, options.locale, compact) }));
    if (fits(ticks)) break;
  }
  if (!fits(ticks)) ticks = [{ at: x(0), label: formatNumber(0, options.locale) }];

  const chars = Math.floor(labelColumn / charWidth);
  const zero = x(0);
  const bars = shown.map((item, i): BarMark => {
    const end = x(item.value);
    const cy = plot.top + (i + 0.5) * step;
    return {
      label: item.label,
      shortLabel: truncateLabel(item.label, chars),
      value: item.value,
      valueLabel: valueLabels[i],
      color: parseColor(item.color) ?? defaults.barColor,
      url: safeHttpURL(item.url),
      x: Math.min(zero, end),
      y: cy - thickness / 2,
      width: Math.abs(end - zero),
      height: thickness,
      cy,
      valueX: Math.max(zero, end) + defaults.valueGap,
    };
  });
  return { width, height, plot, ticks, zero, labelX, bars, hidden: all.length - visible };
}
