/**
 * The project's client against a mid-2022 instance: a stand-in over real HTTP that checks every request against
 * ../shared/sourcegraph/insights-2022.graphql (document and variables, as graphql-js coerces them) and refuses
 * what that schema lacks with the errors such an instance gives; what it accepts it forwards to the local
 * server. The client must fall back once, then send only requests the old schema takes, with the same results a
 * newer instance gives, and say plainly what an old instance cannot do.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { getVariableValues, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { InsightsClient } from '../../../src/api/client.ts';
import { InsightsError } from '../../../src/api/errors.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { DASHBOARD_IDS, FIXTURE_IDS, REPOS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { StandInUpstream, type RecordedRequest } from '../../support/stand-in-upstream.ts';
import { upstreamSchema, upstreamSchemaAvailable } from '../../support/upstream-schema.ts';

const skip = !upstreamSchemaAvailable() && 'no ../shared/sourcegraph';

/** What the mid-2022 schema says about a request: its errors, none when it would run. */
function problems(schema: GraphQLSchema, request: RecordedRequest): string[] {
  const body = JSON.parse(request.body) as { query: string; variables?: Record<string, unknown> };
  const document = parse(body.query);
  const invalid = validate(schema, document);
  if (invalid.length) return invalid.map((e) => e.message);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables ?? {});
  return coerced.errors?.map((e) => e.message) ?? [];
}

/**
 * An instance of `schema`'s generation: a stand-in that refuses what the schema refuses (noting it in `refused`)
 * and has the local server answer the rest.
 */
async function instanceOf(schema: GraphQLSchema): Promise<{ standIn: StandInUpstream; refused: { name: string; errors: string[] }[]; stop(): Promise<void> }> {
  const local = createInsightsServer({ source: new FixtureSource() });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  const localURL = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  const standIn = await new StandInUpstream().start();
  const refused: { name: string; errors: string[] }[] = [];
  standIn.respond = async (request) => {
    const errors = problems(schema, request);
    if (errors.length) {
      refused.push({ name: (JSON.parse(request.body) as { operationName: string }).operationName, errors });
      return { status: 200, body: JSON.stringify({ data: null, errors: errors.map((message) => ({ message })) }) };
    }
    const answer = await fetch(`${localURL}/.api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
    return { status: answer.status, body: await answer.text() };
  };
  return { standIn, refused, stop: async () => (await standIn.stop(), void local.close()) };
}

describe('a mid-2022 instance', { skip }, () => {
  let schema: GraphQLSchema;
  let old: StandInUpstream;
  let refused: { name: string; errors: string[] }[];
  let stop: () => Promise<void>;

  before(async () => {
    schema = upstreamSchema(['schema.graphql', 'insights-2022.graphql']);
    ({ standIn: old, refused, stop } = await instanceOf(schema));
  });

  after(() => stop());

  const client = () => new InsightsClient(old.url, { retries: 0, retryDelay: 0, timeout: 10_000, credentials: 'omit' });
  /** The requests sent since `from`, each with what the mid-2022 schema says about it. */
  const since = (from: number) => old.requests.slice(from).map((r) => ({ name: (JSON.parse(r.body) as { operationName: string }).operationName, errors: problems(schema, r) }));

  test('a saved insight: one refused request, then the legacy form, with numSamples kept by the client', async () => {
    const from = old.requests.length;
    const sg = client();
    const insight = await sg.insightView({ id: FIXTURE_IDS.todos, seriesDisplayOptions: { numSamples: 3 } });
    const sent = since(from);
    assert.equal(sent.length, 2, JSON.stringify(sent));
    assert.ok(sent[0].errors.some((e) => /numSamples|diffQuery|repositoryDefinition/.test(e)), sent[0].errors.join('\n'));
    assert.deepEqual(sent[1].errors, []);
    assert.equal(insight.data.kind, 'line');
    assert.ok(insight.data.kind === 'line' && insight.data.series.length > 0);
    for (const series of insight.data.kind === 'line' ? insight.data.series : []) assert.ok(series.points.length <= 3, `${series.label}: ${series.points.length} points`);
    // Drill-down links built by the client (the old schema has no diffQuery).
    assert.ok(insight.data.kind === 'line' && insight.data.series[0].points.every((p) => p.url?.startsWith(`${old.url}/search?`)));

    // Every later operation of this client goes straight to the legacy form.
    const next = old.requests.length;
    await sg.dashboard(DASHBOARD_IDS.frontend);
    assert.deepEqual(since(next), [{ name: 'InsightsDashboardLegacy', errors: [] }]);
  });

  test('requests sent together in the current form each fall back (none shows the refusal)', async () => {
    const sg = client();
    const from = old.requests.length;
    const answers = await Promise.all([
      sg.preview({ repositories: [REPOS.web], step: { unit: 'MONTH', value: 1 }, series: [{ query: 'TODO', label: 'TODO', captureGroups: false }] }),
      sg.aggregation({ query: 'TODO', mode: 'REPO', limit: 10, patternType: 'literal' }),
      sg.insightView({ id: FIXTURE_IDS.migration }),
    ]);
    assert.equal(answers.length, 3);
    const sent = since(from);
    assert.equal(sent.filter((r) => r.errors.length).length, 3, JSON.stringify(sent));
    assert.deepEqual(sent.filter((r) => r.name.endsWith('Legacy')).map((r) => r.errors), [[], [], []]);
  });

  test('an ad-hoc preview in the legacy form, its points linked to the commits behind them', async () => {
    const from = old.requests.length;
    const series = await client().preview({
      repositories: [REPOS.web],
      step: { unit: 'MONTH', value: 1 },
      series: [{ query: 'TODO', label: 'TODO', captureGroups: false }],
    });
    const sent = since(from);
    assert.equal(sent.at(-1)!.name, 'CodeInsightPreviewLegacy');
    assert.deepEqual(sent.at(-1)!.errors, []);
    assert.ok(sent.length <= 2);
    assert.ok(series[0].points.length > 0);
    assert.match(series[0].points[1].url ?? '', /type%3Adiff.*TODO|type:diff.*TODO/);
  });

  test('a repository search is refused before anything is sent, saying what to do', async () => {
    const sg = client();
    // The first request teaches the client which generation it speaks.
    await sg.preview({ repositories: [REPOS.web], step: { unit: 'MONTH', value: 1 }, series: [{ query: 'TODO', label: 'TODO', captureGroups: false }] });
    const from = old.requests.length;
    await assert.rejects(
      sg.preview({ repositories: [], repositoryCriteria: 'repo:acme', step: { unit: 'MONTH', value: 1 }, series: [{ query: 'TODO', label: 'TODO', captureGroups: false }] }),
      (error: unknown) => error instanceof InsightsError && error.kind === 'unavailable' && /too old.*repository-criteria.*4\.5/s.test(error.message),
    );
    assert.equal(old.requests.length, from);
  });

  test('group-by in the legacy form; grouping by metadata is said to need a newer instance', async () => {
    const sg = client();
    const from = old.requests.length;
    const result = await sg.aggregation({ query: 'TODO', mode: 'REPO', limit: 10, patternType: 'literal' });
    const sent = since(from);
    assert.equal(sent.at(-1)!.name, 'CodeInsightAggregationLegacy');
    assert.deepEqual(sent.at(-1)!.errors, []);
    assert.ok(result.available && result.items.length > 0);
    await assert.rejects(
      sg.aggregation({ query: 'TODO', mode: 'REPO_METADATA', limit: 10, patternType: 'literal' }),
      (error: unknown) => error instanceof InsightsError && error.kind === 'unavailable' && /repository metadata/.test(error.message),
    );
  });

  test('the stand-in refuses what the 2022 schema lacks (the check itself can fail)', () => {
    assert.ok(refused.some((r) => r.errors.some((e) => /is not defined by type|Cannot query field/.test(e))), JSON.stringify(refused));
  });
});

describe('a current instance', { skip }, () => {
  let schema: GraphQLSchema;
  let current: StandInUpstream;
  let stop: () => Promise<void>;

  before(async () => {
    schema = upstreamSchema();
    ({ standIn: current, stop } = await instanceOf(schema));
  });

  after(() => stop());

  test('every request the client sends, variables included, is valid for the current schema, in its current form', async () => {
    const sg = new InsightsClient(current.url, { retries: 0, retryDelay: 0, timeout: 10_000, credentials: 'omit' });
    await sg.insightView({ id: FIXTURE_IDS.todos, filters: { searchContexts: [''] }, seriesDisplayOptions: { numSamples: 3, limit: 5, sortOptions: { mode: 'RESULT_COUNT', direction: 'DESC' } } });
    await sg.dashboard(DASHBOARD_IDS.frontend);
    await sg.dashboard('all');
    await sg.preview({ repositories: [], repositoryCriteria: 'repo:acme', step: { unit: 'WEEK', value: 2 }, series: [{ query: 'TODO', label: 'TODO', captureGroups: false }] });
    await sg.aggregation({ query: 'TODO', mode: 'REPO_METADATA', limit: 10, patternType: 'literal' }).catch(() => undefined);
    await sg.languages({ repository: REPOS.web });
    const sent = current.requests.map((r) => ({ name: (JSON.parse(r.body) as { operationName: string }).operationName, errors: problems(schema, r) }));
    assert.equal(sent.length, 6, JSON.stringify(sent));
    for (const request of sent) {
      assert.deepEqual(request.errors, [], request.name);
      assert.ok(!request.name.endsWith('Legacy'), request.name);
    }
  });
});

