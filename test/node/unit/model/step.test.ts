/**
 * `stepOf`: the step sample times were taken at, which the time axis labels follow. Read from the median gap, so
 * calendar months of 28 to 31 days, a missing sample or one late sample do not change it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stepOf, stepsFrom } from '../../../../src/model/step.ts';

const HOUR = 36e5;
const DAY = 24 * HOUR;
const every = (gap: number, count: number, start = Date.UTC(2026, 0, 5)) => Array.from({ length: count }, (_, i) => start + i * gap);
const months = (count: number, each = 1, day = 1) => Array.from({ length: count }, (_, i) => Date.UTC(2025, i * each, day));

describe('stepOf', () => {
  it('reads hours, days, weeks, months and years', () => {
    assert.deepEqual(stepOf(every(HOUR, 48)), { unit: 'HOUR', value: 1 });
    assert.deepEqual(stepOf(every(6 * HOUR, 20)), { unit: 'HOUR', value: 6 });
    assert.deepEqual(stepOf(every(DAY, 30)), { unit: 'DAY', value: 1 });
    assert.deepEqual(stepOf(every(23 * HOUR, 12)), { unit: 'DAY', value: 1 });
    assert.deepEqual(stepOf(every(12 * HOUR, 12)), { unit: 'HOUR', value: 12 });
    assert.deepEqual(stepOf(every(7 * DAY, 12)), { unit: 'WEEK', value: 1 });
    assert.deepEqual(stepOf(every(14 * DAY, 12)), { unit: 'WEEK', value: 2 });
    assert.deepEqual(stepOf(months(4)), { unit: 'MONTH', value: 1 });
    assert.deepEqual(stepOf(months(36, 1, 17)), { unit: 'MONTH', value: 1 });
    assert.deepEqual(stepOf(months(8, 3)), { unit: 'MONTH', value: 3 });
    assert.deepEqual(stepOf(months(8, 12)), { unit: 'YEAR', value: 1 });
  });

  it('keeps four-weekly samples weeks: two of them can fall in one month', () => {
    assert.deepEqual(stepOf(every(28 * DAY, 10)), { unit: 'WEEK', value: 4 });
  });

  it('follows most gaps, not a missing or late sample', () => {
    const weekly = every(7 * DAY, 12);
    assert.deepEqual(stepOf([...weekly.slice(0, 5), ...weekly.slice(7)]), { unit: 'WEEK', value: 1 });
    assert.deepEqual(stepOf([...months(6), Date.UTC(2025, 6, 9)]), { unit: 'MONTH', value: 1 });
  });

  it('reads a long series from gaps spread over all of it', () => {
    assert.deepEqual(stepOf(every(HOUR, 100_000)), { unit: 'HOUR', value: 1 });
    const dailyThenHourly = [...every(DAY, 30_000), ...every(HOUR, 20_000, Date.UTC(2200, 0, 1))];
    assert.deepEqual(stepOf(dailyThenHourly), { unit: 'DAY', value: 1 });
  });

  it('calls sub-hourly samples hourly, and one sample or none a month (Sourcegraph’s default)', () => {
    assert.deepEqual(stepOf(every(15 * 60e3, 20)), { unit: 'HOUR', value: 1 });
    assert.deepEqual(stepOf([Date.UTC(2026, 3, 1)]), { unit: 'MONTH', value: 1 });
    assert.deepEqual(stepOf([]), { unit: 'MONTH', value: 1 });
  });
});

describe('stepsFrom', () => {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
  it('moves months and years on the calendar, shorter steps by their length', () => {
    assert.equal(iso(stepsFrom(Date.UTC(2026, 0, 1), { unit: 'MONTH', value: 1 })), '2026-02-01T00:00');
    assert.equal(iso(stepsFrom(Date.UTC(2026, 10, 1), { unit: 'MONTH', value: 3 })), '2027-02-01T00:00');
    assert.equal(iso(stepsFrom(Date.UTC(2026, 0, 1), { unit: 'YEAR', value: 1 })), '2027-01-01T00:00');
    assert.equal(iso(stepsFrom(Date.UTC(2026, 0, 1), { unit: 'WEEK', value: 2 })), '2026-01-15T00:00');
    assert.equal(iso(stepsFrom(Date.UTC(2026, 0, 1), { unit: 'HOUR', value: 6 })), '2026-01-01T06:00');
  });

  it('keeps month ends at month ends, without drifting or skipping a month', () => {
    const month = { unit: 'MONTH', value: 1 } as const;
    const end = Date.UTC(2026, 0, 31);
    assert.deepEqual([1, 2, 3, 8].map((k) => iso(stepsFrom(end, month, k)).slice(0, 10)), ['2026-02-28', '2026-03-31', '2026-04-30', '2026-09-30']);
    assert.equal(iso(stepsFrom(Date.UTC(2024, 2, 31), month, -1)).slice(0, 10), '2024-02-29');
  });
});
