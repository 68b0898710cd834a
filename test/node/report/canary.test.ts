/**
 * The canary, one test per kind of broken data (failing, stuck processing, stale, sudden drop to zero, jump up
 * or down), and quiet on healthy data: steady growth, a real but modest change, small numbers wobbling.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canaryWarnings, CANARY_DEFAULTS, type CanaryInput, type CanaryOptions } from '../../../server/report/canary.ts';

const DAY = 864e5;
const WEEK = 7 * DAY;
const start = Date.UTC(2026, 0, 5);
/** Weekly samples of `values`, the last one at `start + (n-1) weeks`. */
const weekly = (values: number[]) => values.map((v, i) => ({ t: start + i * WEEK, v }));
const healthy = weekly([100, 104, 109, 113, 118, 121, 127, 130]);
const lastTime = healthy[healthy.length - 1].t;
/** The day after the last sample: fresh data. */
const options: CanaryOptions = { ...CANARY_DEFAULTS, now: lastTime + DAY };
const kinds = (input: CanaryInput, o = options) => canaryWarnings(input, o).map((w) => w.kind);
/** Options for data whose last sample was yesterday. */
const freshFor = (samples: { t: number }[]) => ({ ...options, now: samples[samples.length - 1].t + DAY });

describe('canaryWarnings', () => {
  test('healthy data: no warning', () => {
    assert.deepEqual(kinds({ series: [{ label: 'TODO', samples: healthy }, { label: 'FIXME', samples: weekly([40, 41, 39, 42, 40, 41, 43, 42]) }] }), []);
  });

  test('a real change within the threshold is not a jump (120 → 170, +42 %)', () => {
    const samples = weekly([100, 110, 115, 120, 170]);
    assert.deepEqual(kinds({ series: [{ label: 'files', samples }] }, freshFor(samples)), []);
  });

  test('small numbers wobbling are not jumps (3 → 7 is +133 % but only 4)', () => {
    const samples = weekly([2, 3, 3, 7]);
    assert.deepEqual(kinds({ series: [{ label: 'HACK', samples }] }, freshFor(samples)), []);
  });

  test('failing: an insight that could not be loaded, and one whose jobs failed', () => {
    assert.deepEqual(canaryWarnings({ error: 'The insight was not found.', series: [] }, options), [{ kind: 'failed', error: 'The insight was not found.' }]);
    const warnings = canaryWarnings({ failedJobs: 3, series: [{ label: 'TODO', samples: healthy }] }, options);
    assert.deepEqual(warnings, [{ kind: 'failed', count: 3 }]);
  });

  test('stuck processing: still computing after more than the hours allowed', () => {
    const since = options.now - 30 * 36e5;
    assert.deepEqual(canaryWarnings({ processing: { since }, series: [] }, options), [{ kind: 'stuck', count: 30 }]);
    // Within the hours allowed, or computing since an unknown time (the local server says the epoch): quiet.
    assert.deepEqual(kinds({ processing: { since: options.now - 2 * 36e5 }, series: [] }), []);
    assert.deepEqual(kinds({ processing: { since: 0 }, series: [] }), []);
    assert.deepEqual(kinds({ processing: {}, series: [] }), []);
    // The threshold is the caller's.
    assert.deepEqual(kinds({ processing: { since: options.now - 2 * 36e5 }, series: [] }, { ...options, stuckHours: 1 }), ['stuck']);
  });

  test('processing is not staleness: points stop coming while the instance computes', () => {
    assert.deepEqual(kinds({ processing: {}, series: [{ label: 'TODO', samples: healthy }] }, { ...options, now: lastTime + 5 * WEEK }), []);
  });

  test('stale: no new point for two steps', () => {
    const series = [{ label: 'TODO', samples: healthy }];
    assert.deepEqual(kinds({ series }, { ...options, now: lastTime + WEEK + 6 * DAY }), [], 'one step and six days: not yet');
    const [warning] = canaryWarnings({ series }, { ...options, now: lastTime + 2 * WEEK + DAY });
    assert.deepEqual(warning, { kind: 'stale', at: lastTime, count: 2 });
  });

  test('stale uses the newest point of any series and the typical step (one missing sample does not double it)', () => {
    const gappy = healthy.filter((_, i) => i !== 3);
    const lagging = healthy.slice(0, -3);
    assert.deepEqual(kinds({ series: [{ label: 'a', samples: gappy }, { label: 'b', samples: lagging }] }), []);
  });

  test('stale on the calendar: a monthly insight has missed two points on the 1st of the second month', () => {
    const monthly = [0, 1, 2].map((m) => ({ t: Date.UTC(2026, m, 1), v: 10 }));
    const series = [{ label: 'TODO', samples: monthly }];
    // 61 days after Mar 1: Apr 1 and May 1 came without a point (a 31-day median gap said 1).
    assert.deepEqual(canaryWarnings({ series }, { ...options, now: Date.UTC(2026, 4, 1, 6) }), [{ kind: 'stale', at: Date.UTC(2026, 2, 1), count: 2 }]);
    assert.deepEqual(kinds({ series }, { ...options, now: Date.UTC(2026, 3, 30) }), []);
    // Duplicate times and a single point do not make a step of nothing.
    assert.deepEqual(kinds({ series: [{ label: 'x', samples: [monthly[0], monthly[0]] }] }, { ...options, now: Date.UTC(2026, 1, 1) }), []);
    assert.deepEqual(kinds({ series: [{ label: 'x', samples: [monthly[0]] }] }, { ...options, now: Date.UTC(2027, 0, 1) }), []);
  });

  test('sudden drop to zero', () => {
    const warnings = canaryWarnings({ series: [{ label: 'TODO', samples: [...healthy.slice(0, -1), { t: lastTime, v: 0 }] }] }, options);
    assert.deepEqual(warnings, [{ kind: 'zero', series: 'TODO', from: 127, to: 0, at: lastTime }]);
  });

  test('sudden drop that is not to zero, and a jump up', () => {
    const down = canaryWarnings({ series: [{ label: 'files', samples: weekly([400, 410, 405, 120]) }] }, { ...options, now: start + 3 * WEEK + DAY });
    assert.deepEqual(down, [{ kind: 'jump', series: 'files', from: 405, to: 120, at: start + 3 * WEEK }]);
    const up = canaryWarnings({ series: [{ label: 'files', samples: weekly([400, 410, 405, 900]) }] }, { ...options, now: start + 3 * WEEK + DAY });
    assert.deepEqual(up.map((w) => [w.kind, w.to]), [['jump', 900]]);
  });

  test('drops and jumps are looked for in the steps that end in the period; without one, in the last step only', () => {
    const samples = weekly([100, 0, 100, 104, 108, 111, 115, 118]);
    assert.deepEqual(kinds({ series: [{ label: 'x', samples }] }), [], 'the drop is long past');
    assert.deepEqual(kinds({ series: [{ label: 'x', samples }] }, { ...options, since: start }), ['zero']);
    // A zero that stays zero is reported once, when it happens.
    assert.deepEqual(kinds({ series: [{ label: 'x', samples: weekly([100, 0, 0, 0]) }] }, { ...options, now: start + 3 * WEEK + DAY }), []);
  });
});
