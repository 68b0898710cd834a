/** `goalsOf`: which series a goal applies to, and what each one's outlook and change are. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod } from '../../../../src/model/change.ts';
import { goalsOf } from '../../../../src/model/goals.ts';
import type { LineInsightData } from '../../../../src/model/insight-data.ts';

const dates = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString());
const series = (id: string, values: number[], goal?: { value: number; date?: string }) => ({
  id,
  label: id.toUpperCase(),
  points: values.map((value, i) => ({ date: dates[i], value })),
  ...(goal ? { goal } : {}),
});
const data: LineInsightData = {
  kind: 'line',
  title: 'Migration',
  series: [series('js', [80, 70, 60, 50, 40, 30, 20, 10]), series('ts', [10, 20, 30, 40, 50, 60, 70, 80])],
};

describe('goalsOf', () => {
  it('applies the card goal to every series when none is named', () => {
    const goals = goalsOf(data, { goal: { value: 0 } });
    assert.deepEqual(goals.series.map((s) => s.outlook?.status), ['on-track', 'wrong-way']);
    assert.equal(goals.status, 'wrong-way');
  });

  it('applies it to the series named by label or id only', () => {
    for (const goalSeries of ['JS', 'js']) {
      const goals = goalsOf(data, { goal: { value: 0 }, goalSeries });
      assert.deepEqual(goals.series.map((s) => s.outlook?.status), ['on-track', undefined]);
      assert.equal(goals.status, 'on-track');
    }
  });

  it('applies it to the total of a stacked chart', () => {
    const goals = goalsOf(data, { goal: { value: 90 }, stacked: true });
    assert.equal(goals.series.length, 3);
    const total = goals.series[2];
    assert.equal(total.seriesId, '');
    assert.deepEqual(total.samples.map((s) => s.v), Array(8).fill(90));
    assert.equal(total.outlook?.status, 'reached');
    assert.equal(goals.series[0].outlook, undefined);
  });

  it("keeps a series' own goal, and takes the change's direction from it", () => {
    const own = { ...data, series: [series('js', [80, 70, 60, 50, 40, 30, 20, 10], { value: 0, date: '2026-04-01' }), data.series[1]] };
    const goals = goalsOf(own, { compare: parsePeriod('2w') });
    assert.equal(goals.series[0].goal?.date, Date.parse('2026-04-01'));
    assert.equal(goals.series[0].better, -1);
    assert.equal(goals.series[0].change?.delta, -20);
    // No goal and no `better`: the change has no direction to be coloured by.
    assert.equal(goals.series[1].better, undefined);
    assert.equal(goals.series[1].change?.delta, 20);
    assert.equal(goalsOf(data, { better: 1 }).series[1].better, 1);
  });

  it('gives a lone stacked series the goal, and says when goal-series names no series', () => {
    const one: LineInsightData = { ...data, series: [data.series[0]] };
    assert.equal(goalsOf(one, { goal: { value: 0 }, stacked: true }).series[0].outlook?.status, 'on-track');
    const typo = goalsOf(data, { goal: { value: 0 }, goalSeries: 'JavaScript' });
    assert.equal(typo.status, 'unknown');
    assert.equal(typo.unmatched, 'JavaScript');
  });

  it('has no status without a goal', () => {
    assert.equal(goalsOf(data, {}).status, undefined);
  });
});
