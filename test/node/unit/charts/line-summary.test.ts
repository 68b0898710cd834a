/**
 * `lineSummary`: what a screen reader hears for a line chart (the `aria-label` of its `<svg role="img">`):
 * the title, how many series, the time range in UTC dates, and the latest value of the first five series.
 * Series are built with the layout's own `toChartSeries`, as the view does.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { toChartSeries } from '../../../../src/charts/line/layout.ts';
import { lineSummary } from '../../../../src/charts/line/summary.ts';
import type { LineSeries } from '../../../../src/model/insight-data.ts';

const series = (id: string, points: [string, number][]): LineSeries => ({ id, label: id, points: points.map(([date, value]) => ({ date, value })) });
const summary = (title: string, s: LineSeries[], locale = 'en-US') => lineSummary(title, toChartSeries(s), locale);

describe('lineSummary', () => {
  const savedTZ = process.env.TZ;
  afterEach(() => {
    if (savedTZ === undefined) delete process.env.TZ;
    else process.env.TZ = savedTZ;
  });

  it('says the title, the series count, the time range and each series’ latest value', () => {
    const text = summary('TODOs', [
      series('API', [['2024-01-01', 3], ['2024-02-01', 4], ['2024-03-01', 5]]),
      series('Web', [['2024-01-01', 7], ['2024-03-01', 2]]),
    ]);
    assert.equal(text, 'TODOs. Line chart, 2 series, Jan 1, 2024 to Mar 1, 2024. Latest: API 5, Web 2.');
  });

  it('takes the latest value by date, not by position in the data', () => {
    const text = summary('T', [series('A', [['2024-03-01', 9], ['2024-01-01', 1], ['2024-02-01', 4]])]);
    assert.match(text, /Latest: A 9\.$/);
    assert.match(text, /Jan 1, 2024 to Mar 1, 2024/);
  });

  it('spans the earliest to the latest date of all series together', () => {
    const text = summary('T', [series('A', [['2024-02-01', 1], ['2024-03-01', 1]]), series('B', [['2023-12-01', 1], ['2024-01-01', 1]])]);
    assert.match(text, /Dec 1, 2023 to Mar 1, 2024/);
  });

  it('reads whole numbers, not the compact axis form', () => {
    assert.match(summary('T', [series('A', [['2024-01-01', 123_456]])]), /Latest: A 123,456\./);
  });

  it('counts empty series but names only series with points', () => {
    const text = summary('T', [series('Empty', []), series('A', [['2024-01-01', 1]])]);
    assert.match(text, /Line chart, 2 series/);
    assert.match(text, /Latest: A 1\.$/);
    assert.doesNotMatch(text, /Empty/);
  });

  it('names at most five series (the data table has the rest)', () => {
    const many = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((id, i) => series(id, [['2024-01-01', i]]));
    const text = summary('T', many);
    assert.match(text, /Line chart, 7 series/);
    assert.match(text, /Latest: S1 0, S2 1, S3 2, S4 3, S5 4\.$/);
    assert.doesNotMatch(text, /S6|S7/);
  });

  it('has no range and no latest values when there are no points', () => {
    assert.equal(summary('Nothing yet', [series('A', []), series('B', [])]), 'Nothing yet. Line chart, 2 series.');
    assert.equal(summary('None', []), 'None. Line chart, 0 series.');
  });

  it('a single sample is a range from that day to itself', () => {
    assert.equal(summary('T', [series('A', [['2024-05-06', 2]])]), 'T. Line chart, 1 series, May 6, 2024 to May 6, 2024. Latest: A 2.');
  });

  it('says UTC dates whatever the reader’s time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    // A locale no other test here uses: its formatter is made under this zone, not taken from the cache.
    assert.match(summary('T', [series('A', [['2024-03-01T00:00:00Z', 1], ['2024-04-01T00:00:00Z', 2]])], 'en-GB'), /1 Mar 2024 to 1 Apr 2024/);
  });

  it('follows the locale', () => {
    assert.equal(summary('T', [series('A', [['2024-03-15', 1234.5]])], 'de-DE'), 'T. Line chart, 1 series, 15. März 2024 to 15. März 2024. Latest: A 1.234,5.');
  });

  it('without a title, does not start with an empty sentence', () => {
    const text = summary('', [series('A', [['2024-01-01', 1]])]);
    assert.doesNotMatch(text, /^\./);
    assert.match(text, /^Line chart, 1 series/);
  });
});
