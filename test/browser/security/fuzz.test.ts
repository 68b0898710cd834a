import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeInsightView } from '../../../src/api/decode.js';
import { decodeAggregation, decodeLanguages, decodePreview } from '../../../src/api/decode-search.js';
import { InsightsError } from '../../../src/api/errors.js';
import { parseGraphQLBody } from '../../../src/api/transport.js';
import { InsightDataError, insightDataFromCSV, parseInsightJSON, validateInsightData } from '../../../src/model/insight-data-parse.js';
import { configure, type CodeInsightElement } from '../../../src/index.js';

/**
 * Property-based tests: whatever a server or a data file sends, the result is data or a typed error, never
 * another exception (a TypeError thrown from inside a template would break the page).
 */
const context = { instance: 'https://sourcegraph.example.com' };

/** A decoder either returns or throws one of the library's own errors. */
function dataOrTypedError(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof InsightsError || error instanceof InsightDataError) return true;
    throw error;
  }
}

/** A valid answer of each kind, which mutations then damage. */
const validView = {
  id: 'v',
  isFrozen: false,
  presentation: { __typename: 'LineChartInsightViewPresentation', title: 'T', seriesPresentation: [{ seriesId: 's', label: 'S', color: 'var(--oc-red-7)' }] },
  appliedFilters: { includeRepoRegex: null, excludeRepoRegex: null, searchContexts: [] },
  seriesCount: 1,
  repositoryDefinition: { __typename: 'InsightRepositoryScope', repositories: ['r'] },
  dataSeriesDefinitions: [{ seriesId: 's', query: 'q', generatedFromCaptureGroups: false, groupBy: null }],
  dataSeries: [
    {
      seriesId: 's',
      label: 'S',
      points: [{ dateTime: '2026-01-01T00:00:00Z', value: 1, diffQuery: 'x', pointInTimeQuery: null }],
      status: { isLoadingData: false, pendingJobs: 0, completedJobs: 1, failedJobs: 0, backfillQueuedAt: null, incompleteDatapoints: [] },
    },
  ],
};

/** Replaces the value at a random path of `value` with an arbitrary JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (!path.length || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (!entries.length) return replacement;
  const [key, child] = entries[path[0] % entries.length];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

const RUNS = { numRuns: 400 };

describe('fuzzing (fast-check)', () => {
  afterEach(() => fixtureCleanup());

  it('the insight decoder gives data or a typed error for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) =>
        dataOrTypedError(() => decodeInsightView((json as { insightViews?: unknown } | null)?.insightViews ?? json, [], context)),
      ),
      RUNS,
    );
  });

  it('the insight decoder gives data or a typed error for any mutation of a valid answer', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue(), (path, replacement) =>
        dataOrTypedError(() => decodeInsightView({ nodes: [mutate(validView, path, replacement)] }, [], context)),
      ),
      RUNS,
    );
  });

  it('the search decoders and the GraphQL body parser give data or a typed error for any input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (json, text) => {
        const response = { data: json as Record<string, unknown> | null, errors: [] };
        return (
          dataOrTypedError(() => decodePreview(response, context.instance)) &&
          dataOrTypedError(() => decodeLanguages(response, context.instance, 'q')) &&
          dataOrTypedError(() => decodeAggregation(response, context.instance)) &&
          dataOrTypedError(() => parseGraphQLBody(text)) &&
          dataOrTypedError(() => parseGraphQLBody(JSON.stringify(json)))
        );
      }),
      RUNS,
    );
  });

  it('third-party data gives data or a typed error: any JSON value, any text, any CSV', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (json, text) =>
        dataOrTypedError(() => validateInsightData(json)) &&
        dataOrTypedError(() => parseInsightJSON(text)) &&
        dataOrTypedError(() => insightDataFromCSV(text, 't')) &&
        dataOrTypedError(() => insightDataFromCSV(`date,a\n${text}`, 't')),
      ),
      RUNS,
    );
  });

  it('a card given a data value that is not an object (null) says so, before and after it comes into view', async () => {
    const element = document.createElement('code-insight');
    element.data = null as never;
    const failed = oneEvent(element, 'insight-error');
    document.body.append(element);
    try {
      await failed;
      await element.updateComplete;
      expect(element.getAttribute('state')).to.equal('error');
    } finally {
      element.remove();
    }
  });

  it('a card given arbitrary data settles in a state, with no exception and no unhandled rejection', async () => {
    configure({ retries: 0 });
    const failures: string[] = [];
    const onError = (event: ErrorEvent) => failures.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => failures.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
    const kinds = fc.constantFrom('line', 'pie', 'bar', 'stat', 'radar');
    const shapes = fc.record({ kind: kinds, title: fc.jsonValue(), series: fc.jsonValue(), items: fc.jsonValue(), value: fc.jsonValue() }, { requiredKeys: ['kind'] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), shapes), async (data) => {
        // Every new value starts a load that ends in insight-load or insight-error (a stale one is aborted
        // silently): wait for that, not for a number of ticks. A card that never settles fails after 5 s.
        // (The same primitive value twice is no change, and starts nothing.)
        const unchanged = Object.is(element.data, data);
        const settled = unchanged ? Promise.resolve() : new Promise((resolve) => {
          element.addEventListener('insight-load', resolve, { once: true });
          element.addEventListener('insight-error', resolve, { once: true });
          setTimeout(resolve, 5000);
        });
        element.data = data as never;
        await settled;
        // A card draws once its chart area has been measured: at the latest, in the next frame.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        await element.updateComplete;
        return ['ready', 'empty', 'error'].includes(element.getAttribute('state') ?? '');
      }),
      { numRuns: 150 },
    );
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(failures).to.deep.equal([]);
  });
});
