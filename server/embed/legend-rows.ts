import { svg, type SVGTemplateResult } from 'lit';
import { defaultMessages as m } from '../../src/model/messages.ts';
import type { LegendEntry } from '../../src/charts/image.ts';
import { fitText, textWidth } from '../../src/charts/text-fit.ts';

const FONT_SIZE = 13;
const ROW_HEIGHT = 20;
/** Swatch (0.625rem) and the gap after it (0.375rem); the gap between items (1rem). */
const SWATCH = 16;
const ITEM_GAP = 16;

interface PlacedItem {
  entry: LegendEntry;
  label: string;
  x: number;
  y: number;
  labelWidth: number;
}

export interface LegendLayout {
  height: number;
  items: PlacedItem[];
  /** Entries that did not fit in the rows allowed. */
  hidden: number;
  /** Where the "and N more" note goes, when entries are hidden. */
  more?: { x: number; y: number };
}

/**
 * The card's legend as rows of items that wrap at `width`, like the card's flex-wrap list, at most `maxRows`
 * rows: an image cannot scroll, so the rest are counted instead.
 */
export function legendLayout(entries: readonly LegendEntry[], width: number, maxRows: number): LegendLayout {
  const items: PlacedItem[] = [];
  let x = 0;
  let row = 0;
  for (const [i, entry] of entries.entries()) {
    const detailWidth = entry.detail ? textWidth(` ${entry.detail}`, FONT_SIZE) : 0;
    const label = fitText(entry.label, Math.max(24, width - SWATCH - detailWidth), FONT_SIZE);
    const itemWidth = SWATCH + textWidth(label, FONT_SIZE) + detailWidth;
    if (x > 0 && x + itemWidth > width) {
      row++;
      x = 0;
    }
    if (row >= maxRows) {
      const hidden = entries.length - i;
      // The note takes the last row's end, or replaces its last item when there is no room.
      const last = items[items.length - 1];
      const noteWidth = textWidth(m.tooltipMore(hidden), FONT_SIZE);
      const end = last ? last.x + SWATCH + last.labelWidth + ITEM_GAP : 0;
      if (last && end + noteWidth > width) {
        items.pop();
        return { height: maxRows * ROW_HEIGHT, items, hidden: hidden + 1, more: { x: last.x, y: last.y } };
      }
      return { height: maxRows * ROW_HEIGHT, items, hidden, more: { x: end, y: (maxRows - 1) * ROW_HEIGHT + 14 } };
    }
    items.push({ entry, label, x, y: row * ROW_HEIGHT + 14, labelWidth: itemWidth - SWATCH });
    x += itemWidth + ITEM_GAP;
  }
  return { height: items.length ? (row + 1) * ROW_HEIGHT : 0, items, hidden: 0 };
}

/** The legend at (x, y); items carry the contract's `data-legend-item` and `data-series-id` hooks. */
export function legendTemplate(layout: LegendLayout, x: number, y: number, muted: string): SVGTemplateResult {
  return svg`<g class="legend" transform=${`translate(${x},${y})`} font-size=${FONT_SIZE} fill="currentColor">
    ${layout.items.map(
      (item) => svg`<g data-legend-item="" data-series-id=${item.entry.id}>
        <circle cx=${item.x + 5} cy=${item.y - 4} r="5" fill=${item.entry.color}></circle>
        <text x=${item.x + SWATCH} y=${item.y}>${item.label}${
          item.entry.detail ? svg`<tspan dx="5">${item.entry.detail}</tspan>` : ''
        }</text>
      </g>`,
    )}
    ${layout.more ? svg`<text x=${layout.more.x} y=${layout.more.y} fill=${muted}>${m.tooltipMore(layout.hidden)}</text>` : ''}
  </g>`;
}
