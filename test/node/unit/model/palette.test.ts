/** `distinctColors`: what a legend needs to tell series apart, whatever colours the data brings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SERIES_PALETTE, distinctColors, slotOf } from '../../../../src/model/palette.ts';

const GRAPE = '#be4bdb';

describe('distinctColors', () => {
  it('keeps colours that tell series apart', () => {
    assert.deepEqual(distinctColors([{ color: '#111111', slot: 0 }, { color: '#222222', slot: 1 }]), ['#111111', '#222222']);
  });

  it('repaints every series that shares a colour (an instance that saved them all grape)', () => {
    const colors = distinctColors(Array.from({ length: 4 }, (_, slot) => ({ color: GRAPE, slot })));
    assert.equal(new Set(colors).size, 4);
    assert.ok(!colors.includes(GRAPE));
    assert.deepEqual(colors, SERIES_PALETTE.slice(0, 4));
  });

  it('compares colours without regard to case', () => {
    const colors = distinctColors([{ color: '#ABCDEF', slot: 0 }, { color: '#abcdef', slot: 1 }]);
    assert.notEqual(colors[0], colors[1]);
  });

  it('gives series without a colour palette colours the others do not use', () => {
    const colors = distinctColors([{ color: SERIES_PALETTE[0], slot: 0 }, { slot: 1 }, { slot: 2 }]);
    assert.equal(colors[0], SERIES_PALETTE[0]);
    assert.ok(!colors.slice(1).includes(SERIES_PALETTE[0]));
    assert.equal(new Set(colors).size, 3);
  });

  it('keeps a series\' colour when others are filtered away (the slot, not the position, decides)', () => {
    const all = distinctColors([{ slot: 0 }, { slot: 1 }, { slot: 2 }]);
    const filtered = distinctColors([{ slot: 0 }, { slot: 2 }]);
    assert.equal(filtered[0], all[0]);
    assert.equal(filtered[1], all[2]);
  });

  it('repaints no other series when a coloured one is filtered away (slots index the whole palette)', () => {
    // Orange is nobody else's slot colour: dropping the series that has it changes no other colour.
    const withOrange = distinctColors([{ color: SERIES_PALETTE[1], slot: 0 }, { slot: 2 }, { slot: 3 }]);
    const without = distinctColors([{ slot: 2 }, { slot: 3 }]);
    assert.deepEqual(without, withOrange.slice(1));
    assert.deepEqual(without, [SERIES_PALETTE[2], SERIES_PALETTE[3]]);
  });

  it('is the same whatever order the series come in', () => {
    const forward = distinctColors([{ slot: 5 }, { slot: 15 }, { slot: 2 }]);
    const backward = distinctColors([{ slot: 2 }, { slot: 15 }, { slot: 5 }]);
    assert.deepEqual(backward, [...forward].reverse());
  });

  it('repeats colours only past the palette', () => {
    const colors = distinctColors(Array.from({ length: SERIES_PALETTE.length + 3 }, (_, slot) => ({ slot })));
    assert.equal(new Set(colors.slice(0, SERIES_PALETTE.length)).size, SERIES_PALETTE.length);
    assert.equal(new Set(colors).size, SERIES_PALETTE.length);
  });
});

describe('slotOf', () => {
  it('is the same for the same name and spreads different names', () => {
    assert.equal(slotOf('TODO'), slotOf('TODO'));
    const slots = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => slotOf(n) % SERIES_PALETTE.length));
    assert.ok(slots.size >= 4);
  });
});
