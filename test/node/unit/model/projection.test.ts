/** `trendOf` and `outlook`: the projection behind "are we on track?", on series whose answer is known. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_TREND_SAMPLES, outlook, trendOf, worstStatus, type Sample } from '../../../../src/model/projection.ts';

const DAY = 864e5;
const WEEK = 7 * DAY;
const START = Date.UTC(2026, 0, 5);
/** Weekly samples from START with the given values (null: a gap, no sample that week). */
const weekly = (values: (number | null)[]): Sample[] =>
  values.flatMap((v, i) => (v === null ? [] : [{ t: START + i * WEEK, v }]));
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const week = (i: number) => START + i * WEEK;

describe('trendOf', () => {
  it('finds the slope of a straight line exactly, with no spread', () => {
    const trend = trendOf(weekly([100, 90, 80, 70, 60, 50, 40, 30]))!;
    assert.equal(trend.slope * WEEK, -10);
    assert.equal(trend.low, trend.slope);
    assert.equal(trend.high, trend.slope);
    assert.equal(trend.at, 30);
  });

  it('is not swung by one odd sample (a timed-out search that counted nothing)', () => {
    const trend = trendOf(weekly([100, 90, 80, 0, 60, 50, 40, 30]))!;
    assert.ok(Math.abs(trend.slope * WEEK + 10) < 0.5, `slope ${trend.slope * WEEK} per week`);
    assert.ok(Math.abs(trend.at - 30) < 2, `trend ends at ${trend.at}`);
  });

  it('uses only the last `window` samples', () => {
    // Rising for months, then falling for the last eight weeks.
    const trend = trendOf(weekly([10, 20, 30, 40, 50, 60, 70, 80, 75, 70, 65, 60, 55, 50, 45]), 6)!;
    assert.equal(trend.slope * WEEK, -5);
  });

  it('reads time from the dates, so gaps do not bend it', () => {
    const trend = trendOf(weekly([100, 95, null, null, 80, 75, null, 65, 60]))!;
    assert.ok(Math.abs(trend.slope * WEEK + 5) < 1e-9);
  });

  it(`gives nothing with fewer than ${MIN_TREND_SAMPLES} samples`, () => {
    assert.equal(trendOf(weekly([10, 8, 6])), undefined);
    assert.equal(trendOf([]), undefined);
  });

  it('gives a band around the slope when the samples are noisy', () => {
    const trend = trendOf(weekly([100, 93, 81, 74, 58, 52, 41, 28, 22, 9]), 10)!;
    assert.ok(trend.low < trend.slope && trend.slope < trend.high);
    assert.ok(trend.slope * WEEK < -8 && trend.slope * WEEK > -12);
  });
});

describe('outlook', () => {
  it('projects a falling line to zero on the date a straight line says', () => {
    // 80 left, falling 10 a week: zero eight weeks after the last sample.
    const result = outlook(weekly([150, 140, 130, 120, 110, 100, 90, 80]), { value: 0 })!;
    assert.equal(result.status, 'on-track');
    assert.equal(result.better, -1);
    assert.equal(iso(result.eta!.date), iso(week(7 + 8)));
    assert.equal(result.eta!.earliest, result.eta!.date);
    assert.equal(result.eta!.latest, result.eta!.date);
    assert.ok(Math.abs(result.progress! - 70 / 150) < 1e-9);
  });

  it('is on track when the date falls before the goal date, behind (with what is left then) when after', () => {
    const samples = weekly([150, 140, 130, 120, 110, 100, 90, 80]);
    assert.equal(outlook(samples, { value: 0, date: week(20) })!.status, 'on-track');
    const late = outlook(samples, { value: 0, date: week(11) })!;
    assert.equal(late.status, 'behind');
    // Four weeks after the last sample, at -10 a week: 40 left.
    assert.ok(Math.abs(late.atGoalDate! - 40) < 1e-9);
  });

  it('gives a band of dates for a noisy series, optimistic first', () => {
    const result = outlook(weekly([200, 188, 181, 166, 160, 149, 135, 131, 118, 110]), { value: 0 }, { window: 10 })!;
    assert.equal(result.status, 'on-track');
    const { earliest, date, latest } = result.eta!;
    assert.ok(earliest < date && date < latest!, `${iso(earliest)} ${iso(date)} ${iso(latest!)}`);
    // About 10 a week from 110: roughly eleven weeks out.
    const weeksOut = (date - week(9)) / WEEK;
    assert.ok(weeksOut > 9 && weeksOut < 13, `${weeksOut} weeks`);
  });

  it('says reached once the latest value is at or past the goal', () => {
    assert.equal(outlook(weekly([30, 20, 10, 0]), { value: 0 })!.status, 'reached');
    assert.equal(outlook(weekly([40, 60, 80, 100]), { value: 90 })!.status, 'reached');
  });

  it('says no progress when the series is flat', () => {
    assert.equal(outlook(weekly([120, 120, 121, 120, 120, 119, 120, 120]), { value: 0 })!.status, 'no-progress');
  });

  it('says wrong way when the series moves away from the goal', () => {
    const result = outlook(weekly([100, 104, 109, 112, 118, 121, 127, 130]), { value: 0 })!;
    assert.equal(result.status, 'wrong-way');
    assert.equal(result.eta, undefined);
    assert.ok(result.progress! < 0);
  });

  it('takes the direction from the goal: a goal above the baseline makes up the good way', () => {
    const result = outlook(weekly([10, 20, 30, 40, 50]), { value: 100 })!;
    assert.equal(result.better, 1);
    assert.equal(result.status, 'on-track');
    assert.equal(iso(result.eta!.date), iso(week(4 + 5)));
  });

  it('gives no date for too few samples, or for noise that does not say which way the series goes', () => {
    const few = outlook(weekly([30, 20, 10]), { value: 0 })!;
    assert.equal(few.status, 'unknown');
    assert.equal(few.eta, undefined);
    const noisy = outlook(weekly([100, 60, 120, 70, 110, 50, 115, 80]), { value: 0 })!;
    assert.equal(noisy.status, 'unknown');
    assert.equal(noisy.eta, undefined);
  });

  it('measures progress from the baseline date', () => {
    const result = outlook(weekly([200, 150, 100, 90, 80, 70]), { value: 0 }, { baseline: week(2) })!;
    assert.equal(result.baseline, 100);
    assert.ok(Math.abs(result.progress! - 0.3) < 1e-9);
  });

  it('gives no date past ten years out', () => {
    const result = outlook(weekly([10000, 9999, 9998, 9997, 9996, 9995, 9994, 9993]), { value: 0, date: week(60) })!;
    assert.equal(result.status, 'behind');
    assert.equal(result.eta, undefined);
    assert.ok(Math.abs(result.atGoalDate! - (9993 - 53)) < 1e-9);
  });

  it('once the goal date is past, is behind by what is left now', () => {
    const result = outlook(weekly([150, 140, 130, 120, 110, 100, 90, 80]), { value: 0, date: week(3) })!;
    assert.equal(result.status, 'behind');
    assert.equal(result.atGoalDate, 80);
    assert.ok(result.eta);
  });
});

describe('outlook, edge cases a reviewer found', () => {
  it('uses an explicit better over the direction a series start suggests', () => {
    // A goal of 100 for every series, `better="down"`: a series starting at 50 and falling has reached it.
    assert.equal(outlook(weekly([50, 45, 40, 35, 30]), { value: 100 }, { better: -1 })!.status, 'reached');
    assert.equal(outlook(weekly([150, 140, 130, 120, 110]), { value: 100 }, { better: -1 })!.status, 'on-track');
  });

  it('says now, not later, when the trend is already past the goal', () => {
    const result = outlook(weekly([0, 10, 20, 30, 40, 50, 60, 35]), { value: 55 })!;
    assert.equal(result.status, 'on-track');
    assert.equal(result.eta!.date, week(7));
  });

  it('measures from the last sample when the baseline date is after it', () => {
    assert.equal(outlook(weekly([100, 90, 80, 70]), { value: 0 }, { baseline: week(30) })!.baseline, 70);
  });

  it('compares at most 60 samples, however large the window', () => {
    const long = weekly(Array.from({ length: 1000 }, (_, i) => 5000 - i));
    assert.equal(trendOf(long, 1000)!.from, week(940));
  });

  it('ignores a goal date that is not a time', () => {
    assert.equal(outlook(weekly([150, 140, 130, 120, 110, 100, 90, 80]), { value: 0, date: Number.NaN })!.status, 'on-track');
  });
});

describe('worstStatus', () => {
  it('picks the status that needs attention most', () => {
    assert.equal(worstStatus(['on-track', 'behind', 'reached']), 'behind');
    assert.equal(worstStatus(['on-track', 'unknown']), 'unknown');
    assert.equal(worstStatus(['reached', 'wrong-way']), 'wrong-way');
    assert.equal(worstStatus([]), undefined);
  });
});
