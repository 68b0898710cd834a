import { svg } from 'lit';
import type { CategoryInsightData } from '../../model/insight-data.js';
import { compactFor, formatNumber, formatPercent } from '../format.js';
import type { ChartImage, ImageOptions } from '../image.js';
import { pieLayout } from './layout.js';
import { pieSummary } from './summary.js';
import { pieChartTemplate } from './template.js';

/** The donut as an image, its legend with each slice's value and share. */
export function pieImage(data: CategoryInsightData, options: ImageOptions): ChartImage {
  // The legend does not depend on the size; the layout's slices (colours, shares) are the same at any size.
  const slices = pieLayout(data.items, { width: 480, height: 240 }, { donut: true, locale: options.locale }).slices;
  const compact = compactFor(slices.map((s) => s.value));
  return {
    legend: slices.map((s) => ({
      id: s.label,
      label: s.label,
      color: s.color,
      detail: `${formatNumber(s.value, options.locale, compact)} (${formatPercent(s.percent, options.locale)})`,
    })),
    body: (size) => {
      const layout = pieLayout(data.items, size, { donut: true, locale: options.locale });
      return svg`<g class="plot" role="img" aria-label=${pieSummary(data, layout, options.locale)}>${pieChartTemplate(layout, { activeIndex: -1 })}</g>`;
    },
  };
}
