/** The report's spec: flags and a report file as one, checked before anything is fetched, errors naming the field. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reportSpec, ReportSpecError } from '../../../server/report/spec.ts';

const refused = (run: () => unknown, message: RegExp) => assert.throws(run, (e: unknown) => e instanceof ReportSpecError && message.test(e.message));

describe('reportSpec', () => {
  test('a report file: insights by id or with goals (the card\'s own check), recipients, canary thresholds', () => {
    const spec = reportSpec(
      {},
      JSON.stringify({
        dashboard: 'd1',
        insights: ['a', { id: 'b', goal: 0, goalDate: '2027-03-01', goalSeries: 'js', better: 'down', trendWindow: 6 }],
        period: '2w',
        to: 'team@example.com',
        canary: { stuckHours: 6 },
      }),
      'r.json',
    );
    assert.equal(spec.dashboard, 'd1');
    assert.deepEqual(spec.insights.map((e) => e.id), ['a', 'b']);
    assert.deepEqual(spec.insights[1].goals, { goal: { value: 0, date: Date.UTC(2027, 2, 1) }, goalSeries: 'js', better: -1, window: 6 });
    assert.equal(spec.back(Date.UTC(2026, 0, 15)), Date.UTC(2026, 0, 1));
    assert.deepEqual(spec.to, ['team@example.com']);
    assert.deepEqual(spec.canary, { stuckHours: 6, jump: 0.5, minJump: 10 });
  });

  test('flags win over the file, and add insights to it', () => {
    const spec = reportSpec({ period: '1mo', insights: ['c', 'a'], to: ['x@example.com'], canary: { jump: 1 } }, JSON.stringify({ insights: ['a'], period: '1w', to: ['y@example.com'] }));
    assert.equal(spec.period, '1mo');
    assert.deepEqual(spec.insights.map((e) => e.id), ['a', 'c']);
    assert.deepEqual(spec.to, ['x@example.com']);
    assert.equal(spec.canary.jump, 1);
  });

  test('what is wrong is said, naming the field', () => {
    refused(() => reportSpec({}), /Nothing to report on/);
    refused(() => reportSpec({ insights: ['a'], period: '1 fortnight' }), /period "1 fortnight"/);
    refused(() => reportSpec({}, '{"insights": ["a"], "recipients": []}', 'r.json'), /r\.json has fields a report does not know: recipients/);
    refused(() => reportSpec({}, '{"insights": [{"id": "a", "goalDate": "2027-01-01"}]}', 'r.json'), /insights\[0\] in r\.json: .*goal-date/);
    refused(() => reportSpec({}, '{"insights": [{"id": "a", "goal": "ten"}]}', 'r.json'), /goal of insights\[0\] in r\.json must be a number/);
    refused(() => reportSpec({}, '{"insights": [{"goal": 1}]}', 'r.json'), /insights\[0\] in r\.json needs an id/);
    refused(() => reportSpec({ insights: ['a'], to: ['not an address'] }), /"not an address" is not an e-mail address/);
    assert.equal(reportSpec({ insights: ['a'], from: 'Code insights <x@example.com>' }).from, 'Code insights <x@example.com>');
    refused(() => reportSpec({ insights: ['a'], from: 'insights' }), /is not an e-mail address \(from in the report file or --from\)/);
    refused(() => reportSpec({ insights: ['a'], canary: { jump: -1 } }), /jump must be a number ≥ 0/);
    refused(() => reportSpec({}, '{insights', 'r.json'), /r\.json is not JSON/);
  });
});
