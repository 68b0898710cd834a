import { svg, type SVGTemplateResult } from 'lit';
import type { ThemeColors } from '../../src/styles/theme-colors.ts';
import type { CardContent } from './content.ts';
import { legendLayout, legendTemplate } from './legend-rows.ts';
import { fitText } from '../../src/charts/text-fit.ts';

/**
 * The card's box model from code-insight.styles.ts: padding 0.875rem 1rem 0.75rem, 0.5rem gaps, and a header
 * as tall as its menu button (about 28px), whose title sits on the button's baseline.
 */
const PAD = { top: 14, side: 16, bottom: 12 };
const GAP = 8;
const TITLE_HEIGHT = 28;
const TITLE_BASELINE = 20;
const NOTE_HEIGHT = 18;
/** The card's `--insight-chart-height` default: the chart area of a card whose image height is not given. */
export const DEFAULT_CHART_HEIGHT = 240;
/** Legend rows of a card sized by its content; a card of fixed height gives the legend at most a third of its room. */
const AUTO_LEGEND_ROWS = 6;

export interface PlacedCard {
  height: number;
  /** The card drawn with its top left at (x, y). */
  render(x: number, y: number): SVGTemplateResult;
}

/**
 * Lays out one card (title, status lines, chart area, legend) at `width`, and at `height` when given; without
 * one the chart area is the card's default height and the card grows to fit, as the element does.
 */
export function placeCard(content: CardContent, width: number, height: number | undefined, colors: Readonly<ThemeColors>): PlacedCard {
  const inner = width - 2 * PAD.side;
  const title = content.title ? fitText(content.title, inner / 1.05, 16) : ''; // 600 weight runs wider
  const notes = content.notes.map((n) => ({ ...n, text: fitText(n.text, inner, 13) }));
  const above = PAD.top + (title ? TITLE_HEIGHT + GAP : 0) + (notes.length ? notes.length * NOTE_HEIGHT + GAP : 0);
  const room = height === undefined ? undefined : height - above - PAD.bottom;
  const maxRows = room === undefined ? AUTO_LEGEND_ROWS : Math.max(1, Math.floor((room / 3) / 20));
  const legend = legendLayout(content.legend, inner, maxRows);
  const legendBlock = legend.height ? legend.height + GAP : 0;
  const chartHeight = Math.max(0, room === undefined ? DEFAULT_CHART_HEIGHT : room - legendBlock);
  const total = height ?? above + chartHeight + legendBlock + PAD.bottom;
  return {
    height: total,
    render: (x, y) => svg`<g data-card="" transform=${`translate(${x},${y})`}>
      <rect x="0.5" y="0.5" width=${width - 1} height=${total - 1} rx="8" fill=${colors.bg} stroke=${colors.border}></rect>
      ${title ? svg`<text class="title" x=${PAD.side} y=${PAD.top + TITLE_BASELINE} font-size="16" font-weight="600">${title}</text>` : ''}
      ${notes.map(
        (note, i) =>
          svg`<text class="status" x=${PAD.side} y=${above - GAP - (notes.length - 1 - i) * NOTE_HEIGHT - 5} font-size="13"
            fill=${note.warning ? colors.warning : colors.muted}>${note.text}</text>`,
      )}
      <g class="chart" transform=${`translate(${PAD.side},${above})`}>${content.body({ width: inner, height: chartHeight })}</g>
      ${legend.height ? legendTemplate(legend, PAD.side, above + chartHeight + GAP, colors.muted) : ''}
    </g>`,
  };
}
