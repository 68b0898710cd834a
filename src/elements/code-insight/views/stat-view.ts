import { html, nothing, svg } from 'lit';
import { formatDate, formatNumber } from '../../../charts/format.js';
import { lineLayout, toChartSeries } from '../../../charts/line.js';
import type { StatInsightData } from '../../../model/insight-data.js';
import { defaultMessages as m } from '../../../model/messages.js';
import { safeHttpURL } from '../../../model/url.js';
import type { ChartView, ViewOptions } from './view.js';

/** A single number: the latest value, its change over the period, and a sparkline of the series behind it. */
export function statView(data: StatInsightData, options: ViewOptions): ChartView {
  const { locale } = options;
  const change = data.previous === undefined ? undefined : data.value - data.previous;
  const direction = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const since = data.since === undefined ? undefined : formatDate(new Date(data.since), locale, 'full');
  const value = formatNumber(data.value, locale, Math.abs(data.value) >= 100_000);
  const summary = [data.title || data.label, `${value}${data.label ? ` ${data.label}` : ''}`, change === undefined ? '' : m.statChange(signed(change, locale), since)]
    .filter(Boolean)
    .join('. ');
  const href = safeHttpURL(data.url);
  // The sparkline reuses the line layout without axes: the chart area's lower part.
  const series = toChartSeries([{ id: 'stat', label: data.label ?? '', points: data.points ?? [] }]);
  const spark = series[0].points.length > 1 ? lineLayout(series, { width: options.width, height: 64 }, { yZero: false }) : undefined;
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
            <span aria-hidden="true">${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■'}</span> ${signed(change, locale)}
            ${since ? html`<span class="stat-since">${m.since(since)}</span>` : nothing}
          </div>`}
      ${spark
        ? html`<svg class="sparkline" viewBox="0 0 ${spark.width} ${spark.height}" preserveAspectRatio="none" role="img" aria-label=${summary}>
            ${svg`<path data-mark="line" data-series-id="stat" data-label=${data.label ?? ''} d=${spark.lines[0].d} stroke=${spark.lines[0].color}></path>`}
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

function signed(value: number, locale: string | undefined): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale, Math.abs(value) >= 100_000)}`;
}
