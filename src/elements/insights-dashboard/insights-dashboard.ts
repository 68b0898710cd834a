import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Dashboard } from '../../api/decode.js';
import { InsightsError } from '../../api/errors.js';
import { viewOptions } from '../../api/view-options.js';
import { clientFor, configuration } from '../../configure.js';
import { messagesFor, type Messages } from '../../model/locale-messages.js';
import { FILTER_ATTRIBUTES, filterPhrases, filtersFromSearchParams, writeFiltersToSearchParams, type ViewFilters } from '../../model/view-filters.js';
import type { CodeInsightElement } from '../code-insight/code-insight.js';
import { dashboardIdFrom } from '../../model/insight-id.js';
import { SpecError } from '../../model/insight-spec.js';
import { styles } from './insights-dashboard.styles.js';
import { filterBarTemplate, filterNoteTemplate, filtersFromForm, type FilterError } from './filter-bar.js';
import { InsightsFiltersChangeEvent } from '../../events/insights-filters-change.js';
import { ConfigurationController } from '../shared/configuration-controller.js';
import { elementLocale } from '../shared/locale.js';
import { ThemeController } from '../shared/theme-controller.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { headingLevel } from '../shared/heading-level.js';
import { reflect } from '../shared/reflect.js';
import { pageScriptsRan, yieldToMain } from '../shared/yield.js';
import { warmFormatters } from '../../charts/format.js';

export type DashboardState = 'loading' | 'ready' | 'empty' | 'error';

/** Cards created per task: creating 48 at once (each with a shadow root and observers) is a long task. */
const CARDS_PER_TASK = 8;

/**
 * A grid of insight cards with one filter bar: a saved Sourcegraph dashboard (`dashboard-id`), child
 * `<code-insight>` elements, or both. Filters and display options apply to every card.
 *
 * @summary A dashboard of Sourcegraph code insights, with one filter bar.
 * @slot - `<code-insight>` elements, laid out in the same grid as the dashboard's own cards.
 * @fires insights-filters-change - The reader applied or cleared filters in the filter bar; `detail`: the filters now in force.
 * @csspart header - The row holding the title and the filter button.
 * @csspart title - The dashboard's title.
 * @csspart filters - The filter form.
 * @csspart filter-note - "Filtered by: …" and its Clear button, shown while the filter bar is closed.
 * @csspart grid - The grid of cards.
 * @csspart status - Loading, empty and error messages.
 * @cssprop --insight-min-card-width - Narrowest a grid column gets (default 22rem); `min-card-width` sets it too.
 * @cssprop --insight-gap - Space between cards (default 1rem).
 * @fires insight-load - From a card (they bubble out of the dashboard): its data arrived and is drawn.
 * @fires insight-error - From a card: loading it failed.
 * @fires insight-point-click - From a card: a point was chosen; cancelable, as on the card.
 * @fires insight-view - From a card: it was seen (half in view for a second).
 */
export class InsightsDashboardElement extends LitElement {
  static override styles = styles;

  /** Sourcegraph base URL for the dashboard and every card in it; falls back to `configure()`. */
  @property({ reflect: true }) instance?: string;
  /** A saved dashboard id, or a pasted Sourcegraph dashboard URL. */
  @property({ attribute: 'dashboard-id' }) dashboardId?: string;
  /** The page's own title for the dashboard (a composed one has none); replaces the saved dashboard's title. */
  @property() heading?: string;
  /** Every card's drill-down filter: only repositories whose names match this regular expression. */
  @property({ attribute: 'include-repos', reflect: true }) includeRepos?: string;
  /** Every card's drill-down filter: leave out repositories whose names match this regular expression. */
  @property({ attribute: 'exclude-repos', reflect: true }) excludeRepos?: string;
  /** Every card's search context names, comma or space separated. */
  @property({ attribute: 'search-contexts', reflect: true }) searchContexts?: string;
  /** Series order on every card: `result-count` (default), `alphabetical` or `date-added`, with `-asc` or `-desc`. */
  @property({ reflect: true }) sort?: 'result-count' | 'result-count-desc' | 'result-count-asc' | 'alphabetical' | 'alphabetical-asc' | 'alphabetical-desc' | 'date-added' | 'date-added-desc' | 'date-added-asc';
  /** At most this many series on each card (default 20). */
  @property({ attribute: 'series-limit', type: Number, reflect: true }) seriesLimit?: number;
  /** Only the latest N points of each series, on every card. */
  @property({ attribute: 'num-samples', type: Number, reflect: true }) numSamples?: number;
  /** Theme of the dashboard and every card; `auto` follows the reader's colour scheme; unset, `configure({ theme })`'s. */
  @property({ reflect: true }) theme?: 'auto' | 'light' | 'dark';
  /** BCP 47 tag for words, dates and numbers on every card; unset, `configure({ locale })`'s, else the nearest `lang`. */
  @property() locale?: string;
  /** Narrowest a grid column gets: a CSS length, or a number of pixels. */
  @property({ attribute: 'min-card-width' }) minCardWidth?: string;
  /** Seconds between refreshes of every card (batched; charts stay until new data arrives). 0: never. */
  @property({ type: Number }) refresh = 0;
  /** Keep the filters in the page URL, so a filtered view can be shared. */
  @property({ attribute: 'sync-url', type: Boolean }) syncUrl = false;
  /**
   * Level of the dashboard's heading (1 to 6, default 2), to fit the page's outline; its cards' titles are one
   * level below, so the outline has no gap (axe: heading-order).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  /** Show the filter bar open. */
  @property({ attribute: 'filters-open', type: Boolean, reflect: true }) filtersOpen = false;
  /** Hides the dashboard's title (screen readers still name it by it); its cards keep theirs. */
  @property({ attribute: 'hide-title', type: Boolean, reflect: true }) hideTitle = false;
  /** Menu entries of every card that sets no `actions` of its own (see `<code-insight actions>`); `none`: no menus. */
  @property({ reflect: true }) actions?: string;
  /** Access token for the dashboard and its cards. Never an attribute, never rendered. */
  @property({ attribute: false }) token?: string;

  @state() private filterError?: FilterError;
  /** How many of the dashboard's cards exist so far; grows a chunk per task after the dashboard loads. */
  @state() private cardCount = CARDS_PER_TASK;
  @query('.grid') private grid?: HTMLElement;

  readonly #configuration = new ConfigurationController(this);
  readonly #theme = new ThemeController(this);
  readonly #refreshTimer = new RefreshTimer(this, () => this.#refreshCards());

  readonly #task = new Task(this, {
    task: async ([instance, id, token], { signal }): Promise<Dashboard | undefined> => {
      const dashboardId = configProblem(() => dashboardIdFrom(id as string | undefined));
      if (!dashboardId) return undefined; // a page-composed dashboard: child cards only
      if (!instance) throw new InsightsError('config', (m) => m.noInstance);
      await pageScriptsRan();
      signal.throwIfAborted(); // a page script changed the token or configuration meanwhile: the newer run asks
      return clientFor(instance as string, token as string | undefined).dashboard(dashboardId, signal);
    },
    args: () => [this.instance ?? configuration().instance, this.dashboardId, this.token, this.#configuration.version] as const,
  });

  /** `loading`, `ready`, `empty` or `error`; reflected as the `state` attribute. */
  get state(): DashboardState {
    if (this.#task.status === TaskStatus.ERROR) return 'error';
    if (this.#task.status !== TaskStatus.COMPLETE) return 'loading';
    const dashboard = this.#task.value;
    return dashboard && !dashboard.viewIds.length && !this.#childCards().length ? 'empty' : 'ready';
  }

  /** The filters every card shows, as attribute values. */
  get filters(): ViewFilters {
    return {
      includeRepos: this.includeRepos || undefined,
      excludeRepos: this.excludeRepos || undefined,
      searchContexts: this.searchContexts || undefined,
      sort: this.sort || undefined,
      seriesLimit: this.seriesLimit,
      numSamples: this.numSamples,
    };
  }

  /** Applies filters to every card (and to the URL with `sync-url`). Invalid ones are refused with a message. */
  applyFilters(filters: ViewFilters): boolean {
    const m = messagesFor(elementLocale(this));
    for (const key of ['includeRepos', 'excludeRepos'] as const) {
      try {
        new RegExp(filters[key] ?? '');
      } catch {
        this.filterError = { field: FILTER_ATTRIBUTES[key], message: m.invalidRegExp(key === 'includeRepos' ? m.includeRepos : m.excludeRepos) };
        return false;
      }
    }
    this.filterError = undefined;
    // Every filter is set: those left out are cleared.
    for (const key of Object.keys(FILTER_ATTRIBUTES) as (keyof ViewFilters)[]) (this as Record<keyof ViewFilters, unknown>)[key] = filters[key];
    if (this.syncUrl) {
      const url = new URL(location.href);
      writeFiltersToSearchParams(filters, url.searchParams);
      history.replaceState(history.state, '', url);
    }
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Cards are created only once the dashboard has answered; their formatters are built while it is asked.
    warmFormatters(elementLocale(this));
    if (this.syncUrl) Object.assign(this, filtersFromSearchParams(new URLSearchParams(location.search)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#client()?.expect(this, []);
  }

  /** The shared client of the dashboard's instance; none where it has no instance, or one that is not a URL (its error). */
  #client(): ReturnType<typeof clientFor> | undefined {
    const instance = this.instance ?? configuration().instance;
    try {
      return instance ? clientFor(instance, this.token) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The first render waits a task. A dashboard written in the page is upgraded while the single file is being
   * evaluated, and its first render (templates parsed, the dashboard asked for) then made that one long task
   * (about 20 ms on an idle machine, over 50 under load); a task apart, each half stays short.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await yieldToMain();
    await super.scheduleUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    reflect(this, 'state', this.state);
    if (changed.has('refresh')) this.#refreshTimer.start(this.refresh);
    if (changed.has('minCardWidth') && this.grid) {
      const width = this.minCardWidth?.trim();
      const length = width && /^\d+(\.\d+)?$/.test(width) ? `${width}px` : width;
      // Set through CSSOM: an inline style attribute would break pages with a strict CSP.
      if (length && CSS.supports('width', length)) this.grid.style.setProperty('--_min-card-width', length);
      else this.grid.style.removeProperty('--_min-card-width');
    }
    this.#passDown(this.#childCards());
    // Cards read their dashboard's `actions` and `locale` as they render.
    if (changed.has('actions') || changed.has('locale')) for (const card of this.#cards()) card.requestUpdate();
    this.#expectCards();
    void this.#createMoreCards();
  }

  async #createMoreCards(): Promise<void> {
    const total = this.#task.value?.viewIds.length ?? 0;
    if (this.cardCount >= total) return;
    const count = this.cardCount;
    await yieldToMain();
    if (this.cardCount === count) this.cardCount = count + CARDS_PER_TASK;
  }

  /** Lets the client fill spare places in its requests with the next cards, in dashboard order. */
  #expectCards(): void {
    const ids = this.#task.value?.viewIds;
    // The ids of a dashboard loaded before its instance became one that is not a URL: nothing to expect.
    const client = ids && this.#client();
    if (!client) return;
    let options;
    try {
      options = viewOptions(this.filters);
    } catch {
      return; // invalid filters: every card shows the error, nothing to expect
    }
    client.expect(this, ids.map((id) => ({ id, ...options })));
  }

  override render(): TemplateResult {
    const dashboard = this.#task.value;
    const level = this.#level();
    const m = messagesFor(elementLocale(this));
    const phrases = filterPhrases(this.filters, m);
    // No title (a composed dashboard without `heading`): no empty heading, and the region is not labelled by one.
    const title = this.heading || dashboard?.title;
    // A heading element's level is its tag: lit cannot vary a tag without its static templates (~1 KB), so ARIA says it.
    return html`<section class="dashboard" aria-labelledby=${title ? 'title' : nothing}>
      <header class="header" part="header">
        <div id="title" class="title" part="title" role=${title ? 'heading' : nothing} aria-level=${title ? level : nothing}>${title ?? nothing}</div>
        <button type="button" class="filter-toggle" aria-expanded=${this.filtersOpen} aria-label=${phrases.length ? m.filtersApplied(phrases.length) : nothing} @click=${this.#toggleFilters}>
          ${m.showFilters}${phrases.length ? ` (${phrases.length})` : ''}
        </button>
      </header>
      ${this.filtersOpen ? filterBarTemplate(this.filters, this.filterError, this.#handleApply, this.#handleReset, m) : filterNoteTemplate(phrases, this.#handleReset, m)}
      ${this.#renderStatus(m)}
      <div class="grid" part="grid" role="list">
        ${(dashboard?.viewIds ?? []).slice(0, this.cardCount).map(
          (id) => html`<code-insight
            role="listitem"
            insight-id=${id}
            instance=${this.instance ?? nothing}
            include-repos=${this.includeRepos ?? nothing}
            exclude-repos=${this.excludeRepos ?? nothing}
            search-contexts=${this.searchContexts ?? nothing}
            sort=${this.sort ?? nothing}
            series-limit=${this.seriesLimit ?? nothing}
            num-samples=${this.numSamples ?? nothing}
            theme=${this.theme ?? nothing}
            heading-level=${Math.min(level + 1, 6)}
            locale=${this.locale ?? nothing}
            .token=${this.token}
          ></code-insight>`,
        )}
        <slot @slotchange=${() => this.requestUpdate()}></slot>
      </div>
    </section>`;
  }

  #renderStatus(m: Messages): TemplateResult | typeof nothing {
    switch (this.state) {
      case 'loading':
        return html`<p class="status" part="status" role="status">${m.loadingDashboard}</p>`;
      case 'empty':
        return html`<p class="status" part="status" role="status">${m.noInsightsOnDashboard}</p>`;
      case 'error': {
        const error = this.#task.error;
        return html`<div class="status error" part="status" role="alert">
          <span>${error instanceof InsightsError ? error.say(m) : error instanceof Error ? error.message : String(error)}</span>
          ${error instanceof InsightsError && error.kind === 'config' ? nothing : html`<button type="button" @click=${() => this.#task.run()}>${m.retry}</button>`}
        </div>`;
      }
    }
    return nothing;
  }

  /** Child cards written into the page share the dashboard's filters, theme and token. */
  #passDown(cards: CodeInsightElement[]): void {
    for (const card of cards) {
      for (const key of Object.keys(FILTER_ATTRIBUTES) as (keyof ViewFilters)[]) {
        if (card[key] !== this[key]) (card as unknown as Record<string, unknown>)[key] = this[key];
      }
      if (this.theme && card.theme !== this.theme) card.theme = this.theme;
      const level = String(Math.min(this.#level() + 1, 6));
      if (card.getAttribute('heading-level') !== level) card.setAttribute('heading-level', level);
      if (this.token !== undefined && card.token === undefined) card.token = this.token;
      if (!card.hasAttribute('role')) card.setAttribute('role', 'listitem');
    }
  }

  #level(): number {
    return headingLevel(this.headingLevel, 2);
  }

  #childCards(): CodeInsightElement[] {
    return [...this.querySelectorAll(':scope > code-insight')] as CodeInsightElement[];
  }

  #cards(): CodeInsightElement[] {
    return [...(this.renderRoot.querySelectorAll('code-insight') as NodeListOf<CodeInsightElement>), ...this.#childCards()];
  }

  #refreshCards(): void {
    // Every card asks in the same tick, so the client sends them as a few batched requests.
    for (const card of this.#cards()) card.refresh();
  }

  #toggleFilters = (): void => {
    this.filtersOpen = !this.filtersOpen;
  };

  #handleApply = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#applyFromBar(filtersFromForm(event.target as HTMLFormElement));
  };

  #handleReset = (): void => this.#applyFromBar({});

  /** The reader's filters: applied, and told to the page when they change what is in force (not for `applyFilters()`). */
  #applyFromBar(filters: ViewFilters): void {
    const before = JSON.stringify(this.filters);
    if (this.applyFilters(filters) && JSON.stringify(this.filters) !== before) this.dispatchEvent(new InsightsFiltersChangeEvent(this.filters));
  }
}

/** Attributes that cannot work (a pasted URL of the wrong kind) as a configuration error: no retry offered. */
function configProblem<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof SpecError ? new InsightsError('config', error.message) : error;
  }
}
