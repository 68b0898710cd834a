import { html } from 'lit';
import { formatNumber, formatPercent } from '../format.js';
import { pieLayout } from './layout.js';
import { pieChartTemplate, pieLegendTemplate } from './template.js';
import { swatch } from '../tooltip.js';
import type { CategoryInsightData } from '../../model/insight-data.js';
import { markIndex } from '../mark-index.js';
import { categoryTable } from '../data-table.js';
import type { ChartView, ViewOptions } from '../view.js';
import { pieSummary } from './summary.js';

/** Language usage (or any shares of a whole) as a donut, its legend with values and percentages. */
export function pieView(data: CategoryInsightData, options: ViewOptions): ChartView {
  const layout = pieLayout(data.items, options, { donut: true, locale: options.locale });
  const summary = pieSummary(data, layout, options.locale);
  return {
    count: layout.slices.length,
    seriesCount: 0,
    render: ({ index: activeIndex }) =>
      html`<svg class="plot" role="img" aria-label=${summary} viewBox="0 0 ${layout.width} ${layout.height}">
        ${pieChartTemplate(layout, { activeIndex })}
      </svg>`,
    legend: () => pieLegendTemplate(layout, options.locale),
    tooltip: ({ index: activeIndex }) => {
      const slice = layout.slices[activeIndex];
      if (!slice) return undefined;
      return {
        content: html`<div class="tooltip-row">${swatch(slice.color)}<span class="tooltip-label">${slice.label}</span></div>
          <div class="tooltip-detail">${formatNumber(slice.value, options.locale, false)} · ${formatPercent(slice.percent, options.locale)}</div>`,
        // The centroid is already in chart-area pixels (it includes the centre).
        x: slice.centroid[0],
        y: slice.centroid[1],
      };
    },
    activeAt: (_x, _y, target) => ({ index: markIndex(target, 'slice'), series: 0 }),
    detail: ({ index }) => {
      const item = layout.slices[index];
      return item && { seriesId: item.label, label: item.label, value: item.value, url: item.url };
    },
    table: () => categoryTable(data.title, layout.slices, options.locale),
  };
}
