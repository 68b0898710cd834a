/**
 * From data to what a card draws: `shapeInsight` checks that the kind asked for can draw the data, turns a line
 * into a single number for `kind="stat"` (`statOf`) and applies the series limit; `loadInsight` with the
 * `data` source validates the data property and shapes it, with no request at all.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { InsightsError } from '../../../../src/api/errors.ts';
import { loadInsight, shapeInsight, statOf, type LoadContext } from '../../../../src/api/load.ts';
import type { CategoryInsightData, InsightData, LineInsightData, LineSeries, StatInsightData } from '../../../../src/model/insight-data.ts';
import { InsightDataError } from '../../../../src/model/insight-data-parse.ts';
import type { Kind } from '../../../../src/model/insight-spec.ts';

const series = (id: string, points: [string, number][], extra: Partial<LineSeries> = {}): LineSeries => ({
  id,
  label: id.toUpperCase(),
  points: points.map(([date, value]) => ({ date, value })),
  ...extra,
});

const line = (...s: LineSeries[]): LineInsightData => ({ kind: 'line', title: 'Line', series: s });
const pie: CategoryInsightData = { kind: 'pie', title: 'Languages', items: [{ label: 'Go', value: 3 }, { label: 'TS', value: 1 }] };
const bar: CategoryInsightData = { kind: 'bar', title: 'By repo', items: [{ label: 'a/b', value: 5 }] };
const stat: StatInsightData = { kind: 'stat', title: 'Open', value: 7, previous: 5 };

/** The config error `shapeInsight` throws; fails when it draws. */
function mismatch(kind: Kind, data: InsightData): InsightsError {
  try {
    shapeInsight(kind, data, { seriesLimit: 20 });
  } catch (error) {
    assert.ok(error instanceof InsightsError, String(error));
    assert.equal(error.kind, 'config');
    return error;
  }
  assert.fail(`kind="${kind}" drew ${data.kind} data`);
}

describe('shapeInsight', () => {
  describe('kind and data', () => {
    it('auto draws every kind of data as it is', () => {
      for (const data of [line(series('a', [['2024-01-01', 1]])), pie, bar, stat]) {
        assert.deepEqual(shapeInsight('auto', data, { seriesLimit: 20 }).data, data);
      }
    });

    it('each kind draws its own data: line a line, languages a pie, group-by bars, stat a number', () => {
      assert.equal(shapeInsight('line', line(), { seriesLimit: 20 }).data.kind, 'line');
      assert.equal(shapeInsight('languages', pie, { seriesLimit: 20 }).data, pie);
      assert.equal(shapeInsight('group-by', bar, { seriesLimit: 20 }).data, bar);
      assert.equal(shapeInsight('stat', stat, { seriesLimit: 20 }).data, stat);
    });

    it('refuses data a kind cannot draw, with a message naming the kind and the data', () => {
      const cases: [Kind, InsightData][] = [
        ['line', pie],
        ['line', bar],
        ['line', stat],
        ['stat', pie],
        ['stat', bar],
        ['languages', line()],
        ['languages', bar],
        ['languages', stat],
        ['group-by', pie],
        ['group-by', line()],
        ['group-by', stat],
      ];
      for (const [kind, data] of cases) {
        const { message } = mismatch(kind, data);
        assert.ok(message.includes(`kind="${kind}"`), message);
        assert.ok(message.includes(`a ${data.kind} chart`), message);
      }
    });
  });

  describe('series limit', () => {
    const five = line(...['a', 'b', 'c', 'd', 'e'].map((id) => series(id, [['2024-01-01', 1]])));

    it('keeps the first `seriesLimit` series in order and counts the rest as hidden', () => {
      const { data, hidden } = shapeInsight('line', five, { seriesLimit: 3 });
      assert.ok(data.kind === 'line');
      assert.deepEqual(data.series.map((s) => s.id), ['a', 'b', 'c']);
      assert.equal(hidden, 2);
    });

    it('hides nothing at or under the limit', () => {
      assert.equal(shapeInsight('line', five, { seriesLimit: 5 }).hidden, 0);
      assert.equal(shapeInsight('auto', five, { seriesLimit: 50 }).hidden, 0);
    });

    it('counts series the instance did not send (seriesCount) as hidden too', () => {
      // The instance applied series-limit itself and sent 5 of 12: the card says 7 more are hidden.
      const { data, hidden } = shapeInsight('line', five, { seriesLimit: 5 }, [], 12);
      assert.equal(data.kind === 'line' && data.series.length, 5);
      assert.equal(hidden, 7);
      assert.equal(shapeInsight('line', five, { seriesLimit: 2 }, [], 12).hidden, 10);
    });

    it('applies to auto as well as line, and never to pies, bars or numbers', () => {
      assert.equal(shapeInsight('auto', five, { seriesLimit: 1 }).hidden, 4);
      assert.equal(shapeInsight('auto', pie, { seriesLimit: 1 }).hidden, 0);
      assert.deepEqual(shapeInsight('auto', pie, { seriesLimit: 1 }).data, pie);
    });

    it('does not change the data it was given', () => {
      shapeInsight('line', five, { seriesLimit: 1 });
      assert.equal(five.series.length, 5);
    });
  });

  describe('warnings', () => {
    it('passes warnings through for every kind, and none by default', () => {
      const warnings = ['Some repositories could not be searched.'];
      assert.deepEqual(shapeInsight('line', line(), { seriesLimit: 20 }, warnings).warnings, warnings);
      assert.deepEqual(shapeInsight('stat', line(series('a', [['2024-01-01', 1]])), { seriesLimit: 20 }, warnings).warnings, warnings);
      assert.deepEqual(shapeInsight('languages', pie, { seriesLimit: 20 }, warnings).warnings, warnings);
      assert.deepEqual(shapeInsight('auto', pie, { seriesLimit: 20 }).warnings, []);
    });
  });

  describe('kind="stat" of a line', () => {
    it('becomes a single number with nothing hidden, whatever the series limit', () => {
      const shaped = shapeInsight('stat', line(series('a', [['2024-01-01', 1]]), series('b', [['2024-01-01', 2]])), { seriesLimit: 1 });
      assert.equal(shaped.data.kind, 'stat');
      assert.equal(shaped.hidden, 0);
    });
  });
});

describe('statOf', () => {
  it('is the latest value of the first series, with its change since the first point', () => {
    const data: LineInsightData = { ...line(series('a', [['2024-01-01', 10], ['2024-02-01', 12], ['2024-03-01', 15]])), title: 'TODOs' };
    const result = statOf(data);
    assert.equal(result.kind, 'stat');
    assert.equal(result.title, 'TODOs');
    assert.equal(result.label, 'A');
    assert.equal(result.value, 15);
    assert.equal(result.previous, 10);
    assert.equal(result.since, '2024-01-01');
    assert.deepEqual(result.points?.map((p) => p.value), [10, 12, 15]);
  });

  it('sorts the points by date first: the latest is the last in time, not in the list', () => {
    const result = statOf(line(series('a', [['2024-03-01', 15], ['2024-01-01', 10], ['2024-02-01', 12]])));
    assert.equal(result.value, 15);
    assert.equal(result.previous, 10);
    assert.equal(result.since, '2024-01-01');
    assert.deepEqual(result.points?.map((p) => p.date), ['2024-01-01', '2024-02-01', '2024-03-01']);
  });

  it('sorts Dates and ISO strings together by time (not as text)', () => {
    const data = line({
      id: 'a',
      label: 'A',
      points: [
        // As text this one sorts after the next; in time it is an hour before it (22:00Z on 31 January).
        { date: '2024-02-01T03:00:00+05:00', value: 1 },
        { date: new Date('2024-03-01T00:00:00Z'), value: 3 },
        { date: '2024-01-31T23:00:00Z', value: 2 },
      ],
    });
    assert.deepEqual(statOf(data).points?.map((p) => p.value), [1, 2, 3]);
    assert.equal(statOf(data).value, 3);
  });

  it('does not reorder the series it was given', () => {
    const data = line(series('a', [['2024-03-01', 15], ['2024-01-01', 10]]));
    statOf(data);
    assert.deepEqual(data.series[0].points.map((p) => p.value), [15, 10]);
  });

  it('skips leading series without points', () => {
    const result = statOf(line(series('empty', []), series('b', [['2024-01-01', 4], ['2024-02-01', 9]]), series('c', [['2024-01-01', 100]])));
    assert.equal(result.label, 'B');
    assert.equal(result.value, 9);
    assert.equal(result.previous, 4);
  });

  it('has no change with a single point', () => {
    const result = statOf(line(series('a', [['2024-01-01', 4]])));
    assert.equal(result.value, 4);
    assert.equal(result.previous, undefined);
    assert.equal(result.since, undefined);
  });

  it('is zero, labelled by the first series, when no series has points', () => {
    const result = statOf(line(series('a', []), series('b', [])));
    assert.equal(result.value, 0);
    assert.equal(result.label, 'A');
    assert.equal(result.previous, undefined);
    assert.deepEqual(result.points, []);
  });

  it('is zero, with no label, when there are no series', () => {
    const result = statOf(line());
    assert.equal(result.value, 0);
    assert.equal(result.label, undefined);
    assert.deepEqual(result.points, []);
  });

  it('links to the latest point’s search, else to the insight', () => {
    const withPointURL = line({ id: 'a', label: 'A', points: [{ date: '2024-01-01', value: 1, url: 'https://sg/old' }, { date: '2024-02-01', value: 2, url: 'https://sg/new' }] });
    assert.equal(statOf({ ...withPointURL, url: 'https://sg/insight' }).url, 'https://sg/new');
    assert.equal(statOf({ ...line(series('a', [['2024-01-01', 1]])), url: 'https://sg/insight' }).url, 'https://sg/insight');
    assert.equal(statOf(line(series('a', [['2024-01-01', 1]]))).url, undefined);
  });
});

describe('loadInsight with the data source', () => {
  const context = (t: TestContext, data: unknown, extra: Partial<LoadContext> = {}): LoadContext => {
    // No network: the data source never asks the client, and never fetches.
    t.mock.method(globalThis, 'fetch', () => assert.fail('fetch was called'));
    return {
      client: () => assert.fail('the client was asked for'),
      data,
      seriesLimit: 20,
      otherThreshold: 0.03,
      fresh: false,
      signal: new AbortController().signal,
      ...extra,
    };
  };

  const json = {
    kind: 'line',
    title: 'TODOs',
    series: [
      { id: 'a', label: 'A', points: [{ date: '2024-01-01', value: 1 }, { date: '2024-02-01', value: 2 }] },
      { id: 'b', label: 'B', points: [{ date: '2024-01-01', value: 5 }] },
      { id: 'c', label: 'C', points: [] },
    ],
  };

  it('validates and draws the data property', async (t) => {
    const loaded = await loadInsight('auto', { source: 'data' }, context(t, json));
    assert.deepEqual(loaded.data, json);
    assert.equal(loaded.hidden, 0);
    assert.deepEqual(loaded.warnings, []);
  });

  it('returns a new object holding only known fields', async (t) => {
    const input = { ...json, extra: 'ignored', series: [{ ...json.series[0], tooltip: '<b>' }] };
    const loaded = await loadInsight('auto', { source: 'data' }, context(t, input));
    assert.notEqual(loaded.data, input);
    assert.equal('extra' in loaded.data, false);
    assert.ok(loaded.data.kind === 'line');
    assert.equal('tooltip' in loaded.data.series[0], false);
  });

  it('applies the series limit', async (t) => {
    const loaded = await loadInsight('line', { source: 'data' }, context(t, json, { seriesLimit: 2 }));
    assert.ok(loaded.data.kind === 'line');
    assert.deepEqual(loaded.data.series.map((s) => s.id), ['a', 'b']);
    assert.equal(loaded.hidden, 1);
  });

  it('shapes a line as a single number for kind="stat"', async (t) => {
    const loaded = await loadInsight('stat', { source: 'data' }, context(t, json));
    assert.ok(loaded.data.kind === 'stat');
    assert.equal(loaded.data.value, 2);
    assert.equal(loaded.data.previous, 1);
  });

  it('rejects invalid data as a decode error that says where the problem is', async (t) => {
    const bad = { ...json, series: [{ id: 'a', label: 'A', points: [{ date: 'yesterday', value: 1 }] }] };
    await assert.rejects(loadInsight('auto', { source: 'data' }, context(t, bad)), (error) => {
      assert.ok(error instanceof InsightsError);
      assert.equal(error.kind, 'decode');
      assert.match(error.message, /^The insight data is not valid: series\[0\]\.points\[0\]\.date: /);
      assert.ok(error.cause instanceof InsightDataError);
      return true;
    });
  });

  it('rejects missing data (no data property) as a decode error, not a TypeError', async (t) => {
    await assert.rejects(loadInsight('auto', { source: 'data' }, context(t, undefined)), (error) => {
      assert.ok(error instanceof InsightsError);
      assert.equal(error.kind, 'decode');
      return true;
    });
  });

  it('rejects valid data the kind cannot draw as a config error', async (t) => {
    await assert.rejects(loadInsight('group-by', { source: 'data' }, context(t, { kind: 'pie', title: 'P', items: [] })), (error) => {
      assert.ok(error instanceof InsightsError);
      assert.equal(error.kind, 'config');
      assert.match(error.message, /kind="group-by"/);
      return true;
    });
  });
});
