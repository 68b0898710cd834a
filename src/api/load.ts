import type { InsightFilters, InsightsClient, SeriesDisplayOptions } from './client.js';
import { InsightsError } from './errors.js';
import { parseColor } from '../model/color.js';
import { toTime } from '../model/dates.js';
import { groupSmallItems } from '../model/group-items.js';
import type { InsightData, LineInsightData, LineSeries, StatInsightData } from '../model/insight-data.js';
import { validateInsightData } from '../model/insight-data-parse.js';
import type { InsightSpec, Kind } from '../model/insight-spec.js';
import { defaultMessages, type Messages } from '../model/messages.js';
import { distinctColors, slotOf } from '../model/palette.js';
import { limitSeries } from '../model/series-limit.js';
import { fetchThirdParty, parsed } from './third-party.js';

/** What a card draws, with what it could not show. */
export interface Loaded {
  data: InsightData;
  /** Series left out by `series-limit`. */
  hidden: number;
  /** The names of those series, where known (the limit was applied here, not by the instance). */
  hiddenLabels?: string[];
  /** GraphQL errors that came with usable data. */
  warnings: string[];
  /** The search queries behind the series (for code monitor and batch change links). */
  queries?: string[];
  /** The saved insight's id (for the instance's CSV export). */
  insightId?: string;
}

export interface LoadContext {
  /** The shared client; throws a config error when no instance is set (only sources that need one call it). */
  client: () => InsightsClient;
  data?: unknown;
  filters?: InsightFilters;
  seriesDisplayOptions?: SeriesDisplayOptions;
  seriesLimit: number;
  otherThreshold: number;
  /** Ask the instance again instead of using the page's cache (refresh, polling). */
  fresh: boolean;
  /** The words of the card's language, for what the data itself says ("Other", approximate counts); default the defaults. */
  words?: Messages;
  signal: AbortSignal;
}

/** Fetches (or validates) what `spec` names and shapes it for `kind`. */
export async function loadInsight(kind: Kind, spec: InsightSpec, context: LoadContext): Promise<Loaded> {
  const { signal, fresh, words: m = defaultMessages } = context;
  switch (spec.source) {
    case 'data':
      return shapeInsight(kind, parsed(() => validateInsightData(context.data)), context);
    case 'src':
      return shapeInsight(kind, await fetchThirdParty(spec.url, signal), context);
    case 'saved': {
      const options = { id: spec.id, filters: context.filters, seriesDisplayOptions: context.seriesDisplayOptions };
      const insight = await context.client().insightView(options, signal, { fresh });
      if (insight.presentation === 'pie') {
        const [repository] = insight.repositories;
        if (!repository) throw new InsightsError('decode', (m) => m.noLanguages);
        const items = await context.client().languages({ repository }, signal, { fresh });
        const data = { kind: 'pie' as const, title: insight.data.title, items: groupSmallItems(items, insight.otherThreshold ?? context.otherThreshold, m.other) };
        return shapeInsight(kind, data, context, insight.warnings);
      }
      return { ...shapeInsight(kind, insight.data, context, insight.warnings, insight.seriesCount), queries: [...insight.queries.values()], insightId: spec.id };
    }
    case 'preview': {
      const series = await context.client().preview(spec, signal, { fresh });
      // Colours from attributes pass the same check as colours from a server.
      const colors = new Map(spec.series.map((s) => [s.label, parseColor(s.color)]));
      const captures = spec.series.some((s) => s.captureGroups);
      // Capture groups give one series per value: largest first, as saved insights sort them, each value
      // painted by its name (its rank changes from one refresh to the next); declared series by their place.
      const ordered = captures ? [...series].sort((a, b) => latest(b) - latest(a)) : series;
      const painted = distinctColors(ordered.map((s, i) => ({ color: colors.get(s.label), slot: captures ? slotOf(s.label) : i })));
      const data: LineInsightData = {
        kind: 'line',
        title: '',
        series: ordered.map((s, i) => ({ ...s, points: s.points.slice(-spec.points), color: painted[i] })),
      };
      return { ...shapeInsight(kind, data, context), queries: spec.series.map((s) => s.query) };
    }
    case 'languages': {
      const items = await context.client().languages(spec, signal, { fresh });
      return shapeInsight(kind, { kind: 'pie', title: '', items: groupSmallItems(items, context.otherThreshold, m.other) }, context);
    }
    case 'group-by': {
      const result = await context.client().aggregation({ query: spec.query, mode: spec.mode, limit: spec.limit, patternType: 'literal' }, signal, { fresh });
      if (!result.available) throw new InsightsError('unavailable', (m) => m.groupByUnavailable(result.reason));
      return { ...shapeInsight(kind, { kind: 'bar', title: '', items: result.items }, context, result.approximate ? [m.approximate] : []), queries: [spec.query] };
    }
  }
}

/** Checks that the data can be drawn as `kind`, turns a line into a single number for `stat`, applies the series limit. */
export function shapeInsight(kind: Kind, data: InsightData, context: Pick<LoadContext, 'seriesLimit'>, warnings: string[] = [], seriesCount?: number): Loaded {
  const drawable: Record<Kind, InsightData['kind'][]> = {
    auto: ['line', 'pie', 'bar', 'stat'],
    line: ['line'],
    stat: ['line', 'stat'],
    languages: ['pie'],
    'group-by': ['bar'],
  };
  if (!drawable[kind].includes(data.kind)) throw new InsightsError('config', (m) => m.kindMismatch(kind, data.kind));
  if (kind === 'stat' && data.kind === 'line') return { data: statOf(data), hidden: 0, warnings };
  if (data.kind === 'line') return { ...limitSeries(data, context.seriesLimit, seriesCount), warnings };
  return { data, hidden: 0, warnings };
}

/** The latest value of the first series, its change since the first point, and the series for a sparkline. */
export function statOf(data: LineInsightData): StatInsightData {
  const series = data.series.find((s) => s.points.length) ?? data.series[0];
  const points = [...(series?.points ?? [])].sort((a, b) => toTime(a.date) - toTime(b.date));
  const last = points[points.length - 1];
  return {
    kind: 'stat',
    title: data.title,
    label: series?.label,
    value: last?.value ?? 0,
    previous: points.length > 1 ? points[0].value : undefined,
    since: points.length > 1 ? points[0].date : undefined,
    url: last?.url ?? data.url,
    points,
  };
}

function latest(series: LineSeries): number {
  return series.points[series.points.length - 1]?.value ?? 0;
}
