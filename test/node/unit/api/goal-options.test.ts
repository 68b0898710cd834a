/** `goalOptions`: the goal attributes checked before anything is drawn, with messages that name the attribute. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goalOptions } from '../../../../src/api/goal-options.ts';

describe('goalOptions', () => {
  it('reads every goal attribute', () => {
    const options = goalOptions({ goal: 0, goalDate: '2027-03-31', goalSeries: ' JS files ', better: 'down', baselineDate: '2026-01-01', trendWindow: 12, compare: '1q' });
    assert.deepEqual(options.goal, { value: 0, date: Date.UTC(2027, 2, 31) });
    assert.equal(options.goalSeries, 'JS files');
    assert.equal(options.better, -1);
    assert.equal(options.baseline, Date.UTC(2026, 0, 1));
    assert.equal(options.window, 12);
    assert.equal(new Date(options.compare!(Date.UTC(2026, 5, 15))).toISOString().slice(0, 10), '2026-03-15');
    assert.deepEqual(goalOptions({}), {});
    assert.equal(goalOptions({ better: 'up' }).better, 1);
  });

  it('refuses invalid values, naming the attribute or the URL parameter', () => {
    const cases: [Parameters<typeof goalOptions>[0], RegExp][] = [
      [{ goal: Number.NaN }, /The goal attribute "NaN" is not valid: expected a number/],
      [{ goal: 0, goalDate: 'next spring' }, /The goal-date attribute "next spring" is not valid: expected an ISO 8601 date/],
      [{ goalDate: '2027-01-01' }, /goal-date .* expected a goal as well/],
      [{ better: 'sideways' }, /better .* expected up or down/],
      [{ baselineDate: '01/02/2026' }, /baseline-date/],
      [{ trendWindow: 2 }, /trend-window .* from 4 to 60/],
      [{ trendWindow: 1000 }, /trend-window .* from 4 to 60/],
      [{ trendWindow: 4.5 }, /trend-window/],
      [{ compare: '1 month' }, /compare .* 1w, 1mo, 1q or 1y/],
    ];
    for (const [attributes, message] of cases) assert.throws(() => goalOptions(attributes), message, JSON.stringify(attributes));
    assert.throws(() => goalOptions({ compare: 'x' }, 'parameter'), /The compare parameter "x"/);
    // URL parameters arrive as text, named as written.
    assert.throws(() => goalOptions({ goal: 'abc' }, 'parameter'), /The goal parameter "abc" is not valid: expected a number/);
    assert.throws(() => goalOptions({ goal: '0x10' }, 'parameter'), /"0x10"/);
    assert.deepEqual(goalOptions({ goal: ' -2.5 ' }, 'parameter').goal, { value: -2.5, date: undefined });
    assert.deepEqual(goalOptions({ goal: '' }, 'parameter'), {});
  });
});
