import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { StatInsightData } from '../../model/insight-data.js';
import type { Messages } from '../../model/messages.js';
import { messagesFor } from '../../model/locale-messages.js';
import { safeHttpURL } from '../../model/url.js';
import type { Sparkline, StatFigures } from './layout.js';

/** The card's single number: the value (a link to its search), what it counts, the change, and the sparkline. */
export function statTemplate(data: StatInsightData, figures: StatFigures, spark: Sparkline | undefined, summary: string, locale: string | undefined, progress?: number): TemplateResult {
  const m = messagesFor(locale);
  const { value, change, tone, arrow, since } = figures;
  const href = safeHttpURL(data.url);
  return html`<div class="stat">
    <div class="stat-value">
      ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${value}</a>` : value}
      ${data.label ? html`<span class="stat-label">${data.label}</span>` : nothing}
    </div>
    ${change === undefined
      ? nothing
      : html`<div class="stat-change ${tone}">
          <span aria-hidden="true">${arrow}</span> ${change}
          ${since ? html`<span class="stat-since">${m.since(since)}</span>` : nothing}
        </div>`}
    ${progress === undefined ? nothing : progressTemplate(progress, m)}
    ${spark
      ? html`<svg class="sparkline" viewBox="0 0 ${spark.width} ${spark.height}" preserveAspectRatio="none" role="img" aria-label=${summary}>
          ${sparklineTemplate(spark, data.label ?? '')}
        </svg>`
      : nothing}
  </div>`;
}

/** The sparkline's one path (the contract's `data-mark="line"`), for inside an `<svg>` with the layout's size. */
export function sparklineTemplate(spark: Sparkline, label: string): SVGTemplateResult {
  return svg`<path data-mark="line" data-series-id="stat" data-label=${label} d=${spark.d} stroke=${spark.color}></path>`;
}

/**
 * How far the series has come from its baseline to its goal, as a bar: an SVG with presentation attributes (an
 * inline width style would break under a strict CSP), and the share in words beside it.
 */
function progressTemplate(progress: number, m: Messages): TemplateResult {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return html`<div class="goal-progress">
    <svg role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent} aria-label=${m.goalProgress(percent)} viewBox="0 0 100 6" preserveAspectRatio="none">
      ${svg`<rect width="100" height="6" rx="3" class="track"></rect><rect width=${percent} height="6" rx="3" class="done"></rect>`}
    </svg>
    <span>${m.goalProgress(percent)}</span>
  </div>`;
}
