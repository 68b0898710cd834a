import { html, nothing } from 'lit';
import { sparklineLayout, sparklineTemplate, statFigures } from '../../../charts/stat.js';
import type { StatInsightData } from '../../../model/insight-data.js';
import { defaultMessages as m } from '../../../model/messages.js';
import { safeHttpURL } from '../../../model/url.js';
import type { ChartView, ViewOptions } from './view.js';

/** A single number: the latest value, its change over the period, and a sparkline of the series behind it. */
export function statView(data: StatInsightData, options: ViewOptions): ChartView {
  const { value, change, direction, since } = statFigures(data, options.locale);
  const summary = [data.title || data.label, `${value}${data.label ? ` ${data.label}` : ''}`, change === undefined ? '' : m.statChange(change, since)]
    .filter(Boolean)
    .join('. ');
  const href = safeHttpURL(data.url);
  // The sparkline reuses the line layout without axes: the chart area's lower part.
  const spark = sparklineLayout(data, options.width);
  return {
    count: 0,
    seriesCount: 0,
    render: () => html`<div class="stat">
      <div class="stat-value">
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${value}</a>` : value}
        ${data.label ? html`<span class="stat-label">${data.label}</span>` : nothing}
      </div>
      ${change === undefined
        ? nothing
        : html`<div class="stat-change ${direction}">
            <span aria-hidden="true">${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■'}</span> ${change}
            ${since ? html`<span class="stat-since">${m.since(since)}</span>` : nothing}
          </div>`}
      ${spark
        ? html`<svg class="sparkline" viewBox="0 0 ${spark.width} ${spark.height}" preserveAspectRatio="none" role="img" aria-label=${summary}>
            ${sparklineTemplate(spark, data.label ?? '')}
          </svg>`
        : nothing}
    </div>`,
    legend: () => nothing,
    tooltip: () => undefined,
    activeAt: () => ({ index: -1, series: 0 }),
    detail: () => undefined,
    table: () => nothing,
  };
}
