import { setMaxListeners } from 'node:events';
import { InsightsClient } from '../../src/api/client.ts';
import { loadInsight, type Loaded } from '../../src/api/load.ts';
import type { InsightSpec, Kind } from '../../src/model/insight-spec.ts';
import type { EmbedRequest } from './route.ts';

/**
 * Data for the images, fetched the way the elements fetch it: an InsightsClient sends the same GraphQL
 * operations (batched, validated by the same decoders) and loadInsight shapes the answer as the card does
 * (language pies, series limits, single numbers). Only the transport differs: `fetch` answers in-process
 * from the local source, or forwards to a real instance in proxy mode.
 */
export interface EmbedSource {
  fetch: typeof fetch;
  /** The instance URL requests are addressed to; the fetch decides where they really go. */
  instance: string;
  /** Milliseconds before the instance counts as not answering. */
  timeout: number;
}

/**
 * One client per image: its page-life cache would otherwise keep the first answer forever. Caching belongs to
 * HTTP here (ETag, Cache-Control) and, in proxy mode, to the proxy.
 */
export function clientFor(source: EmbedSource): InsightsClient {
  return new InsightsClient(source.instance, {
    fetch: source.fetch,
    credentials: 'omit',
    timeout: source.timeout,
    // No retries: a reader waits for the image, and the client would honour a Retry-After of up to a minute.
    // A failure is drawn and cached briefly; the next view asks again.
    retries: 0,
    retryDelay: 0,
  });
}

export function loadOne(client: InsightsClient, kind: Kind, spec: InsightSpec, request: EmbedRequest, signal: AbortSignal): Promise<Loaded> {
  return loadInsight(kind, spec, {
    client: () => client,
    ...request.view,
    seriesLimit: request.seriesLimit ?? 20,
    otherThreshold: 0.03,
    fresh: false,
    signal,
  });
}

export async function loadEmbeddedInsight(source: EmbedSource, request: EmbedRequest, signal: AbortSignal): Promise<Loaded> {
  return loadOne(clientFor(source), request.kind, request.spec!, request, signal);
}

export interface LoadedDashboard {
  title: string;
  /** One entry per card, in the dashboard's order: its data, or why it has none. */
  cards: PromiseSettledResult<Loaded>[];
}

/** A dashboard and every insight on it; the client batches the cards' requests as it does for the element. */
export async function loadEmbeddedDashboard(source: EmbedSource, request: EmbedRequest, signal: AbortSignal): Promise<LoadedDashboard> {
  const client = clientFor(source);
  const dashboard = await client.dashboard(request.dashboardId!, signal);
  // Every card follows the one signal: a 48-card dashboard is not a listener leak.
  setMaxListeners(dashboard.viewIds.length + 10, signal);
  const cards = await Promise.allSettled(
    dashboard.viewIds.map((id) => loadOne(client, 'auto', { source: 'saved', id }, request, signal)),
  );
  return { title: dashboard.title, cards };
}
