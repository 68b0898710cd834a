/**
 * Everything a report shows, gathered once and shared by every format (HTML, Markdown, Slack): per insight its
 * data (fetched as the image embeds fetch it, through the same client and decoders), the latest value and the
 * change over the period per series, goals and their headline (the card's own rules), the canary's warnings and
 * the chart as a PNG (the embeds' renderer and rasterizer).
 */
import { setMaxListeners } from 'node:events';
import type { InsightsClient } from '../../src/api/client.ts';
import type { Loaded } from '../../src/api/load.ts';
import { insightURL, searchURL } from '../../src/api/links.ts';
import { goalHeadline } from '../../src/charts/headline.ts';
import type { Change } from '../../src/model/change.ts';
import { goalsOf, type Goals } from '../../src/model/goals.ts';
import type { Sample } from '../../src/model/projection.ts';
import { clientFor, loadOne, type EmbedSource } from '../embed/embed-data.ts';
import type { Rasterizer } from '../embed/rasterizer.ts';
import { insightSVG } from '../embed/render.ts';
import { parseEmbedRequest } from '../embed/route.ts';
import { canaryWarnings, type CanaryWarning } from './canary.ts';
import { seriesStatus } from './series-status.ts';
import type { ReportEntry, ReportSpec } from './spec.ts';

export interface ReportRow {
  label: string;
  color?: string;
  latest?: number;
  change?: Change;
  /** The way that counts as progress (a goal's, or `better`): the change's tone. */
  better?: 1 | -1;
  /** The search behind the series on the instance. */
  search?: string;
}

export interface ReportInsight {
  id: string;
  title: string;
  /** The insight on its instance. */
  url?: string;
  error?: string;
  rows: ReportRow[];
  /** Rows left out (a pie's smaller slices, a series limit). */
  more: number;
  goals?: Goals;
  headline?: string;
  warnings: CanaryWarning[];
  /** The PNG and the SVG it was drawn from (what it shows can be read from the SVG's marks). */
  image?: { png: Buffer; svg: string; width: number; height: number };
  /** The chart's embed parameters past its size (goals, compare): the PNG here and a chat's image URL draw the same chart. */
  imageParams: Record<string, string>;
}

export interface Report {
  title: string;
  period: string;
  /** The report's time (ms) and the start of its period. */
  asOf: number;
  since: number;
  locale: string;
  insights: ReportInsight[];
}

export interface CollectOptions {
  source: EmbedSource;
  /** Links back to the instance; absent when there is none to link to (a local server without a web app). */
  links?: string;
  now: number;
  locale: string;
  /** CSS pixels of the chart images (drawn at twice that for sharp mail clients); no rasterizer, no images. */
  imageWidth: number;
  rasterizer?: Rasterizer;
  signal: AbortSignal;
}

/** Rows shown per insight; the rest are counted. */
const MAX_ROWS = 8;

export async function collectReport(spec: ReportSpec, options: CollectOptions): Promise<Report> {
  const client = clientFor(options.source);
  const entries = await entriesOf(spec, client, options.signal);
  setMaxListeners(entries.entries.length * 2 + 10, options.signal);
  const ids = entries.entries.map((e) => e.id);
  const [statuses, insights] = await Promise.all([
    seriesStatus(options.source, ids, options.signal),
    Promise.allSettled(entries.entries.map((entry) => insightOf(client, entry, spec, options))),
  ]);
  const since = spec.back(options.now);
  return {
    title: spec.title ?? entries.title ?? 'Code insights',
    period: spec.period,
    asOf: options.now,
    since,
    locale: options.locale,
    insights: await Promise.all(
      insights.map(async (settled, i) => {
        const id = ids[i];
        if (settled.status === 'rejected') {
          if (options.signal.aborted) throw options.signal.reason;
          const error = settled.reason instanceof Error ? settled.reason.message : String(settled.reason);
          return { id, title: id, url: options.links && insightURL(options.links, id), error, rows: [], more: 0, imageParams: {}, warnings: canaryWarnings({ error, series: [] }, { ...spec.canary, now: options.now, since }) };
        }
        const { insight, loaded, samples } = settled.value;
        const status = statuses.get(id);
        const processing = loaded.data.kind === 'line' && loaded.data.processing ? { since: status?.queuedAt } : undefined;
        insight.warnings = canaryWarnings({ failedJobs: status?.failedJobs, processing, series: samples }, { ...spec.canary, now: options.now, since });
        if (options.rasterizer) insight.image = await imageOf(insight.imageParams, id, loaded, options);
        return insight;
      }),
    ),
  };
}

/** The dashboard's insights (with goals from the report file), then those named one by one. */
async function entriesOf(spec: ReportSpec, client: InsightsClient, signal: AbortSignal): Promise<{ title?: string; entries: ReportEntry[] }> {
  if (!spec.dashboard) return { entries: spec.insights };
  const dashboard = await client.dashboard(spec.dashboard, signal);
  const named = new Map(spec.insights.map((e) => [e.id, e]));
  const entries = dashboard.viewIds.map((id) => named.get(id) ?? { id, goals: {} });
  return { title: dashboard.title, entries: [...entries, ...spec.insights.filter((e) => !dashboard.viewIds.includes(e.id))] };
}

async function insightOf(client: InsightsClient, entry: ReportEntry, spec: ReportSpec, options: CollectOptions) {
  const imageParams = { ...entry.goalParams, compare: spec.period };
  const request = embedRequest(entry.id, imageParams, options);
  // The same request as loadOne's, so the client sends it once: the saved insight's queries, then the shaped data.
  const [saved, loaded] = await Promise.all([
    client.insightView({ id: entry.id }, options.signal),
    loadOne(client, 'auto', { source: 'saved', id: entry.id }, request, options.signal),
  ]);
  const data = saved.data;
  const insight: ReportInsight = { id: entry.id, title: data.title || entry.id, url: options.links && insightURL(options.links, entry.id), rows: [], more: 0, warnings: [], imageParams };
  let samples: { label: string; samples: Sample[] }[] = [];
  // A language pie is saved with a line presentation of no series: what was drawn says which kind it is.
  if (data.kind === 'line' && loaded.data.kind === 'line') {
    // The card's goal rules also give each series' samples and its change over the period (`compare`).
    const goals = goalsOf(data, { ...entry.goals, compare: spec.back });
    samples = data.series.map((s, i) => ({ label: s.label, samples: goals.series[i].samples }));
    const rows = data.series.map((s, i): ReportRow => ({
      label: s.label,
      color: s.color,
      latest: goals.series[i].samples.at(-1)?.v,
      change: goals.series[i].change,
      better: goals.series[i].better,
      search: options.links && saved.queries.has(s.id) ? searchURL(options.links, saved.queries.get(s.id)!) : undefined,
    }));
    if (goals.status) Object.assign(insight, { goals, headline: goalHeadline(goals, options.locale) });
    insight.rows = rows.slice(0, MAX_ROWS);
    insight.more = rows.length - insight.rows.length;
  } else if (loaded.data.kind === 'pie' || loaded.data.kind === 'bar') {
    const items = loaded.data.items;
    insight.rows = items.slice(0, MAX_ROWS).map((item) => ({ label: item.label, color: item.color, latest: item.value }));
    insight.more = items.length - insight.rows.length;
  }
  return { insight, loaded, samples };
}

/**
 * The embed route's own defaults for an insight image, at the report's width, light theme (mail is read on white),
 * with the report's goals: a headline saying "Behind" over a chart with no goal line would leave the reader guessing.
 */
function embedRequest(id: string, params: Record<string, string>, options: CollectOptions) {
  const url = new URL(`http://report/embed/insight/${encodeURIComponent(id)}.png`);
  url.search = new URLSearchParams({ width: String(options.imageWidth), scale: '2', locale: options.locale, ...params }).toString();
  return parseEmbedRequest(url)!;
}

async function imageOf(params: Record<string, string>, id: string, loaded: Loaded, options: CollectOptions): Promise<ReportInsight['image']> {
  const request = embedRequest(id, params, options);
  const { svg, width, height } = insightSVG(request, loaded);
  return { png: await options.rasterizer!.render(svg, request.scale, options.signal), svg, width, height };
}
