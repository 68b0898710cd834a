/**
 * A regular expression that backtracks catastrophically, through HTTP and GraphQL as a client sees it: a clear
 * error within seconds instead of a server that stops answering, and correct answers to the next requests.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { insightViewId, type ServerConfig } from '../../../server/config.ts';
import { GitSource } from '../../../server/git-source.ts';
import { createInsightsServer } from '../../../server/http.ts';
import { makeTempDir, removeDir } from '../engine/git-fixture.ts';
import { createSlowRegexpRepository, SLOW, SLOW_TODOS } from '../engine/slow-regexp-fixture.ts';

const NOW = new Date('2023-03-15T00:00:00Z');
/** Short in tests; the server's default is 2 s. */
const BUDGET_MS = 100;
/** The limit plus git and HTTP, far below the tens of seconds an unguarded search takes. */
const BOUND_MS = 3000;
const TOO_LONG = /took too long to run \(over 100 ms\) and was stopped\. Simplify the regular expression/;

let root: string;
let server: Server;
let endpoint: string;

function config(path: string): ServerConfig {
  const insight = (name: string, query: string) => ({
    id: insightViewId(name),
    title: name,
    kind: 'line' as const,
    repositories: [SLOW],
    step: { unit: 'MONTH', value: 1 } as const,
    points: 3,
    series: [{ seriesId: name, label: name, query }],
  });
  return {
    repositories: [{ name: SLOW, path }],
    insights: [
      insight('todos', 'TODO'),
      // Case-insensitive, the default: V8's linear-time fallback engine could not take this one.
      insight('nested', 'patterntype:regexp (a+)+$'),
      insight('nested-case', 'patterntype:regexp (x+x+)+y case:yes'),
    ],
    dashboards: [],
  };
}

async function graphql(query: string, variables: object = {}) {
  const response = await fetch(`${endpoint}/.api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

const SERIES = `query($id: ID!, $filters: InsightViewFiltersInput) {
  insightViews(id: $id, filters: $filters) { nodes { dataSeries { points { value } status { isLoadingData } } } } }`;
const PREVIEW = `query($input: SearchInsightPreviewInput!) { searchInsightPreview(input: $input) { points { value } } }`;

/** The request's GraphQL error message; fails unless it came within BOUND_MS. */
async function errorWithinBound(query: string, variables: object): Promise<string> {
  const started = performance.now();
  const body = await graphql(query, variables);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BOUND_MS, `answered after ${Math.round(elapsed)} ms`);
  assert.ok(body.errors?.length, `no error: ${JSON.stringify(body.data)}`);
  return body.errors[0].message;
}

async function todoValues(): Promise<number[]> {
  const body = await graphql(SERIES, { id: insightViewId('todos') });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data.insightViews.nodes[0].dataSeries[0].points.map((point: { value: number }) => point.value);
}

before(async () => {
  root = makeTempDir('slow-regexp-server');
  const source = new GitSource(config(createSlowRegexpRepository(root)), { now: () => NOW, regexpBudgetMs: BUDGET_MS, answerWithinMs: BOUND_MS });
  server = createInsightsServer({ source });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server?.close();
  if (root) removeDir(root);
});

describe('a catastrophically backtracking regular expression', () => {
  test('a saved insight gets a GraphQL error within seconds, and the server then answers a normal query', async () => {
    assert.match(await errorWithinBound(SERIES, { id: insightViewId('nested') }), /^The pattern \(a\+\)\+\$ took too long/);
    assert.deepEqual(await todoValues(), SLOW_TODOS);
    // Not remembered as a result: asking again fails the same way.
    assert.match(await errorWithinBound(SERIES, { id: insightViewId('nested') }), TOO_LONG);
    assert.match(await errorWithinBound(SERIES, { id: insightViewId('nested-case') }), TOO_LONG);
    assert.deepEqual(await todoValues(), SLOW_TODOS);
  });

  test('a live preview with a case-insensitive pattern gets the same error', async () => {
    const input = (query: string) => ({
      input: {
        repositoryScope: { repositories: [SLOW] },
        timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
        series: [{ query, label: 'preview', generatedFromCaptureGroups: false }],
      },
    });
    assert.match(await errorWithinBound(PREVIEW, input('patterntype:regexp (x+x+)+y')), TOO_LONG);
    const body = await graphql(PREVIEW, input('patterntype:regexp ^A+!$'));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.searchInsightPreview[0].points.at(-1).value, 1);
  });

  test('a drill-down repository filter and an aggregation are limited too', async () => {
    const filtered = await errorWithinBound(SERIES, { id: insightViewId('todos'), filters: { includeRepoRegex: '(a+)+$' } });
    assert.match(filtered, /^The repository filter took too long/);
    const aggregate = await errorWithinBound(
      `{ searchQueryAggregate(query: "(a+)+$", patternType: regexp) { aggregations(mode: PATH, limit: 5) { __typename } } }`,
      {},
    );
    assert.match(aggregate, TOO_LONG);
    assert.deepEqual(await todoValues(), SLOW_TODOS);
  });
});
