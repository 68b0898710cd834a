import type { InsightsClient } from '../../api/client.js';
import { InsightsError } from '../../api/errors.js';
import type { GoalAttributes } from '../../api/goal-options.js';
import { loadInsight, type Loaded } from '../../api/load.js';
import { viewOptions, type ViewAttributes } from '../../api/view-options.js';
import { clientFor } from '../../configure.js';
import { insightIdFrom } from '../../model/insight-id.js';
import { resolveSpec, type InsightSpec, type Kind, type SpecAttributes } from '../../model/insight-spec.js';
import { messagesFor } from '../../model/locale-messages.js';
import { goalProblem } from './goal-drawing.js';
import { DEFAULT_SERIES_LIMIT } from '../../model/view-filters.js';

/**
 * What a card asks for, as plain data: the card's Task compares it deeply (Lit's `deepEquals`), so a render
 * that changes none of it (a pointer move) starts no request, and a change of any attribute starts one.
 */
export interface InsightRequest {
  /** The insight the attributes name, or why they name none (a message that names the attributes). */
  insight: { kind: Kind; spec: InsightSpec } | { problem: string };
  /** Why the goal attributes are invalid (they change what is drawn, not what is loaded: only their problem is here). */
  goalProblem?: string;
  /** Drill-down filters and display options, or why they are invalid. */
  view: ReturnType<typeof viewOptions> | { problem: string };
  instance?: string;
  token?: string;
  seriesLimit: number;
  otherThreshold: number;
  /** Bumped by refresh() and polling: a request with a higher count asks the instance, not the page's cache. */
  reloads: number;
  /** configure() was called: the shared client and its settings may have changed. */
  configuration: number;
  /** The card's language, for the words in its data ("Other"). */
  locale?: string;
}

/** A card's attributes and properties that decide what it loads. */
export type RequestAttributes = Omit<SpecAttributes, 'hasData' | 'series'> &
  ViewAttributes &
  GoalAttributes & { otherThreshold?: number; token?: string };

export function insightRequest(
  card: RequestAttributes,
  context: {
    instance?: string;
    hasData: boolean;
    series: SpecAttributes['series'];
    seriesGoals?: Parameters<typeof goalProblem>[1];
    reloads: number;
    configuration: number;
    locale?: string;
  },
): InsightRequest {
  return {
    insight: problemOf(() => resolveSpec({ ...pick(card), hasData: context.hasData, series: context.series, insightId: insightIdFrom(card.insightId ?? undefined) }) ?? { problem: messagesFor(context.locale).noInsight }),
    view: problemOf(() => viewOptions(card)),
    goalProblem: goalProblem(card, context.seriesGoals ?? []),
    instance: context.instance,
    token: card.token,
    seriesLimit: card.seriesLimit ?? DEFAULT_SERIES_LIMIT,
    otherThreshold: card.otherThreshold ?? 0.03,
    reloads: context.reloads,
    configuration: context.configuration,
    locale: context.locale,
  };
}

/** Loads what `request` names: from `data`, a third-party file, or the instance (through `client`, else the shared one). */
export function loadRequest(request: InsightRequest, data: unknown, client: InsightsClient | undefined, signal: AbortSignal): Promise<Loaded> {
  const { insight, view } = request;
  if ('problem' in insight) throw new InsightsError('config', insight.problem);
  if ('problem' in view) throw new InsightsError('config', view.problem);
  if (request.goalProblem) throw new InsightsError('config', request.goalProblem);
  return loadInsight(insight.kind, insight.spec, {
    client: () => {
      if (client) return client;
      if (!request.instance) throw new InsightsError('config', (m) => m.noInstance);
      return clientFor(request.instance, request.token);
    },
    data,
    ...view,
    seriesLimit: request.seriesLimit,
    otherThreshold: request.otherThreshold,
    // The first load may use what the page already fetched; refresh(), polls and reconnects ask the instance.
    fresh: request.reloads > 0,
    words: messagesFor(request.locale),
    signal,
  });
}

/**
 * Invalid attributes as a message kept in the request, shown when the card loads: never thrown while rendering,
 * where it would stop every later update. A property of the wrong type set by a script (`card.kind = 5`) fails
 * inside the checks with a TypeError; it is a configuration problem all the same.
 */
function problemOf<T>(read: () => T): T | { problem: string } {
  try {
    return read();
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The attributes `resolveSpec` reads, copied: the card's properties are accessors, which a spread would not see. */
function pick(card: RequestAttributes): Omit<SpecAttributes, 'hasData' | 'series'> {
  const { kind, src, insightId, repositories, repositoryCriteria, step, points, repository, path, query, mode, limit } = card;
  return { kind, src, insightId, repositories, repositoryCriteria, step, points, repository, path, query, mode, limit };
}
