import type { TemplateResult, nothing } from 'lit';
import type { InsightData } from '../../../model/insight-data.js';

/**
 * How one kind of chart fills a card: its drawing, the legend, the tooltip of the active mark, and which mark
 * a pointer is on. Built once per data, size and options (never on pointer moves), so hovering costs a lookup.
 */
export interface ChartView {
  /** The chart area: one `<svg role="img">` with a summary (and, for a single number, the number). */
  render(activeIndex: number): TemplateResult;
  legend(): TemplateResult | typeof nothing;
  /** Tooltip content and where to put it (pixels from the chart area's top left). */
  tooltip(activeIndex: number): { content: TemplateResult | typeof nothing; x: number; y: number } | undefined;
  /** The mark under a pointer at `x`, `y` (chart-area pixels) on `target`, or -1. */
  indexAt(x: number, y: number, target: Element): number;
  /** How many marks keyboard arrows move through (0: none). */
  readonly count: number;
}

export interface ViewOptions {
  width: number;
  height: number;
  locale?: string;
  yZero: boolean;
  stacked: boolean;
}

export type ViewFactory<D extends InsightData = InsightData> = (data: D, options: ViewOptions) => ChartView;
