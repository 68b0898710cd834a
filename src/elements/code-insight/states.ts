import { html, nothing, type TemplateResult } from 'lit';
import { InsightsError, errorDetails, errorTone } from '../../api/errors.js';
import type { Loaded } from '../../api/load.js';
import { formatDate } from '../../charts/format.js';
import { toTime } from '../../model/dates.js';
import type { LineInsightData } from '../../model/insight-data.js';
import type { StatusNote } from '../../model/card-status.js';
import type { Messages } from '../../model/messages.js';

/**
 * The chart area of a card that has no chart to show yet (or cannot show one), and the notes around a chart, in
 * the words `m` of the card's language.
 */

/** A chart's outline (an axis and bars of uneven heights), so the card keeps its shape while it loads. */
export function skeletonTemplate(m: Messages): TemplateResult {
  return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span><span></span></div>
    <span class="visually-hidden" role="status">${m.loading}</span>`;
}

function percentOf(data: LineInsightData): number | undefined {
  return data.processing?.progress === undefined ? undefined : Math.round(data.processing.progress * 100);
}

/** Progress themed by the card (a native bar ignores dark mode); indeterminate when the instance gives no share. */
function progressBar(percent: number | undefined, m: Messages): TemplateResult {
  return percent === undefined
    ? html`<progress part="progress" aria-label=${m.processing}></progress>`
    : html`<progress part="progress" max="100" value=${percent} aria-label=${m.processingProgress(percent)}></progress>`;
}

/** Processing with no points yet: the chart area says so. */
export function progressTemplate(data: LineInsightData, m: Messages): TemplateResult {
  const percent = percentOf(data);
  return html`<div class="message" role="status">
    <span>${m.processing}</span>
    ${progressBar(percent, m)} ${percent === undefined ? nothing : html`<span class="detail">${m.processingProgress(percent)}</span>`}
  </div>`;
}

/** Processing with a partial chart: a banner over the chart (which stays visible) says its numbers may be low. */
export function processingOverlay(data: LineInsightData, m: Messages): TemplateResult {
  const percent = percentOf(data);
  return html`<div class="processing-banner" role="status">
    <span>${m.stillComputing(percent)}</span>${progressBar(percent, m)}
  </div>`;
}

/** Nothing to draw, and why (see `emptyReason`). */
export function emptyTemplate(reason: string, m: Messages): TemplateResult {
  return html`<div class="message" role="status"><span>${m.empty}</span><span class="detail">${reason}</span></div>`;
}

/**
 * A message a person understands with an icon in the error's tone (informational for what no retry fixes, the
 * danger colour for failures), the server's own words as short plain details, and a retry where it can help.
 */
export function errorTemplate(error: Error, retry: () => void, m: Messages): TemplateResult {
  const tone = errorTone(error);
  const details = errorDetails(error);
  // The same attributes would fail the same way: no retry button for configuration errors.
  const retryable = !(error instanceof InsightsError && (error.kind === 'config' || error.kind === 'unavailable'));
  return html`<div class="message error" part="error" data-tone=${tone} role=${tone === 'error' ? 'alert' : 'status'}>
    <svg class="tone-icon" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="7"></circle><path d=${tone === 'error' ? 'M8 4v5M8 11.5v.5' : 'M8 7v5M8 4v.5'}></path>
    </svg>
    <span class="error-message">${error instanceof InsightsError ? error.say(m) : error.message}</span>
    ${details.map((d) => html`<span class="detail">${d}</span>`)}
    ${retryable ? html`<button type="button" @click=${retry}>${m.retry}</button>` : nothing}
  </div>`;
}

const noteLists = new WeakMap<object, { m: Messages; locale: string | undefined; incomplete: string[]; hidden: string[] }>();

/**
 * The notes under the chart (see `statusNotes`; processing is an overlay on the chart instead). The
 * incomplete-points note opens to list each point and why; the hidden-series note, the names of the series left out.
 */
export function statusTemplate(
  notes: readonly StatusNote[],
  { data, hidden, hiddenLabels = [] }: Loaded,
  locale: string | undefined,
  m: Messages,
): TemplateResult | typeof nothing {
  notes = notes.filter((n) => n.id !== 'processing');
  if (!notes.length) return nothing;
  // Built once per data, locale and words: a pointer move renders the card again, and a long chart may flag every point.
  let lists = noteLists.get(data);
  if (!lists || lists.locale !== locale || lists.m !== m) {
    lists = {
      m,
      locale,
      incomplete:
        data.kind === 'line'
          ? data.series.flatMap((s) => (s.incomplete ?? []).map((p) => m.incompleteAt(s.label, formatDate(toTime(p.date), locale, 'full'), p.reason)))
          : [],
      // An instance that applied the limit itself sends no names: then the note stays a plain sentence.
      hidden: hiddenLabels.length && hiddenLabels.length < hidden ? [...hiddenLabels, m.tooltipMore(hidden - hiddenLabels.length)] : hiddenLabels,
    };
    noteLists.set(data, lists);
  }
  return html`<div class="status-line">
    ${notes.map((n) => {
      const list = n.id === 'incomplete' || n.id === 'hidden' ? lists![n.id] : [];
      return list.length
        ? html`<details class="status ${n.warning ? 'warning' : ''}" part="status">
            <summary>${n.text}</summary>
            <ul class="status-popover">
              ${list.map((item) => html`<li>${item}</li>`)}
            </ul>
          </details>`
        : html`<p class="status ${n.warning ? 'warning' : ''}" part="status">${n.text}</p>`;
    })}
  </div>`;
}
