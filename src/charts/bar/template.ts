import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { BarLayout } from './layout.js';

export interface BarChartState {
  /** Index into `layout.bars` of the hovered or focused bar, or -1. */
  activeIndex: number;
}

/**
 * The inside of a bar chart's `<svg>`: grid and value axis (the line chart's `gridline`, `tick` and `domain`
 * classes, so the card's styles apply), one rect per bar, category labels left of the bars and values at their
 * ends. Text colours are `currentColor` presentation attributes: readable in both themes, and any stylesheet
 * rule overrides them.
 */
export function barChartTemplate(layout: BarLayout, state: BarChartState): SVGTemplateResult {
  const { plot } = layout;
  const active = state.activeIndex;
  return svg`
    <g class="grid" aria-hidden="true">
      ${layout.ticks.map((t) => svg`<line class="gridline" x1=${t.at} x2=${t.at} y1=${plot.top} y2=${plot.bottom}></line>`)}
    </g>
    <g class="axis" aria-hidden="true">
      <line class="domain" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${layout.ticks.map((t) => svg`<text class="tick x" x=${t.at} y=${plot.bottom + 16} text-anchor="middle">${t.label}</text>`)}
    </g>
    <g class="bars">
      ${layout.bars.map(
        (b, i) => svg`<rect data-mark="bar" data-label=${b.label} class=${i === active ? 'active' : ''}
          x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="2" fill=${b.color}
          fill-opacity=${active >= 0 && i !== active ? 0.55 : 1}></rect>`,
      )}
    </g>
    <g class="bar-labels" aria-hidden="true" font-size="11" fill="currentColor">
      ${layout.bars.map(
        (b, i) => svg`<text class="category-label" x=${layout.labelX} y=${b.cy} dy="0.32em" text-anchor="end"
          font-weight=${i === active ? 600 : 400}>${b.shortLabel}${b.shortLabel !== b.label ? svg`<title>${b.label}</title>` : nothing}</text>`,
      )}
      ${layout.bars.map(
        (b, i) => svg`<text class="value-label" x=${b.valueX} y=${b.cy} dy="0.32em" font-weight=${i === active ? 600 : 400}>${b.valueLabel}</text>`,
      )}
    </g>`;
}
