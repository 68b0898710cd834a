import type { SVGTemplateResult } from 'lit';
import type { InsightData } from '../model/insight-data.js';
import type { GoalStatus } from '../model/projection.js';
import type { ThemeColors } from '../styles/theme-colors.js';
import { barImage } from './bar/image.js';
import type { Size } from './line/layout.js';
import type { GoalDrawing } from './view.js';
import { lineImage } from './line/image.js';
import { pieImage } from './pie/image.js';
import { statImage } from './stat/image.js';

/**
 * A chart as a still picture: the same layout and marks as on the card, with colours as values (an image has no
 * page CSS) and nothing that needs a pointer. The server's image embeds and reports draw with these; the card's
 * frame around them (title, notes, legend rows) is theirs.
 */
export interface ImageOptions extends GoalDrawing {
  colors: Readonly<ThemeColors>;
  locale?: string;
  yZero: boolean;
  stacked: boolean;
}

/** One legend item: a series (line charts) or a slice with its value and share (pie charts). */
export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  /** Drawn after the label, e.g. `52K (64%)`. */
  detail?: string;
}

export interface ChartImage {
  /** The legend's entries; they do not depend on the size. */
  legend: LegendEntry[];
  /** The chart area's drawing, in its own coordinates from (0, 0). */
  body(size: Size): SVGTemplateResult;
  /** Where the goals stand, when the chart has any: the sentence the card shows under its title. */
  goal?: { status?: GoalStatus; headline?: string };
}

/** The picture of `data`, which has marks to draw (see `hasMarks`). */
export function imageFor(data: InsightData, options: ImageOptions): ChartImage {
  switch (data.kind) {
    case 'line':
      return lineImage(data, options);
    case 'pie':
      return pieImage(data, options);
    case 'bar':
      return barImage(data, options);
    case 'stat':
      return statImage(data, options);
  }
}
