/**
 * The scales the charts lay out with: `linearScale` (value to pixel), `niceDomain` (round axis ends) and
 * `timeTicks` (ticks on the samples, labelled for the data's step). Time ticks are checked under several time
 * zones set by the test itself: a reader's zone must never move a tick or change a label.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { linearScale, niceDomain, timeTicks, type TimeTick } from '../../../../src/charts/scale.ts';

const DAY = 864e5;
const WEEK = 7 * DAY;
const t = (iso: string) => Date.parse(iso);
const times = (ticks: TimeTick[]) => ticks.map((tick) => tick.time);
const gaps = (ticks: TimeTick[]) => ticks.slice(1).map((tick, i) => tick.time - ticks[i].time);

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
  /** Ticks for samples laid out from pixel 40 to `40 + width`, as a line chart's x scale does. */
  const ticksFor = (samples: number[], width: number) =>
    timeTicks(samples, linearScale([samples[0], samples[samples.length - 1]], [40, 40 + width]), 'en-US');
  const labels = (ticks: TimeTick[]) => ticks.map((tick) => tick.label);
  const monthly = (year: number, month: number, count: number) => Array.from({ length: count }, (_, i) => Date.UTC(year, month + i, 1));
  const every = (start: string, gap: number, count: number) => Array.from({ length: count }, (_, i) => t(start) + i * gap);
  const onSamples = (ticks: TimeTick[], samples: number[]) => ticks.every((tick) => samples.includes(tick.time));
  const spacings = (ticks: TimeTick[]) => ticks.slice(1).map((tick, i) => tick.at - ticks[i].at);

  it('monthly, 4 points: a tick on every point, named by month, the first with its year', () => {
    const samples = monthly(2026, 0, 4);
    const ticks = ticksFor(samples, 1200);
    assert.deepEqual(times(ticks), samples);
    assert.deepEqual(labels(ticks), ['Jan 2026', 'Feb', 'Mar', 'Apr']);
    assert.deepEqual(labels(ticksFor(monthly(2025, 10, 4), 300)), ['Nov 2025', 'Dec', 'Jan 2026', 'Feb']);
  });

  it('weekly, 12 points: ticks on the samples’ own weekday (Mondays), every k-th week as the width allows', () => {
    const samples = every('2026-03-02T00:00:00Z', WEEK, 12);
    const wide = ticksFor(samples, 1200);
    assert.deepEqual(times(wide), samples);
    assert.deepEqual(labels(wide).slice(0, 3), ['Mar 2', 'Mar 9', 'Mar 16']);
    const narrow = ticksFor(samples, 280);
    assert.deepEqual(times(narrow), [0, 4, 8].map((i) => samples[i]));
    assert.ok(narrow.every((tick) => new Date(tick.time).getUTCDay() === 1));
  });

  it('daily, 30 points: a week apart at a narrow width, every day or two at a wide one', () => {
    const samples = every('2026-03-01T00:00:00Z', DAY, 30);
    assert.deepEqual(labels(ticksFor(samples, 280)), ['Mar 1', 'Mar 8', 'Mar 15', 'Mar 22', 'Mar 29']);
    const wide = ticksFor(samples, 1200);
    assert.ok(onSamples(wide, samples));
    assert.deepEqual(new Set(gaps(wide)), new Set([DAY * 2]));
  });

  it('three years of monthly data: months with the year at each January when wide, Januaries when narrow', () => {
    const samples = monthly(2023, 6, 36);
    const wide = ticksFor(samples, 1200);
    assert.ok(onSamples(wide, samples));
    assert.deepEqual(labels(wide).slice(0, 6), ['Jul 2023', 'Sep', 'Nov', 'Jan 2024', 'Mar', 'May']);
    assert.equal(wide.length, 18);
    assert.deepEqual(labels(ticksFor(samples, 800)).slice(0, 4), ['Jul 2023', 'Oct', 'Jan 2024', 'Apr']);
    assert.deepEqual(labels(ticksFor(samples, 280)), ['Jan 2024', 'Jan 2025', 'Jan 2026']);
  });

  it('quarterly data sampled off the quarters (February, May, …) still gets ticks, on its samples', () => {
    const samples = Array.from({ length: 8 }, (_, i) => Date.UTC(2024, 1 + 3 * i, 1));
    const ticks = ticksFor(samples, 1200);
    assert.deepEqual(times(ticks), samples);
    assert.deepEqual(labels(ticks).slice(0, 5), ['Feb 2024', 'May', 'Aug', 'Nov', 'Feb 2025']);
  });

  it('yearly data: years; hourly data: times, with the day at midnight or at the day’s first tick', () => {
    const years = Array.from({ length: 8 }, (_, i) => Date.UTC(2018 + i, 0, 1));
    assert.deepEqual(labels(ticksFor(years, 1200)), ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    assert.deepEqual(labels(ticksFor(years, 300)), ['2018', '2020', '2022', '2024']);
    assert.deepEqual(labels(ticksFor(years, 200)), ['2020', '2025']);
    const hours = every('2026-03-01T18:00:00Z', 36e5, 12);
    assert.deepEqual(labels(ticksFor(hours, 400)), ['Mar 1, 6 PM', '9:00 PM', 'Mar 2', '3:00 AM']);
    // Seven hours apart, never at midnight: the first tick of each day names it.
    const sevens = every('2026-12-01T18:00:00Z', 7 * 36e5, 12);
    assert.deepEqual(labels(ticksFor(sevens, 1200)).slice(0, 6), ['Dec 1, 6 PM', 'Dec 2, 1 AM', '8:00 AM', '3:00 PM', '10:00 PM', 'Dec 3, 5 AM']);
  });

  it('weekly data across a new year names the year where it changes', () => {
    const ticks = ticksFor(every('2025-12-01T00:00:00Z', WEEK, 8), 1200);
    assert.deepEqual(labels(ticks), ['Dec 1', 'Dec 8', 'Dec 15', 'Dec 22', 'Dec 29', 'Jan 5, 2026', 'Jan 12', 'Jan 19']);
  });

  it('irregular dates: ticks only on samples, never closer than a label’s room', () => {
    const samples = ['2026-01-01', '2026-01-03', '2026-01-20', '2026-02-28', '2026-03-02', '2026-05-15', '2026-06-01'].map((d) => t(`${d}T00:00:00Z`));
    for (const width of [280, 600, 1200]) {
      const ticks = ticksFor(samples, width);
      assert.ok(ticks.length >= 2 && onSamples(ticks, samples), `${width}: ${labels(ticks)}`);
      assert.ok(spacings(ticks).every((s) => s >= 50), `${width}: ${spacings(ticks)}`);
    }
  });

  it('at most one label per ~60 px, never fewer than two for two samples or more', () => {
    for (const [samples, name] of [
      [monthly(2020, 0, 60), 'monthly'],
      [every('2026-01-05T00:00:00Z', WEEK, 52), 'weekly'],
      [every('2026-01-01T00:00:00Z', DAY, 365), 'daily'],
      [every('2026-01-01T00:00:00Z', 36e5, 500), 'hourly'],
      [monthly(2026, 0, 2), 'two months'],
    ] as const) {
      for (const width of [120, 280, 600, 1200]) {
        const ticks = ticksFor([...samples], width);
        assert.ok(ticks.length >= 2 && ticks.length <= width / 51 + 1, `${name} at ${width}: ${ticks.length}`);
        assert.ok(spacings(ticks).every((s) => s >= 51), `${name} at ${width}`);
      }
    }
  });

  it('one point: one tick, on it', () => {
    const at = t('2026-04-01T00:00:00Z');
    const ticks = timeTicks([at], linearScale([at - DAY, at + DAY], [40, 340]), 'en-US');
    assert.deepEqual(ticks, [{ time: at, at: 190, label: 'Apr 2026' }]);
    assert.deepEqual(timeTicks([], linearScale([0, 1], [0, 1])), []);
  });

  it('gives the same ticks and labels in every time zone, on UTC dates', () => {
    const cases = [monthly(2023, 0, 13), every('2024-01-01T00:00:00Z', WEEK, 10), every('2024-03-01T00:00:00Z', DAY, 15), every('2024-03-09T00:00:00Z', 36e5, 72)];
    process.env.TZ = 'UTC';
    const reference = cases.map((samples) => ticksFor(samples, 600));
    for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Europe/Berlin']) {
      process.env.TZ = zone;
      assert.notEqual(new Date(t('2024-01-01T00:00:00Z')).getTimezoneOffset(), 0, `${zone} took effect`);
      assert.deepEqual(cases.map((samples) => ticksFor(samples, 600)), reference, zone);
    }
    // 1 January 00:00Z is New Year's Eve in Los Angeles: the label still says January.
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(ticksFor(monthly(2024, 0, 3), 600)[0].label, 'Jan 2024');
  });
});
