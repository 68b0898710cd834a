/** The single number's sparkline (edge to edge, fitted to its data) and the tone of its change. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPARKLINE_HEIGHT, sparklineLayout, statFigures } from '../../../../src/charts/stat/layout.ts';
import type { StatInsightData } from '../../../../src/model/insight-data.ts';

const data = (values: number[], previous?: number): StatInsightData => ({
  kind: 'stat',
  title: 'T',
  value: values.at(-1)!,
  previous,
  points: values.map((value, i) => ({ date: new Date(Date.UTC(2026, i, 1)).toISOString(), value })),
});

const coordinates = (d: string) => [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('sparklineLayout', () => {
  it('runs from the left edge to the right, with no axis gutter', () => {
    const xs = coordinates(sparklineLayout(data([13, 20, 35]), 300)!.d).map(([x]) => x);
    assert.ok(xs[0] <= 2, `starts at ${xs[0]}`);
    assert.ok(xs.at(-1)! >= 298, `ends at ${xs.at(-1)}`);
  });

  it('fits the y-domain to the data, not from 0: 13 → 35 spans the height', () => {
    const ys = coordinates(sparklineLayout(data([13, 20, 35]), 300)!.d).map(([, y]) => y);
    assert.ok(Math.max(...ys) - Math.min(...ys) >= SPARKLINE_HEIGHT - 4);
    assert.ok(ys[0] > ys.at(-1)!, 'rises');
  });

  it('draws a flat series across the middle, and nothing for fewer than two points', () => {
    const ys = coordinates(sparklineLayout(data([5, 5, 5]), 300)!.d).map(([, y]) => y);
    assert.deepEqual(new Set(ys), new Set([SPARKLINE_HEIGHT / 2]));
    assert.equal(sparklineLayout(data([5]), 300), undefined);
    assert.ok(!sparklineLayout(data([1, 2]), 0)!.d.includes('NaN'));
  });
});

describe('statFigures tone', () => {
  it('is neutral without a better direction, whichever way the number moved', () => {
    assert.equal(statFigures(data([13, 35], 13), 'en-US').tone, 'neutral');
    assert.equal(statFigures(data([35, 13], 35), 'en-US').tone, 'neutral');
  });

  it('is good or bad once the better direction is given, neutral for no change', () => {
    assert.equal(statFigures(data([13, 35], 13), 'en-US', 1).tone, 'good');
    assert.equal(statFigures(data([13, 35], 13), 'en-US', -1).tone, 'bad');
    assert.equal(statFigures(data([13, 13], 13), 'en-US', 1).tone, 'neutral');
  });
});
