import { html, nothing } from 'lit';
import { barLayout } from './layout.js';
import { barChartTemplate } from './template.js';
import { formatNumber } from '../format.js';
import type { CategoryInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import { markIndex } from '../mark-index.js';
import { categoryTable } from '../data-table.js';
import type { ChartView, ViewOptions } from '../view.js';
import { barSummary } from './summary.js';

/** Search results grouped by repository, path, author or capture group, as horizontal bars. */
export function barView(data: CategoryInsightData, options: ViewOptions): ChartView {
  const layout = barLayout(data.items, options, { locale: options.locale });
  const summary = barSummary(data, layout, options.locale);
  return {
    count: layout.bars.length,
    seriesCount: 0,
    render: ({ index: activeIndex }) =>
      html`<svg class="plot" role="img" aria-label=${summary} viewBox="0 0 ${layout.width} ${layout.height}">
          ${barChartTemplate(layout, { activeIndex })}
        </svg>
        ${layout.hidden ? html`<p class="chart-note">${messagesFor(options.locale).hiddenBars(layout.hidden)}</p>` : nothing}`,
    legend: () => nothing,
    tooltip: ({ index: activeIndex }) => {
      const bar = layout.bars[activeIndex];
      if (!bar) return undefined;
      return {
        content: html`<div class="tooltip-label">${bar.label}</div>
          <div class="tooltip-detail">${formatNumber(bar.value, options.locale, false)}</div>`,
        x: bar.x + bar.width,
        y: bar.y,
      };
    },
    activeAt: (_x, _y, target) => ({ index: markIndex(target, 'bar'), series: 0 }),
    detail: ({ index }) => {
      const item = layout.bars[index];
      return item && { seriesId: item.label, label: item.label, value: item.value, url: item.url };
    },
    table: () => categoryTable(data.title, layout.bars, options.locale),
  };
}
