import type { TemplateResult, nothing } from 'lit';
import type { LegendControls } from './legend.js';
import type { InsightPointDetail } from '../model/point-detail.js';
import type { GoalOptions, Goals } from '../model/goals.js';
import type { GoalStatus } from '../model/projection.js';
import type { Annotation, InsightData, LineSeries } from '../model/insight-data.js';
import { barView } from './bar/view.js';
import type { TableBuild } from './data-table.js';
import { lineView } from './line/view.js';
import { pieView } from './pie/view.js';
import { statView } from './stat/view.js';

/** The mark the reader is on: a sample time (line) or a slice or bar (`index`), and a series of a line chart. */
export interface Active {
  index: number;
  series: number;
  /** A series highlighted from the legend. */
  highlight?: string;
}

/**
 * How one kind of chart fills a card: its drawing, the legend, the tooltip of the active mark, and which mark
 * a pointer is on. Built once per data, size and options (never on pointer moves), so hovering costs a lookup.
 */
export interface ChartView {
  /** The chart area: one `<svg role="img">` with a summary (and, for a single number, the number). */
  render(active: Active): TemplateResult;
  legend(): TemplateResult | typeof nothing;
  /** Tooltip content and the mark it goes beside (pixels from the chart area's top left). */
  tooltip(active: Active): { content: TemplateResult | typeof nothing; x: number; y: number } | undefined;
  /** The mark under a pointer at `x`, `y` (chart-area pixels) on `target`; index -1 for none. */
  activeAt(x: number, y: number, target: Element): Active;
  /** What the active mark is, for `insight-point-click`; undefined where there is nothing to click. */
  detail(active: Active): InsightPointDetail | undefined;
  /** Every value as a table, for screen readers (visually hidden), built a row at a time. */
  table(): TableBuild | typeof nothing;
  /** How many marks left and right arrows move through (0: none), and series up and down arrows move through. */
  readonly count: number;
  readonly seriesCount: number;
  /** The sample time nearest to chart-area `x`, for zooming (line charts only). */
  timeAt?(x: number): number | undefined;
  /** Where the goals stand (charts with a goal): the card reflects the status, shows the headline, exports the goals. */
  readonly goal?: { status?: GoalStatus; headline?: string; goals?: Goals };
  /** What else the reader should hear about the active mark (the events at a sample), for the live region. */
  note?(active: Active): string;
}

/** What the card's goal attributes, its series' own goals and its annotations add to a chart (see model/goals.ts). */
export interface GoalDrawing {
  goals?: GoalOptions;
  /** Goals of single series, by label (`<insight-series goal>`). */
  seriesGoals?: readonly { label: string; goal: NonNullable<LineSeries['goal']> }[];
  annotations?: readonly Annotation[];
}

export interface ViewOptions extends GoalDrawing {
  width: number;
  height: number;
  locale?: string;
  yZero: boolean;
  stacked: boolean;
  /** Legend toggles and highlighting (line charts). */
  legend?: LegendControls;
  /** The time range zoomed into (line charts), in milliseconds. */
  zoom?: readonly [number, number];
}

/** The view that draws `data`. */
export function viewFor(data: InsightData, options: ViewOptions): ChartView {
  switch (data.kind) {
    case 'line':
      return lineView(data, options);
    case 'pie':
      return pieView(data, options);
    case 'bar':
      return barView(data, options);
    case 'stat':
      return statView(data, options);
  }
}
