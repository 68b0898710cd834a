import type { EmbedSource } from '../embed/embed-data.ts';

/** What the canary needs that the card's data leaves out: jobs that failed, and since when the instance has been computing. */
export interface InsightStatus {
  failedJobs: number;
  /** When the instance queued the backfill (ms), the latest over the series. */
  queuedAt?: number;
}

/** Views per request: well under the servers' 30 top-level fields (graphql/query-cost.ts). */
const PER_REQUEST = 10;

/**
 * The series status of each insight, through the same fetch as the data (so the proxy's allowlist and token
 * apply). Fields every schema generation has; no answer (an old instance, a refusal) is an empty map: the canary
 * then judges from the data alone.
 */
export async function seriesStatus(source: EmbedSource, ids: readonly string[], signal: AbortSignal): Promise<Map<string, InsightStatus>> {
  const statuses = new Map<string, InsightStatus>();
  const batches = Array.from({ length: Math.ceil(ids.length / PER_REQUEST) }, (_, i) => ids.slice(i * PER_REQUEST, (i + 1) * PER_REQUEST));
  await Promise.all(
    batches.map(async (batch) => {
      const variables = Object.fromEntries(batch.map((id, i) => [`id${i}`, id]));
      const fields = batch.map((_, i) => `s${i}: insightViews(id: $id${i}) { nodes { id dataSeries { status { failedJobs backfillQueuedAt } } } }`);
      const query = `query ReportSeriesStatus(${batch.map((_, i) => `$id${i}: ID!`).join(', ')}) {\n${fields.join('\n')}\n}`;
      try {
        const response = await source.fetch(`${source.instance}/.api/graphql?ReportSeriesStatus`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query, variables, operationName: 'ReportSeriesStatus' }),
          signal: AbortSignal.any([signal, AbortSignal.timeout(source.timeout)]),
        });
        const body = (await response.json()) as { data?: Record<string, { nodes?: { dataSeries?: { status?: { failedJobs?: unknown; backfillQueuedAt?: unknown } }[] }[] } | null> };
        batch.forEach((id, i) => {
          const series = body.data?.[`s${i}`]?.nodes?.[0]?.dataSeries ?? [];
          const failedJobs = series.reduce((sum, s) => sum + (typeof s.status?.failedJobs === 'number' ? s.status.failedJobs : 0), 0);
          const queued = series.map((s) => (typeof s.status?.backfillQueuedAt === 'string' ? Date.parse(s.status.backfillQueuedAt) : NaN)).filter(Number.isFinite);
          statuses.set(id, { failedJobs, queuedAt: queued.length ? Math.max(...queued) : undefined });
        });
      } catch {
        if (signal.aborted) throw signal.reason;
      }
    }),
  );
  return statuses;
}
