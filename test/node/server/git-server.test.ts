/**
 * The local server over real git history, through HTTP and GraphQL as a client sees it: exact counts at
 * each sample, filters, capture groups, language statistics, aggregations, progress while computing, and
 * clear errors for bad input while the server keeps serving.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { insightViewId, type ServerConfig } from '../../../server/sources/config.ts';
import { GitSource } from '../../../server/sources/git-source.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { API, WEB, createFixtureRepositories } from '../engine/fixture-repositories.ts';
import { makeTempDir, removeDir } from '../engine/git-fixture.ts';

const TOKEN = 'sgp_local_test_token';
const NOW = new Date('2023-05-15T00:00:00Z');
let root: string;
let server: Server;
let slowServer: Server;
let endpoint: string;
let slowEndpoint: string;

const monthly = { unit: 'MONTH', value: 1 } as const;
function config(paths: { api: string; web: string }): ServerConfig {
  const insight = (name: string, series: ServerConfig['insights'][number]['series'], repositories = [API, WEB]) => ({
    id: insightViewId(name),
    title: name,
    kind: 'line' as const,
    repositories,
    step: monthly,
    points: 5,
    series,
  });
  return {
    repositories: [
      { name: API, path: paths.api },
      { name: WEB, path: paths.web },
    ],
    insights: [
      insight('todos', [
        { seriesId: 'todo', label: 'TODO', query: 'TODO' },
        { seriesId: 'todo-case', label: 'TODO (case)', query: 'TODO case:yes' },
      ]),
      insight('regexp', [{ seriesId: 'r', label: 'lib 1 or 3', query: 'patternType:regexp lib@[13]' }], [API]),
      insight('filters', [
        { seriesId: 'shell', label: 'shell', query: 'lang:shell TODO' },
        { seriesId: 'src', label: 'src', query: 'file:^src/ TODO' },
        { seriesId: 'not-md', label: 'not md', query: '-file:\\.md$ TODO' },
      ], [API]),
      insight('captures', [{ seriesId: 'lib', label: 'lib', query: 'patterntype:regexp lib@(\\d+)', captureGroups: true }], [API]),
      insight('broken', [{ seriesId: 'b', label: 'broken', query: 'patterntype:regexp (unclosed' }], [API]),
    ],
    dashboards: [{ id: 'ZGFzaGJvYXJk', title: 'Acme', insightIds: [insightViewId('todos'), insightViewId('captures')] }],
  };
}

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function graphql(query: string, variables: object = {}, base = endpoint, token: string | null = TOKEN) {
  const response = await fetch(`${base}/.api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `token ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text() };
}

const SERIES = `query($id: ID!, $filters: InsightViewFiltersInput) {
  insightViews(id: $id, filters: $filters) { nodes { dataSeries { seriesId label points { dateTime value diffQuery }
    status { isLoadingData pendingJobs completedJobs } } } } }`;

async function series(name: string, filters?: object, base = endpoint) {
  const { body } = await graphql(SERIES, { id: insightViewId(name), filters }, base);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data.insightViews.nodes[0].dataSeries as { seriesId: string; label: string; points: { dateTime: string; value: number; diffQuery: string }[]; status: { isLoadingData: boolean; pendingJobs: number; completedJobs: number } }[];
}

const values = (s: { points: { value: number }[] }) => s.points.map((p) => p.value);

before(async () => {
  root = makeTempDir('server-test-');
  const paths = createFixtureRepositories(root);
  server = createInsightsServer({ source: new GitSource(config(paths), { now: () => NOW }), token: TOKEN, allowOrigins: ['https://wiki.example.com'] });
  endpoint = await listen(server);
  // Answers at once with progress instead of waiting for the computation.
  slowServer = createInsightsServer({ source: new GitSource(config(paths), { now: () => NOW, answerWithinMs: 0 }) });
  slowEndpoint = await listen(slowServer);
});

after(() => {
  server?.close();
  slowServer?.close();
  if (root) removeDir(root);
});

describe('insight series computed from git', () => {
  test('samples monthly up to now and counts matches at each point', async () => {
    const [todo, todoCase] = await series('todos');
    assert.deepEqual(todo.points.map((p) => p.dateTime.slice(0, 10)), ['2023-01-15', '2023-02-15', '2023-03-15', '2023-04-15', '2023-05-15']);
    assert.deepEqual(values(todo), [3, 8, 7, 7, 7]);
    // case:yes leaves out api's lowercase "todo: validate port".
    assert.equal(todoCase.label, 'TODO (case)');
    assert.deepEqual(values(todoCase), [2, 6, 5, 5, 5]);
  });

  test('applies the include and exclude repository filters', async () => {
    const [web] = await series('todos', { includeRepoRegex: 'web' });
    assert.deepEqual(values(web), [0, 2, 2, 3, 3]);
    const [api] = await series('todos', { excludeRepoRegex: 'web' });
    assert.deepEqual(values(api), [3, 6, 5, 4, 4]);
    const [none] = await series('todos', { includeRepoRegex: 'nothing-matches' });
    assert.deepEqual(values(none), [0, 0, 0, 0, 0]);
  });

  test('counts regular expressions and lang:, file: and -file: filters', async () => {
    assert.deepEqual(values((await series('regexp'))[0]), [2, 2, 2, 2, 3]);
    const bySeries = Object.fromEntries((await series('filters')).map((s) => [s.seriesId, values(s)]));
    assert.deepEqual(bySeries, { shell: [0, 0, 0, 1, 1], src: [2, 4, 3, 1, 1], 'not-md': [2, 5, 4, 3, 3] });
  });

  test('gives one series per captured value', async () => {
    const captured = await series('captures');
    assert.deepEqual(captured.map((s) => s.label).sort(), ['1', '2', '3']);
    assert.ok(captured.every((s) => s.seriesId.startsWith('lib:')));
  });

  test('fills in the drill-down queries of every point', async () => {
    const [todo] = await series('todos');
    assert.equal(
      todo.points[1].diffQuery,
      'repo:^(github\\.com/acme/api|github\\.com/acme/web)$ after:2023-01-15T00:00:00.000Z before:2023-02-15T00:00:00.000Z type:diff TODO',
    );
  });

  test('reports progress while a series is computing, then the data', async () => {
    const [first] = await series('regexp', { includeRepoRegex: 'api' }, slowEndpoint);
    assert.equal(first.status.isLoadingData, true);
    assert.ok(first.status.pendingJobs > 0);
    assert.deepEqual(first.points, []);
    let done;
    for (let i = 0; i < 50 && !done; i++) {
      const [current] = await series('regexp', { includeRepoRegex: 'api' }, slowEndpoint);
      if (!current.status.isLoadingData) done = current;
      else await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(done, 'the series never finished');
    assert.deepEqual(values(done), [2, 2, 2, 2, 3]);
    assert.equal(done.status.pendingJobs, 0);
  });

  test('lists dashboards with their insights', async () => {
    const { body } = await graphql('{ insightsDashboards { nodes { id title views { nodes { id } } } } }');
    assert.deepEqual(body.data.insightsDashboards.nodes, [
      { id: 'ZGFzaGJvYXJk', title: 'Acme', views: { nodes: [{ id: insightViewId('todos') }, { id: insightViewId('captures') }] } },
    ]);
  });
});

describe('CSV export', () => {
  test('answers /.api/insights/export/{id} with every point, behind the token', async () => {
    const url = `${endpoint}/.api/insights/export/${encodeURIComponent(insightViewId('todos'))}`;
    const response = await fetch(url, { headers: { Authorization: `token ${TOKEN}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const rows = (await response.text()).trimEnd().split('\r\n');
    assert.equal(rows[0], 'Series Label,Series Query,Recording Time,Value');
    assert.equal(rows.length, 1 + 2 * 5);
    assert.ok(rows.includes('TODO,TODO,2023-05-15T00:00:00.000Z,7'));
    assert.equal((await fetch(url)).status, 401);
  });
});

describe('ad-hoc queries', () => {
  test('previews series without saving them', async () => {
    const { body } = await graphql(
      `query($input: SearchInsightPreviewInput!) { searchInsightPreview(input: $input) { label points { dateTime value } } }`,
      { input: { repositoryScope: { repositories: [API] }, timeScope: { stepInterval: { unit: 'MONTH', value: 1 } }, series: [{ query: 'TODO', label: 'todo', generatedFromCaptureGroups: false }] } },
    );
    const [preview] = body.data.searchInsightPreview;
    assert.equal(preview.label, 'todo');
    assert.equal(preview.points.length, 12);
    assert.deepEqual(values(preview).slice(-5), [3, 6, 5, 4, 4]);
  });

  test('counts lines per language for a repository', async () => {
    const { body } = await graphql('{ search(query: "repo:^github\\\\.com/acme/web$") { stats { languages { name totalLines } } } }');
    const languages = body.data.search.stats.languages as { name: string; totalLines: number }[];
    assert.deepEqual(languages.map((l) => l.name).sort(), ['CSS', 'TypeScript']);
  });

  test('aggregates by path and says why a mode is unavailable', async () => {
    const { body } = await graphql(`{ searchQueryAggregate(query: "repo:api TODO", patternType: literal) {
      modeAvailability { mode available reasonUnavailable }
      aggregations(mode: CAPTURE_GROUP, limit: 5) { __typename ... on SearchAggregationNotAvailable { reason } } } }`);
    const capture = body.data.searchQueryAggregate.modeAvailability.find((m: { mode: string }) => m.mode === 'CAPTURE_GROUP');
    assert.equal(capture.available, false);
    assert.match(capture.reasonUnavailable, /capturing group/);
    assert.equal(body.data.searchQueryAggregate.aggregations.__typename, 'SearchAggregationNotAvailable');

    const paths = await graphql(`{ searchQueryAggregate(query: "repo:api TODO", patternType: literal) {
      aggregations(mode: REPO, limit: 5) { ... on ExhaustiveSearchAggregationResult { groups { label count query } } } } }`);
    assert.deepEqual(paths.body.data.searchQueryAggregate.aggregations.groups, [
      { label: API, count: 4, query: 'repo:api TODO repo:^github\\.com/acme/api$' },
    ]);
  });
});

describe('bad input', () => {
  test('an invalid regular expression is a GraphQL error, and the server keeps serving', async () => {
    const { status, body } = await graphql(SERIES, { id: insightViewId('broken') });
    assert.equal(status, 200);
    assert.match(body.errors[0].message, /regular expression/i);
    assert.deepEqual(values((await series('regexp'))[0]), [2, 2, 2, 2, 3]);
  });

  test('an invalid filter or an unknown search context is a GraphQL error', async () => {
    const invalid = await graphql(SERIES, { id: insightViewId('todos'), filters: { includeRepoRegex: '(' } });
    assert.match(invalid.body.errors[0].message, /includeRepoRegex is not a valid regular expression/);
    const context = await graphql(SERIES, { id: insightViewId('todos'), filters: { searchContexts: ['@acme/secret'] } });
    assert.match(context.body.errors[0].message, /search context "@acme\/secret" does not exist/);
  });

  test('an unknown insight is an empty list, as on Sourcegraph', async () => {
    const { body } = await graphql(SERIES, { id: insightViewId('nope') });
    assert.deepEqual(body.data.insightViews.nodes, []);
  });

  test('an invalid operation gets GraphQL errors and no data', async () => {
    const { status, body } = await graphql('{ insightViews { nodes { notAField } } }');
    assert.equal(status, 200);
    assert.equal(body.data, null);
    assert.match(body.errors[0].message, /Cannot query field "notAField"/);
  });

  test('a wrong or missing token gets HTTP 401 "Invalid access token."', async () => {
    for (const token of ['sgp_wrong', null]) {
      const { status, body } = await graphql('{ insightsDashboards { nodes { id } } }', {}, endpoint, token);
      assert.equal(status, 401);
      assert.equal(body, 'Invalid access token.');
    }
  });

  test('answers CORS preflights of listed origins as Sourcegraph does', async () => {
    const response = await fetch(`${endpoint}/.api/graphql`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://wiki.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://wiki.example.com');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /X-Requested-With/);
  });
});
