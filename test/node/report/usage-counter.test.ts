/**
 * The usage counter takes ids from requests anyone can send: a hostile body must cost little and count little, and
 * only views that happened (ids shaped like an instance's, in an answer that has them) are counted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { usageSummary } from '../../../server/report/usage.ts';
import { emptyUsage, fromReader, looksLikeId, MAX_VIEWS_PER_REQUEST, UsageCounter } from '../../../server/usage/usage-counter.ts';

const viewId = (name: string) => Buffer.from(`insight_view:"${name}"`).toString('base64');

/** A CodeInsightViews request for these ids, and an answer that has every one of them. */
function batch(ids: string[]) {
  const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const data = Object.fromEntries(ids.map((_, i) => [`v${i}`, { nodes: [{ id: 'x' }] }]));
  return { body: JSON.stringify({ operationName: 'CodeInsightViews', variables }), answer: JSON.stringify({ data }) };
}

describe('usage counter', () => {
  test('a body of 12,000 insight ids counts at most the views one real request can carry', () => {
    const usage = new UsageCounter();
    const { body, answer } = batch(Array.from({ length: 12_000 }, (_, i) => viewId(`junk-${i}`)));
    usage.graphql(body, answer);
    usage.graphql(body, answer);
    const counted = Object.keys(usage.snapshot().insights);
    assert.equal(counted.length, MAX_VIEWS_PER_REQUEST);
    assert.ok(MAX_VIEWS_PER_REQUEST >= 6 && MAX_VIEWS_PER_REQUEST <= 32, 'room for the client\'s batches, no more');
  });

  test('only ids the answer has, shaped like an insight view id, are counted', () => {
    const usage = new UsageCounter();
    const { body } = batch([FIXTURE_IDS.todos, 'Reset-your-password-at-evil.example', FIXTURE_IDS.migration]);
    // The instance knew the first two aliases, not the third.
    const answer = { data: { v0: { nodes: [{}] }, v1: { nodes: [{}] }, v2: { nodes: [] } } };
    usage.graphql(body, answer);
    // A failed request (no data) counts nothing.
    usage.graphql(body, { errors: [{ message: 'boom' }] });
    usage.graphql(body, 'not json');
    assert.deepEqual(Object.keys(usage.snapshot().insights), [FIXTURE_IDS.todos]);
  });

  test('images count only insight and dashboard ids an instance could have', () => {
    const usage = new UsageCounter();
    usage.embed('insight', 'Reset-your-password-at-evil.example');
    usage.embed('insight', viewId('x'.repeat(1000)));
    usage.embed('insight', FIXTURE_IDS.todos);
    assert.deepEqual(Object.keys(usage.snapshot().insights), [FIXTURE_IDS.todos]);
    assert.equal(looksLikeId(btoa('dashboard:{"IdType":"custom","Arg":1}'), 'dashboard'), true);
    assert.equal(looksLikeId(FIXTURE_IDS.todos, 'dashboard'), false);
  });

  test('chat unfurlers and image proxies are not readers; browsers are', () => {
    for (const agent of ['Slackbot 1.0 (+https://api.slack.com/robots)', 'Slack-ImgProxy (+https://api.slack.com/robots)', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'code-insights-server/0.1'])
      assert.equal(fromReader(agent), false, agent);
    assert.equal(fromReader('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'), true);
  });
});

describe('usageSummary', () => {
  test('"most viewed" lists only the report\'s insights, with their titles, whatever else the file counted', () => {
    const today = '2026-12-03';
    const usage = { ...emptyUsage(), insights: { [FIXTURE_IDS.todos]: { [today]: 3 }, 'Reset-your-password-at-evil.example': { [today]: 100 }, [FIXTURE_IDS.migration]: { [today]: 50 } } };
    const insight = (id: string, title: string) => ({ id, title, url: `https://sg.example/insights/${id}`, rows: [], more: 0, warnings: [], imageParams: {} });
    const report = { title: 'Weekly', period: '1w', asOf: Date.UTC(2026, 11, 3, 12), since: Date.UTC(2026, 10, 26, 12), locale: 'en-US', insights: [insight(FIXTURE_IDS.todos, 'TODOs'), insight(FIXTURE_IDS.empty, 'Empty')] };
    const summary = usageSummary(usage, report);
    assert.deepEqual(summary.mostViewed.map((v) => [v.title, v.views]), [['TODOs', 3]]);
    assert.deepEqual(summary.notViewed.map((v) => v.title), ['Empty']);
  });
});
