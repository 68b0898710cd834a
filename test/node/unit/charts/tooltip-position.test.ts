/**
 * Where the tooltip goes for a mark (`tooltipPosition`): beside it, never over it, inside the chart area.
 * Coordinates are chart-area pixels; the tooltip is 160 × 80 unless a test says otherwise.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tooltipPosition } from '../../../../src/charts/tooltip.ts';

const tip = { width: 160, height: 80 };
const wide = { width: 800, height: 240 };
const narrow = { width: 300, height: 240 };

/** Whether the tooltip at `at` covers the mark at `x`, `y`. */
const covers = (at: { left: number; top: number }, x: number, y: number, size = tip) =>
  x >= at.left && x <= at.left + size.width && y >= at.top && y <= at.top + size.height;

describe('tooltipPosition', () => {
  it('goes to the right of the mark, 12 px away, centred on it vertically', () => {
    assert.deepEqual(tooltipPosition(100, 120, tip, wide), { left: 112, top: 80 });
  });

  it('flips to the left of the mark near the right edge', () => {
    assert.deepEqual(tooltipPosition(700, 120, tip, wide), { left: 528, top: 80 });
  });

  it('stays inside the area vertically, still beside the mark, near the top and the bottom', () => {
    assert.deepEqual(tooltipPosition(100, 10, tip, wide), { left: 112, top: 0 });
    assert.deepEqual(tooltipPosition(100, 235, tip, wide), { left: 112, top: 160 });
  });

  it('goes above the mark where neither side has room, kept inside the area', () => {
    assert.deepEqual(tooltipPosition(150, 200, tip, narrow), { left: 70, top: 108 });
    assert.deepEqual(tooltipPosition(280, 200, { width: 290, height: 80 }, narrow), { left: 10, top: 108 });
  });

  it('goes below the mark where there is no room above it either', () => {
    assert.deepEqual(tooltipPosition(150, 40, tip, narrow), { left: 70, top: 52 });
  });

  it('never covers the mark, anywhere in a wide or a narrow area', () => {
    for (const area of [wide, narrow]) {
      for (let x = 0; x <= area.width; x += 10) {
        for (let y = 0; y <= area.height; y += 10) {
          assert.equal(covers(tooltipPosition(x, y, tip, area), x, y), false, `${x}, ${y} in ${area.width}`);
        }
      }
    }
  });
});
