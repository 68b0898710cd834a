import { html, nothing, type TemplateResult } from 'lit';
import { InsightsError, errorDetails } from '../../api/errors.js';
import type { LineInsightData } from '../../model/insight-data.js';
import type { StatusNote } from '../../model/card-status.js';
import { defaultMessages as m } from '../../model/messages.js';

/** The chart area of a card that has no chart to show yet (or cannot show one). */

export function skeletonTemplate(): TemplateResult {
  return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span></div>
    <span class="visually-hidden" role="status">${m.loading}</span>`;
}

export function progressTemplate(data: LineInsightData): TemplateResult {
  const percent = data.processing?.progress === undefined ? undefined : Math.round(data.processing.progress * 100);
  return html`<div class="message" role="status">
    <span>${m.processing}</span>
    ${percent === undefined
      ? html`<progress part="progress" aria-label=${m.processing}></progress>`
      : html`<progress part="progress" max="100" value=${percent} aria-label=${m.processingProgress(percent)}></progress>
          <span class="detail">${m.processingProgress(percent)}</span>`}
  </div>`;
}

export function emptyTemplate(): TemplateResult {
  return html`<div class="message" role="status">${m.empty}</div>`;
}

/** A message a person understands, the server's own words as details (text only), and a retry where it can help. */
export function errorTemplate(error: Error, retry: () => void): TemplateResult {
  const details = errorDetails(error);
  // The same attributes would fail the same way: no retry button for configuration errors.
  const retryable = !(error instanceof InsightsError && (error.kind === 'config' || error.kind === 'unavailable'));
  return html`<div class="message error" part="error" role="alert">
    <span>${error.message}</span>
    ${details.map((d) => html`<span class="detail">${d}</span>`)}
    ${retryable ? html`<button type="button" @click=${retry}>${m.retry}</button>` : nothing}
  </div>`;
}

/** The notes under the title (see `statusNotes`). */
export function statusTemplate(notes: readonly StatusNote[]): TemplateResult | typeof nothing {
  if (!notes.length) return nothing;
  return html`${notes.map((n) => html`<p class="status ${n.warning ? 'warning' : ''}" part="status">${n.text}</p>`)}`;
}
