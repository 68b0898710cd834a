import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { InsightsClient } from '../../api/client.js';
import { InsightsError, isAbortError } from '../../api/errors.js';
import { viewOptions } from '../../api/view-options.js';
import { legendTemplate } from '../../charts/legend.js';
import { lineLayout, nearestTimeIndex, toChartSeries, type ChartSeries, type LineLayout } from '../../charts/line.js';
import { lineChartTemplate } from '../../charts/line-chart.js';
import { warmFormatters } from '../../charts/format.js';
import { lineSummary } from '../../charts/summary.js';
import { tooltipTemplate } from '../../charts/tooltip.js';
import { clientFor, configuration, configurationVersion, onConfigure } from '../../configure.js';
import { InsightErrorEvent } from '../../events/insight-error.js';
import { InsightLoadEvent } from '../../events/insight-load.js';
import type { LineInsightData } from '../../model/insight-data.js';
import { defaultMessages as m } from '../../model/messages.js';
import { limitSeries } from '../../model/series-limit.js';
import { safeHttpURL } from '../../model/url.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { yieldToMain } from '../shared/yield.js';
import { closestAcrossShadow, insightIdFrom } from './lookup.js';
import { PollSchedule } from './poll.js';
import { styles } from './code-insight.styles.js';

export type InsightState = 'loading' | 'processing' | 'ready' | 'empty' | 'error';

interface Loaded {
  data: LineInsightData;
  hidden: number;
  warnings: string[];
}

/** Below this many pixels per sample, dots on every point would merge into a thick line. */
const MIN_POINT_SPACING = 10;

/**
 * One Sourcegraph code insight as a card: title, chart, legend and every state in between.
 *
 * @summary A saved Sourcegraph code insight, drawn as a chart.
 * @fires insight-load - The data arrived and is drawn; `detail` is the `InsightData`.
 * @fires insight-error - Loading failed; `detail` is the error.
 * @csspart card - The card around everything.
 * @csspart header - The row holding the title.
 * @csspart title - The insight's title.
 * @csspart chart - The area the chart and the state messages occupy.
 * @csspart legend - The list of series.
 * @csspart tooltip - The hover tooltip.
 * @csspart status - Notes under the title: processing, hidden series, incomplete points.
 * @csspart progress - The progress bar of an insight still being processed.
 * @csspart error - The error message and its retry button.
 * @cssprop --insight-color - Text colour.
 * @cssprop --insight-muted-color - Secondary text and axis labels.
 * @cssprop --insight-background - Card background.
 * @cssprop --insight-border-color - Card border and axis line.
 * @cssprop --insight-grid-color - Horizontal grid lines.
 * @cssprop --insight-accent-color - Focus ring and progress bar.
 * @cssprop --insight-danger-color - Error text.
 * @cssprop --insight-warning-color - Incomplete-data marks.
 * @cssprop --insight-tooltip-background - Tooltip background.
 * @cssprop --insight-skeleton-color - Loading placeholder.
 * @cssprop --insight-radius - Card corner radius.
 * @cssprop --insight-chart-height - Height of the chart area (default 240px).
 */
export class CodeInsightElement extends LitElement {
  static override styles = styles;

  readonly #size = new ResizeController(this, {
    target: null,
    callback: ([entry]) => (entry ? { width: entry.contentRect.width, height: entry.contentRect.height } : undefined),
  });

  /** Becomes true once the card nears the viewport (and stays true): lazy cards fetch only then. */
  readonly #nearViewport: IntersectionController<boolean> = new IntersectionController(this, {
    config: { rootMargin: '300px' },
    callback: (entries): boolean => Boolean(this.#nearViewport?.value) || entries.some((e) => e.isIntersecting),
  });

  /** Sourcegraph base URL; falls back to the enclosing dashboard's, then to `configure()`. */
  @property() instance?: string;
  /** A saved insight view id, or a pasted Sourcegraph insight URL. */
  @property({ attribute: 'insight-id' }) insightId?: string;
  @property({ attribute: 'include-repos' }) includeRepos?: string;
  @property({ attribute: 'exclude-repos' }) excludeRepos?: string;
  @property({ attribute: 'search-contexts' }) searchContexts?: string;
  /** `result-count` (default), `alphabetical` or `date-added`, each with `-asc` or `-desc`. */
  @property() sort?: string;
  /** At most this many series are drawn (default 20). */
  @property({ attribute: 'series-limit', type: Number }) seriesLimit?: number;
  @property({ attribute: 'num-samples', type: Number }) numSamples?: number;
  @property({ attribute: 'y-zero', type: Boolean }) yZero = false;
  /** `auto` follows the reader's colour scheme. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';
  /** BCP 47 tag for dates and numbers; defaults to the document's language. */
  @property() locale?: string;
  /**
   * `lazy` (default) fetches when the card nears the viewport, which also lets a page set `token` after the
   * script loads; `eager` fetches at once.
   */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Seconds between automatic refreshes (the attribute `refresh`); 0 for none. */
  @property({ attribute: 'refresh', type: Number }) refreshInterval = 0;
  /** Access token for this element only. Never an attribute, never rendered. */
  @property({ attribute: false }) token?: string;
  /** Data to draw instead of fetching. */
  @property({ attribute: false }) data?: LineInsightData;
  /** An API client to use instead of the shared one. */
  @property({ attribute: false }) client?: InsightsClient;

  @state() private activeIndex = -1;
  /** Bumped to fetch again (refresh() and polling) without any other argument changing. */
  @state() private reloads = 0;
  @query('.tooltip') private tooltip?: HTMLElement;

  #state: InsightState = 'loading';
  #layout?: { key: unknown[]; layout: LineLayout; series: ChartSeries[] };
  #poll = new PollSchedule(() => this.reloads++);
  #refreshTimer = new RefreshTimer(() => this.refresh());
  #reloadOnConnect = false;
  #unsubscribe?: () => void;

  readonly #task = new Task(this, {
    task: (args, { signal }) => this.#load(args, signal),
    args: () =>
      [
        this.data,
        this.client,
        this.instance ?? closestAcrossShadow(this, 'insights-dashboard')?.getAttribute('instance') ?? configuration().instance,
        this.insightId,
        this.token,
        this.includeRepos,
        this.excludeRepos,
        this.searchContexts,
        this.sort,
        this.seriesLimit,
        this.numSamples,
        this.reloads,
        configurationVersion(),
        this.loading === 'eager' || Boolean(this.#nearViewport.value),
      ] as const,
    onComplete: (loaded) => {
      this.#poll.update(Boolean(loaded.data.processing), configuration());
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

  override connectedCallback(): void {
    super.connectedCallback();
    // A page may call configure() after the elements loaded: load again with the new settings.
    this.#unsubscribe = onConfigure(() => this.requestUpdate());
    warmFormatters(this.#locale());
    if (this.#reloadOnConnect) {
      this.#reloadOnConnect = false;
      this.reloads++;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
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
    if (changed.has('activeIndex')) this.#placeTooltip();
    if (changed.has('refreshInterval')) this.#refreshTimer.start(this.refreshInterval);
  }

  override render(): TemplateResult {
    const loaded = this.#task.value;
    const title = loaded?.data.title;
    const href = safeHttpURL(loaded?.data.url);
    return html`<article class="card" part="card" aria-busy=${this.#state === 'loading'}>
      <header class="header" part="header">
        ${title !== undefined
          ? html`<h3 class="title" part="title">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${title}</a>` : title}</h3>`
          : nothing}
      </header>
      ${this.#renderStatus(loaded)}
      <div class="chart" part="chart">${this.#renderBody(loaded)}</div>
      ${this.#state === 'ready' || (this.#state === 'processing' && this.#hasPoints(loaded))
        ? legendTemplate(this.#chart(loaded!).series)
        : nothing}
    </article>`;
  }

  #renderBody(loaded: Loaded | undefined): TemplateResult {
    switch (this.#state) {
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span></div>
          <span class="visually-hidden" role="status">${m.loading}</span>`;
      case 'error':
        return this.#renderError(toError(this.#task.error));
      case 'empty':
        return html`<div class="message" role="status">${m.empty}</div>`;
      case 'processing':
        if (!this.#hasPoints(loaded)) return this.#renderProgress(loaded!.data);
    }
    return this.#renderChart(loaded!);
  }

  #renderChart(loaded: Loaded): TemplateResult {
    const { layout, series } = this.#chart(loaded);
    const locale = this.#locale();
    const showPoints = (layout.plot.right - layout.plot.left) / Math.max(1, layout.times.length) >= MIN_POINT_SPACING;
    return html`<svg
        class="plot"
        role="img"
        aria-label=${lineSummary(loaded.data.title, series, locale)}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @pointermove=${this.#handlePointerMove}
        @pointerleave=${this.#handlePointerLeave}
      >
        ${lineChartTemplate(layout, { activeIndex: this.activeIndex, showPoints })}
      </svg>
      ${this.activeIndex >= 0
        ? html`<div class="tooltip" part="tooltip" aria-hidden="true">${tooltipTemplate(layout, this.activeIndex, locale)}</div>`
        : nothing}`;
  }

  #renderProgress(data: LineInsightData): TemplateResult {
    const percent = data.processing?.progress === undefined ? undefined : Math.round(data.processing.progress * 100);
    return html`<div class="message" role="status">
      <span>${m.processing}</span>
      ${percent === undefined
        ? html`<progress part="progress" aria-label=${m.processing}></progress>`
        : html`<progress part="progress" max="100" value=${percent} aria-label=${m.processingProgress(percent)}></progress>
            <span class="detail">${m.processingProgress(percent)}</span>`}
    </div>`;
  }

  #renderError(error: Error): TemplateResult {
    const details = error instanceof InsightsError ? error.details.slice(0, 3) : [];
    return html`<div class="message error" part="error" role="alert">
      <span>${error.message}</span>
      ${details.map((d) => html`<span class="detail">${d}</span>`)}
      ${error instanceof InsightsError && error.kind === 'config'
        ? nothing // the same attributes would fail the same way
        : html`<button type="button" @click=${this.refresh}>${m.retry}</button>`}
    </div>`;
  }

  #renderStatus(loaded: Loaded | undefined): TemplateResult | typeof nothing {
    if (!loaded || this.#state === 'error' || this.#state === 'loading') return nothing;
    const notes: TemplateResult[] = [];
    if (this.#state === 'processing' && this.#hasPoints(loaded)) notes.push(html`<p class="status" part="status">${m.processing}</p>`);
    if (loaded.data.series.some((s) => s.incomplete?.length)) {
      notes.push(html`<p class="status warning" part="status">${m.incompletePoints}</p>`);
    }
    if (loaded.hidden > 0) notes.push(html`<p class="status" part="status">${m.hiddenSeries(loaded.hidden)}</p>`);
    for (const warning of loaded.warnings) notes.push(html`<p class="status warning" part="status">${m.graphql(warning)}</p>`);
    return notes.length ? html`${notes}` : nothing;
  }

  async #load(args: readonly unknown[], signal: AbortSignal): Promise<Loaded | typeof initialState> {
    const [data, client, instance, insightId, token, includeRepos, excludeRepos, searchContexts, sort, seriesLimit, numSamples, reloads] =
      args;
    const limit = (seriesLimit as number | undefined) ?? 20;
    if (data) return { ...limitSeries(data as LineInsightData, limit), warnings: [] };
    if (!args.at(-1)) return initialState; // lazy, and not near the viewport yet
    // An update queued just before removal still runs; a removed card must not start a request.
    if (!this.isConnected) {
      this.#reloadOnConnect = true;
      return initialState;
    }
    const id = insightIdFrom(insightId as string | undefined);
    if (!id) throw new InsightsError('config', m.noInsight);
    if (!client && !instance) throw new InsightsError('config', m.noInstance);
    const options = viewOptions({
      includeRepos: includeRepos as string,
      excludeRepos: excludeRepos as string,
      searchContexts: searchContexts as string,
      sort: sort as string,
      seriesLimit: seriesLimit as number,
      numSamples: numSamples as number,
    });
    const api = (client as InsightsClient | undefined) ?? clientFor(instance as string, token as string | undefined);
    // The first load may use what the page already fetched; refresh(), polls and reconnects ask the instance.
    const insight = await api.insightView({ id, ...options }, signal, { fresh: (reloads as number) > 0 });
    if (insight.presentation === 'pie') throw new InsightsError('config', m.pieNotSupported);
    await yieldToMain();
    signal.throwIfAborted();
    return { ...limitSeries(insight.data, limit, insight.seriesCount), warnings: insight.warnings };
  }

  #deriveState(): InsightState {
    const status = this.#task.status;
    if (status === TaskStatus.ERROR && !(isAbortError(this.#task.error) && this.#reloadOnConnect)) return 'error';
    const loaded = this.#task.value;
    // While a refresh is pending, the previous data stays on screen.
    if (!loaded || status === TaskStatus.ERROR) return 'loading';
    if (loaded.data.processing) return 'processing';
    return this.#hasPoints(loaded) ? 'ready' : 'empty';
  }

  #hasPoints(loaded: Loaded | undefined): boolean {
    return Boolean(loaded?.data.series.some((s) => s.points.length));
  }

  /** The layout for the current data and size, computed once per change of either, never on hover. */
  #chart(loaded: Loaded): { layout: LineLayout; series: ChartSeries[] } {
    const size = this.#size.value ?? { width: 480, height: 240 };
    const key = [loaded, size.width, size.height, this.yZero, this.#locale()];
    if (!this.#layout || key.some((k, i) => k !== this.#layout!.key[i])) {
      const series = toChartSeries(loaded.data.series);
      this.#layout = { key, series, layout: lineLayout(series, size, { yZero: this.yZero, locale: this.#locale() }) };
    }
    return this.#layout;
  }

  #locale(): string | undefined {
    return this.locale || document.documentElement.lang || undefined;
  }

  #placeTooltip(): void {
    const layout = this.#layout?.layout;
    if (!this.tooltip || !layout || this.activeIndex < 0) return;
    const x = layout.xs[this.activeIndex];
    const width = this.tooltip.offsetWidth;
    // Beside the crosshair, flipped to its left when it would overflow the card.
    const left = x + 12 + width > layout.width ? Math.max(0, x - 12 - width) : x + 12;
    this.tooltip.style.transform = `translate(${Math.round(left)}px, ${layout.plot.top}px)`;
  }

  #handlePointerMove = (event: PointerEvent): void => {
    const layout = this.#layout?.layout;
    if (!layout) return;
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * layout.width;
    this.activeIndex = x < layout.plot.left - 8 || x > layout.plot.right + 8 ? -1 : nearestTimeIndex(layout, x);
  };

  #handlePointerLeave = (): void => {
    this.activeIndex = -1;
  };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
