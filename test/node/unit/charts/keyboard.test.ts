/**
 * The chart's keyboard as a function: which mark each key moves to (`nextActive`) and what a screen reader
 * hears there (`pointText`). A chart with `count` marks left to right and `seriesCount` series up and down.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { nextActive, pointText } from '../../../../src/charts/keyboard.ts';
import type { Active } from '../../../../src/charts/view.ts';

const at = (index: number, series = 0): Active => ({ index, series });
const OFF = at(-1);

describe('nextActive', () => {
  describe('left and right', () => {
    it('ArrowRight moves one mark right, and stops on the last mark (no wrap)', () => {
      assert.deepEqual(nextActive(at(0), 'ArrowRight', 5, 1), at(1));
      assert.deepEqual(nextActive(at(3), 'ArrowRight', 5, 1), at(4));
      assert.deepEqual(nextActive(at(4), 'ArrowRight', 5, 1), at(4));
    });

    it('ArrowLeft moves one mark left, and stops on the first mark (no wrap)', () => {
      assert.deepEqual(nextActive(at(4), 'ArrowLeft', 5, 1), at(3));
      assert.deepEqual(nextActive(at(1), 'ArrowLeft', 5, 1), at(0));
      assert.deepEqual(nextActive(at(0), 'ArrowLeft', 5, 1), at(0));
    });

    it('from off the chart (index -1), ArrowRight enters at the first mark and ArrowLeft at the last', () => {
      assert.deepEqual(nextActive(OFF, 'ArrowRight', 5, 1), at(0));
      assert.deepEqual(nextActive(OFF, 'ArrowLeft', 5, 1), at(4));
    });

    it('keeps the series and a legend highlight while moving along a series', () => {
      const active: Active = { index: 2, series: 1, highlight: 'b' };
      assert.deepEqual(nextActive(active, 'ArrowRight', 5, 3), { index: 3, series: 1, highlight: 'b' });
      assert.deepEqual(nextActive(active, 'ArrowLeft', 5, 3), { index: 1, series: 1, highlight: 'b' });
    });

    it('does not change the object it was given', () => {
      const active = at(2, 1);
      nextActive(active, 'ArrowRight', 5, 3);
      assert.deepEqual(active, at(2, 1));
    });
  });

  describe('Home and End', () => {
    it('jump to the first and the last mark, from anywhere', () => {
      assert.deepEqual(nextActive(at(3, 1), 'Home', 7, 2), at(0, 1));
      assert.deepEqual(nextActive(at(3, 1), 'End', 7, 2), at(6, 1));
      assert.deepEqual(nextActive(OFF, 'Home', 7, 2), at(0));
      assert.deepEqual(nextActive(OFF, 'End', 7, 2), at(6));
    });

    it('on a chart of one mark, both stay on it', () => {
      assert.deepEqual(nextActive(at(0), 'Home', 1, 1), at(0));
      assert.deepEqual(nextActive(at(0), 'End', 1, 1), at(0));
    });
  });

  describe('up and down between series', () => {
    it('ArrowDown goes to the next series and ArrowUp to the previous one, at the same sample', () => {
      assert.deepEqual(nextActive(at(2, 0), 'ArrowDown', 5, 3), at(2, 1));
      assert.deepEqual(nextActive(at(2, 1), 'ArrowDown', 5, 3), at(2, 2));
      assert.deepEqual(nextActive(at(2, 2), 'ArrowUp', 5, 3), at(2, 1));
    });

    it('wraps around: down from the last series to the first, up from the first to the last', () => {
      assert.deepEqual(nextActive(at(2, 2), 'ArrowDown', 5, 3), at(2, 0));
      assert.deepEqual(nextActive(at(2, 0), 'ArrowUp', 5, 3), at(2, 2));
    });

    it('wraps between exactly two series both ways', () => {
      assert.deepEqual(nextActive(at(1, 0), 'ArrowUp', 4, 2), at(1, 1));
      assert.deepEqual(nextActive(at(1, 1), 'ArrowDown', 4, 2), at(1, 0));
    });

    it('from off the chart, enters at the latest sample (the last mark) of the next series', () => {
      assert.deepEqual(nextActive(at(-1, 0), 'ArrowDown', 5, 3), at(4, 1));
      assert.deepEqual(nextActive(at(-1, 0), 'ArrowUp', 5, 3), at(4, 2));
    });

    it('with a single series, from off the chart: enters at the last mark', () => {
      assert.deepEqual(nextActive(OFF, 'ArrowDown', 5, 1), at(4));
      assert.deepEqual(nextActive(OFF, 'ArrowUp', 5, 1), at(4));
    });

    it('with a single series (or none: pies and bars) on the chart: ignored, so the page may scroll', () => {
      assert.equal(nextActive(at(2), 'ArrowDown', 5, 1), undefined);
      assert.equal(nextActive(at(2), 'ArrowUp', 5, 1), undefined);
      assert.equal(nextActive(at(2), 'ArrowDown', 5, 0), undefined);
    });
  });

  describe('Escape', () => {
    it('leaves the chart (index -1) and remembers the series', () => {
      assert.deepEqual(nextActive(at(3, 2), 'Escape', 5, 3), at(-1, 2));
    });

    it('is ignored when already off the chart, so it reaches the page (a dialog may close on it)', () => {
      assert.equal(nextActive(OFF, 'Escape', 5, 3), undefined);
    });
  });

  describe('other keys', () => {
    for (const key of ['Enter', ' ', 'Tab', 'a', 'PageDown', 'arrowright', 'Right', '']) {
      it(`ignores ${JSON.stringify(key)}`, () => {
        assert.equal(nextActive(at(2, 1), key, 5, 3), undefined);
        assert.equal(nextActive(OFF, key, 5, 3), undefined);
      });
    }
  });
});

describe('pointText', () => {
  const savedTZ = process.env.TZ;
  afterEach(() => {
    if (savedTZ === undefined) delete process.env.TZ;
    else process.env.TZ = savedTZ;
  });

  it('names the date, the series and the value of a line chart point', () => {
    assert.equal(pointText({ seriesId: 'a', label: 'TODOs', date: '2024-03-15T00:00:00Z', value: 42 }, 'en-US'), 'Mar 15, 2024, TODOs: 42');
  });

  it('reads the whole number, never the compact form an axis uses (12,345 rather than 12K)', () => {
    assert.equal(pointText({ seriesId: 'a', label: 'Matches', date: '2024-03-15T00:00:00Z', value: 12_345 }, 'en-US'), 'Mar 15, 2024, Matches: 12,345');
  });

  it('reads a slice or bar (no date) as label and value', () => {
    assert.equal(pointText({ seriesId: 'Go', label: 'Go', value: 1_500 }, 'en-US'), 'Go: 1,500');
    assert.equal(pointText({ seriesId: 'x', label: 'Zero', value: 0 }, 'en-US'), 'Zero: 0');
  });

  // Formatters are cached per locale and style: each zone below uses a locale no other test here uses, so its
  // formatter is made under that zone (a cached one would hide a formatter that follows the local zone).
  it('says the UTC date of the sample, whatever the reader’s time zone', () => {
    // 1 March 00:00Z is still 29 February in Los Angeles: a local date would read the wrong day.
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(new Date('2024-03-01T00:00:00Z').getDate(), 29, 'the time zone took effect');
    assert.equal(pointText({ seriesId: 'a', label: 'A', date: '2024-03-01T00:00:00Z', value: 1 }, 'en-GB'), '1 Mar 2024, A: 1');
    // 29 February 23:00Z is already 1 March at UTC+14.
    process.env.TZ = 'Pacific/Kiritimati';
    assert.equal(new Date('2024-02-29T23:00:00Z').getDate(), 1, 'the time zone took effect');
    assert.equal(pointText({ seriesId: 'a', label: 'A', date: '2024-02-29T23:00:00Z', value: 1 }, 'en-AU'), '29 Feb 2024, A: 1');
  });

  it('follows the locale for dates and numbers', () => {
    assert.equal(pointText({ seriesId: 'a', label: 'A', date: '2024-03-15T00:00:00Z', value: 1234.5 }, 'de-DE'), '15. März 2024, A: 1.234,5');
  });
});
