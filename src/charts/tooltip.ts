import { html, nothing, svg, type TemplateResult } from 'lit';
import { messagesFor } from '../model/locale-messages.js';
import { formatDate, formatNumber } from './format.js';
import { annotationsAt, type LineLayout } from './line/layout.js';

/** At most this many rows; the rest are counted, as a long list would hide the chart it explains. */
const MAX_ROWS = 10;
/** Pixels between a mark and the tooltip beside it. */
const GAP = 12;

interface Box {
  width: number;
  height: number;
}

/**
 * Where a tooltip of `size` goes (its top left, in chart-area pixels) for a mark at `x`, `y` in an `area`: beside
 * the mark, to its right or, near the right edge, its left, centred on it vertically but inside the area; where
 * neither side has room (a narrow card), above it or else below it. Never over the mark: it is what the reader
 * is looking at, and the lines next to it are what the tooltip is read against.
 */
export function tooltipPosition(x: number, y: number, size: Box, area: Box): { left: number; top: number } {
  const beside = Math.max(0, Math.min(y - size.height / 2, area.height - size.height));
  if (x + GAP + size.width <= area.width) return { left: x + GAP, top: beside };
  if (x - GAP - size.width >= 0) return { left: x - GAP - size.width, top: beside };
  // Above where it fits or where there is more room than below.
  const above = y - GAP - size.height;
  return { left: Math.max(0, Math.min(x - size.width / 2, area.width - size.width)), top: above >= 0 || y > area.height - y ? above : y + GAP };
}

/** The tooltip for sample `index`: its date, then every series' value there, largest first. */
export function tooltipTemplate(
  layout: LineLayout,
  index: number,
  locale: string | undefined,
  activeSeriesId?: string,
): TemplateResult | typeof nothing {
  const marks = layout.pointsAt[index];
  if (!marks?.length) return nothing;
  const rows = [...marks].sort((a, b) => b.point.value - a.point.value);
  const hidden = rows.length - MAX_ROWS;
  return html`
    <div class="tooltip-date">${formatDate(layout.times[index], locale, layout.subDaily ? 'fullTime' : 'full')}</div>
    <ul class="tooltip-rows">
      ${rows.slice(0, MAX_ROWS).map(
        (m) => html`<li class=${m.seriesId === activeSeriesId ? 'active' : ''}>
          ${swatch(m.color)}<span class="tooltip-label">${m.label}</span>
          <span class="tooltip-value">${formatNumber(m.point.value, locale, false)}</span>
          ${m.point.incomplete ? html`<span class="tooltip-warning">${m.point.incomplete}</span>` : nothing}
        </li>`,
      )}
    </ul>
    ${hidden > 0 ? html`<div class="tooltip-more">${messagesFor(locale).tooltipMore(hidden)}</div>` : nothing}
    ${annotationsAt(layout, index).map((a) => html`<div class="tooltip-note">${a.label}</div>`)}`;
}

/**
 * A colour chip as an SVG presentation attribute: no inline style, so strict CSP pages allow it. With a
 * `pattern`, it also holds a short line in that series' dash pattern, shown instead in forced-colors mode,
 * where every series has the same colour.
 */
export function swatch(color: string, pattern?: number): TemplateResult {
  return pattern === undefined
    ? html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">${svg`<circle cx="5" cy="5" r="5" fill=${color}></circle>`}</svg>`
    : html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">${svg`<circle cx="5" cy="5" r="5" fill=${color}></circle>`}</svg
        ><svg class="swatch-dash" viewBox="0 0 24 10" aria-hidden="true">${svg`<line data-pattern=${pattern} x1="0" x2="24" y1="5" y2="5"></line>`}</svg>`;
}
