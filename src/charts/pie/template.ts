import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { messagesFor } from '../../model/locale-messages.js';
import { compactFor, formatNumber, formatPercent } from '../format.js';
import type { PieLayout } from './layout.js';
import { swatch } from '../tooltip.js';

export interface PieChartState {
  /** Index into `layout.slices` of the hovered or focused slice, or -1. */
  activeIndex: number;
}

/**
 * The inside of a pie chart's `<svg>`: one path per slice, leader lines and outside labels. Colours, offsets and
 * text styles are SVG presentation attributes (strict CSP pages refuse inline styles), and they lose to any
 * stylesheet rule, so the card's styles can still theme them. Labels use `currentColor`: readable on light
 * and dark cards alike.
 */
export function pieChartTemplate(layout: PieLayout, state: PieChartState): SVGTemplateResult {
  const { center } = layout;
  const active = state.activeIndex;
  return svg`
    <g class="slices" transform=${`translate(${center.x},${center.y})`}>
      ${layout.slices.map((s, i) => {
        const isActive = i === active;
        return svg`<path data-mark="slice" data-label=${s.label} class=${isActive ? 'active' : ''} d=${s.d} fill=${s.color}
          fill-opacity=${active >= 0 && !isActive ? 0.6 : 1}
          transform=${isActive ? `translate(${s.explode[0]},${s.explode[1]})` : 'translate(0,0)'}></path>`;
      })}
    </g>
    <g class="slice-labels" aria-hidden="true">
      ${layout.labels.map(
        (l) => svg`<polyline class="leader" points=${l.leader.map((p) => p.join(',')).join(' ')} fill="none" stroke="currentColor"
          stroke-opacity=${l.slice === active ? 0.9 : 0.45}></polyline>`,
      )}
      ${layout.labels.map(
        (l) => svg`<text class=${l.slice === active ? 'slice-label active' : 'slice-label'} x=${l.x} y=${l.y} dy="0.32em"
          text-anchor=${l.anchor} fill="currentColor" font-size="11" font-weight=${l.slice === active ? 600 : 400}>${l.text}</text>`,
      )}
    </g>`;
}

/** One legend item per slice, with its value and share; the contract's `data-legend-item` hooks live here. */
export function pieLegendTemplate(layout: PieLayout, locale?: string): TemplateResult {
  const compact = compactFor(layout.slices.map((s) => s.value));
  return html`<ul class="legend" part="legend" aria-label=${messagesFor(locale).legend}>
    ${layout.slices.map(
      (s) => html`<li data-legend-item data-series-id=${s.label}>
        ${swatch(s.color)}<span class="legend-label">${s.label}</span>
        <span class="legend-value">${formatNumber(s.value, locale, compact)}</span>
        <span class="legend-percent">(${formatPercent(s.percent, locale)})</span>
      </li>`,
    )}
  </ul>`;
}
