import { expect } from '@open-wc/testing';
import { decodeInsightView } from '../../../src/api/decode.js';
import { InsightsError } from '../../../src/api/errors.js';
import { parseGraphQLBody } from '../../../src/api/transport.js';

const context = { instance: 'https://sourcegraph.example.com' };

function view(overrides: Record<string, unknown> = {}) {
  return {
    id: 'aW5zaWdodA==',
    isFrozen: false,
    presentation: {
      __typename: 'LineChartInsightViewPresentation',
      title: 'TODOs',
      seriesPresentation: [{ seriesId: 's1', label: 'TODO', color: 'var(--oc-red-7)' }],
    },
    appliedFilters: { includeRepoRegex: null, excludeRepoRegex: null, searchContexts: [] },
    seriesCount: 1,
    repositoryDefinition: { __typename: 'InsightRepositoryScope', repositories: ['github.com/a/b'] },
    dataSeriesDefinitions: [{ seriesId: 's1', query: 'TODO', generatedFromCaptureGroups: false, groupBy: null }],
    dataSeries: [
      {
        seriesId: 's1',
        label: 'ignored: the presentation label wins',
        points: [
          { dateTime: '2026-01-01T00:00:00Z', value: 3, diffQuery: 'type:diff TODO', pointInTimeQuery: null },
          { dateTime: '2026-02-01T00:00:00Z', value: 5, diffQuery: null, pointInTimeQuery: null },
        ],
        status: {
          isLoadingData: false,
          pendingJobs: 0,
          completedJobs: 2,
          failedJobs: 0,
          backfillQueuedAt: '2026-01-01T00:00:00Z',
          incompleteDatapoints: [{ __typename: 'TimeoutDatapointAlert', time: '2026-02-01T00:00:00Z' }],
        },
      },
    ],
    ...overrides,
  };
}

const respond = (nodes: unknown[], errors: { message: string }[] = []) => ({ data: { insightViews: { nodes } }, errors });

function decodeRespond(response: { data: { insightViews: unknown }; errors: { message: string }[] }) {
  return decodeInsightView(response.data.insightViews, response.errors, context);
}

function decodeFails(response: unknown): InsightsError {
  try {
    const r = response as { data: { insightViews?: unknown } | null; errors: { message: string }[] };
    decodeInsightView(r.data?.insightViews, r.errors, context);
  } catch (error) {
    expect(error).to.be.instanceOf(InsightsError);
    return error as InsightsError;
  }
  throw new Error('decoding did not fail');
}

describe('decodeInsightView', () => {
  it('decodes a saved line insight with colours, links and incomplete points', () => {
    const insight = decodeRespond(respond([view()]));
    expect(insight.presentation).to.equal('line');
    expect(insight.data.title).to.equal('TODOs');
    expect(insight.data.url).to.equal('https://sourcegraph.example.com/insights/aW5zaWdodA%3D%3D');
    const [series] = insight.data.series;
    expect(series.label).to.equal('TODO');
    expect(series.color).to.equal('#fa5252');
    expect(series.points.map((p) => p.value)).to.deep.equal([3, 5]);
    expect(series.points[0].url).to.equal('https://sourcegraph.example.com/search?q=type%3Adiff%20TODO&patternType=literal');
    expect(series.incomplete).to.deep.equal([{ date: '2026-02-01T00:00:00Z', reason: 'The search timed out.' }]);
    expect(insight.data.processing).to.equal(undefined);
  });

  it('builds the diff search itself when the instance sends no diffQuery (older instances)', () => {
    const url = new URL(decodeRespond(respond([view()])).data.series[0].points[1].url!);
    expect(url.searchParams.get('q')).to.equal(
      'repo:^(github\\.com/a/b)$ type:diff after:2026-01-01T00:00:00Z before:2026-02-01T00:00:00Z TODO',
    );
  });

  it('reports processing with progress from the jobs', () => {
    const processing = view({
      dataSeries: [{ ...view().dataSeries[0], status: { ...view().dataSeries[0].status, isLoadingData: true, pendingJobs: 6, completedJobs: 2 } }],
    });
    expect(decodeRespond(respond([processing])).data.processing).to.deep.equal({ progress: 0.25 });
  });

  it('reads backfill fields as processing on instances without isLoadingData', () => {
    const old = view({
      dataSeries: [{ ...view().dataSeries[0], status: { pendingJobs: 0, completedJobs: 0, failedJobs: 0, backfillQueuedAt: null } }],
    });
    expect(decodeRespond(respond([old])).data.processing).to.deep.equal({});
  });

  it('falls back to the palette for a colour it does not accept', () => {
    const hostile = view({
      presentation: { ...view().presentation, seriesPresentation: [{ seriesId: 's1', label: 'x', color: 'red;background:url(//e)' }] },
    });
    // The refused value never reaches a style; the series gets the palette colour of its place instead.
    expect(decodeRespond(respond([hostile])).data.series[0].color).to.equal('#228be6');
  });

  it('keeps GraphQL errors that came with usable data as warnings', () => {
    const insight = decodeRespond(respond([view()], [{ message: 'one series failed' }]));
    expect(insight.warnings).to.deep.equal(['one series failed']);
  });

  it('says not-found for an empty node list', () => {
    expect(decodeFails(respond([])).kind).to.equal('not-found');
    expect(decodeFails(respond([null])).kind).to.equal('not-found');
  });

  it('turns GraphQL errors without data into a graphql error with every message', () => {
    const error = decodeFails({ data: null, errors: [{ message: 'a' }, { message: 'b' }] });
    expect(error.kind).to.equal('graphql');
    expect(error.details).to.deep.equal(['a', 'b']);
  });

  const malformed: [string, unknown][] = [
    ['a title that is not text', respond([view({ presentation: { ...view().presentation, title: 42 } })])],
    ['points that are not a list', respond([view({ dataSeries: [{ ...view().dataSeries[0], points: {} }] })])],
    ['a value that is not a number', respond([view({ dataSeries: [{ ...view().dataSeries[0], points: [{ dateTime: '2026-01-01', value: '3' }] }] })])],
    ['an infinite value', respond([view({ dataSeries: [{ ...view().dataSeries[0], points: [{ dateTime: '2026-01-01', value: Infinity }] }] })])],
    ['a date that is not a date', respond([view({ dataSeries: [{ ...view().dataSeries[0], points: [{ dateTime: 'soon', value: 1 }] }] })])],
    ['an unknown presentation', respond([view({ presentation: { __typename: 'Radar', title: 'x' } })])],
    ['a missing status', respond([view({ dataSeries: [{ ...view().dataSeries[0], status: undefined }] })])],
    ['nodes that are not a list', { data: { insightViews: { nodes: 'x' } }, errors: [] }],
    ['no insightViews at all', { data: {}, errors: [] }],
  ];
  for (const [name, response] of malformed) {
    it(`gives a typed decode error for ${name}`, () => {
      const error = decodeFails(response);
      expect(error.kind).to.equal('decode');
      expect(error.message).to.contain('does not understand');
    });
  }

  it('names the path of what was wrong', () => {
    const error = decodeFails(respond([view({ dataSeries: [{ ...view().dataSeries[0], points: [{ dateTime: '2026-01-01', value: '3' }] }] })]));
    expect(error.details[0]).to.equal('insightViews.nodes[0].dataSeries[0].points[0].value: expected a finite number');
  });
});

describe('parseGraphQLBody', () => {
  it('accepts data with and without errors', () => {
    expect(parseGraphQLBody('{"data":{"a":1}}')).to.deep.equal({ data: { a: 1 }, errors: [] });
    expect(parseGraphQLBody('{"data":null,"errors":[{"message":"x","path":["a",0]}]}').errors).to.deep.equal([{ message: 'x', path: ['a', 0] }]);
  });

  for (const body of ['<html>', '[]', '"text"', '{"data":[1]}', '{"errors":{}}', '']) {
    it(`rejects ${JSON.stringify(body)} with a decode error`, () => {
      expect(() => parseGraphQLBody(body)).to.throw(InsightsError);
    });
  }
});
