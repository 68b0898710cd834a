/**
 * The scales the charts lay out with: `linearScale` (value to pixel), `niceDomain` (round axis ends) and
 * `timeTicks` (calendar ticks in UTC, weekly ticks on the data's own weekday). Time ticks are checked under
 * several time zones set by the test itself: a reader's zone must never move a tick.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { linearScale, niceDomain, timeTicks } from '../../../../src/charts/scale.ts';

const DAY = 864e5;
const WEEK = 7 * DAY;
const t = (iso: string) => Date.parse(iso);
const times = (ticks: Date[]) => ticks.map((d) => d.getTime());
const gaps = (ticks: Date[]) => ticks.slice(1).map((d, i) => d.getTime() - ticks[i].getTime());
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const atUTCMidnight = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;

describe('linearScale', () => {
  it('maps the domain ends onto the range ends and keeps proportions between them', () => {
    const x = linearScale([0, 100], [0, 500]);
    assert.equal(x(0), 0);
    assert.equal(x(100), 500);
    assert.equal(x(50), 250);
    assert.equal(x(10), 50);
  });

  it('maps onto an inverted range (a y axis grows upwards from the bottom pixel)', () => {
    const y = linearScale([0, 10], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(10), 0);
    assert.equal(y(2.5), 150);
  });

  it('works with an offset domain and range', () => {
    const x = linearScale([1000, 2000], [40, 440]);
    assert.equal(x(1000), 40);
    assert.equal(x(1500), 240);
    assert.equal(x(2000), 440);
  });

  it('extrapolates past the domain (no clamping)', () => {
    const x = linearScale([0, 100], [0, 500]);
    assert.equal(x(-10), -50);
    assert.equal(x(200), 1000);
  });

  it('puts everything at the range start for an empty domain, never NaN or Infinity', () => {
    const x = linearScale([5, 5], [10, 20]);
    for (const value of [5, 0, 7, 1e9]) assert.equal(x(value), 10);
  });

  it('keeps its domain', () => {
    assert.deepEqual(linearScale([3, 9], [0, 1]).domain, [3, 9]);
  });

  it('gives round ticks inside the domain, without floating-point noise', () => {
    assert.deepEqual(linearScale([0, 1], [0, 100]).ticks(5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(linearScale([0, 100], [0, 1]).ticks(10), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // Not a round domain: only the round values inside it.
    assert.deepEqual(linearScale([0.3, 9.7], [0, 1]).ticks(5), [2, 4, 6, 8]);
  });

  it('gives fewer ticks when fewer are asked for', () => {
    const scale = linearScale([0, 1000], [0, 1]);
    assert.ok(scale.ticks(2).length < scale.ticks(10).length);
    assert.deepEqual(scale.ticks(2), [0, 500, 1000]);
  });
});

describe('niceDomain', () => {
  it('extends a domain outwards to round values', () => {
    // Span 9.4 over 5 ticks is a step of about 1.9: step 2, so 0.3 floors to 0 and 9.7 ceils to 10.
    assert.deepEqual(niceDomain([0.3, 9.7], 5), [0, 10]);
    // Span 50 over 5: step 10, so -3 goes to -10 and 47 to 50.
    assert.deepEqual(niceDomain([-3, 47], 5), [-10, 50]);
    // Fractions: a step of 0.02.
    assert.deepEqual(niceDomain([0.012, 0.087], 5), [0, 0.1]);
  });

  it('leaves an already round domain alone', () => {
    assert.deepEqual(niceDomain([0, 100], 10), [0, 100]);
    assert.deepEqual(niceDomain([-20, 40], 6), [-20, 40]);
  });

  it('always contains the domain, and its ends are ticks', () => {
    const cases: [number, number, number][] = [
      [1, 7, 4],
      [13, 987, 5],
      [-0.5, 0.25, 3],
      [1234, 98765, 8],
      [0, 3, 2],
    ];
    for (const [a, b, count] of cases) {
      const [lo, hi] = niceDomain([a, b], count);
      assert.ok(lo <= a && hi >= b, `[${lo}, ${hi}] contains [${a}, ${b}]`);
      const ticks = linearScale([lo, hi], [0, 1]).ticks(count);
      assert.equal(ticks[0], lo, `${lo} is a tick of [${lo}, ${hi}]`);
      assert.equal(ticks[ticks.length - 1], hi, `${hi} is a tick of [${lo}, ${hi}]`);
    }
  });

  it('coarser with fewer ticks', () => {
    assert.deepEqual(niceDomain([3, 87], 10), [0, 90]);
    assert.deepEqual(niceDomain([3, 87], 2), [0, 100]);
  });
});

describe('timeTicks', () => {
  const savedTZ = process.env.TZ;
  afterEach(() => {
    if (savedTZ === undefined) delete process.env.TZ;
    else process.env.TZ = savedTZ;
  });

  describe('spacing follows the span', () => {
    it('days for a span of days', () => {
      const ticks = timeTicks(t('2024-01-01T00:00:00Z'), t('2024-01-10T00:00:00Z'), 9);
      assert.equal(ticks.length, 10);
      assert.ok(gaps(ticks).every((g) => g === DAY));
      assert.ok(ticks.every(atUTCMidnight));
    });

    it('hours for a span of hours', () => {
      const ticks = timeTicks(t('2024-01-01T00:00:00Z'), t('2024-01-01T12:00:00Z'), 6);
      assert.ok(ticks.length >= 3);
      const [gap] = gaps(ticks);
      assert.ok(gap > 0 && gap < DAY && gap % 3_600_000 === 0, `a whole number of hours, got ${gap}`);
      assert.ok(gaps(ticks).every((g) => g === gap), 'evenly spaced');
    });

    it('months for a span of a year: the first of each month', () => {
      const ticks = timeTicks(t('2023-01-01T00:00:00Z'), t('2024-01-01T00:00:00Z'), 12);
      assert.equal(ticks.length, 13);
      assert.ok(ticks.every((d) => d.getUTCDate() === 1 && atUTCMidnight(d)));
      assert.deepEqual(
        ticks.map((d) => d.getUTCMonth()),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0],
      );
    });

    it('years for a span of decades: 1 January, a whole number of years apart', () => {
      const ticks = timeTicks(t('2004-01-01T00:00:00Z'), t('2024-01-01T00:00:00Z'), 8);
      assert.ok(ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1 && atUTCMidnight(d)));
      const years = ticks.map((d) => d.getUTCFullYear());
      const step = years[1] - years[0];
      assert.ok(step >= 2, `20 years over ~8 ticks is not yearly, got a step of ${step}`);
      assert.ok(years.every((y, i) => i === 0 || y - years[i - 1] === step));
    });

    it('wider gaps for wider spans at the same tick count', () => {
      const start = t('2020-01-01T00:00:00Z');
      const spacing = [DAY * 10, DAY * 365, DAY * 365 * 20].map((span) => median(gaps(timeTicks(start, start + span, 8))));
      assert.ok(spacing[0] < spacing[1] && spacing[1] < spacing[2], spacing.join(' < '));
    });

    it('roughly the number of ticks asked for, never many more', () => {
      const start = t('2021-06-15T08:30:00Z');
      for (const span of [3_600_000 * 5, DAY * 3, DAY * 45, DAY * 400, DAY * 3000]) {
        for (const count of [2, 5, 10]) {
          const n = timeTicks(start, start + span, count).length;
          assert.ok(n >= 1 && n <= count * 2 + 1, `${n} ticks for ${count} over ${span} ms`);
        }
      }
    });
  });

  describe('weekly ticks', () => {
    it('fall on the weekday the data starts on (Mondays here), not on d3’s Sundays', () => {
      const monday = t('2024-01-01T00:00:00Z');
      const ticks = timeTicks(monday, t('2024-03-04T00:00:00Z'), 9);
      assert.equal(ticks[0].getTime(), monday);
      assert.ok(ticks.every((d) => d.getUTCDay() === 1), ticks.map((d) => d.toISOString()).join(', '));
      assert.ok(gaps(ticks).every((g) => g === WEEK));
      assert.equal(ticks[ticks.length - 1].toISOString(), '2024-03-04T00:00:00.000Z');
    });

    it('start at the first midnight on or after a start within a day', () => {
      const ticks = timeTicks(t('2024-01-03T12:00:00Z'), t('2024-03-04T00:00:00Z'), 9);
      assert.equal(ticks[0].toISOString(), '2024-01-04T00:00:00.000Z');
      assert.ok(ticks.every(atUTCMidnight));
      assert.ok(gaps(ticks).every((g) => g === WEEK));
    });
  });

  describe('range', () => {
    it('keeps every tick between start and stop, in ascending order', () => {
      const cases: [string, string, number][] = [
        ['2024-01-03T12:00:00Z', '2024-03-04T00:00:00Z', 9],
        ['2021-02-17T13:45:00Z', '2021-02-19T02:10:00Z', 6],
        ['2019-11-20T00:00:00Z', '2024-05-02T00:00:00Z', 7],
        ['2024-02-10T00:00:00Z', '2024-02-24T00:00:00Z', 2],
        ['2023-12-31T23:00:00Z', '2024-01-01T01:00:00Z', 4],
      ];
      for (const [from, to, count] of cases) {
        const ticks = times(timeTicks(t(from), t(to), count));
        assert.ok(ticks.length > 0, `${from}..${to}`);
        assert.ok(ticks.every((x) => x >= t(from) && x <= t(to)), `${from}..${to}: ${ticks.map((x) => new Date(x).toISOString())}`);
        assert.ok(ticks.every((x, i) => i === 0 || x > ticks[i - 1]), 'ascending');
      }
    });

    it('gives the one instant for an empty span', () => {
      const at = t('2024-01-01T00:00:00Z');
      assert.deepEqual(times(timeTicks(at, at, 6)), [at]);
    });
  });

  describe('pinned time zone', () => {
    const spans: [string, string, number][] = [
      ['2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 12], // months
      ['2024-01-01T00:00:00Z', '2024-03-04T00:00:00Z', 9], // weeks
      ['2024-03-01T00:00:00Z', '2024-03-15T00:00:00Z', 14], // days, across a US daylight-saving change (10 March)
      ['2004-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 8], // years
    ];

    it('gives the same ticks in every time zone', () => {
      process.env.TZ = 'UTC';
      const reference = spans.map(([a, b, n]) => times(timeTicks(t(a), t(b), n)));
      for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Europe/Berlin']) {
        process.env.TZ = zone;
        assert.notEqual(new Date(t('2024-01-01T00:00:00Z')).getTimezoneOffset(), 0, `${zone} took effect`);
        const ticks = spans.map(([a, b, n]) => times(timeTicks(t(a), t(b), n)));
        assert.deepEqual(ticks, reference, zone);
      }
    });

    it('puts month ticks at UTC midnight on the 1st even where that is another day locally', () => {
      process.env.TZ = 'America/Los_Angeles';
      const ticks = timeTicks(t('2023-01-01T00:00:00Z'), t('2024-01-01T00:00:00Z'), 12);
      assert.ok(ticks.every((d) => d.getUTCDate() === 1 && atUTCMidnight(d)));
      // The same instant is the evening before in Los Angeles: the ticks are not local midnights.
      assert.ok(ticks.every((d) => d.getHours() !== 0));
    });
  });
});
