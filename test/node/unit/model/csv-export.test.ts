/** `insightToCSV` with goals: the goal and the projection in columns of their own, future dates as rows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insightToCSV } from '../../../../src/model/csv-export.ts';
import { goalsOf } from '../../../../src/model/goals.ts';
import type { LineInsightData } from '../../../../src/model/insight-data.ts';

const monthly = (values: number[]) => values.map((value, i) => ({ date: new Date(Date.UTC(2026, i, 1)).toISOString(), value }));
const data: LineInsightData = {
  kind: 'line',
  title: 'Migration',
  series: [
    { id: 'js', label: 'JS files', points: monthly([100, 90, 80, 70, 60, 50]) },
    { id: 'ts', label: 'TS files', points: monthly([10, 20, 30, 40, 50, 60]) },
  ],
};

describe('insightToCSV with goals', () => {
  it('adds goal and projected columns, and monthly rows until the projection reaches the goal', () => {
    const csv = insightToCSV(data, goalsOf(data, { goal: { value: 0 }, goalSeries: 'js' }));
    const rows = csv.trim().split('\r\n');
    assert.equal(rows[0], 'date,JS files,TS files,JS files goal,JS files projected');
    assert.equal(rows[1], '2026-01-01T00:00:00.000Z,100,10,0,');
    // The trend starts at the last sample: 50 on Jun 1, about 10 less a month after.
    assert.match(rows[6], /^2026-06-01T00:00:00.000Z,50,60,0,(49\.\d+|50)$/);
    assert.match(rows[7], /^2026-07-01T00:00:00.000Z,,,0,(39|40|41)(\.\d+)?$/);
    const last = rows[rows.length - 1].split(',');
    assert.match(last[0], /^2026-1[01]-\d\dT00:00:00.000Z$/);
    assert.ok(Math.abs(Number(last[4])) < 2, `ends near the goal: ${last[4]}`);
    assert.ok(rows.length < 14);
  });

  it('is the plain table without goals', () => {
    assert.equal(insightToCSV(data).split('\r\n')[0], 'date,JS files,TS files');
    assert.equal(insightToCSV(data, goalsOf(data, {})), insightToCSV(data));
  });
});
