import { html, nothing, type TemplateResult } from 'lit';
import { defaultMessages as m } from '../../model/messages.js';
import type { ViewFilters } from '../../model/view-filters.js';

const SORTS: [string, string][] = [
  ['result-count-desc', 'Result count, highest first'],
  ['result-count-asc', 'Result count, lowest first'],
  ['alphabetical-asc', 'Name, A to Z'],
  ['alphabetical-desc', 'Name, Z to A'],
  ['date-added-desc', 'Date added, latest first'],
  ['date-added-asc', 'Date added, oldest first'],
];

/**
 * The dashboard's filter form. A plain form: the dashboard reads it with FormData on submit, so the
 * fields stay the browser's own (autofill, validation, keyboard) and no state is mirrored per keystroke.
 */
export function filterBarTemplate(
  filters: ViewFilters,
  error: string | undefined,
  onApply: (event: SubmitEvent) => void,
  onReset: () => void,
): TemplateResult {
  return html`<form class="filters" part="filters" @submit=${onApply} aria-label=${m.filters}>
    <label>${m.includeRepos}<input name="include-repos" .value=${filters.includeRepos ?? ''} placeholder="^github\\.com/acme/" spellcheck="false" /></label>
    <label>${m.excludeRepos}<input name="exclude-repos" .value=${filters.excludeRepos ?? ''} spellcheck="false" /></label>
    <label>${m.searchContext}<input name="search-contexts" .value=${filters.searchContexts ?? ''} spellcheck="false" /></label>
    <label>${m.sortBy}
      <select name="sort">
        ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${normalizedSort(filters.sort) === value}>${label}</option>`)}
      </select>
    </label>
    <label>${m.seriesLimit}<input name="series-limit" type="number" min="1" max="50" .value=${String(filters.seriesLimit ?? '')} /></label>
    <label>${m.dataPoints}<input name="num-samples" type="number" min="1" max="90" .value=${String(filters.numSamples ?? '')} /></label>
    <div class="filter-actions">
      <button type="submit" class="primary">${m.applyFilters}</button>
      <button type="button" @click=${onReset}>${m.resetFilters}</button>
    </div>
    ${error ? html`<p class="filter-error" role="alert">${error}</p>` : nothing}
  </form>`;
}

/** `alphabetical` → `alphabetical-asc`: the select shows each mode with its default direction. */
function normalizedSort(sort: string | undefined): string {
  if (!sort) return 'result-count-desc';
  if (/-(asc|desc)$/.test(sort)) return sort;
  return `${sort}-${sort === 'alphabetical' ? 'asc' : 'desc'}`;
}
