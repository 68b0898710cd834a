import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { InsightsClient } from '../../api/client.js';
import type { Loaded } from '../../api/load.js';
import { warmFormatters } from '../../charts/format.js';
import { legendBeside } from '../../charts/legend.js';
import type { ChartView } from '../../charts/view.js';
import { emptyReason, hasMarks, statusNotes } from '../../model/card-status.js';
import { insightToCSV } from '../../model/csv-export.js';
import type { Annotation, InsightData, LineInsightData } from '../../model/insight-data.js';
import { messagesFor, type Messages } from '../../model/locale-messages.js';
import type { GoalStatus } from '../../model/projection.js';
import { ConfigurationController } from '../shared/configuration-controller.js';
import { elementInstance } from '../shared/instance.js';
import { elementLocale } from '../shared/locale.js';
import { NearViewportController } from '../shared/near-viewport-controller.js';
import { SizeController } from '../shared/size-controller.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { ThemeController } from '../shared/theme-controller.js';
import { reflect } from '../shared/reflect.js';
import { headerTemplate, insightHref } from './card-header.js';
import { ChartController } from './chart-controller.js';
import { ChildrenController } from './children-controller.js';
import { styles } from './code-insight.styles.js';
import { DeferredTable } from './deferred-table.js';
import { DragZoomController } from './drag-zoom-controller.js';
import { goalDrawing } from './goal-drawing.js';
import { InsightLoader, type InsightState } from './insight-loader.js';
import { insightRequest, type InsightRequest } from './insight-request.js';
import { MenuController } from './menu-controller.js';
import { emptyTemplate, errorTemplate, processingOverlay, progressTemplate, skeletonTemplate, statusTemplate } from './states.js';
import { cardSVG, svgToPNG } from './svg-export.js';
import { ViewController } from './view-controller.js';

export type { InsightState } from './insight-loader.js';

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
 * @fires insight-view - The insight was seen: half the card in view for a second. Once per insight; `detail`: `{ id, kind, title }`.
 * @csspart card - The card around everything.
 * @csspart header - The row holding the title.
 * @csspart title - The insight's title.
 * @csspart chart - The area the chart and the state messages occupy.
 * @csspart legend - The list of series (or slices).
 * @csspart tooltip - The hover tooltip.
 * @csspart status - Notes under the chart: hidden series, incomplete points (which open to list them).
 * @csspart progress - The progress bar of an insight still being processed.
 * @csspart error - The error message and its retry button.
 * @csspart projection - The goal's headline: "On track: at this pace 0 around Mar 2027 (Feb–May)".
 * @csspart change - Each series' change over the `compare` period, in the legend; `data-tone` is good, bad or neutral.
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

  /** Sourcegraph base URL; falls back to the enclosing dashboard's, then to `configure()`. */
  @property() instance?: string;
  /** A saved insight view id, or a pasted Sourcegraph insight URL. */
  @property({ attribute: 'insight-id' }) insightId?: string;
  /** The page's own title for the card (ad-hoc insights have none); replaces the insight's title. */
  @property() heading?: string;
  /** The title's heading level, 1–6 (default 3, under a dashboard's `<h2>`); a card under a page's `<h1>` takes 2. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;
  /** Hides the title (no longer a link: an unseen tab stop); screen readers still name the card by it. The menu stays. */
  @property({ attribute: 'hide-title', type: Boolean, reflect: true }) hideTitle = false;
  /** Menu entries to show (default all; `none`: no menu): `open y-zero csv csv-all svg png embed monitor batch-change`. */
  @property() actions?: string;
  /** `auto` (default), `line`, `languages`, `group-by` or `stat`. */
  @property() kind?: 'auto' | 'line' | 'languages' | 'group-by' | 'stat';
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
  @property() mode?: 'repo' | 'path' | 'author' | 'capture-group' | 'repo-metadata';
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
  @property() sort?: 'result-count' | 'result-count-desc' | 'result-count-asc' | 'alphabetical' | 'alphabetical-asc' | 'alphabetical-desc' | 'date-added' | 'date-added-desc' | 'date-added-asc';
  /** At most this many series are drawn (default 20). */
  @property({ attribute: 'series-limit', type: Number }) seriesLimit?: number;
  /** Only the latest N points of each series. */
  @property({ attribute: 'num-samples', type: Number }) numSamples?: number;
  /** Line charts: stack the series, so the top line is their total. */
  @property({ type: Boolean }) stacked = false;
  /** Line charts: start the y axis at zero. */
  @property({ attribute: 'y-zero', type: Boolean }) yZero = false;
  /** Line charts and single numbers: the value the series should reach (see `goal-series`); reflects `goal-status`. */
  @property() goal?: number | string;
  /** By when the goal should be reached (ISO 8601 date). */
  @property({ attribute: 'goal-date' }) goalDate?: string;
  /** The series the goal is for, by label or id; default every series (the total when `stacked`). */
  @property({ attribute: 'goal-series' }) goalSeries?: string;
  /** `up` or `down`: the way that counts as progress where no goal says. */
  @property() better?: 'up' | 'down';
  /** Where progress is measured from (ISO 8601 date); default the first point shown. */
  @property({ attribute: 'baseline-date' }) baselineDate?: string;
  /** How many recent samples the projection uses (default 8, at least 4). */
  @property({ attribute: 'trend-window', type: Number }) trendWindow?: number;
  /** A period (`1w`, `1mo`, `1q`, `1y`): each series' change over it, in the legend. */
  @property() compare?: string;
  /** Events to mark on the time axis (`{ date, label, url? }`), besides `<insight-annotation>` children. */
  @property({ attribute: false }) annotations?: Annotation[];
  /** `auto` follows the reader's colour scheme; unset, the page's `configure({ theme })`, else `auto`. */
  @property({ reflect: true }) theme?: 'auto' | 'light' | 'dark';
  /** BCP 47 tag for words, dates and numbers; unset, the dashboard's, `configure({ locale })`'s, else the nearest `lang`. */
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

  /** The chart's height, and the width it shares with a legend beside it (set by CSSOM: a strict CSP blocks style attributes). */
  readonly #height = new SizeController(this, 'height');
  readonly #width = new SizeController(this, 'width');
  readonly #configuration = new ConfigurationController(this);
  readonly #theme = new ThemeController(this);
  readonly #children = new ChildrenController(this);
  /** Becomes true once the card nears the viewport (and stays true): lazy cards fetch only then. */
  readonly #nearViewport = new NearViewportController(this, '300px');
  readonly #menu = new MenuController(this);
  readonly #zoom = new DragZoomController(this);
  readonly #chart = new ChartController(this, this.#zoom);
  readonly #loader = new InsightLoader(this, {
    request: (reloads) => this.#request(reloads),
    data: () => this.data,
    client: () => this.client,
    // Lazy cards load once near the viewport; eager ones and those given `data` (even an invalid value) at once.
    mayLoad: () => this.data !== undefined || this.loading === 'eager' || this.#nearViewport.value,
  });
  readonly #table = new DeferredTable(() => this.renderRoot.querySelector('.data-table-host'));
  readonly #refreshTimer = new RefreshTimer(this, () => this.refresh());
  readonly #view = new ViewController(this, () => (this.#state === 'loading' || this.#state === 'error' ? undefined : this.#loader.value));
  #state: InsightState = 'loading';

  /** `loading`, `processing`, `ready`, `empty` or `error`; reflected as the `state` attribute. */
  get state(): InsightState { return this.#state; }

  /** Where the goal stands: `on-track`, `behind`, `reached`, `no-progress`, `wrong-way` or `unknown`; reflected as `goal-status`. */
  get goalStatus(): GoalStatus | undefined { return this.#chart.view?.goal?.status; }

  /** Fetches the insight again; the chart stays until the new data arrives. */
  refresh(): void { this.#loader.reload(); }

  /** The data drawn, as CSV: one row per date and one column per series (or one row per slice or bar). */
  toCSV(): string {
    return this.#loader.value ? insightToCSV(this.#loader.value.data, this.#chart.view?.goal?.goals) : '';
  }

  /** The chart as a standalone SVG document with its title and colours; '' before there is a chart. */
  toSVG(): string {
    return cardSVG(this.renderRoot, this.heading || this.#loader.value?.data.title || '');
  }

  /** The chart as a PNG image (twice the on-screen size). Rejects before there is a chart. */
  toPNG(): Promise<Blob> { return svgToPNG(this.toSVG()); }

  override connectedCallback(): void {
    super.connectedCallback();
    warmFormatters(elementLocale(this));
  }

  protected override firstUpdated(): void {
    this.#height.observe(this.renderRoot.querySelector('.chart')!);
    this.#width.observe(this.renderRoot.querySelector('.chart-and-legend')!);
  }

  protected override willUpdate(): void {
    this.#state = this.#loader.state(this.#height.value !== undefined && this.#width.value !== undefined);
    this.#chart.drawn = this.#state === 'ready' || this.#state === 'processing';
  }

  protected override updated(changed: PropertyValues): void {
    reflect(this, 'state', this.#state);
    reflect(this, 'goal-status', this.goalStatus);
    this.#zoom.placeBrush(this.renderRoot.querySelector<HTMLElement>('.brush'));
    if (changed.has('refreshInterval')) this.#refreshTimer.start(this.refreshInterval);
    const view = this.#chart.view;
    this.#table.show(this.#chart.tableKey, () => view!.table());
    const shared = this.renderRoot.querySelector<HTMLElement>('.chart-and-legend')!;
    shared.style.setProperty('--_legend-width', `${shared.dataset.legendWidth}px`);
  }

  #request(reloads: number): InsightRequest {
    const { series, seriesGoals } = this.#children;
    const context = { instance: elementInstance(this), hasData: this.data !== undefined, series, seriesGoals, reloads, locale: elementLocale(this) };
    return insightRequest(this, { ...context, configuration: this.#configuration.version });
  }

  override render(): TemplateResult {
    const loaded = this.#loader.value;
    const locale = elementLocale(this), m = messagesFor(locale);
    const error = this.#state === 'error';
    // An error keeps the card's title (a neutral one when none is known yet) and a way to the insight.
    const title = this.heading || loaded?.data.title || (error ? m.untitled : undefined);
    const href = insightHref(loaded?.data.url, elementInstance(this), this.insightId);
    const [box, shared] = [this.#height.value, this.#width.value];
    const legend = loaded?.data.kind === 'line' && shared ? legendBeside(shared.width, loaded.data.series.length) : 0;
    const size = box && shared && { width: shared.width - legend, height: box.height };
    const view =
      loaded && size && hasMarks(loaded.data)
        ? this.#chart.viewOf({ data: loaded.data, ...size, yZero: this.yZero, stacked: this.stacked, locale, heading: this.heading, ...goalDrawing(this, this.#children) })
        : undefined;
    const keys = view?.count ? true : undefined;
    // Loaded data the card shows (not a skeleton or an error): it gets the menu and the status notes.
    const shown = this.#state !== 'loading' && !error ? loaded : undefined;
    const menu = shown || (error && href) ? this.#menu.render({ loaded: shown, hasView: Boolean(view), href, messages: m, announce: this.#chart.announce }) : nothing;
    return html`<article class="card" part="card" aria-busy=${this.#state === 'loading'}>
      ${headerTemplate(title, href, this.headingLevel, this.#state === 'loading', menu, this.hideTitle)}
      <div class="chart-and-legend ${legend ? 'beside' : ''}" data-legend-width=${legend}><div
        class="chart"
        part="chart"
        role=${keys ? 'group' : nothing}
        tabindex=${keys ? 0 : nothing}
        aria-label=${keys ? (title ?? m.dataTable) : nothing}
        aria-describedby=${keys ? 'keys' : nothing}
        @pointerdown=${this.#chart.handlePointerDown}
        @pointermove=${this.#chart.handlePointerMove}
        @pointerup=${this.#chart.handlePointerUp}
        @pointerleave=${this.#chart.handlePointerLeave}
        @click=${this.#chart.handleClick}
        @dblclick=${this.#zoom.reset}
        @keydown=${this.#chart.handleKeyDown}
        @blur=${this.#chart.handlePointerLeave}
      >
        ${this.#renderBody(loaded, view, m)}
      </div>
      ${view?.goal?.headline ? html`<p class="projection" part="projection" data-status=${view.goal.status!}>${view.goal.headline}</p>` : nothing}
      ${shown ? statusTemplate(statusNotes(shown.data, shown.hidden, shown.warnings, m), shown, locale, m) : nothing}
      ${view && this.#chart.drawn ? view.legend() : nothing}</div>
      ${keys ? html`<span id="keys" class="visually-hidden">${m.chartKeys}</span>` : nothing}
      <div class="data-table-host"></div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#chart.announcement}</div>
    </article>`;
  }

  #renderBody(loaded: Loaded | undefined, view: ChartView | undefined, m: Messages): TemplateResult {
    if (this.#state === 'loading') return skeletonTemplate(m);
    if (this.#state === 'error') return errorTemplate(this.#loader.error, () => this.refresh(), m);
    if (this.#state === 'empty') return emptyTemplate(emptyReason(loaded!.data, Boolean(this.includeRepos || this.excludeRepos || this.searchContexts), m), m);
    if (!view) return progressTemplate(loaded!.data as LineInsightData, m); // processing, no points yet
    const { active, highlighted } = this.#chart;
    const tooltip = active.index >= 0 && !this.#zoom.drag ? view.tooltip(active) : undefined;
    return html`${view.render({ ...active, highlight: highlighted })}
      ${this.#state === 'processing' ? processingOverlay(loaded!.data as LineInsightData, m) : nothing}
      ${this.#zoom.overlay(m.resetZoom)}
      ${tooltip ? html`<div class="tooltip" part="tooltip" aria-hidden="true">${tooltip.content}</div>` : nothing}`;
  }
}
