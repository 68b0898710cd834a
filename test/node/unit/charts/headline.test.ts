/** `goalHeadline`: the sentence a card with a goal says, for each status. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goalHeadline } from '../../../../src/charts/headline.ts';
import { goalsOf } from '../../../../src/model/goals.ts';
import type { LineInsightData } from '../../../../src/model/insight-data.ts';

const line = (values: number[], start = Date.UTC(2026, 0, 5)): LineInsightData => ({
  kind: 'line',
  title: 'Deprecated API calls',
  series: [{ id: 'calls', label: 'Calls', points: values.map((value, i) => ({ date: new Date(start + i * 7 * 864e5).toISOString(), value })) }],
});
const falling = line([150, 140, 130, 120, 110, 100, 90, 80]); // last sample Feb 23, 2026; zero 8 weeks later (Apr 20)

describe('goalHeadline', () => {
  it('says when a series on track gets there, and how long before the goal date', () => {
    const text = goalHeadline(goalsOf(falling, { goal: { value: 0, date: Date.UTC(2026, 5, 1) } }), 'en-US');
    assert.equal(text, 'On track: at this pace 0 around Apr 2026, 6 weeks before the goal');
  });

  it('gives the band of a noisy series', () => {
    const noisy = line([300, 260, 290, 240, 270, 200, 250, 190, 230, 180]);
    assert.equal(goalHeadline(goalsOf(noisy, { goal: { value: 0 }, window: 10 }), 'en-US'), 'On track: at this pace 0 around Jul 2026 (Jun–Sep)');
    // Across a new year, each end names its year.
    assert.equal(
      goalHeadline(goalsOf(line(noisy.series[0].points.map((p) => p.value), Date.UTC(2026, 6, 25)), { goal: { value: 0 }, window: 10 }), 'en-US'),
      'On track: at this pace 0 around Feb 2027 (Dec 2026–Mar 2027)',
    );
    // A band within the projected month is no band.
    const steady = line([200, 188, 181, 166, 160, 149, 135, 131, 118, 110]);
    assert.equal(goalHeadline(goalsOf(steady, { goal: { value: 0 }, window: 10 }), 'en-US'), 'On track: at this pace 0 around May 2026');
  });

  it('says what is left on the goal date when behind', () => {
    const text = goalHeadline(goalsOf(falling, { goal: { value: 0, date: Date.UTC(2026, 2, 23) } }), 'en-US');
    assert.equal(text, 'Behind: about 40 left on Mar 23, 2026');
  });

  it('names no progress, the wrong way, a reached goal and too little data', () => {
    assert.equal(goalHeadline(goalsOf(line([120, 120, 121, 120, 120, 119, 120, 120]), { goal: { value: 0 } }), 'en-US'), 'No progress in the last 7 weeks');
    assert.equal(goalHeadline(goalsOf(line([100, 104, 109, 112, 118, 121, 127, 130]), { goal: { value: 0 } }), 'en-US'), 'Going the wrong way over the last 7 weeks');
    assert.equal(goalHeadline(goalsOf(line([30, 20, 10, 0]), { goal: { value: 0 } }), 'en-US'), 'Goal reached: 0');
    assert.equal(goalHeadline(goalsOf(line([30, 20, 10]), { goal: { value: 0 } }), 'en-US'), 'Not enough data to project');
  });

  it('names short spans in hours and days', () => {
    const hourly: LineInsightData = {
      ...falling,
      series: [{ ...falling.series[0], points: Array.from({ length: 8 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 5, i)).toISOString(), value: 100 })) }],
    };
    assert.equal(goalHeadline(goalsOf(hourly, { goal: { value: 0 } }), 'en-US'), 'No progress in the last 7 hours');
  });

  it("uses the reader's locale for dates and numbers", () => {
    const text = goalHeadline(goalsOf(line([15000, 14000, 13000, 12000, 11000, 10000, 9000, 8000]), { goal: { value: 1000, date: Date.UTC(2026, 2, 23) } }), 'de-DE');
    assert.equal(text, 'Behind: about 3.000 left on 23. März 2026');
  });

  it('names the series when several have goals, and says nothing without one', () => {
    const two: LineInsightData = { ...falling, series: [falling.series[0], { ...falling.series[0], id: 'b', label: 'Other calls', points: falling.series[0].points.map((p) => ({ ...p, value: 100 })) }] };
    assert.equal(goalHeadline(goalsOf(two, { goal: { value: 0 } }), 'en-US'), 'Other calls: No progress in the last 7 weeks');
    assert.equal(goalHeadline(goalsOf(falling, {}), 'en-US'), undefined);
  });
});
