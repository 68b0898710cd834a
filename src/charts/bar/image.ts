import { svg } from 'lit';
import type { CategoryInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import type { ChartImage, ImageOptions } from '../image.js';
import { barLayout } from './layout.js';
import { barSummary } from './summary.js';
import { barChartTemplate } from './template.js';

/** Grouped results as an image: the bars, and a note when some did not fit. */
export function barImage(data: CategoryInsightData, options: ImageOptions): ChartImage {
  return {
    legend: [],
    body: (size) => {
      const laidOut = barLayout(data.items, size, { locale: options.locale });
      // A cut label carries its full text in a <title> tooltip, which Lit's server renderer cannot bind (it parses
      // templates as HTML, where <title> is raw text) and which an image could not show anyway (nothing hovers).
      const layout = { ...laidOut, bars: laidOut.bars.map((b) => ({ ...b, label: b.shortLabel })) };
      return svg`<g class="plot" role="img" aria-label=${barSummary(data, laidOut, options.locale)}>${barChartTemplate(layout, { activeIndex: -1 })}</g>
        ${layout.hidden
          ? svg`<text x=${size.width} y=${size.height - 2} text-anchor="end" font-size="12" fill=${options.colors.muted}>${messagesFor(options.locale).hiddenBars(layout.hidden)}</text>`
          : ''}`;
    },
  };
}
