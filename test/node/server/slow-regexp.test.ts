/**
 * A regular expression that backtracks catastrophically, through HTTP and GraphQL as a client sees it: a clear
 * error within seconds instead of a server that stops answering, correct answers to the next requests, and
 * answers to other requests while it runs.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { insightViewId, type ServerConfig } from '../../../server/sources/config.ts';
import { GitSource } from '../../../server/sources/git-source.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
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

async function graphql(query: string, variables: object = {}, at: string = endpoint) {
  const response = await fetch(`${at}/.api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

/** A live preview of `query` over the slow repository. */
const preview = (query: string) => ({
  input: {
    repositoryScope: { repositories: [SLOW] },
    timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
    series: [{ query, label: 'preview', generatedFromCaptureGroups: false }],
  },
});

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
    assert.match(await errorWithinBound(PREVIEW, preview('patterntype:regexp (x+x+)+y')), TOO_LONG);
    const body = await graphql(PREVIEW, preview('patterntype:regexp ^A+!$'));
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

describe('other requests while runaway patterns run', () => {
  /** Long enough that an ordinary query sent meanwhile clearly has time to finish first, if nothing blocks it. */
  const RUNAWAY_BUDGET_MS = 1000;
  const STOPPED = /took too long to run \(over 1 s\) and was stopped\. Simplify the regular expression/;
  /**
   * How long to let runaway requests get going (past git, into their patterns) before the ordinary one is sent. Had
   * the patterns blocked the thread, as they did, this timer could not even fire until they had run out their limit.
   */
  const GET_GOING_MS = 300;
  let runawayRoot: string;
  let runawayServer: Server;
  let at: string;

  before(async () => {
    runawayRoot = makeTempDir('runaway-regexp-server');
    const source = new GitSource(config(createSlowRegexpRepository(runawayRoot)), { now: () => NOW, regexpBudgetMs: RUNAWAY_BUDGET_MS, answerWithinMs: BOUND_MS });
    runawayServer = createInsightsServer({ source });
    await new Promise<void>((resolve) => runawayServer.listen(0, '127.0.0.1', resolve));
    at = `http://127.0.0.1:${(runawayServer.address() as AddressInfo).port}`;
    // Warm: the repository's tree listings and cat-file process are ready, so a runaway request reaches its pattern at once.
    await latestPreviewValue('TODO');
  });

  after(() => {
    runawayServer?.close();
    if (runawayRoot) removeDir(runawayRoot);
  });

  async function latestPreviewValue(query: string): Promise<number> {
    const body = await graphql(PREVIEW, preview(query), at);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.searchInsightPreview[0].points.at(-1).value;
  }

  /**
   * Sends previews of the runaway queries, then (after GET_GOING_MS) an ordinary one; returns the order in which
   * they were answered and the runaway ones' error messages.
   */
  async function ordinaryDuringRunaways(runaways: string[], ordinary: string, expected: number): Promise<{ order: string[]; errors: string[] }> {
    const order: string[] = [];
    const failing = runaways.map(async (query) => {
      const body = await graphql(PREVIEW, preview(query), at);
      order.push('runaway');
      assert.ok(body.errors?.length, `no error for ${query}: ${JSON.stringify(body.data)}`);
      return body.errors[0].message as string;
    });
    await delay(GET_GOING_MS);
    const answered = latestPreviewValue(ordinary).then((value) => {
      order.push('ordinary');
      return value;
    });
    const [value, errors] = await Promise.all([answered, Promise.all(failing)]);
    assert.equal(value, expected);
    return { order, errors };
  }

  test('an ordinary query sent while a runaway pattern runs is answered before the runaway one fails with REGEXP_TIMEOUT', async () => {
    const { order, errors } = await ordinaryDuringRunaways(['patterntype:regexp (a+)+$'], 'TODO one', 1);
    assert.deepEqual(order, ['ordinary', 'runaway']);
    assert.match(errors[0], /^The pattern \(a\+\)\+\$ took too long/);
    assert.match(errors[0], STOPPED);
  });

  test('with several runaway patterns at once, an ordinary query is still answered first, and each runaway one fails clearly', async () => {
    const runaways = ['(a+)+$', '((a+)+$)', '(x+x+)+y', '((x+x+)+y)'].map((pattern) => `patterntype:regexp ${pattern}`);
    const { order, errors } = await ordinaryDuringRunaways(runaways, 'TODO two', 1);
    assert.deepEqual(order, ['ordinary', ...runaways.map(() => 'runaway')]);
    for (const error of errors) assert.match(error, STOPPED);
  });

  test('after runaway patterns were stopped, the next one also fails cleanly and ordinary queries still work', async () => {
    const { order, errors } = await ordinaryDuringRunaways(['patterntype:regexp (a+)+b'], 'TODO three', 1);
    assert.deepEqual(order, ['ordinary', 'runaway']);
    assert.match(errors[0], STOPPED);
    assert.equal(await latestPreviewValue('patterntype:regexp ^A+!$'), 1);
    assert.equal(await latestPreviewValue('TODO'), 4);
  });
});
