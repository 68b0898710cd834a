/** `changeFigures`: the change a `compare` period shows, and its tone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeFigures, toneOf } from '../../../../src/charts/change-text.ts';

describe('changeFigures', () => {
  it('signs the change and gives its share', () => {
    assert.deepEqual(changeFigures({ delta: 12, ratio: 0.08 }, undefined, 'en-US'), { arrow: '▲', text: '+12 (+8%)', tone: 'neutral' });
    assert.deepEqual(changeFigures({ delta: -3, ratio: -0.5 }, undefined, 'en-US'), { arrow: '▼', text: '−3 (−50%)', tone: 'neutral' });
    assert.deepEqual(changeFigures({ delta: 0, ratio: 0 }, 1, 'en-US'), { arrow: '■', text: '±0', tone: 'neutral' });
    assert.equal(changeFigures({ delta: 4, ratio: undefined }, 1, 'en-US').text, '+4');
    assert.equal(changeFigures({ delta: 1500, ratio: 0.25 }, 1, 'de-DE').text, '+1.500 (+25\u00a0%)');
  });

  it('colours by the direction that counts as progress, never green for up alone', () => {
    assert.equal(toneOf(5, -1), 'bad'); // more TODOs
    assert.equal(toneOf(-5, -1), 'good');
    assert.equal(toneOf(5, 1), 'good');
    assert.equal(toneOf(5, undefined), 'neutral');
  });
});
