/**
 * A report's charts draw the report file's goals: the headline's "Behind…" needs the goal line and the projection
 * on the chart beside it, in the e-mail's PNG and in the chat's image URL alike.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Rasterizer } from '../../../server/embed/rasterizer.ts';
import { LIMITS } from '../../../server/embed/route.ts';
import { localFetch } from '../../../server/graphql/local-fetch.ts';
import { collectReport } from '../../../server/report/collect.ts';
import { imageURL } from '../../../server/report/slack.ts';
import { reportSpec } from '../../../server/report/spec.ts';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';

const rasterizer = new Rasterizer({ maxPixels: LIMITS.pixels });
after(() => rasterizer.close());

test('an insight with a goal: its PNG is drawn from an SVG with the goal line and the projection, and so is the chat\'s', async () => {
  const file = JSON.stringify({ period: '2w', insights: [{ id: FIXTURE_IDS.migration, goal: 0, goalDate: '2027-12-31', goalSeries: 'js', better: 'down' }, FIXTURE_IDS.todos] });
  const source = { fetch: localFetch(new FixtureSource()), instance: 'http://localhost', timeout: 30_000 };
  const report = await collectReport(reportSpec({}, file), { source, now: Date.UTC(2026, 9, 10), locale: 'en-US', imageWidth: 592, rasterizer, signal: new AbortController().signal });
  const [goal, plain] = report.insights;
  assert.ok(goal.headline, 'the headline the chart goes with');
  assert.match(goal.image!.svg, /data-mark="goal"/);
  assert.match(goal.image!.svg, /data-mark="projection"/);
  assert.ok(goal.image!.png.length > 0);
  assert.doesNotMatch(plain.image!.svg, /data-mark="goal"|data-mark="projection"/);

  const url = new URL(imageURL('https://insights.example.com', goal, 592));
  assert.deepEqual(Object.fromEntries(url.searchParams), { width: '592', scale: '2', goal: '0', 'goal-date': '2027-12-31', 'goal-series': 'js', better: 'down', compare: '2w', from: 'report' });
});
