import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { InsightsClient } from '../../api/client.js';
import { InsightsError, isAbortError } from '../../api/errors.js';
import { viewOptions } from '../../api/view-options.js';
import { warmFormatters } from '../../charts/format.js';
import type { LegendControls } from '../../charts/legend.js';
import { clientFor, configuration, configurationVersion, onConfigure } from '../../configure.js';
import { InsightErrorEvent } from '../../events/insight-error.js';
import { InsightLoadEvent } from '../../events/insight-load.js';
import { InsightPointClickEvent } from '../../events/insight-point-click.js';
import { insightToCSV } from '../../model/csv-export.js';
import type { InsightData, LineInsightData } from '../../model/insight-data.js';
import { SpecError, resolveSpec } from '../../model/insight-spec.js';
import { defaultMessages as m } from '../../model/messages.js';
import { safeHttpURL } from '../../model/url.js';
import type { InsightSeriesElement } from '../insight-series/insight-series.js';
import { NearViewportController, SizeController } from '../shared/observers.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { pageScriptsRan, yieldToMain } from '../shared/yield.js';
import { styles } from './code-insight.styles.js';
import { DeferredTable } from './deferred-table.js';
import { chartSVG, svgToPNG } from './svg-export.js';
import { DragZoomController } from './drag-zoom-controller.js';
import { embedSnippet, menuItems, menuTemplate, type MenuItem } from './menu.js';
import { MenuController } from './menu-controller.js';
import { loadInsight, type Loaded } from '../../api/load.js';
import { insightIdFrom } from '../../model/insight-id.js';
import { closestAcrossShadow } from '../shared/closest.js';
import { PollSchedule } from './poll-schedule.js';
import { emptyTemplate, errorTemplate, progressTemplate, skeletonTemplate } from './states.js';
import { nextActive, pointText } from '../../charts/keyboard.js';
import { viewFor, type ChartView } from '../../charts/view.js';
import type { Active } from '../../charts/view.js';

export type InsightState = 'loading' | 'processing' | 'ready' | 'empty' | 'error';

/**
 * One Sourcegraph code insight as a card: title, chart, legend and every state in between. A saved insight
 * (`insight-id`), an ad-hoc one (`repositories` with `<insight-series>` children), a repository's language
 * usage (`kind="languages"`), search results grouped into bars (`kind="group-by"`), a single number
 * (`kind="stat"`), or third-party data (`src`, or the `data` property).
 *
 * @summary A Sourcegraph code insight, drawn as a chart.
 * @slot - `<insight-series>` elements: the series of an ad-hoc insight.
 * @fires insight-load - The data arrived and is drawn; `detail` is the `InsightData`.
 * @fires insight-error - Loading failed; `detail` is the error.
 * @fires insight-point-click - A point, slice or bar was clicked or chosen with Enter; cancelable, by default
 *   opens the search behind it in a new tab. `detail`: `{ seriesId, label, date, value, url }`.
 * @csspart card - The card around everything.
 * @csspart header - The row holding the title.
 * @csspart title - The insight's title.
 * @csspart chart - The area the chart and the state messages occupy.
 * @csspart legend - The list of series (or slices).
 * @csspart tooltip - The hover tooltip.
 * @csspart status - Notes under the title: processing, hidden series, incomplete points.
 * @csspart progress - The progress bar of an insight still being processed.
 * @csspart error - The error message and its retry button.
 * @csspart menu - The card's menu: open in Sourcegraph, downloads, embed snippet, code monitor, batch change.
 * @cssprop --insight-color - Text colour.
 * @cssprop --insight-muted-color - Secondary text and axis labels.
 * @cssprop --insight-background - Card background.
 * @cssprop --insight-border-color - Card border and axis line.
 * @cssprop --insight-grid-color - Grid lines.
 * @cssprop --insight-accent-color - Focus ring, progress bar and bars.
 * @cssprop --insight-danger-color - Error text and falling numbers.
 * @cssprop --insight-success-color - Rising numbers of a single-number card.
 * @cssprop --insight-warning-color - Incomplete-data marks.
 * @cssprop --insight-tooltip-background - Tooltip background.
 * @cssprop --insight-skeleton-color - Loading placeholder.
 * @cssprop --insight-radius - Card corner radius.
 * @cssprop --insight-chart-height - Height of the chart area (default 240px).
 */
export class CodeInsightElement extends LitElement {
  static override styles = styles;

  readonly #size = new SizeController(this);
  readonly #menu = new MenuController(this);
  readonly #zoom = new DragZoomController(this);
  /** Becomes true once the card nears the viewport (and stays true): lazy cards fetch only then. */
  readonly #nearViewport = new NearViewportController(this, '300px');

  /** Sourcegraph base URL; falls back to the enclosing dashboard's, then to `configure()`. */
  @property() instance?: string;
  /** A saved insight view id, or a pasted Sourcegraph insight URL. */
  @property({ attribute: 'insight-id' }) insightId?: string;
  /** The page's own title for the card (ad-hoc insights have none); replaces the insight's title. */
  @property() heading?: string;
  /** `auto` (default), `line`, `languages`, `group-by` or `stat`. */
  @property() kind?: string;
  /** Ad-hoc insight: repository names, comma or space separated. */
  @property() repositories?: string;
  /** Ad-hoc insight: a repository search query instead of names. */
  @property({ attribute: 'repository-criteria' }) repositoryCriteria?: string;
  /** Ad-hoc insight: `1d`, `1w`, `1mo` (default), `1y`… */
  @property() step?: string;
  /** Ad-hoc insight: samples (default 12). */
  @property({ type: Number }) points?: number;
  /** Language usage: the repository. */
  @property() repository?: string;
  /** Language usage: a path inside the repository. */
  @property() path?: string;
  /** Language usage: languages under this share (0 to 1, default 0.03) are grouped as "Other". */
  @property({ attribute: 'other-threshold', type: Number }) otherThreshold?: number;
  /** Group-by: the search query whose results are grouped. */
  @property() query?: string;
  /** Group-by: `repo`, `path`, `author`, `capture-group` or `repo-metadata` (default: the instance picks). */
  @property() mode?: string;
  /** Group-by: most bars (default 30). */
  @property({ type: Number }) limit?: number;
  /** URL of third-party data: JSON in the InsightData format, or CSV with a `date` column. */
  @property() src?: string;
  /** Drill-down filter: only repositories whose names match this regular expression. */
  @property({ attribute: 'include-repos' }) includeRepos?: string;
  /** Drill-down filter: leave out repositories whose names match this regular expression. */
  @property({ attribute: 'exclude-repos' }) excludeRepos?: string;
  /** Drill-down filter: search context names, comma or space separated. */
  @property({ attribute: 'search-contexts' }) searchContexts?: string;
  /** `result-count` (default), `alphabetical` or `date-added`, each with `-asc` or `-desc`. */
  @property() sort?: string;
  /** At most this many series are drawn (default 20). */
  @property({ attribute: 'series-limit', type: Number }) seriesLimit?: number;
  /** Only the latest N points of each series. */
  @property({ attribute: 'num-samples', type: Number }) numSamples?: number;
  /** Line charts: stack the series, so the top line is their total. */
  @property({ type: Boolean }) stacked = false;
  /** Line charts: start the y axis at zero. */
  @property({ attribute: 'y-zero', type: Boolean }) yZero = false;
  /** `auto` follows the reader's colour scheme. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';
  /** BCP 47 tag for dates and numbers; defaults to the document's language. */
  @property() locale?: string;
  /** `lazy` (default) fetches when the card nears the viewport, which also lets a page set `token` after the script loads. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Seconds between automatic refreshes (the attribute `refresh`); 0 for none. */
  @property({ attribute: 'refresh', type: Number }) refreshInterval = 0;
  /** Access token for this element only. Never an attribute, never rendered. */
  @property({ attribute: false }) token?: string;
  /** Data to draw instead of fetching (`InsightData`). */
  @property({ attribute: false }) data?: InsightData;
  /** An API client to use instead of the shared one. */
  @property({ attribute: false }) client?: InsightsClient;

  /** The mark the reader is on, by pointer or keyboard (index -1: none). */
  @state() private active: Active = NONE;
  /** Series turned off in the legend. */
  @state() private hiddenSeries: ReadonlySet<string> = new Set();
  /** The series whose legend item is pointed at or focused. */
  @state() private highlighted?: string;
  /** What the live region says: the point the keyboard is on. */
  @state() private announcement = '';
  /** Bumped to fetch again (refresh() and polling) without any other argument changing. */
  @state() private reloads = 0;
  /** Bumped when `<insight-series>` children change. */
  @state() private seriesVersion = 0;
  @query('.tooltip') private tooltip?: HTMLElement;

  #state: InsightState = 'loading';
  /** The chart view, what it was built from, and the part of that the data table depends on (not the size). */
  #view?: { key: unknown[]; tableKey: unknown[]; view: ChartView };
  readonly #table = new DeferredTable(() => this.renderRoot.querySelector('.data-table-host'));
  #poll = new PollSchedule(() => this.reloads++);
  #refreshTimer = new RefreshTimer(() => this.refresh());
  #reloadOnConnect = false;
  #unsubscribe?: () => void;
  /** Watches `<insight-series>` children only: the card's own attributes (its reflected `state`) must not count. */
  #seriesObserver = new MutationObserver((records) => {
    if (records.some((r) => r.target !== this || r.type === 'childList')) this.seriesVersion++;
  });

  readonly #task = new Task(this, {
    task: (_args, { signal }) => this.#load(signal),
    args: () => [
      this.data, this.client, this.#instance(), this.insightId, this.token, this.kind, this.repositories, this.repositoryCriteria,
      this.step, this.points, this.repository, this.path, this.otherThreshold, this.query, this.mode, this.limit, this.src,
      this.includeRepos, this.excludeRepos, this.searchContexts, this.sort, this.seriesLimit, this.numSamples,
      this.seriesVersion, this.reloads, configurationVersion(), this.#mayLoad(),
    ],
    onComplete: (loaded) => {
      this.#poll.update(Boolean(loaded.data.kind === 'line' && loaded.data.processing), configuration());
      this.dispatchEvent(new InsightLoadEvent(loaded.data));
    },
    onError: (error) => {
      this.#poll.stop();
      if (!isAbortError(error)) this.dispatchEvent(new InsightErrorEvent(toError(error)));
    },
  });

  /** `loading`, `processing`, `ready`, `empty` or `error`; reflected as the `state` attribute. */
  get state(): InsightState {
    return this.#state;
  }

  /** Fetches the insight again; the chart stays until the new data arrives. */
  refresh(): void {
    this.reloads++;
  }

  /** The data drawn, as CSV: one row per date and one column per series (or one row per slice or bar). */
  toCSV(): string {
    const data = this.#task.value?.data;
    return data ? insightToCSV(data) : '';
  }

  /** The chart as a standalone SVG document with its title and colours; '' before there is a chart. */
  toSVG(): string {
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.plot');
    if (!svg) return '';
    const card = this.renderRoot.querySelector('[part="card"]')!;
    const legend = [...this.renderRoot.querySelectorAll('[data-legend-item]')].map((item) => ({
      label: item.textContent?.trim() ?? '',
      color: item.querySelector('circle')?.getAttribute('fill') ?? 'currentColor',
    }));
    return chartSVG(svg, this.heading || this.#task.value?.data.title || '', getComputedStyle(card).backgroundColor, legend);
  }

  /** The chart as a PNG image (twice the on-screen size). Rejects before there is a chart. */
  async toPNG(): Promise<Blob> {
    const svg = this.toSVG();
    if (!svg) throw new InsightsError('config', m.nothingToExport);
    return svgToPNG(svg);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page may call configure() after the elements loaded: load again with the new settings.
    this.#unsubscribe = onConfigure(() => this.requestUpdate());
    this.#seriesObserver.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['label', 'query', 'color', 'capture-group'] });
    warmFormatters(this.#locale());
    if (this.#reloadOnConnect) {
      this.#reloadOnConnect = false;
      this.reloads++;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#seriesObserver.disconnect();
    // Task does not stop by itself when its host leaves the page.
    if (this.#task.status === TaskStatus.PENDING) {
      this.#reloadOnConnect = true;
      this.#task.abort(new DOMException('The element was removed.', 'AbortError'));
    }
    this.#poll.stop();
    this.#refreshTimer.stop();
  }

  protected override firstUpdated(): void {
    this.#size.observe(this.renderRoot.querySelector('.chart')!);
  }

  protected override willUpdate(): void {
    this.#state = this.#deriveState();
  }

  protected override updated(changed: PropertyValues): void {
    if (this.getAttribute('state') !== this.#state) this.setAttribute('state', this.#state);
    if (changed.has('active')) this.#placeTooltip();
    this.#zoom.placeBrush(this.renderRoot.querySelector<HTMLElement>('.brush'));
    if (changed.has('refreshInterval')) this.#refreshTimer.start(this.refreshInterval);
    const drawn = this.#state === 'ready' || this.#state === 'processing' ? this.#view : undefined;
    this.#table.show(drawn?.tableKey, () => drawn!.view.table());
  }

  override render(): TemplateResult {
    const loaded = this.#task.value;
    const title = this.heading || loaded?.data.title;
    const href = safeHttpURL(loaded?.data.url);
    const view = loaded && this.#size.value && this.#hasMarks(loaded) ? this.#viewOf(loaded) : undefined;
    return html`<article class="card" part="card" aria-busy=${this.#state === 'loading'}>
      <header class="header" part="header">
        ${title
          ? html`<h3 class="title" part="title">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${title}</a>` : title}</h3>`
          : nothing}
        ${loaded && this.#state !== 'loading' && this.#state !== 'error'
          ? // The entries are built only while the menu is open: renders on every pointer move need none.
            menuTemplate(this.#menu.open ? this.#menuItems(loaded, view) : [], this.#menu.open, this.#menu.toggle, this.#menu.handleKeyDown)
          : nothing}
      </header>
      ${this.#renderStatus(loaded)}
      <div
        class="chart"
        part="chart"
        role=${view?.count ? 'group' : nothing}
        tabindex=${view?.count ? 0 : nothing}
        aria-label=${view?.count ? (title ?? m.dataTable) : nothing}
        aria-describedby=${view?.count ? 'keys' : nothing}
        @pointerdown=${this.#handlePointerDown}
        @pointermove=${this.#handlePointerMove}
        @pointerup=${this.#handlePointerUp}
        @pointerleave=${this.#handlePointerLeave}
        @click=${this.#handleClick}
        @dblclick=${this.#zoom.reset}
        @keydown=${this.#handleKeyDown}
        @blur=${this.#handlePointerLeave}
      >
        ${this.#renderBody(loaded, view)}
      </div>
      ${view?.count ? html`<span id="keys" class="visually-hidden">${m.chartKeys}</span>` : nothing}
      <div class="data-table-host"></div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${view && (this.#state === 'ready' || this.#state === 'processing') ? view.legend() : nothing}
    </article>`;
  }

  #renderBody(loaded: Loaded | undefined, view: ChartView | undefined): TemplateResult {
    if (this.#state === 'loading') return skeletonTemplate();
    if (this.#state === 'error') return errorTemplate(toError(this.#task.error), () => this.refresh());
    if (this.#state === 'empty') return emptyTemplate();
    if (!view) return progressTemplate(loaded!.data as LineInsightData); // processing, no points yet
    const tooltip = this.active.index >= 0 && !this.#zoom.drag ? view.tooltip(this.active) : undefined;
    return html`${view.render({ ...this.active, highlight: this.highlighted })}
      ${this.#zoom.drag ? html`<div class="brush" aria-hidden="true"></div>` : nothing}
      ${tooltip ? html`<div class="tooltip" part="tooltip" aria-hidden="true">${tooltip.content}</div>` : nothing}`;
  }

  #renderStatus(loaded: Loaded | undefined): TemplateResult | typeof nothing {
    if (!loaded || this.#state === 'error' || this.#state === 'loading') return nothing;
    const data = loaded.data;
    const notes: TemplateResult[] = [];
    if (this.#state === 'processing' && this.#hasMarks(loaded)) notes.push(html`<p class="status" part="status">${m.processing}</p>`);
    if (data.kind === 'line' && data.series.some((s) => s.incomplete?.length)) {
      notes.push(html`<p class="status warning" part="status">${m.incompletePoints}</p>`);
    }
    if (loaded.hidden > 0) notes.push(html`<p class="status" part="status">${m.hiddenSeries(loaded.hidden)}</p>`);
    if (this.#zoom.zoom) {
      notes.push(html`<p class="status" part="status">
        <button type="button" class="zoom-reset" @click=${this.#zoom.reset}>${m.resetZoom}</button>
      </p>`);
    }
    for (const warning of loaded.warnings) notes.push(html`<p class="status warning" part="status">${warning}</p>`);
    return notes.length ? html`${notes}` : nothing;
  }

  async #load(signal: AbortSignal): Promise<Loaded | typeof initialState> {
    if (!this.#mayLoad()) return initialState; // lazy: not near yet
    // An update queued just before removal still runs; a removed card must not start a request.
    if (!this.isConnected) {
      this.#reloadOnConnect = true;
      return initialState;
    }
    await pageScriptsRan();
    signal.throwIfAborted(); // a page script changed the token or configuration meanwhile: the newer run asks
    let resolved;
    try {
      const series = [...this.querySelectorAll(':scope > insight-series')].map((s) => (s as InsightSeriesElement).toSpec());
      resolved = resolveSpec({
        kind: this.kind,
        hasData: this.data !== undefined,
        src: this.src,
        insightId: insightIdFrom(this.insightId),
        repositories: this.repositories,
        repositoryCriteria: this.repositoryCriteria,
        step: this.step,
        points: this.points,
        series,
        repository: this.repository,
        path: this.path,
        query: this.query,
        mode: this.mode,
        limit: this.limit,
      });
    } catch (error) {
      if (error instanceof SpecError) throw new InsightsError('config', error.message);
      throw error;
    }
    if (!resolved) throw new InsightsError('config', m.noInsight);
    const instance = this.#instance();
    const loaded = await loadInsight(resolved.kind, resolved.spec, {
      client: () => {
        if (this.client) return this.client;
        if (!instance) throw new InsightsError('config', m.noInstance);
        return clientFor(instance, this.token);
      },
      data: this.data,
      ...viewOptions(this),
      seriesLimit: this.seriesLimit ?? 20,
      otherThreshold: this.otherThreshold ?? 0.03,
      // The first load may use what the page already fetched; refresh(), polls and reconnects ask the instance.
      fresh: this.reloads > 0,
      signal,
    });
    // Cards answered by one batched request render one per task, not all in one long task.
    await yieldToMain();
    signal.throwIfAborted();
    return loaded;
  }

  /**
   * Lazy cards load once near the viewport; eager ones and those given `data` (even an invalid value, which then
   * shows its error) at once. One predicate for the task's arguments and the load itself: data given as a
   * property must not load again when the card comes into view.
   */
  #mayLoad(): boolean {
    return this.data !== undefined || this.loading === 'eager' || this.#nearViewport.value;
  }

  #deriveState(): InsightState {
    const status = this.#task.status;
    if (status === TaskStatus.ERROR && !(isAbortError(this.#task.error) && this.#reloadOnConnect)) return 'error';
    const loaded = this.#task.value;
    // While a refresh is pending, the previous data stays on screen. Until the chart area has been measured
    // (the first frame), there is nothing to draw at the right size: drawing at a guess is work thrown away.
    if (!loaded || status === TaskStatus.ERROR || !this.#size.value) return 'loading';
    if (loaded.data.kind === 'line' && loaded.data.processing) return 'processing';
    return this.#hasMarks(loaded) ? 'ready' : 'empty';
  }

  #hasMarks(loaded: Loaded): boolean {
    const data = loaded.data;
    if (data.kind === 'line') return data.series.some((s) => s.points.length);
    if (data.kind === 'stat') return true;
    return data.items.some((i) => i.value > 0);
  }

  /** The view for the current data, size and options: built once per change of any, never on hover. */
  #viewOf(loaded: Loaded): ChartView {
    const size = this.#size.value!; // views are built only once measured (see #deriveState)
    const key = [loaded, size.width, size.height, this.yZero, this.stacked, this.#locale(), this.heading, this.hiddenSeries, this.#zoom.zoom];
    if (!this.#view || key.some((k, i) => k !== this.#view!.key[i])) {
      const data = this.heading ? { ...loaded.data, title: this.heading } : loaded.data;
      const view = viewFor(data, { ...size, locale: this.#locale(), yZero: this.yZero, stacked: this.stacked, legend: this.#legend, zoom: this.#zoom.zoom });
      this.#view = { key, tableKey: [loaded, this.#locale(), this.heading, this.hiddenSeries, this.#zoom.zoom], view };
    }
    return this.#view.view;
  }

  #instance(): string | undefined {
    return this.instance ?? closestAcrossShadow(this, 'insights-dashboard')?.getAttribute('instance') ?? configuration().instance;
  }

  #locale(): string | undefined {
    return this.locale || document.documentElement.lang || undefined;
  }

  #placeTooltip(): void {
    const placement = this.active.index >= 0 ? this.#view?.view.tooltip(this.active) : undefined;
    if (!this.tooltip || !placement) return;
    const width = this.tooltip.offsetWidth;
    const area = this.#size.value?.width ?? 480;
    // Beside the mark, flipped to its left when it would overflow the card.
    const left = placement.x + 12 + width > area ? Math.max(0, placement.x - 12 - width) : placement.x + 12;
    this.tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(placement.y)}px)`;
  }

  /** The legend's view of this card: stable, so views built with it stay valid while toggles change. */
  #menuItems(loaded: Loaded, view: ChartView | undefined): MenuItem[] {
    const instance = this.#instance();
    return menuItems({
      title: this.heading || loaded.data.title,
      url: loaded.data.url,
      instance,
      query: loaded.queries?.[0],
      csv: () => this.toCSV(),
      exportAll:
        loaded.insightId && instance ? () => (this.client ?? clientFor(instance, this.token)).exportCSV(loaded.insightId!) : undefined,
      svg: view && this.renderRoot.querySelector('svg.plot') ? () => this.toSVG() : undefined,
      png: () => this.toPNG(),
      embed: () => embedSnippet(this, instance),
      announce: (text) => (this.announcement = text),
    });
  }

  readonly #legend: LegendControls = (() => {
    const card = () => this;
    return {
      get hidden() {
        return card().hiddenSeries;
      },
      toggle: (id: string) => {
        const hidden = new Set(this.hiddenSeries);
        if (!hidden.delete(id)) hidden.add(id);
        this.hiddenSeries = hidden;
      },
      highlight: (id: string | undefined) => {
        this.highlighted = id;
      },
    };
  })();

  #activeAt(event: MouseEvent): Active {
    const view = this.#view?.view;
    if (!view || (this.#state !== 'ready' && this.#state !== 'processing')) return NONE;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return view.activeAt(event.clientX - box.left, event.clientY - box.top, event.composedPath()[0] as Element);
  }

  /** The pointer's x in the chart area. */
  #chartX(event: PointerEvent): number {
    return event.clientX - (event.currentTarget as HTMLElement).getBoundingClientRect().left;
  }

  /** A drag across a line chart selects a time range to zoom into; a plain click still drills down. */
  #handlePointerDown = (event: PointerEvent): void => {
    if (event.button === 0 && this.#view?.view.timeAt) this.#zoom.press(this.#chartX(event));
  };

  #handlePointerUp = (): void => {
    if (this.#zoom.release(this.#view?.view.timeAt)) this.active = NONE;
  };

  #handlePointerMove = (event: PointerEvent): void => {
    if (this.#zoom.pressed) this.#zoom.move(this.#chartX(event));
    const active = this.#activeAt(event);
    if (active.index !== this.active.index || active.series !== this.active.series) this.active = active;
  };

  #handlePointerLeave = (): void => {
    this.active = NONE;
    this.#zoom.cancel();
  };

  #handleClick = (event: MouseEvent): void => {
    if (this.#zoom.endsZoom()) return;
    const active = this.#activeAt(event);
    if (active.index >= 0) this.#choose(active);
  };

  #handleKeyDown = (event: KeyboardEvent): void => {
    const view = this.#view?.view;
    if (!view?.count) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.active.index < 0) return;
      event.preventDefault();
      this.#choose(this.active);
      return;
    }
    const next = nextActive(this.active, event.key, view.count, view.seriesCount);
    if (!next) return;
    event.preventDefault();
    this.active = next;
    const detail = view.detail(next);
    this.announcement = next.index < 0 || !detail ? '' : pointText(detail, this.#locale());
  };

  /** Fires insight-point-click; unless a listener cancels it, opens the search behind the point in a new tab. */
  #choose(active: Active): void {
    const detail = this.#view?.view.detail(active);
    if (!detail) return;
    const event = new InsightPointClickEvent(detail);
    this.dispatchEvent(event);
    const url = safeHttpURL(detail.url);
    if (!event.defaultPrevented && url) window.open(url, '_blank', 'noopener,noreferrer');
  }
}

const NONE: Active = { index: -1, series: 0 };


function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
