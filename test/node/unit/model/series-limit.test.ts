/** The series limit: the first series kept, and what the card can say about the rest. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LineInsightData } from '../../../../src/model/insight-data.ts';
import { limitSeries } from '../../../../src/model/series-limit.ts';

const data: LineInsightData = {
  kind: 'line',
  title: '',
  series: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), points: [{ date: '2026-01-01', value: 1 }] })),
};

describe('limitSeries', () => {
  it('names the series it leaves out', () => {
    const limited = limitSeries(data, 1);
    assert.deepEqual(limited.data.series.map((s) => s.id), ['a']);
    assert.equal(limited.hidden, 2);
    assert.deepEqual(limited.hiddenLabels, ['B', 'C']);
  });

  it('counts series an instance left out without names for them', () => {
    const limited = limitSeries(data, 5, 7);
    assert.equal(limited.hidden, 4);
    assert.deepEqual(limited.hiddenLabels, []);
  });
});
