import type { InsightData } from '../../../model/insight-data.js';
import { barView } from './bar-view.js';
import { lineView } from './line-view.js';
import { pieView } from './pie-view.js';
import { statView } from './stat-view.js';
import type { ChartView, ViewOptions } from './view.js';

export type { ChartView, ViewOptions } from './view.js';

/** The view that draws `data`. */
export function viewFor(data: InsightData, options: ViewOptions): ChartView {
  switch (data.kind) {
    case 'line':
      return lineView(data, options);
    case 'pie':
      return pieView(data, options);
    case 'bar':
      return barView(data, options);
    case 'stat':
      return statView(data, options);
  }
}
