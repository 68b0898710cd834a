/** Numbers read together share one style: a legend never mixes "52K" with "8,000". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactFor, formatNumber } from '../../../../src/charts/format.ts';

describe('compactFor', () => {
  const legend = (values: number[]) => {
    const compact = compactFor(values);
    return values.map((v) => formatNumber(v, 'en-US', compact));
  };

  it('formats every value compact once one reaches five digits', () => {
    assert.deepEqual(legend([52_000, 8_000, 2_366]), ['52K', '8K', '2.4K']);
    assert.deepEqual(legend([-12_000, 40]), ['-12K', '40']);
  });

  it('keeps every value plain when none does', () => {
    assert.deepEqual(legend([9_999, 8_000, 12]), ['9,999', '8,000', '12']);
    assert.equal(compactFor([]), false);
  });

  it('leaves formatNumber’s own per-value rule alone', () => {
    assert.deepEqual([52_000, 8_000].map((v) => formatNumber(v, 'en-US')), ['52K', '8,000']);
  });
});
