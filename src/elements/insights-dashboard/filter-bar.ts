import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../model/messages.js';
import { DEFAULT_SERIES_LIMIT, FILTER_ATTRIBUTES, normalizedSort, type ViewFilters } from '../../model/view-filters.js';

/** A refused filter: the message, and the name of the field it is about. */
export interface FilterError {
  field: string;
  message: string;
}

/**
 * The dashboard's filter form. A plain form: the dashboard reads it with FormData on submit, so the
 * fields stay the browser's own (autofill, validation, keyboard) and no state is mirrored per keystroke.
 */
export function filterBarTemplate(
  filters: ViewFilters,
  error: FilterError | undefined,
  onApply: (event: SubmitEvent) => void,
  onReset: () => void,
  m: Messages,
): TemplateResult {
  // The refused field points at the message, so a screen reader reads why when it lands there.
  const invalid = (name: string) => (error?.field === name ? 'true' : nothing);
  const describedBy = (name: string) => (error?.field === name ? 'filter-error' : nothing);
  return html`<form class="filters" part="filters" @submit=${onApply} aria-label=${m.filters}>
    <label>${m.includeRepos}<input name="include-repos" .value=${filters.includeRepos ?? ''} placeholder="^github\\.com/acme/" spellcheck="false" aria-invalid=${invalid('include-repos')} aria-describedby=${describedBy('include-repos')} /></label>
    <label>${m.excludeRepos}<input name="exclude-repos" .value=${filters.excludeRepos ?? ''} spellcheck="false" aria-invalid=${invalid('exclude-repos')} aria-describedby=${describedBy('exclude-repos')} /></label>
    <label>${m.searchContext}<input name="search-contexts" .value=${filters.searchContexts ?? ''} spellcheck="false" /></label>
    <label>${m.sortBy}
      <select name="sort">
        ${Object.entries(m.sorts).map(([value, label]) => html`<option value=${value} ?selected=${normalizedSort(filters.sort) === value}>${label}</option>`)}
      </select>
    </label>
    <label>${m.seriesLimit}<input name="series-limit" type="number" min="1" max="50" placeholder=${DEFAULT_SERIES_LIMIT} .value=${String(filters.seriesLimit ?? '')} /></label>
    <label>${m.dataPoints}<input name="num-samples" type="number" min="1" max="90" placeholder=${m.allPoints} .value=${String(filters.numSamples ?? '')} /></label>
    <div class="filter-actions">
      <button type="submit" class="primary">${m.applyFilters}</button>
      <button type="button" @click=${onReset}>${m.resetFilters}</button>
    </div>
    ${error ? html`<p class="filter-error" id="filter-error" role="alert">${error.message}</p>` : nothing}
  </form>`;
}

/** The filters a submitted filter form asks for; empty fields are no filter. */
export function filtersFromForm(form: HTMLFormElement): ViewFilters {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const count = (name: string) => (text(name) ? Number(text(name)) : undefined);
  return {
    includeRepos: text(FILTER_ATTRIBUTES.includeRepos),
    excludeRepos: text(FILTER_ATTRIBUTES.excludeRepos),
    searchContexts: text(FILTER_ATTRIBUTES.searchContexts),
    // The default order is no filter: leave it out of attributes and URLs.
    sort: text('sort') === 'result-count-desc' ? undefined : text('sort'),
    seriesLimit: count(FILTER_ATTRIBUTES.seriesLimit),
    numSamples: count(FILTER_ATTRIBUTES.numSamples),
  };
}

/** What the filters in force are, while the filter bar is closed: a shared link's smaller numbers explained. */
export function filterNoteTemplate(phrases: string[], onClear: () => void, m: Messages): TemplateResult | typeof nothing {
  return phrases.length
    ? html`<p class="filter-note" part="filter-note">
        <span>${m.filteredBy} ${phrases.join(', ')}</span>
        <button type="button" @click=${onClear}>${m.clearFilters}</button>
      </p>`
    : nothing;
}
